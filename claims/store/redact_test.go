package store

import (
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	got := redact("postgres://fl:secret@127.0.0.1:5432/fl")
	if strings.Contains(got, "secret") || !strings.Contains(got, "127.0.0.1:5432/fl") {
		t.Fatalf("redact(...) = %s: the password must go, the host must stay", got)
	}
}
