package store

import (
	"context"
	"fmt"
	"os"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/migrations"
)

// Backup writes a consistent copy of a live SQLite database to path with
// VACUUM INTO: it reads one snapshot, so writers may go on meanwhile, and
// the copy is compact and opens as an ordinary database. The file must not
// exist yet. PostgreSQL databases are backed up with pg_dump instead.
func (s *Store) Backup(ctx context.Context, path string) error {
	if s.dialect != migrations.SQLite {
		return apperr.Errorf(apperr.Invalid, "backup copies SQLite databases; use pg_dump for PostgreSQL")
	}
	if _, err := os.Stat(path); err == nil {
		return apperr.Errorf(apperr.Invalid, "%s already exists: choose a new file", path)
	}
	if err := s.db.WithContext(ctx).Exec("VACUUM INTO ?", path).Error; err != nil {
		return fmt.Errorf("store: backup to %s: %w", path, err)
	}
	return nil
}
