package migrations

import (
	"strings"
	"testing"
)

func TestAllOrderedAndRenderable(t *testing.T) {
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) == 0 {
		t.Fatal("no migrations embedded")
	}
	for i, m := range all {
		if i > 0 && m.Version <= all[i-1].Version {
			t.Errorf("migration %d comes after %d", m.Version, all[i-1].Version)
		}
		for _, d := range []Dialect{SQLite, Postgres} {
			sql, err := m.Render(d)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(sql, "{{") {
				t.Errorf("%04d_%s for %s keeps a placeholder", m.Version, m.Name, d)
			}
		}
	}
	if Latest() != all[len(all)-1].Version {
		t.Errorf("Latest() = %d, want %d", Latest(), all[len(all)-1].Version)
	}
	if _, err := all[0].Render("oracle"); err == nil {
		t.Error("Render accepted an unknown dialect")
	}
}
