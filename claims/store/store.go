// Package store keeps articles, what was extracted from them, the timeline
// of events, people and the revision log in a SQL database through GORM.
//
// SQLite (one file, the default) and PostgreSQL share the same code and the
// same versioned migrations. Every edit goes through optimistic locking: a
// write names the version it read, and a stale one fails with apperr.Conflict.
package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/factline/factline/migrations"
)

// DefaultPath is the SQLite file used when no database is named.
const DefaultPath = "factline.db"

// busyTimeout is how long a SQLite writer waits for another to finish before
// giving up; long enough that concurrent editors queue rather than fail.
const busyTimeout = 15 * time.Second

// maxIdleConns is how many connections stay open between requests: enough
// for a newsroom's concurrent requests to reuse them.
const maxIdleConns = 32

// stmtCacheSize is how many prepared statements each SQLite connection
// keeps; the requests of the web app use a few dozen distinct ones.
const stmtCacheSize = 64

// Store is a handle on the database. It is safe for concurrent use.
type Store struct {
	db      *gorm.DB
	dialect migrations.Dialect
	// writeLock queues this process's write transactions on SQLite, which
	// runs one writer at a time anyway. Queued here, writers go first come,
	// first served; queued in SQLite's busy handler, they poll with growing
	// sleeps, and under a steady stream of edits one of them can lose every
	// race until the busy timeout fails it with "database is locked". It is
	// nil for PostgreSQL, whose row locks let writers run side by side.
	writeLock chan struct{}
	// Now returns the current time; tests replace it to control time.
	Now func() time.Time
	// linkers keeps the stories' cross-article linkers between runs.
	linkers *linkers
}

// Open connects to dsn: a postgres:// or postgresql:// URL, or a SQLite file
// path. SQLite files are opened in WAL mode with foreign keys on and a busy
// timeout. Open does not migrate: call Migrate, or CheckSchema to refuse a
// database newer than this binary.
func Open(dsn string) (*Store, error) {
	if dsn == "" {
		dsn = DefaultPath
	}
	dummyHash()
	cfg := &gorm.Config{Logger: logger.Discard, TranslateError: true, NowFunc: func() time.Time { return time.Now().UTC() }}
	s := &Store{Now: func() time.Time { return time.Now().UTC() }, linkers: &linkers{by: map[int64]*storyLinker{}}}
	var err error
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		s.dialect = migrations.Postgres
		s.db, err = gorm.Open(postgres.Open(dsn), cfg)
	} else {
		if strings.ContainsAny(dsn, "?#") {
			return nil, fmt.Errorf("store: SQLite path %q may not contain ? or #", dsn)
		}
		s.dialect = migrations.SQLite
		s.writeLock = make(chan struct{}, 1)
		// _txlock=immediate takes the write lock when a transaction begins,
		// so two writers queue on the busy timeout instead of deadlocking
		// when both try to upgrade a read lock.
		// _stmt_cache_size keeps each connection's recent statements
		// prepared: the timeline and event reads repeat a few statements,
		// and preparing one costs as much as running it.
		full := fmt.Sprintf("file:%s?_journal_mode=WAL&_foreign_keys=on&_busy_timeout=%d&_txlock=immediate&_synchronous=NORMAL&_stmt_cache_size=%d",
			dsn, busyTimeout.Milliseconds(), stmtCacheSize)
		s.db, err = gorm.Open(sqlite.Open(full), cfg)
	}
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", redact(dsn), err)
	}
	sqlDB, err := s.db.DB()
	if err != nil {
		return nil, err
	}
	if err := sqlDB.Ping(); err != nil {
		return nil, fmt.Errorf("store: open %s: %w", redact(dsn), err)
	}
	// database/sql keeps two idle connections by default: under concurrent
	// requests most queries would open a connection (a new backend process
	// on PostgreSQL; the schema parse and pragmas on SQLite) and close it.
	sqlDB.SetMaxIdleConns(maxIdleConns)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	if s.dialect == migrations.SQLite {
		if err := s.db.Exec("PRAGMA foreign_keys = ON").Error; err != nil {
			return nil, err
		}
	}
	return s, nil
}

// redact hides a password in a database URL before it reaches a message.
func redact(dsn string) string {
	scheme, rest, ok := strings.Cut(dsn, "://")
	if !ok {
		return dsn
	}
	creds, host, ok := strings.Cut(rest, "@")
	if !ok {
		return dsn
	}
	user, _, _ := strings.Cut(creds, ":")
	return scheme + "://" + user + ":***@" + host
}

// DB returns the GORM handle for queries this package does not offer.
func (s *Store) DB() *gorm.DB { return s.db }

// Dialect tells which database family the store talks to.
func (s *Store) Dialect() migrations.Dialect { return s.dialect }

// Close releases the connection pool.
func (s *Store) Close() error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.PingContext(ctx)
}

// tx runs fn in a transaction bound to ctx.
func (s *Store) tx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if s.writeLock != nil {
		select {
		case s.writeLock <- struct{}{}:
			defer func() { <-s.writeLock }()
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return s.db.WithContext(ctx).Transaction(fn)
}

// isUniqueViolation reports whether err is a unique-constraint failure.
func isUniqueViolation(err error) bool {
	return errors.Is(err, gorm.ErrDuplicatedKey) || (err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed"))
}
