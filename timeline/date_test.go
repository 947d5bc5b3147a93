package timeline

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		value      string
		mod        Mod
		precision  Precision
		start, end time.Time
	}{
		{"2019-12-28", "", PrecisionDay, day(2019, 12, 28), day(2019, 12, 29)},
		{"2019-12", ModStart, PrecisionMonth, day(2019, 12, 1), time.Date(2019, 12, 11, 8, 0, 0, 0, time.UTC)},
		{"2011", "", PrecisionYear, day(2011, 1, 1), day(2012, 1, 1)},
		{"2019-Q4", "", PrecisionQuarter, day(2019, 10, 1), day(2020, 1, 1)},
		{"2020-W01", "", PrecisionWeek, day(2019, 12, 30), day(2020, 1, 6)},
		{"2019-W52", "", PrecisionWeek, day(2019, 12, 23), day(2019, 12, 30)},
		{"2019-WI", "", PrecisionSeason, day(2019, 12, 1), day(2020, 3, 1)},
		{"199", "", PrecisionDecade, day(1990, 1, 1), day(2000, 1, 1)},
		{"19", "", PrecisionCentury, day(1900, 1, 1), day(2000, 1, 1)},
		{"2019-12-28T10:15", "", PrecisionMinute, time.Date(2019, 12, 28, 10, 15, 0, 0, time.UTC), time.Date(2019, 12, 28, 10, 16, 0, 0, time.UTC)},
		{"2019-12-28TMO", "", PrecisionDay, day(2019, 12, 28), time.Date(2019, 12, 28, 12, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.value, tt.mod)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.value, err)
			continue
		}
		if d.Precision != tt.precision || !d.Start.Equal(tt.start) || !d.End.Equal(tt.end) {
			t.Errorf("ParseDate(%q, %q) = %s [%s, %s), want %s [%s, %s)", tt.value, tt.mod,
				d.Precision, d.Start, d.End, tt.precision, tt.start, tt.end)
		}
	}
}

func TestParseDateRejects(t *testing.T) {
	for _, v := range []string{"", "PRESENT_REF", "P3D", "XXXX-12-28", "2019-13", "2019-02-30", "2019-W60", "abcd", "2019-12-28T99:00", "201-05"} {
		if _, err := ParseDate(v, ""); err == nil {
			t.Errorf("ParseDate(%q) accepted a value that names no calendar interval", v)
		}
	}
}
