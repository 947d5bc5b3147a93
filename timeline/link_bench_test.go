package timeline

import (
	"fmt"
	"testing"
	"time"
)

// storyArticle generates article k of a long story: it retells the
// story's first happening, two recent ones (re-dated a little now and then)
// and brings three new ones of its publication day, each with its own
// numbers and names, in Indonesian or English.
func storyArticle(tb testing.TB, k int) Report {
	day0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	pub := day0.AddDate(0, 0, k/3)
	at := func(d time.Time) string { return d.Format("2006-01-02") }
	lang := "id"
	if k%2 == 1 {
		lang = "en"
	}
	var sents [][2]string
	if lang == "id" {
		sents = append(sents, [2]string{"2024-01-01T06:1" + fmt.Sprint(k%10), fmt.Sprintf("Kapal Nusa %d hilang kontak pada Senin pukul 06.1%d di Selat Makassar.", 77, k%10)})
	} else {
		sents = append(sents, [2]string{"2024-01-01T06:1" + fmt.Sprint(k%10), fmt.Sprintf("The ferry Nusa %d lost contact at 6.1%d a.m. on Monday in the Makassar Strait.", 77, k%10)})
	}
	for _, back := range []int{1, 4} {
		h := max(0, k-back)
		d := day0.AddDate(0, 0, h/3)
		if k%7 == 0 {
			d = d.AddDate(0, 0, 1) // a source that dates it a day later
		}
		if lang == "id" {
			sents = append(sents, [2]string{at(d), fmt.Sprintf("Tim SAR Regu %d menemukan %d penumpang di Pulau Kalu%d.", h, 100+h, h)})
		} else {
			sents = append(sents, [2]string{at(d), fmt.Sprintf("Rescue Team %d found %d passengers on Kalu%d island.", h, 100+h, h)})
		}
	}
	acts := [][2]string{{"memeriksa", "inspected"}, {"menangkap", "arrested"}, {"menutup", "closed"}}
	for i, a := range acts {
		n := 1000 + 3*k + i
		if lang == "id" {
			sents = append(sents, [2]string{at(pub), fmt.Sprintf("Polisi %s gudang %d milik PT Mitra%d di Makassar.", a[0], n, n)})
		} else {
			sents = append(sents, [2]string{at(pub), fmt.Sprintf("Police %s warehouse %d of Mitra%d in Makassar.", a[1], n, n)})
		}
	}
	return report(tb, fmt.Sprintf("article-%d", k), lang, sents...)
}

// BenchmarkLinkArticle builds a story of 1,000 articles and reports how
// long the 10th and the 1,000th article take to link (the mean over the
// ten articles ending there, in the fastest run): near-linear linking
// keeps them alike.
//
//	go test -run '^$' -bench LinkArticle -benchmem -benchtime 5x ./timeline
func BenchmarkLinkArticle(b *testing.B) {
	const n = 1000
	reports := make([]Report, n+1)
	for k := 1; k <= n; k++ {
		reports[k] = storyArticle(b, k)
	}
	NewLinker().Add(reports[1]) // compile the word lists before timing
	b.ResetTimer()
	// The least of the runs: on a shared machine the others measure the
	// neighbours.
	best10, best1000 := time.Duration(1<<62), time.Duration(1<<62)
	for i := 0; i < b.N; i++ {
		var at10, at1000 time.Duration
		l := NewLinker()
		for k := 1; k <= n; k++ {
			start := time.Now()
			l.Add(reports[k])
			took := time.Since(start)
			switch {
			case k <= 10:
				at10 += took
			case k > n-10:
				at1000 += took
			}
		}
		best10, best1000 = min(best10, at10), min(best1000, at1000)
	}
	b.ReportMetric(float64(best10.Nanoseconds())/10, "ns/article@10")
	b.ReportMetric(float64(best1000.Nanoseconds())/10, "ns/article@1000")
}

// TestStoryArticleLinks checks that the benchmark's story links as a story
// does: its first happening becomes one event told by every article.
func TestStoryArticleLinks(t *testing.T) {
	var reports []Report
	for k := 1; k <= 30; k++ {
		reports = append(reports, storyArticle(t, k))
	}
	res := Link(reports)
	most := 0
	for _, le := range res.Events {
		most = max(most, len(le.Sources))
	}
	if most < 30 {
		t.Errorf("the loss of contact has %d sources, want one per article (30)", most)
	}
}

// TestAddedReplaysResult checks that what Add says it did, applied article
// by article (each joined event merged into Into[0]'s event), gives the
// events of Result, and that its proposals are Result's.
func TestAddedReplaysResult(t *testing.T) {
	l := NewLinker()
	into := map[string]string{} // source key -> the source key it was merged into
	key := func(s Source) string { return s.Doc + "/" + s.EventID }
	holder := func(k string) string {
		for into[k] != "" {
			k = into[k]
		}
		return k
	}
	proposals := 0
	for k := 1; k <= 40; k++ {
		added := l.Add(storyArticle(t, k))
		for _, lk := range added.Links {
			target := holder(key(lk.Into[0]))
			for _, src := range append([]Source{lk.Event}, lk.Into[1:]...) {
				if h := holder(key(src)); h != target {
					into[h] = target
				}
			}
		}
		proposals += len(added.Proposals)
	}
	res := l.Result()
	linked := 0
	for _, le := range res.Events {
		first := key(le.Sources[0])
		for _, src := range le.Sources {
			if h := holder(key(src)); h != first {
				t.Errorf("%s: source %s is held by %s, want the first source %s", le.ID, key(src), h, first)
			}
		}
		linked += len(le.Sources) - 1
	}
	if linked == 0 || len(into) != linked {
		t.Errorf("%d merges replayed, Result links %d sources", len(into), linked)
	}
	if proposals < len(res.Proposals) {
		t.Errorf("Add raised %d proposals, Result holds %d", proposals, len(res.Proposals))
	}
}
