package export

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClaimReview(t *testing.T) {
	fx := newFixture(t)
	opt := Options{SiteURL: "https://factline.example.org/", Reviewer: "Cek Fakta Desk"}
	var reviews []map[string]any
	if err := json.Unmarshal(export(t, fx.s, ClaimReview, opt), &reviews); err != nil {
		t.Fatal(err)
	}
	if len(reviews) != 2 {
		t.Fatalf("%d reviews, want the two claims with a verdict", len(reviews))
	}
	get := func(m map[string]any, path string) any {
		var v any = m
		for _, k := range strings.Split(path, ".") {
			obj, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = obj[k]
		}
		return v
	}
	byURL := map[string]map[string]any{}
	for _, r := range reviews {
		byURL[fmt.Sprint(r["url"])] = r
	}
	kcna := byURL[fmt.Sprintf("https://factline.example.org/claims/%d", fx.kcnaClaim)]
	ob := byURL[fmt.Sprintf("https://factline.example.org/claims/%d", fx.obClaim)]
	if kcna == nil || ob == nil {
		t.Fatalf("reviews not at their claims' URLs: %v", byURL)
	}
	for path, want := range map[string]any{
		"@context":                               "https://schema.org",
		"@type":                                  "ClaimReview",
		"claimReviewed":                          "Seruan itu disampaikan Kim dalam rapat penting Partai Buruh Korea…",
		"datePublished":                          "2020-01-03",
		"author.@type":                           "Organization",
		"author.name":                            "Cek Fakta Desk",
		"author.url":                             "https://factline.example.org/",
		"reviewRating.@type":                     "Rating",
		"reviewRating.alternateName":             "Verified",
		"reviewRating.ratingExplanation":         "KCNA English dispatch of 30 December carries the call.",
		"itemReviewed.@type":                     "Claim",
		"itemReviewed.datePublished":             "2019-12-30",
		"itemReviewed.author.@type":              "Organization",
		"itemReviewed.author.name":               "KCNA",
		"itemReviewed.appearance.@type":          "CreativeWork",
		"itemReviewed.appearance.url":            referenceURL,
		"itemReviewed.appearance.headline":       "Kim Jong Un serukan langkah positif dan ofensif",
		"itemReviewed.appearance.publisher.name": "ANTARA",
	} {
		if got := get(kcna, path); got != want {
			t.Errorf("KCNA review %s = %v, want %v", path, got, want)
		}
	}
	for path, want := range map[string]any{
		"reviewRating.alternateName":   "False",
		"itemReviewed.author.@type":    "Person",
		"itemReviewed.author.name":     "Robert O'Brien",
		"itemReviewed.author.jobTitle": "Penasihat keamanan nasional Gedung Putih",
	} {
		if got := get(ob, path); got != want {
			t.Errorf("O'Brien review %s = %v, want %v", path, got, want)
		}
	}
	if n := utf8.RuneCountInString(fmt.Sprint(ob["claimReviewed"])); n > claimReviewedMax {
		t.Errorf("claimReviewed has %d characters, want at most %d", n, claimReviewedMax)
	}

	// Filters narrow verdicts and follow the events' fields.
	for _, c := range []struct {
		statuses, tag string
		want          int
	}{{"false", "", 1}, {"verified,disputed", "", 1}, {"", "korea", 0}, {"reported", "", 2}, {"scheduled", "", 0}} {
		f, err := parseFilter(c.statuses, "", "", c.tag, "")
		if err != nil {
			t.Fatal(err)
		}
		opt.Filter = f
		var got []any
		if err := json.Unmarshal(export(t, fx.s, ClaimReview, opt), &got); err != nil || len(got) != c.want {
			t.Errorf("status %q tag %q: %d reviews (%v), want %d", c.statuses, c.tag, len(got), err, c.want)
		}
	}
	if err := Write(t.Context(), fx.s, &strings.Builder{}, ClaimReview, Options{}); err == nil {
		t.Error("ClaimReview without a site URL should fail: every review needs its page")
	}
}

func TestShorten(t *testing.T) {
	for in, want := range map[string]string{
		`"Short quote."`:            "Short quote.",
		"  many   spaces  ":         "many spaces",
		strings.Repeat("kata ", 30): strings.TrimSpace(strings.Repeat("kata ", 14)) + "…",
		strings.Repeat("x", 100):    strings.Repeat("x", 74) + "…",
	} {
		if got := shorten(in, 75); got != want {
			t.Errorf("shorten(%q) = %q, want %q", in, got, want)
		}
	}
}
