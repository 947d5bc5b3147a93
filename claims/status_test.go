package claims

import "testing"

func TestParseStatus(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Status
		ok   bool
	}{
		{"", StatusUnverified, true},
		{"verified", StatusVerified, true},
		{" Disputed ", StatusDisputed, true},
		{"FALSE", StatusFalse, true},
		{"unverifiable", StatusUnverifiable, true},
		{"unverified", StatusUnverified, true},
		{"true", "", false},
		{"verify", "", false},
	} {
		got, err := ParseStatus(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
		if tt.ok && !got.Valid() {
			t.Errorf("%q not Valid", got)
		}
	}
	if Status("maybe").Valid() {
		t.Error("unknown status reported valid")
	}
}
