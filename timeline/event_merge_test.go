package timeline

import (
	"reflect"
	"testing"
)

func TestProposeMerges(t *testing.T) {
	day := func(v string) Date {
		d, err := ParseDate(v, "")
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	events := []Event{
		{ID: "e1", Source: "antara", Date: day("2019-12-28"), Headline: "Kim Jong Un opens party plenary meeting in Pyongyang"},
		{ID: "e1", Source: "reuters", Date: day("2019-12-28"), Headline: "Kim Jong Un opens key party plenary meeting"},
		{ID: "e2", Source: "reuters", Date: day("2019-12-28"), Headline: "Oil prices rise on supply worries"},
		{ID: "e1", Source: "yonhap", Date: day("2019-12-29"), Headline: "Kim Jong Un opens party plenary meeting"},
		{ID: "e3", Source: "kcna", Date: day("2019-12-28"), Headline: "Kim Jong Un opened the party plenary meeting"},
		// Same source as the first: that pair is never compared, but
		// the event joins the group through the other sources.
		{ID: "e4", Source: "antara", Date: day("2019-12-28"), Headline: "Kim Jong Un opens party plenary meeting in Pyongyang"},
	}
	got := ProposeMerges(events)
	if len(got) != 1 {
		t.Fatalf("proposals %+v, want one", got)
	}
	if want := []int{0, 1, 4, 5}; !reflect.DeepEqual(got[0].Events, want) {
		t.Errorf("events %v, want %v (linked through other sources)", got[0].Events, want)
	}
	if got[0].Score < mergeThreshold || got[0].Score > 1 {
		t.Errorf("score %v", got[0].Score)
	}
	if len(ProposeMerges(nil)) != 0 {
		t.Error("proposals for no events")
	}
}

func TestHeadlineSimilarity(t *testing.T) {
	if s := HeadlineSimilarity("Kim opens the plenary", "Kim opens the plenary"); s != 1 {
		t.Errorf("identical: %v", s)
	}
	if s := HeadlineSimilarity("Kim opens the plenary", "Oil prices rise"); s != 0 {
		t.Errorf("unrelated: %v", s)
	}
	if s := HeadlineSimilarity("Pertemuan pleno dibuka", "pertemuannya dibuka"); s < 0.5 {
		t.Errorf("stems: %v", s)
	}
}
