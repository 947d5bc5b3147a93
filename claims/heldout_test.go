package claims

import "testing"

// TestHeldoutArticles runs the pipeline over sixteen articles written for
// a blind audit (testdata/articles/heldout-*: eight Indonesian, eight
// English, in the house styles of ANTARA, Kompas.com, detikcom, Tempo, CNN
// Indonesia, kumparan, a regional paper, Reuters, AP, AFP, the BBC, the
// Guardian, the Jakarta Post and Bloomberg). Their golds were committed
// before the pipeline first ran on them. Scored blind, speaker precision
// and recall were 0.581 and 0.474 in Indonesian (cue 0.838, role 0.500)
// and 0.789 and 0.750 in English (cue 0.875, role 0.556); every gold event
// matched. Those are the figures to expect on unseen news. (Role golds
// then lost a leading article, as the other golds write roles, and one
// missed second quote was added; the English blind figures on the
// corrected gold are 0.816 and 0.756.) After the fixes they prompted (ranks outside
// names, the day and place of saying before a cue, first-person pronouns,
// more cues) the floors below hold what was reached, so a later change
// that undoes one fails here.
//
// Metadata (publisher, dateline, credits, boilerplate lines) is counted,
// not failed: several house styles (AFP and CNN Indonesia datelines,
// initials trailers such as "(fby/agt)") are still unknown to the cleaner.
func TestHeldoutArticles(t *testing.T) {
	total := map[string]*speakerScore{"id": {}, "en": {}}
	var events, matched, meta, metaRight int
	for _, g := range loadGold(t, "heldout-*.expected.json") {
		m, _ := checkEvents(t, &g)
		events += len(g.gold.Events)
		matched += m
		total[g.gold.Lang].add(scoreClaims(t, &g))
		n, right := metadataAgreement(t, &g)
		meta += n
		metaRight += right
	}
	for _, lang := range []string{"id", "en"} {
		s := total[lang]
		p, r := ratio(s.correct, s.predicted), ratio(s.found, s.gold)
		t.Logf("%s: speaker precision %.3f (%d/%d), recall %.3f (%d/%d); cue %.3f (%d/%d), role %.3f (%d/%d), quote %.3f (%d/%d)",
			lang, p, s.correct, s.predicted, r, s.found, s.gold, ratio(s.cuesRight, s.cues), s.cuesRight, s.cues,
			ratio(s.rolesRight, s.roles), s.rolesRight, s.roles, ratio(s.quoteRight, s.quotes), s.quoteRight, s.quotes)
		if p < 0.9 || r < 0.9 || ratio(s.cuesRight, s.cues) < 0.9 || ratio(s.quoteRight, s.quotes) < 0.9 {
			t.Errorf("%s: speaker precision %.3f, recall %.3f, cue %.3f, quote %.3f; want each >= 0.9",
				lang, p, r, ratio(s.cuesRight, s.cues), ratio(s.quoteRight, s.quotes))
		}
		if ratio(s.rolesRight, s.roles) < 0.75 {
			t.Errorf("%s: role accuracy %.3f, want >= 0.75", lang, ratio(s.rolesRight, s.roles))
		}
	}
	t.Logf("events %d/%d; metadata %d/%d", matched, events, metaRight, meta)
	if matched < events {
		t.Errorf("%d of %d events matched, want all", matched, events)
	}
	if ratio(metaRight, meta) < 0.6 {
		t.Errorf("metadata agreement %.3f (%d/%d), want >= 0.6", ratio(metaRight, meta), metaRight, meta)
	}
}

// metadataAgreement counts the metadata facts of a gold article (language,
// publisher, dateline, credits, each boilerplate line) and how many the
// extraction has right, logging the misses.
func metadataAgreement(t *testing.T, g *goldArticle) (n, right int) {
	t.Helper()
	a := g.ex.Article
	check := func(ok bool, what string, got, want any) {
		n++
		if ok {
			right++
		} else {
			t.Logf("%s: %s %v, want %v", g.name, what, got, want)
		}
	}
	check(a.Lang == g.gold.Lang, "lang", a.Lang, g.gold.Lang)
	check(a.Publisher == g.gold.Publisher, "publisher", a.Publisher, g.gold.Publisher)
	check(a.Dateline == g.gold.Dateline, "dateline", a.Dateline, g.gold.Dateline)
	check(a.Credits == g.gold.Credits, "credits", a.Credits, g.gold.Credits)
	for _, line := range g.gold.Boilerplate {
		s := g.anchorSpan(t, line)
		covered := false
		for _, b := range g.ex.Boilerplate {
			covered = covered || b.Contains(s)
		}
		check(covered, "boilerplate line", "missed", line)
	}
	return n, right
}
