package export

import (
	"bufio"
	"context"
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/store"
)

// schema.org ClaimReview as search engines read it
// (https://schema.org/ClaimReview,
// https://developers.google.com/search/docs/appearance/structured-data/factcheck).
type (
	crReview struct {
		Context       string   `json:"@context"`
		Type          string   `json:"@type"`
		URL           string   `json:"url"`
		ClaimReviewed string   `json:"claimReviewed"`
		DatePublished string   `json:"datePublished"`
		Author        crThing  `json:"author"`
		ReviewRating  crRating `json:"reviewRating"`
		ItemReviewed  crClaim  `json:"itemReviewed"`
	}
	crThing struct {
		Type     string `json:"@type"`
		Name     string `json:"name"`
		URL      string `json:"url,omitempty"`
		JobTitle string `json:"jobTitle,omitempty"`
	}
	crRating struct {
		Type          string `json:"@type"`
		AlternateName string `json:"alternateName"`
		// Explanation is the editors' evidence notes.
		Explanation string `json:"ratingExplanation,omitempty"`
	}
	crClaim struct {
		Type          string   `json:"@type"`
		Author        *crThing `json:"author,omitempty"`
		DatePublished string   `json:"datePublished,omitempty"`
		Appearance    *crWork  `json:"appearance,omitempty"`
	}
	crWork struct {
		Type          string   `json:"@type"`
		URL           string   `json:"url"`
		Headline      string   `json:"headline,omitempty"`
		DatePublished string   `json:"datePublished,omitempty"`
		Publisher     *crThing `json:"publisher,omitempty"`
	}
)

// claimReviewedMax is how long claimReviewed may get: search engines show
// it in one line and ask for under 75 characters.
const claimReviewedMax = 75

// writeClaimReview writes a JSON-LD array with one ClaimReview per claim
// that has a verdict.
func writeClaimReview(ctx context.Context, s *store.Store, w *bufio.Writer, opt Options) error {
	if opt.SiteURL == "" {
		return apperr.Errorf(apperr.Invalid, "ClaimReview needs the site's public URL, where each review lives")
	}
	words := wordsFor(opt.Lang)
	reviewer := crThing{Type: "Organization", Name: opt.Reviewer, URL: opt.SiteURL}
	if reviewer.Name == "" {
		reviewer.Name = "factline"
	}
	if err := text(w, "["); err != nil {
		return err
	}
	list := newJSONList(w)
	err := s.ReviewedClaimBatches(ctx, opt.Filter, func(batch []store.ExportClaim) error {
		for i := range batch {
			if err := list.addValue(claimReview(&batch[i], reviewer, opt.SiteURL, words)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return text(w, "]\n")
}

func claimReview(c *store.ExportClaim, reviewer crThing, siteURL string, words *words) crReview {
	r := crReview{
		Context: "https://schema.org", Type: "ClaimReview",
		URL:           ClaimURL(siteURL, c.ID),
		ClaimReviewed: shorten(c.Text, claimReviewedMax),
		DatePublished: c.UpdatedAt.UTC().Format("2006-01-02"),
		Author:        reviewer,
		ReviewRating:  crRating{Type: "Rating", AlternateName: words.verdicts[c.Status]},
		ItemReviewed:  crClaim{Type: "Claim", DatePublished: c.ArticlePublished},
	}
	var notes []string
	for _, e := range c.Evidence {
		if e.Note != "" {
			notes = append(notes, e.Note)
		}
	}
	r.ReviewRating.Explanation = strings.Join(notes, " ")
	if c.Speaker != "" {
		r.ItemReviewed.Author = speakerOf(c.Speaker, c.Role)
	}
	if webURL(c.ArticleURL) {
		app := &crWork{Type: "CreativeWork", URL: c.ArticleURL, Headline: c.ArticleTitle, DatePublished: c.ArticlePublished}
		if c.ArticlePublisher != "" {
			app.Publisher = &crThing{Type: "Organization", Name: c.ArticlePublisher}
		}
		r.ItemReviewed.Appearance = app
	}
	return r
}

// ClaimURL is the page of a claim in the web app, which a ClaimReview's
// url names as the review.
func ClaimURL(siteURL string, id int64) string {
	return fmt.Sprintf("%s/claims/%d", strings.TrimRight(siteURL, "/"), id)
}

// speakerOf types a claim's speaker for schema.org. A speaker with a role
// ("juru bicara kementerian") is a person; an all-capitals name (KCNA,
// ANTARA) is taken for an organisation's acronym; anything else is a person,
// the common case for quoted speakers.
func speakerOf(name, role string) *crThing {
	t := &crThing{Type: "Person", Name: name, JobTitle: role}
	if role == "" && isAcronym(name) {
		t.Type = "Organization"
	}
	return t
}

func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) || unicode.IsSpace(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// webURL reports whether s is an absolute http(s) address.
func webURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// shorten cuts s to at most max characters at a word boundary, marking the
// cut with an ellipsis, and drops the quotation marks around a quote.
func shorten(s string, max int) string {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), `"“”'`))
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	runes := []rune(s)[:max-1]
	cut := string(runes)
	if i := strings.LastIndexByte(cut, ' '); i > max/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}
