package filter_test

import (
	"slices"
	"testing"
	"time"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/filter"
)

func TestParse(t *testing.T) {
	f, err := filter.Parse(filter.Params{Status: []string{" Verified, scheduled ,,false", "HAPPENED", "scheduled"},
		From: "2019", To: "2019-12-28", Tag: " Korea ", Article: "7", Speaker: " Lee ", Q: " pleno ", Story: " QZ8501 ",
		Review: []string{" Approved ,proposed", "approved"}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(f.Review, []string{"approved", "proposed"}) {
		t.Errorf("review %q, want approved and proposed once each", f.Review)
	}
	if !slices.Equal(f.EventStatuses, []string{"scheduled", "happened"}) || !slices.Equal(f.ClaimStatuses, []string{"verified", "false"}) ||
		f.From != "2019" || f.To != "2019-12-28" || f.Tag != "Korea" || f.ArticleID != 7 || f.Speaker != "Lee" || f.Query != "pleno" || f.Story != "QZ8501" {
		t.Fatalf("filter %+v", f)
	}
	if f.IncludeHidden {
		t.Error("parameters granted hidden events")
	}
	from, to, err := f.Window()
	if err != nil || !from.Equal(time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)) || !to.Equal(time.Date(2019, 12, 29, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("window %v..%v, %v: want 2019-01-01 to the end of 28 December", from, to, err)
	}
	if from, to, err := (filter.Filter{}).Window(); from != nil || to != nil || err != nil {
		t.Errorf("no bounds: %v..%v, %v", from, to, err)
	}
}

func TestParseRefuses(t *testing.T) {
	for name, c := range map[string]struct {
		p    filter.Params
		says string
	}{
		"unknown status":      {filter.Params{Status: []string{"verified,maybe"}}, `status must be one of happened, scheduled, ongoing, reported, unverified, verified, disputed, false, unverifiable, not "maybe"`},
		"words for a date":    {filter.Params{From: "last year"}, `from must be a date such as 2019, 2019-12 or 2019-12-28, not "last year"`},
		"month 13":            {filter.Params{To: "2019-13"}, `to must be a date such as 2019, 2019-12 or 2019-12-28, not "2019-13"`},
		"from after to":       {filter.Params{From: "2020", To: "2019"}, "from 2020 comes after to 2019"},
		"article not number":  {filter.Params{Article: "abc"}, `article must be an article number, not "abc"`},
		"article not counted": {filter.Params{Article: "-1"}, `article must be an article number, not "-1"`},
		"unknown review":      {filter.Params{Review: []string{"approved,published"}}, `review must be one of proposed, approved, rejected, not "published"`},
		"story with a space":  {filter.Params{Story: "QZ 8501"}, `a story name is 1-64 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit (such as QZ8501), not "QZ 8501"`},
	} {
		_, err := filter.Parse(c.p)
		if apperr.CodeOf(err) != apperr.Invalid || err.Error() != c.says {
			t.Errorf("%s: %v (%s), want Invalid %q", name, err, apperr.CodeOf(err), c.says)
		}
	}
}

func TestNarrows(t *testing.T) {
	if (filter.Filter{IncludeHidden: true}).Narrows() {
		t.Error("showing hidden events narrows nothing")
	}
	for _, p := range []filter.Params{{Status: []string{"ongoing"}}, {Status: []string{"verified"}}, {From: "2019"}, {To: "2019"},
		{Tag: "x"}, {Article: "1"}, {Speaker: "x"}, {Publisher: "x"}, {Q: "x"}, {Story: "QZ8501"}, {Review: []string{"approved"}}} {
		f, err := filter.Parse(p)
		if err != nil || !f.Narrows() {
			t.Errorf("%+v: narrows %v, %v", p, f.Narrows(), err)
		}
	}
}
