package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
)

func TestBackupDuringWrites(t *testing.T) {
	ctx := context.Background()
	s := storetest.SQLite(t)
	var written atomic.Int64
	stop, started := make(chan struct{}), make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := s.CreateUser(ctx, fmt.Sprintf("user%04d", i), "a long enough password", store.RoleViewer); err != nil {
				t.Error(err)
				return
			}
			if written.Add(1) == 3 {
				close(started)
			}
		}
	}()
	<-started // back up while the writer is mid-stream
	path := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, path); err != nil {
		t.Fatal(err)
	}
	close(stop)
	wg.Wait()

	copyStore, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer copyStore.Close()
	var check string
	if err := copyStore.DB().Raw("PRAGMA integrity_check").Scan(&check).Error; err != nil || check != "ok" {
		t.Fatalf("integrity_check of the copy = %q, %v", check, err)
	}
	if err := copyStore.CheckSchema(ctx); err != nil {
		t.Fatalf("the copy's schema: %v", err)
	}
	n, err := copyStore.CountUsers(ctx)
	if err != nil || n < 3 || n > written.Load() {
		t.Fatalf("the copy holds %d users (%v); the source had at least 3 and at most %d", n, err, written.Load())
	}
	if err := s.Backup(ctx, path); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("backup over an existing file: %v, want invalid", err)
	}
}
