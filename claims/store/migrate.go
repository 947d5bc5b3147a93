package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/factline/factline/migrations"
)

// schemaTable records which migrations have run.
const schemaTable = "schema_migrations"

// Migrate applies every migration the database has not seen, in order, each
// in its own transaction, and returns the ones it applied. It refuses to
// touch a database migrated by a newer factline.
func (s *Store) Migrate(ctx context.Context) ([]migrations.Migration, error) {
	all, err := migrations.All()
	if err != nil {
		return nil, err
	}
	db := s.db.WithContext(ctx)
	if err := db.Exec(`CREATE TABLE IF NOT EXISTS ` + schemaTable + ` (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`).Error; err != nil {
		return nil, fmt.Errorf("store: create %s: %w", schemaTable, err)
	}
	current, err := s.schemaVersion(ctx)
	if err != nil {
		return nil, err
	}
	if err := checkVersion(current); err != nil {
		return nil, err
	}
	var applied []migrations.Migration
	for _, m := range all {
		if m.Version <= current {
			continue
		}
		sql, err := m.Render(s.dialect)
		if err != nil {
			return applied, err
		}
		err = db.Transaction(func(tx *gorm.DB) error {
			if err := tx.Exec(sql).Error; err != nil {
				return err
			}
			return tx.Exec(`INSERT INTO `+schemaTable+` (version, name, applied_at) VALUES (?, ?, ?)`,
				m.Version, m.Name, time.Now().UTC().Format(time.RFC3339)).Error
		})
		if err != nil {
			return applied, fmt.Errorf("store: migration %04d_%s: %w", m.Version, m.Name, err)
		}
		applied = append(applied, m)
	}
	return applied, nil
}

// CheckSchema fails if the database is not migrated to this binary's latest
// version, naming what to do about it.
func (s *Store) CheckSchema(ctx context.Context) error {
	v, err := s.schemaVersion(ctx)
	if err != nil {
		return err
	}
	if err := checkVersion(v); err != nil {
		return err
	}
	if v < migrations.Latest() {
		return fmt.Errorf("store: database schema is at version %d, this factline needs %d: run \"factline migrate\"", v, migrations.Latest())
	}
	return nil
}

// SchemaVersion returns the highest migration applied, 0 for a new database.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) { return s.schemaVersion(ctx) }

func (s *Store) schemaVersion(ctx context.Context) (int, error) {
	db := s.db.WithContext(ctx)
	if !db.Migrator().HasTable(schemaTable) {
		return 0, nil
	}
	var v *int
	if err := db.Raw(`SELECT MAX(version) FROM ` + schemaTable).Scan(&v).Error; err != nil {
		return 0, fmt.Errorf("store: read schema version: %w", err)
	}
	if v == nil {
		return 0, nil
	}
	return *v, nil
}

// checkVersion refuses a database from a newer binary: its schema may hold
// what this one would misread or destroy.
func checkVersion(v int) error {
	if latest := migrations.Latest(); v > latest {
		return fmt.Errorf("store: database schema is at version %d but this factline knows only up to %d: use a newer factline", v, latest)
	}
	return nil
}
