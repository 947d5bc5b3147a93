package export

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
	"github.com/factline/factline/timeline"
)

// seedEvents fills a store with n events shaped like real ones: each told
// by one sentence of one of n/20 articles and carried by a claim; every
// tenth claim has a verdict with evidence and every fifth event two tags.
func seedEvents(b testing.TB, n int) *store.Store {
	b.Helper()
	s := storetest.SQLite(b)
	now := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	sentence := "Kim mengadakan pertemuan para pejabat tinggi partai pada Sabtu (28/12) untuk membahas masalah-masalah kebijakan penting menjelang tenggat akhir tahun."
	err := s.DB().Transaction(func(tx *gorm.DB) error {
		articles := max(n/20, 1)
		for a := range articles {
			row := store.Article{ContentHash: fmt.Sprint("hash-", a), Title: fmt.Sprint("Article ", a), URL: fmt.Sprintf("https://news.example/%d", a),
				Publisher: "ANTARA", Published: "2019-12-30", Body: sentence, CreatedAt: now, UpdatedAt: now, Version: 1}
			if err := tx.Create(&row).Error; err != nil {
				return err
			}
		}
		const chunk = 500
		for start := 0; start < n; start += chunk {
			size := min(chunk, n-start)
			evs, cls := make([]store.Event, size), make([]store.Claim, size)
			for i := range size {
				k := start + i
				d, _ := timeline.ParseDate(fmt.Sprintf("%04d-%02d-%02d", 1990+k%30, 1+k%12, 1+k%28), "")
				evs[i] = store.EventFromDate(d)
				evs[i].Headline, evs[i].Status = fmt.Sprint("Event number ", k, " = a headline of ordinary length"), "happened"
				evs[i].CreatedAt, evs[i].UpdatedAt, evs[i].Version = now, now, 1
				status := "unverified"
				if k%10 == 0 {
					status = "verified"
				}
				cls[i] = store.Claim{ArticleID: int64(1 + k%articles), Ref: fmt.Sprint("c", k), Start: 0, End: len(sentence), Text: sentence,
					Kind: "statement", Speaker: "Yang Moo-jin", Role: "profesor", Cue: "kata", Status: status, CreatedAt: now, UpdatedAt: now, Version: 1}
			}
			if err := tx.Create(&evs).Error; err != nil {
				return err
			}
			if err := tx.Create(&cls).Error; err != nil {
				return err
			}
			srcs := make([]store.EventSource, size)
			var tags []store.EventTag
			var evidence []store.ClaimEvidence
			for i := range size {
				srcs[i] = store.EventSource{EventID: evs[i].ID, ArticleID: cls[i].ArticleID, ClaimID: &cls[i].ID, Start: 0, End: len(sentence), Sentence: sentence}
				if (start+i)%5 == 0 {
					tags = append(tags, store.EventTag{EventID: evs[i].ID, Tag: "korea"}, store.EventTag{EventID: evs[i].ID, Tag: "plenary"})
				}
				if cls[i].Status != "unverified" {
					evidence = append(evidence, store.ClaimEvidence{ClaimID: cls[i].ID, Note: "Checked against the KCNA dispatch.", URL: "https://kcnawatch.org/", CreatedAt: now})
				}
			}
			for _, rows := range []any{&srcs, &tags, &evidence} {
				if err := tx.Create(rows).Error; err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// countingWriter counts what an export writes and throws it away.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// peakHeap samples the live heap while fn runs and returns its peak, the
// figure that shows whether an export streams.
func peakHeap(fn func()) uint64 {
	runtime.GC()
	var peak uint64
	var mu sync.Mutex
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			mu.Lock()
			peak = max(peak, m.HeapAlloc)
			mu.Unlock()
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	return peak
}

// BenchmarkExport exports 10,000 and 100,000 events in every format. The
// peak-heap-MB metric staying level from 10k to 100k is what shows the
// export streams.
func BenchmarkExport(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		s := seedEvents(b, n)
		for _, f := range Formats {
			b.Run(fmt.Sprintf("%s/%dk", f, n/1000), func(b *testing.B) {
				opt := Options{SiteURL: "https://factline.example"}
				var w countingWriter
				var peak uint64
				for b.Loop() {
					w.n = 0
					peak = max(peak, peakHeap(func() {
						if err := Write(context.Background(), s, &w, f, opt); err != nil {
							b.Fatal(err)
						}
					}))
				}
				b.SetBytes(w.n)
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
				b.ReportMetric(float64(w.n)/(1<<20), "output-MB")
			})
		}
	}
}
