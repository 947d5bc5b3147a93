package web

import (
	"html"
	"strings"
	"testing"
)

// A clock time whose zone the source gave is shown with its offset on the
// timeline and the event page.
func TestClockTimeShowsItsZone(t *testing.T) {
	e := newEnv(t)
	e.addText("QZ8501", "Pesawat AirAsia QZ8501 hilang kontak pada Minggu (28/12/2014) pukul 06.18 WIB, kata Djoko Murjatmodjo.")
	c := e.as("viewer")
	ev := c.findEvent("2014-12-28T06:18")
	if !strings.HasSuffix(ev.Label, "(UTC+07:00)") || ev.Zone != "+07:00" {
		t.Errorf("timeline label %q, zone %q", ev.Label, ev.Zone)
	}
	if page := html.UnescapeString(c.get("/events/" + itoa(ev.ID)).body); !strings.Contains(page, "(UTC+07:00)</span>") {
		t.Error("the event page does not show the zone")
	}
}
