// Package migrations holds factline's database schema as versioned SQL files,
// embedded in the binary and applied in order.
//
// Files are named NNNN_name.sql. One file serves every database: the
// placeholders below are replaced with each dialect's spelling before the
// file runs, so SQLite and PostgreSQL get the same schema from the same text.
//
//	{{pk}}    an auto-incrementing 64-bit primary key column type
//	{{bool}}  a boolean column type
//	{{ts}}    a timestamp column type (UTC)
package migrations

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed *.sql
var files embed.FS

// Migration is one schema step.
type Migration struct {
	Version int
	Name    string
	SQL     string // with placeholders; see Render
}

// Dialect names a database family.
type Dialect string

// Supported dialects.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

var placeholders = map[Dialect]*strings.Replacer{
	SQLite:   strings.NewReplacer("{{pk}}", "INTEGER PRIMARY KEY AUTOINCREMENT", "{{bool}}", "BOOLEAN", "{{ts}}", "DATETIME"),
	Postgres: strings.NewReplacer("{{pk}}", "BIGSERIAL PRIMARY KEY", "{{bool}}", "BOOLEAN", "{{ts}}", "TIMESTAMPTZ"),
}

// Render returns the migration's SQL for a dialect.
func (m Migration) Render(d Dialect) (string, error) {
	r, ok := placeholders[d]
	if !ok {
		return "", fmt.Errorf("migrations: unknown dialect %q", d)
	}
	return r.Replace(m.SQL), nil
}

// All returns every migration, lowest version first. It fails if a file name
// does not follow NNNN_name.sql or two files share a version.
func All() ([]Migration, error) {
	names, err := fs.Glob(files, "*.sql")
	if err != nil {
		return nil, err
	}
	var out []Migration
	seen := map[int]string{}
	for _, name := range names {
		num, rest, ok := strings.Cut(strings.TrimSuffix(name, ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || len(num) != 4 || rest == "" {
			return nil, fmt.Errorf("migrations: %s is not named NNNN_name.sql", name)
		}
		if prev, dup := seen[v]; dup {
			return nil, fmt.Errorf("migrations: %s and %s share version %d", prev, name, v)
		}
		seen[v] = name
		body, err := files.ReadFile(name)
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: v, Name: rest, SQL: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

// Latest is the highest version this binary knows.
func Latest() int {
	all, err := All()
	if err != nil || len(all) == 0 {
		return 0
	}
	return all[len(all)-1].Version
}
