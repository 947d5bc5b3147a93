package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
)

// fillTimeline stores nArticles articles with perArticle events each, every
// event with a claim-backed source and a tag, spread over 20 years with
// several events per day.
func fillTimeline(b *testing.B, s *store.Store, nArticles, perArticle int) {
	b.Helper()
	db := s.DB()
	now := time.Now().UTC()
	base := time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC)
	precisions := []string{"day", "day", "day", "month", "year"}
	for a := 0; a < nArticles; a++ {
		art := store.Article{ContentHash: fmt.Sprintf("bench-%d", a), Title: fmt.Sprintf("Article %d", a),
			Publisher: []string{"ANTARA", "Reuters", "Kompas", "Tempo"}[a%4], Lang: "id", Published: base.AddDate(0, 0, a*36).Format("2006-01-02"),
			Body: "x", Boilerplate: "[]", CreatedAt: now, UpdatedAt: now, Version: 1}
		if err := db.Create(&art).Error; err != nil {
			b.Fatal(err)
		}
		claims := make([]store.Claim, perArticle)
		events := make([]store.Event, perArticle)
		for i := range perArticle {
			claims[i] = store.Claim{ArticleID: art.ID, Ref: fmt.Sprintf("c%d", i), Start: i * 10, End: i*10 + 9, Text: "claim",
				Speaker: fmt.Sprintf("Speaker %d", (a+i)%37), Status: "unverified", CreatedAt: now, UpdatedAt: now, Version: 1}
			day := base.AddDate(0, 0, (a*perArticle+i)%7300)
			p := precisions[i%len(precisions)]
			value, end := day.Format("2006-01-02"), day.AddDate(0, 0, 1)
			switch p {
			case "month":
				value, day, end = day.Format("2006-01"), time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC), time.Date(day.Year(), day.Month()+1, 1, 0, 0, 0, 0, time.UTC)
			case "year":
				value, day, end = day.Format("2006"), time.Date(day.Year(), 1, 1, 0, 0, 0, 0, time.UTC), time.Date(day.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC)
			}
			events[i] = store.Event{Headline: fmt.Sprintf("Event %d of article %d", i, a), Value: value, Precision: p,
				StartsAt: &day, EndsAt: &end, Status: []string{"happened", "scheduled", "ongoing", "reported"}[i%4],
				CreatedAt: now, UpdatedAt: now, Version: 1}
		}
		if err := db.CreateInBatches(claims, 200).Error; err != nil {
			b.Fatal(err)
		}
		if err := db.CreateInBatches(events, 200).Error; err != nil {
			b.Fatal(err)
		}
		srcs := make([]store.EventSource, perArticle)
		tags := make([]store.EventTag, perArticle)
		for i := range perArticle {
			srcs[i] = store.EventSource{EventID: events[i].ID, ArticleID: art.ID, ClaimID: &claims[i].ID, Start: i * 10, End: i*10 + 9, Sentence: "a sentence"}
			tags[i] = store.EventTag{EventID: events[i].ID, Tag: fmt.Sprintf("tag%d", i%12)}
		}
		if err := db.CreateInBatches(srcs, 200).Error; err != nil {
			b.Fatal(err)
		}
		if err := db.CreateInBatches(tags, 200).Error; err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTimelineAPI measures the timeline API's default view (no filter)
// on a database of 10,000 events, through the whole handler chain with a
// signed-in session, and reports the 95th percentile latency.
//
//	go test ./web -run '^$' -bench TimelineAPI -benchtime 200x
func BenchmarkTimelineAPI(b *testing.B) {
	st := storetest.SQLite(b)
	fillTimeline(b, st, 200, 50)
	ctx := context.Background()
	u, err := st.CreateUser(ctx, "viewer", testPassword, store.RoleViewer)
	if err != nil {
		b.Fatal(err)
	}
	token, _, err := st.CreateSession(ctx, u.ID, time.Hour)
	if err != nil {
		b.Fatal(err)
	}
	srv, err := New(Config{Store: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	h := srv.Handler()
	for _, q := range []struct{ name, query string }{
		{"default", ""},
		{"one-year", "?from=2012&to=2012"},
		{"speaker+status", "?speaker=Speaker+3&status=happened"},
	} {
		b.Run(q.name, func(b *testing.B) {
			var took []time.Duration
			var size int
			for b.Loop() {
				req := httptest.NewRequest(http.MethodGet, "/api/v1/timeline"+q.query, nil)
				req.AddCookie(&http.Cookie{Name: sessionCookie, Value: token})
				rec := httptest.NewRecorder()
				start := time.Now()
				h.ServeHTTP(rec, req)
				took = append(took, time.Since(start))
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d: %s", rec.Code, rec.Body)
				}
				size = rec.Body.Len()
			}
			slices.Sort(took)
			p95 := took[(len(took)*95)/100-min(1, len(took)*95/100)]
			b.ReportMetric(float64(p95.Microseconds())/1000, "p95-ms")
			b.ReportMetric(float64(size)/1024, "KB/op-body")
		})
	}
}
