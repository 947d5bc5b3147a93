package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
)

// storyText is article k of a long generated story, published on day k/3:
// it retells the story's first happening and the previous article's
// rescue, and brings two happenings of its own day with their own numbers
// and names, in Indonesian or English.
func storyText(k int) claims.Article {
	day0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	pub := day0.AddDate(0, 0, k/3)
	prev := day0.AddDate(0, 0, (k-1)/3)
	n := 1000 + 3*k
	if k%2 == 0 {
		return claims.Article{Lang: "id", Published: pub, Text: fmt.Sprintf("Kapal Nusa %d Terus Dicari\n\n"+
			"MAKASSAR, KOMPAS — Kapal Nusa 77 hilang kontak pada Senin (1/1/2024) pukul 06.1%d WITA di Selat Makassar. "+
			"Tim SAR Regu %d menemukan %d penumpang di Pulau Kalu%d pada %d %s 2024. "+
			"Polisi memeriksa gudang %d milik PT Mitra%d di Makassar pada %d %s 2024. "+
			"Polisi menangkap pemilik gudang %d pada %d %s 2024.\n",
			k, k%10, k-1, 100+k, k-1, prev.Day(), idMonth(prev), n, n, pub.Day(), idMonth(pub), n+1, pub.Day(), idMonth(pub))}
	}
	return claims.Article{Lang: "en", Published: pub, Text: fmt.Sprintf("Search for ferry Nusa %d goes on\n\n"+
		"MAKASSAR, Indonesia (AP) — The ferry Nusa 77 lost contact at 6:1%d a.m. on Jan. 1, 2024, in the Makassar Strait. "+
		"Rescue Team %d found %d passengers on Kalu%d island on %s %d, 2024. "+
		"Police inspected warehouse %d of Mitra%d in Makassar on %s %d, 2024. "+
		"Police arrested the owner of warehouse %d on %s %d, 2024.\n",
		k, k%10, k-1, 100+k, k-1, prev.Format("Jan."), prev.Day(), n, n, pub.Format("Jan."), pub.Day(), n+1, pub.Format("Jan."), pub.Day())}
}

func idMonth(t time.Time) string {
	return [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}[t.Month()-1]
}

// BenchmarkLinkStoryArticle stores a story of 1,000 generated articles,
// linking the story after each as ingest does, and reports how long
// linking took for the 10th and the 1,000th article (the mean over the
// ten articles ending there, in the fastest run).
//
//	go test -run '^$' -bench LinkStoryArticle -benchtime 1x ./claims/store
func BenchmarkLinkStoryArticle(b *testing.B) {
	const n = 1000
	exs := make([]claims.Extraction, n+1)
	for k := 1; k <= n; k++ {
		exs[k] = claims.Extract(storyText(k))
	}
	ctx := context.Background()
	best10, best1000 := time.Duration(1<<62), time.Duration(1<<62)
	for b.Loop() {
		b.StopTimer()
		s := storetest.SQLite(b)
		st, err := s.CreateStory(ctx, "nusa-77", store.StoryInput{}, nil)
		if err != nil {
			b.Fatal(err)
		}
		var at10, at1000 time.Duration
		for k := 1; k <= n; k++ {
			if _, err := s.SaveExtraction(ctx, &exs[k], store.SaveOptions{SourceKind: "text", StoryIDs: []int64{st.ID}}); err != nil {
				b.Fatal(err)
			}
			start := time.Now()
			if _, err := s.LinkStory(ctx, st.ID); err != nil {
				b.Fatal(err)
			}
			took := time.Since(start)
			switch {
			case k <= 10:
				at10 += took
			case k > n-10:
				at1000 += took
			}
		}
		best10, best1000 = min(best10, at10), min(best1000, at1000)
		b.StartTimer()
	}
	b.ReportMetric(float64(best10.Nanoseconds())/10, "ns/article@10")
	b.ReportMetric(float64(best1000.Nanoseconds())/10, "ns/article@1000")
}
