package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/factline/factline/claims/ingest"
	"github.com/factline/factline/claims/store"
)

// syntheticBatch writes n distinct news-like articles as a JSONL batch.
func syntheticBatch(t *testing.T, n int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "batch.jsonl")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	months := []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "JAKARTA, KOMPAS.com - Pemerintah kota nomor %d mengumumkan program baru pada Senin (%d/%d/2014).\n\n", i, 1+i%28, 1+i%12)
		for j := 0; j < 6; j++ {
			fmt.Fprintf(&b, "\"Program ini dimulai sejak %d dan berjalan baik,\" kata pejabat daerah Budi Santoso nomor %d. ", 2000+(i+j)%14, j)
			fmt.Fprintf(&b, "Rapat berikutnya dijadwalkan pada %d %s 2015, ujar juru bicara Siti Aminah.\n\n", 1+j, months[(i+j)%12])
		}
		if err := enc.Encode(map[string]string{"title": fmt.Sprintf("Berita %d", i), "publisher": "Kompas", "published": "2014-06-01", "lang": "id", "text": b.String()}); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// TestIngestSurvivesSIGKILL kills an ingest of a large batch mid-way and
// checks that the database is intact, holds only whole articles, and that
// running the batch again completes it without duplicates.
func TestIngestSurvivesSIGKILL(t *testing.T) {
	const n = 1500
	batch := syntheticBatch(t, n)
	db := filepath.Join(t.TempDir(), "crash.db")
	cmd, stdout := startFactline(t, "ingest", "--db", db, batch)
	sc := bufio.NewScanner(stdout)
	stored := 0
	for sc.Scan() && stored < 50 {
		if strings.Contains(sc.Text(), "stored as #") {
			stored++
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if stored < 50 {
		t.Fatalf("the child stored only %d articles before it ended on its own", stored)
	}

	ctx := context.Background()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	var check string
	if err := s.DB().Raw("PRAGMA integrity_check").Scan(&check).Error; err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	articles, total, err := s.Articles(ctx, store.ArticleFilter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	if total >= n {
		t.Fatalf("all %d articles were stored before the kill; the test proves nothing", total)
	}
	for _, a := range articles {
		assertWholeArticle(t, s, a.ID)
	}
	s.Close()

	if out, err := factlineCommand("ingest", "--quiet", "--db", db, batch).CombinedOutput(); err != nil {
		t.Fatalf("re-running the batch: %v\n%s", err, out)
	}
	s, err = store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, total, _ = s.Articles(ctx, store.ArticleFilter{Limit: 1}); total != n {
		t.Fatalf("%d articles after the re-run, want %d", total, n)
	}
}

// assertWholeArticle checks that an article's stored timexes, claims and
// events are exactly what extraction of its body yields.
func assertWholeArticle(t *testing.T, s *store.Store, id int64) {
	t.Helper()
	ctx := context.Background()
	a, err := s.ArticleByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	published, _ := time.Parse("2006-01-02", a.Published)
	ex, err := ingest.Extract(ingest.Document{Text: a.Body, Lang: a.Lang, Published: published})
	if err != nil {
		t.Fatal(err)
	}
	timexes, _ := s.ArticleTimexes(ctx, id)
	cls, _ := s.ArticleClaims(ctx, id)
	var events int64
	s.DB().Table("event_sources").Where("article_id = ?", id).Distinct("event_id").Count(&events)
	if len(timexes) != len(ex.Timexes) || len(cls) != len(ex.Claims) || int(events) != len(ex.Events) {
		t.Errorf("article #%d is partial: %d/%d timexes, %d/%d claims, %d/%d events stored",
			id, len(timexes), len(ex.Timexes), len(cls), len(ex.Claims), events, len(ex.Events))
	}
}

// TestBackupSurvivesSIGKILL kills a backup while it writes and finds nothing
// at the target name: an interrupted backup never looks like a backup.
// Then a backup that runs to the end gives a copy that opens.
func TestBackupSurvivesSIGKILL(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "live.db")
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Bulk that takes the copy long enough to be caught mid-way.
	for _, q := range []string{
		"CREATE TABLE bulk (b BLOB)",
		"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 96) INSERT INTO bulk SELECT randomblob(1048576) FROM n",
	} {
		if err := s.DB().Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	target := filepath.Join(dir, "copy.db")
	cmd := factlineCommand("backup", "--db", db, target)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	// Kill as soon as the copy has begun to be written, under any name.
	writing := func() bool {
		names, _ := filepath.Glob(filepath.Join(dir, "copy.db*"))
		for _, n := range names {
			if fi, err := os.Stat(n); err == nil && fi.Size() > 0 {
				return true
			}
		}
		return false
	}
	deadline := time.Now().Add(time.Minute)
	for !writing() {
		select {
		case <-exited:
			t.Fatal("the backup ended before it could be killed mid-way")
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("the backup wrote nothing for a minute")
		}
		time.Sleep(time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-exited
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Fatalf("a killed backup left a file at the target name (%v)", err)
	}
	if code, _, errOut := runCLI(t, "", "backup", "--db", db, target); code != exitOK {
		t.Fatalf("backup after the kill: %d %q", code, errOut)
	}
	copied, err := store.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer copied.Close()
	var n int64
	if err := copied.DB().Raw("SELECT COUNT(*) FROM bulk").Scan(&n).Error; err != nil || n != 96 {
		t.Errorf("the finished backup holds %d rows (%v), want 96", n, err)
	}
	if v, err := copied.SchemaVersion(context.Background()); err != nil || v == 0 {
		t.Errorf("the finished backup is at schema version %d (%v)", v, err)
	}
}
