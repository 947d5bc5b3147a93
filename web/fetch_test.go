package web

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
)

func TestFetchByURLRefusesInternalAddresses(t *testing.T) {
	e := newEnv(t)
	inside := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("internal admin page, not news"))
	}))
	defer inside.Close()
	c := e.as("editor")
	res := c.json("POST", "/api/v1/articles", map[string]string{"source": "url", "url": inside.URL + "/admin"})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "not a public address") {
		t.Errorf("fetch of %s = %d %s", inside.URL, res.status, res.body)
	}
	for addr, public := range map[string]bool{
		"127.0.0.1": false, "10.1.2.3": false, "192.168.0.9": false, "169.254.169.254": false, "100.64.0.1": false,
		"::1": false, "fd00::1": false, "::ffff:127.0.0.1": false, "0.0.0.0": false, "8.8.8.8": true, "2606:4700::1111": true,
	} {
		if got := publicAddr(netip.MustParseAddr(addr)); got != public {
			t.Errorf("publicAddr(%s) = %v", addr, got)
		}
	}
}
