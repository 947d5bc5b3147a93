package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/migrations"
)

// Backup writes a consistent copy of a live SQLite database to path with
// VACUUM INTO: it reads one snapshot, so writers may go on meanwhile, and
// the copy is compact and opens as an ordinary database. The file must not
// exist yet. The copy is written under a temporary name beside path
// (path.partial-*), checked (PRAGMA integrity_check, and the schema version
// of the database it copies), synced, and only then given its name: a
// backup that is interrupted or fails leaves nothing at path, at worst a
// partial file to delete. PostgreSQL databases are backed up with pg_dump
// instead.
func (s *Store) Backup(ctx context.Context, path string) (err error) {
	if s.dialect != migrations.SQLite {
		return apperr.Errorf(apperr.Invalid, "backup copies SQLite databases; use pg_dump for PostgreSQL")
	}
	if _, err := os.Stat(path); err == nil {
		return apperr.Errorf(apperr.Invalid, "%s already exists: choose a new file", path)
	}
	want, err := s.schemaVersion(ctx)
	if err != nil {
		return err
	}
	// VACUUM INTO writes into an empty file, so the temporary name can be
	// claimed first, safely against other writers in the folder.
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".partial-*")
	if err != nil {
		return fmt.Errorf("store: backup to %s: %w", path, err)
	}
	tmp.Close()
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	if err := s.db.WithContext(ctx).Exec("VACUUM INTO ?", tmp.Name()).Error; err != nil {
		return fmt.Errorf("store: backup to %s: %w", path, err)
	}
	if err := checkCopy(ctx, tmp.Name(), want); err != nil {
		return fmt.Errorf("store: backup to %s: the copy is unusable: %w", path, err)
	}
	if err := syncFile(tmp.Name()); err != nil {
		return fmt.Errorf("store: backup to %s: %w", path, err)
	}
	// A link, unlike a rename, never replaces a file that appeared at path
	// meanwhile.
	if err := os.Link(tmp.Name(), path); err != nil {
		return fmt.Errorf("store: backup to %s: %w", path, err)
	}
	os.Remove(tmp.Name())
	return syncFile(filepath.Dir(path))
}

// checkCopy opens a backup read-only and checks that SQLite finds it
// intact and that it holds the schema version of the database it copies.
func checkCopy(ctx context.Context, path string, version int) error {
	db, err := gorm.Open(sqlite.Open("file:"+path+"?mode=ro"), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		return err
	}
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	defer sqlDB.Close()
	var result string
	if err := sqlDB.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&result); err != nil {
		return err
	}
	if result != "ok" {
		return fmt.Errorf("integrity check: %s", result)
	}
	var got sql.NullInt64
	if err := sqlDB.QueryRowContext(ctx, "SELECT MAX(version) FROM "+schemaTable).Scan(&got); err != nil {
		return fmt.Errorf("schema version: %w", err)
	}
	if int(got.Int64) != version {
		return fmt.Errorf("schema version %d, the database is at %d", got.Int64, version)
	}
	return nil
}

// syncFile flushes a file or folder to disk.
func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
