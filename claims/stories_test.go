package claims_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/ingest"
	"github.com/factline/factline/timeline"
)

// storyGold is testdata/stories/<story>/gold.json: the story's articles with
// their publication date and language, and the clusters of sentences that
// tell one happening. An anchor is an exact substring of its article that
// occurs once there; a cluster marked disagree holds sources that give
// incompatible dates on purpose.
type storyGold struct {
	ingest.StoryManifest
	Clusters []struct {
		ID       string `json:"id"`
		Disagree bool   `json:"disagree"`
		Anchors  []struct {
			File string `json:"file"`
			Text string `json:"text"`
		} `json:"anchors"`
	} `json:"clusters"`
}

// goldStory is a story read and run through the pipeline.
type goldStory struct {
	name    string
	gold    storyGold
	reports []timeline.Report
	exs     map[string]*claims.Extraction // by doc
	dates   map[string]time.Time
}

// storyNames are the dev gold stories: Indonesian, English, and three told
// in both languages (citarum-jaya and kelam-regent were held out until the
// linker was revised on what they showed; banjir-sungai-rawa, Indonesian,
// and hospital-ransomware, English, were scored blind once, pairwise F1
// 0.458 and 0.440, B-cubed F1 0.761 and 0.749, then studied).
var storyNames = []string{"sinar-bahari", "millbrook-blast", "kasuari-614", "citarum-jaya", "kelam-regent", "banjir-sungai-rawa", "hospital-ransomware"}

// loadStory reads the story name from testdata/<set>/<name>.
func loadStory(t *testing.T, set, name string) *goldStory {
	t.Helper()
	dir := filepath.Join("..", "testdata", set, name)
	body, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	s := &goldStory{name: name, exs: map[string]*claims.Extraction{}, dates: map[string]time.Time{}}
	if err := json.Unmarshal(body, &s.gold); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, a := range s.gold.Articles {
		text, err := os.ReadFile(filepath.Join(dir, a.File))
		if err != nil {
			t.Fatal(err)
		}
		pub, err := time.Parse("2006-01-02", a.Published)
		if err != nil {
			t.Fatalf("%s/%s: %v", name, a.File, err)
		}
		ex := claims.Extract(claims.Article{Text: string(text), Lang: a.Lang, Published: pub})
		doc := name + "/" + a.File
		s.exs[doc] = &ex
		s.dates[doc] = pub
		s.reports = append(s.reports, ex.Report(doc))
	}
	return s
}

// item is one gold anchor with its gold cluster and the linked event the
// pipeline put it in ("" when no event tells that sentence).
type item struct {
	gold, sys string
	file      string
}

// locate maps every anchor of s to the linked event of res holding the
// event its sentence gives. In a sentence with several events, the one
// whose temporal expression lies in or nearest the anchor is it.
func locate(t *testing.T, s *goldStory, res timeline.Linked) []item {
	t.Helper()
	owner := map[[2]string]string{}
	for _, le := range res.Events {
		for _, src := range le.Sources {
			owner[[2]string{src.Doc, src.EventID}] = le.ID
		}
	}
	var out []item
	for _, c := range s.gold.Clusters {
		for _, a := range c.Anchors {
			doc := s.name + "/" + a.File
			ex := s.exs[doc]
			if ex == nil {
				t.Fatalf("%s: cluster %s names unknown article %s", s.name, c.ID, a.File)
			}
			at := strings.Index(ex.Article.Text, a.Text)
			if at < 0 || strings.Count(ex.Article.Text, a.Text) != 1 {
				t.Fatalf("%s: anchor %q must occur once in %s", s.name, a.Text, a.File)
			}
			anchor := timeline.Span{Start: at, End: at + len(a.Text)}
			best, bestDist := "", -1
			for _, e := range ex.Events {
				if !tells(e, anchor) {
					continue
				}
				d := distance(timexSpan(ex, e.TimexID), anchor)
				if bestDist < 0 || d < bestDist {
					best, bestDist = e.ID, d
				}
			}
			it := item{gold: c.ID, file: doc}
			if best != "" {
				it.sys = owner[[2]string{doc, best}]
			}
			out = append(out, it)
		}
	}
	return out
}

// tells reports whether one of e's sentences overlaps the anchor.
func tells(e timeline.Event, anchor timeline.Span) bool {
	for _, s := range append([]timeline.Span{e.Evidence}, e.Also...) {
		if s.Start < anchor.End && anchor.Start < s.End {
			return true
		}
	}
	return false
}

func timexSpan(ex *claims.Extraction, id string) timeline.Span {
	for _, tx := range ex.Timexes {
		if tx.ID == id {
			return timeline.Span{Start: tx.Start, End: tx.End}
		}
	}
	return timeline.Span{Start: -1 << 30, End: -1 << 30}
}

// distance is how many bytes lie between two spans, 0 if they overlap.
func distance(a, b timeline.Span) int {
	switch {
	case a.End <= b.Start:
		return b.Start - a.End
	case b.End <= a.Start:
		return a.Start - b.End
	}
	return 0
}

// scores are clustering figures over gold anchors.
type scores struct {
	pairP, pairR, pairF float64
	bcP, bcR, bcF       float64
}

// score computes pairwise and B-cubed precision, recall and F1. An anchor
// without an event is a cluster of its own.
func score(items []item) scores {
	sys := make([]string, len(items))
	for i, it := range items {
		sys[i] = it.sys
		if sys[i] == "" {
			sys[i] = "\x00unlinked" + string(rune(i))
		}
	}
	var tp, sysPairs, goldPairs int
	var bp, br float64
	for i := range items {
		var sameSys, sameGold, both int
		for j := range items {
			s, g := sys[i] == sys[j], items[i].gold == items[j].gold
			if s {
				sameSys++
			}
			if g {
				sameGold++
			}
			if s && g {
				both++
			}
			if j > i {
				if s {
					sysPairs++
				}
				if g {
					goldPairs++
				}
				if s && g {
					tp++
				}
			}
		}
		bp += float64(both) / float64(sameSys)
		br += float64(both) / float64(sameGold)
	}
	var sc scores
	sc.pairP, sc.pairR = ratio(tp, sysPairs), ratio(tp, goldPairs)
	sc.pairF = f1(sc.pairP, sc.pairR)
	sc.bcP, sc.bcR = bp/float64(len(items)), br/float64(len(items))
	sc.bcF = f1(sc.bcP, sc.bcR)
	return sc
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// disagreements counts planted disagreements found (the linked event most
// of the cluster's anchors fell in is marked disagree and holds anchors of
// two articles) and false alarms (the same for a cluster not planted).
func disagreements(s *goldStory, res timeline.Linked, items []item) (planted, found, falseAlarms int) {
	flagged := map[string]bool{}
	for _, le := range res.Events {
		flagged[le.ID] = le.Disagree
	}
	k := 0
	for _, c := range s.gold.Clusters {
		votes := map[string]int{}
		files := map[string]map[string]bool{}
		for range c.Anchors {
			it := items[k]
			k++
			if it.sys == "" {
				continue
			}
			votes[it.sys]++
			if files[it.sys] == nil {
				files[it.sys] = map[string]bool{}
			}
			files[it.sys][it.file] = true
		}
		best := ""
		for id, n := range votes {
			if best == "" || n > votes[best] || n == votes[best] && id < best {
				best = id
			}
		}
		hit := best != "" && flagged[best] && len(files[best]) >= 2
		if c.Disagree {
			planted++
			if hit {
				found++
			}
		} else if best != "" && flagged[best] {
			falseAlarms++
		}
	}
	return planted, found, falseAlarms
}

// TestStoryLinking scores cross-article linking on the gold stories through
// the real pipeline: Extract on each article, then Link in publication
// order. The golds were written before the linker. Blind, with the first
// linker, pairwise/B-cubed F1 were 0.500/0.834 (millbrook-blast) and
// 0.552/0.793 (kasuari-614); the linker's rules were since revised on
// what these three stories showed, so they are dev stories and their
// figures are no longer blind (testdata/stories-heldout measures unseen
// news). The thresholds were chosen on all three with TestTuneThresholds.
// Floors sit a little under the figures reached (see the log), so a change
// that loses ground fails.
func TestStoryLinking(t *testing.T) {
	floors := map[string]scores{
		"sinar-bahari":        {pairF: 0.88, bcF: 0.93},
		"millbrook-blast":     {pairF: 0.95, bcF: 0.97},
		"kasuari-614":         {pairF: 0.95, bcF: 0.95},
		"citarum-jaya":        {pairF: 0.78, bcF: 0.86},
		"kelam-regent":        {pairF: 0.90, bcF: 0.93},
		"banjir-sungai-rawa":  {pairF: 0.82, bcF: 0.91},
		"hospital-ransomware": {pairF: 0.60, bcF: 0.80},
	}
	minFound := map[string]int{"sinar-bahari": 3, "millbrook-blast": 3, "kasuari-614": 2, "citarum-jaya": 1, "kelam-regent": 2, "banjir-sungai-rawa": 2, "hospital-ransomware": 2}
	maxAlarms := map[string]int{"banjir-sungai-rawa": 2}
	var all []*goldStory
	for _, name := range storyNames {
		s := loadStory(t, "stories", name)
		all = append(all, s)
		checkStory(t, s, floors[name], minFound[name], max(1, maxAlarms[name]))
	}

	// A mixed pile: the stories' articles in one publication order.
	// Linking across unrelated stories must stay rare. (Its pairwise F1
	// floor sits under the 0.862 of seven stories.)
	sc := pileScore(t, all, timeline.Link)
	t.Logf("mixed pile       pairwise P %.3f R %.3f F1 %.3f  B-cubed P %.3f R %.3f F1 %.3f",
		sc.pairP, sc.pairR, sc.pairF, sc.bcP, sc.bcR, sc.bcF)
	if sc.bcP < 0.95 || sc.pairF < 0.82 {
		t.Errorf("mixed pile: B-cubed precision %.3f (want >= 0.95), pairwise F1 %.3f (want >= 0.82)", sc.bcP, sc.pairF)
	}
}

// pileScore links the articles of every story in one publication order, as
// link does, and scores the result against the stories' clusters kept
// apart.
func pileScore(t *testing.T, all []*goldStory, link func([]timeline.Report) timeline.Linked) scores {
	t.Helper()
	var reports []timeline.Report
	dates := map[string]time.Time{}
	for _, s := range all {
		reports = append(reports, s.reports...)
		for d, t := range s.dates {
			dates[d] = t
		}
	}
	sort.SliceStable(reports, func(i, j int) bool { return dates[reports[i].Doc].Before(dates[reports[j].Doc]) })
	res := link(reports)
	var items []item
	for _, s := range all {
		for _, it := range locate(t, s, res) {
			it.gold = s.name + "/" + it.gold
			items = append(items, it)
		}
	}
	return score(items)
}

// checkStory links s's articles in publication order, logs its figures and
// fails when they fall under the floors, when fewer than minFound planted
// disagreements are found, when more than maxAlarms clusters are false
// alarms, or when a linked event disagrees with fewer than two sides.
func checkStory(t *testing.T, s *goldStory, floor scores, minFound, maxAlarms int) {
	t.Helper()
	res := timeline.Link(s.reports)
	items := locate(t, s, res)
	// FACTLINE_STORY_DEBUG=1 dumps every story, =<name> that one.
	if d := os.Getenv("FACTLINE_STORY_DEBUG"); d == "1" || d == s.name {
		dumpStory(t, s, res, items)
	}
	sc := score(items)
	planted, found, alarms := disagreements(s, res, items)
	t.Logf("%-16s anchors %2d  pairwise P %.3f R %.3f F1 %.3f  B-cubed P %.3f R %.3f F1 %.3f  disagreements %d/%d found, %d false alarms",
		s.name, len(items), sc.pairP, sc.pairR, sc.pairF, sc.bcP, sc.bcR, sc.bcF, found, planted, alarms)
	if sc.pairF < floor.pairF || sc.bcF < floor.bcF {
		t.Errorf("%s: pairwise F1 %.3f, B-cubed F1 %.3f; floors %.2f, %.2f", s.name, sc.pairF, sc.bcF, floor.pairF, floor.bcF)
	}
	if found < minFound || alarms > maxAlarms {
		t.Errorf("%s: %d of %d planted disagreements found (want at least %d), %d false alarms (want at most %d)", s.name, found, planted, minFound, alarms, maxAlarms)
	}
	for _, le := range res.Events {
		if le.Disagree && len(le.Sides) < 2 {
			t.Errorf("%s: %s disagrees with %d sides", s.name, le.ID, len(le.Sides))
		}
	}
}

// heldoutStories are stories in testdata/stories-heldout, kept out of
// every choice of rule and threshold: they measure the linker on news it
// was not shaped on.
var heldoutStories = []string{"harbor-fire", "longsor-wanareja", "erupsi-lawang"}

// TestHeldoutStoryLinking scores linking on the held-out stories, one
// Indonesian, one English and one in both, written by hand with their
// golds (which sentences tell one happening, and the date disagreements
// planted) and committed before the linker first ran on them. Blind, harbor-fire scored
// pairwise P 1.000 R 0.312 F1 0.476, B-cubed P 1.000 R 0.704 F1 0.826, 2
// of 4 planted disagreements found, no false alarm; longsor-wanareja
// pairwise P 0.750 R 0.321 F1 0.450, B-cubed P 0.962 R 0.710 F1 0.817, 1
// of 3 found, 1 false alarm; erupsi-lawang (Indonesian and English, a
// volcano) pairwise P 1.000 R 0.610 F1 0.758, B-cubed P 1.000 R 0.758 F1
// 0.862, 1 of 3 found, no false alarm. The floors sit at the blind
// figures, so a change fitted to the dev stories that loses ground on
// unseen news fails here.
func TestHeldoutStoryLinking(t *testing.T) {
	floors := map[string]scores{
		"harbor-fire":      {pairF: 0.47, bcF: 0.82},
		"longsor-wanareja": {pairF: 0.44, bcF: 0.81},
		"erupsi-lawang":    {pairF: 0.75, bcF: 0.86},
	}
	minFound := map[string]int{"harbor-fire": 2, "longsor-wanareja": 1, "erupsi-lawang": 1}
	maxAlarms := map[string]int{"harbor-fire": 0, "longsor-wanareja": 1, "erupsi-lawang": 0}
	for _, name := range heldoutStories {
		checkStory(t, loadStory(t, "stories-heldout", name), floors[name], minFound[name], maxAlarms[name])
	}
}

// dumpStory logs which linked event each anchor fell in, and every linked
// event with its sources, to see why a figure moved.
func dumpStory(t *testing.T, s *goldStory, res timeline.Linked, items []item) {
	k := 0
	for _, c := range s.gold.Clusters {
		for _, a := range c.Anchors {
			t.Logf("%s %-22s %-5s %s: %s", s.name, c.ID, items[k].sys, a.File, a.Text)
			k++
		}
	}
	for _, le := range res.Events {
		t.Logf("%s %s %s disagree=%v", le.ID, le.Date.Value, le.Status, le.Disagree)
		for _, src := range le.Sources {
			ex := s.exs[src.Doc]
			t.Logf("    %s %-18s %s", src.Doc, src.Date.Value, ex.Article.Text[src.Evidence.Start:src.Evidence.End])
		}
	}
	for _, p := range res.Proposals {
		t.Logf("proposal %v %.2f %s", p.Events, p.Score, p.Reason)
	}
}

// TestTuneThresholds sweeps the link threshold (the proposal threshold
// with it) over the dev stories of testdata/stories and their mixed pile,
// to choose the thresholds (FACTLINE_TUNE=1). Each line gives every
// story's pairwise F1 and disagreements found, their mean F1, and the
// pile's B-cubed precision.
func TestTuneThresholds(t *testing.T) {
	if os.Getenv("FACTLINE_TUNE") == "" {
		t.Skip("set FACTLINE_TUNE=1")
	}
	var all []*goldStory
	for _, name := range storyNames {
		all = append(all, loadStory(t, "stories", name))
	}
	for at := 0.20; at < 0.80; at += 0.02 {
		link := func(reports []timeline.Report) timeline.Linked {
			l := timeline.NewLinker()
			l.LinkAt, l.ProposeAt = at, at
			for _, r := range reports {
				l.Add(r)
			}
			return l.Result()
		}
		line := fmt.Sprintf("%.2f", at)
		var sum float64
		for _, s := range all {
			res := link(s.reports)
			items := locate(t, s, res)
			sc := score(items)
			planted, found, alarms := disagreements(s, res, items)
			sum += sc.pairF
			line += fmt.Sprintf("  %s F1 %.3f (P %.3f R %.3f) disagree %d/%d, %d false", s.name, sc.pairF, sc.pairP, sc.pairR, found, planted, alarms)
		}
		pile := pileScore(t, all, link)
		t.Logf("%s  mean F1 %.3f  pile B-cubed P %.3f", line, sum/float64(len(all)), pile.bcP)
	}
}
