package timeline

import (
	"reflect"
	"strings"
	"testing"
)

func mustDate(t testing.TB, value string, mod Mod) Date {
	t.Helper()
	d, err := ParseDate(value, mod)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCompatible(t *testing.T) {
	cases := []struct {
		a, b       string
		amod, bmod Mod
		want       bool
	}{
		{a: "2014-12-28", b: "2014-12-28T06:18", want: true},
		{a: "2014-12", b: "2014-12-28", want: true},
		{a: "2014-12-28TMO", b: "2014-12-28T06:12", want: true},
		{a: "2014-12-28TMO", b: "2014-12-28T13:00", want: false},
		{a: "2014-12-28T06:14", b: "2014-12-28T06:18", want: false},
		{a: "2014-12-28", b: "2014-12-29", want: false},
		{a: "2014-W52", b: "2014-12-24", want: true},
		// A modifier narrows the range: the end of 2011 is not February.
		{a: "2011", amod: ModEnd, b: "2011-02", want: false},
		{a: "2011", amod: ModEnd, b: "2011-11", want: true},
		// "shortly before 5 a.m." allows 4:47 that morning.
		{a: "2025-10-14T05:00", amod: ModBefore, b: "2025-10-14T04:47", want: true},
		{a: "2025-10-14T05:00", amod: ModBefore, b: "2025-10-14T06:30", want: false},
	}
	for _, c := range cases {
		a, b := mustDate(t, c.a, c.amod), mustDate(t, c.b, c.bmod)
		if got := Compatible(a, b); got != c.want {
			t.Errorf("Compatible(%s %s, %s %s) = %v", c.a, c.amod, c.b, c.bmod, got)
		}
		if got := Compatible(b, a); got != c.want {
			t.Errorf("Compatible is not symmetric on %s, %s", c.a, c.b)
		}
	}
	if Compatible(Date{}, mustDate(t, "2014", "")) {
		t.Error("no date is compatible with a year")
	}
}

func TestNear(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"2014-12-28T06:14", "2014-12-28T07:55", true},  // one day's clock times
		{"2014-12-28", "2014-12-29", true},              // neighbouring days
		{"2014-12-28", "2014-12-29T06:14", true},        // a day and a time the next day
		{"2025-03-03T21:40", "2025-03-04T02:15", false}, // clock times across midnight, hours apart
		{"2025-03-03T23:40", "2025-03-04T00:15", true},  // ... or minutes apart
		{"2014-12-28", "2014-12-30", false},
		{"2014-12-28TAF", "2014-12-29TAF", false}, // parts of neighbouring days
	}
	for _, c := range cases {
		if got := near(mustDate(t, c.a, ""), mustDate(t, c.b, "")); got != c.want {
			t.Errorf("near(%s, %s) = %v", c.a, c.b, got)
		}
	}
}

func TestConsensus(t *testing.T) {
	dates := func(vs ...string) []Date {
		var out []Date
		for _, v := range vs {
			out = append(out, mustDate(t, v, ""))
		}
		return out
	}
	cases := []struct {
		in    []string
		want  string
		agree bool
		sides [][]int
	}{
		{in: []string{"2014-12-28", "2014-12-28T06:18", "2014-12"}, want: "2014-12-28T06:18", agree: true},
		// The day agrees with both clock times; they do not agree with
		// each other, and the day stands on no side.
		{in: []string{"2014-12-28T06:14", "2014-12-28", "2014-12-28T06:18", "2014-12-28T06:14"}, want: "2014-12-28", sides: [][]int{{0, 3}, {2}}},
		{in: []string{"2014-12-28", "2014-12-29", "2014-12-28"}, want: "2014-12", sides: [][]int{{0, 2}, {1}}},
		{in: []string{"2014-12-31", "2015-01-01"}, want: "2014-12-31", sides: [][]int{{0}, {1}}},
	}
	for _, c := range cases {
		ds := dates(c.in...)
		got, agree := consensus(ds)
		if got.Value != c.want || agree != c.agree {
			t.Errorf("consensus(%v) = %s, %v; want %s, %v", c.in, got.Value, agree, c.want, c.agree)
		}
		if !agree {
			if s := sides(ds); !reflect.DeepEqual(s, c.sides) {
				t.Errorf("sides(%v) = %v, want %v", c.in, s, c.sides)
			}
		}
	}
}

// report makes an article of sentences, each with one event on a date.
func report(t testing.TB, doc, lang string, sentences ...[2]string) Report {
	r := Report{Doc: doc, Lang: lang}
	for i, s := range sentences {
		start := len(r.Text)
		r.Text += s[1] + " "
		r.Events = append(r.Events, Event{
			ID: "e" + string(rune('1'+i)), Date: mustDate(t, s[0], ""), Status: StatusHappened,
			Headline: s[1], Evidence: Span{Start: start, End: start + len(s[1])},
		})
	}
	return r
}

func TestLinkAcrossArticlesAndLanguages(t *testing.T) {
	res := Link([]Report{
		report(t, "a1", "id",
			[2]string{"2014-12-28T06:18", "Pesawat AirAsia QZ8501 hilang kontak pada Minggu pukul 06.18 WIB di atas Laut Jawa."},
			[2]string{"2014-12-28", "Presiden Joko Widodo meresmikan pasar di Surabaya, Minggu."},
		),
		report(t, "a2", "id",
			[2]string{"2014-12-28T06:14", "Menurut AirNav, pesawat QZ8501 hilang kontak pukul 06.14 WIB."},
		),
		report(t, "a3", "en",
			[2]string{"2014-12-28TMO", "AirAsia flight QZ8501 lost contact with air traffic control on Sunday morning over the Java Sea."},
			[2]string{"2014-12-30", "Searchers found debris of QZ8501 near Pangkalan Bun on Tuesday."},
		),
	})
	var lost *LinkedEvent
	for i, le := range res.Events {
		for _, s := range le.Sources {
			if s.Doc == "a1" && s.EventID == "e1" {
				lost = &res.Events[i]
			}
		}
	}
	if lost == nil || len(lost.Sources) != 3 {
		t.Fatalf("the loss of contact is not one event of three sources: %+v", res.Events)
	}
	// The morning holds both clock times: it is the date they agree on.
	if !lost.Disagree || lost.Date.Value != "2014-12-28TMO" || !reflect.DeepEqual(lost.Sides, [][]int{{0}, {1}}) {
		t.Errorf("06.18 and 06.14 disagree within the morning: %+v", lost)
	}
	if lost.Sources[2].Date.Value != "2014-12-28TMO" {
		t.Errorf("a source keeps the date it gives: %+v", lost.Sources[2])
	}
	if len(res.Events) != 3 {
		t.Errorf("want 3 events (loss of contact, the market, the debris), got %d: %+v", len(res.Events), res.Events)
	}
	for i := 1; i < len(res.Events); i++ {
		if res.Events[i].Date.Start.Before(res.Events[i-1].Date.Start) {
			t.Errorf("events out of date order: %s before %s", res.Events[i-1].Date.Value, res.Events[i].Date.Value)
		}
	}
}

func TestLinkProposesBetweenThresholds(t *testing.T) {
	l := NewLinker()
	l.LinkAt = 1.01 // nothing links; what would is proposed
	l.Add(report(t, "a1", "id", [2]string{"2014-12-28T06:18", "Pesawat AirAsia QZ8501 hilang kontak pada Minggu pukul 06.18 WIB."}))
	l.Add(report(t, "a2", "id", [2]string{"2014-12-28", "Pesawat QZ8501 hilang kontak pada Minggu pagi."}))
	res := l.Result()
	if len(res.Events) != 2 || len(res.Proposals) != 1 {
		t.Fatalf("want two events and a proposal: %+v", res)
	}
	p := res.Proposals[0]
	if p.Score < ProposeScore || p.Score >= 1.01 || !strings.Contains(p.Reason, "QZ8501") || !strings.Contains(p.Reason, "'hilang kontak'") || !strings.Contains(p.Reason, "dates compatible") {
		t.Errorf("proposal %+v", p)
	}
}

func TestLinkKeepsHappeningsApart(t *testing.T) {
	res := Link([]Report{
		report(t, "a1", "en",
			[2]string{"2025-03-03T21:40", "The ferry Sinar Bahari left Bira port at 9.40 p.m. on Monday."},
			[2]string{"2025-03-04T02:15", "The ferry Sinar Bahari lost contact at 2.15 a.m. on Tuesday."},
		),
		report(t, "a2", "en",
			[2]string{"2025-03-03T22:10", "Sinar Bahari departed Bira at 10.10 p.m. Monday, port records show."},
			// Another happening on a day a week holds: no act shared.
			[2]string{"2025-W10", "Sinar Bahari's owners were questioned by police this week."},
		),
	})
	if len(res.Events) != 3 {
		t.Fatalf("want departure (two sources), loss of contact, questioning: %+v", res.Events)
	}
	for _, le := range res.Events {
		if le.Date.Start.Hour() == 21 && (len(le.Sources) != 2 || !le.Disagree) {
			t.Errorf("departure: %+v", le)
		}
	}
}

// TestLinkTwoEventsOfOneSentence checks that the second event of a
// sentence ("left at 7:30 and overturned later") does not take the first
// one's words to another article's telling of the first.
func TestLinkTwoEventsOfOneSentence(t *testing.T) {
	at := func(text, part string) Span {
		i := strings.Index(text, part)
		return Span{Start: i, End: i + len(part)}
	}
	a1 := report(t, "a1", "id", [2]string{"2026-05-08T07:30", "Bus yang membawa 41 penumpang itu berangkat dari Terminal Kampung Rambutan pukul 07.30 WIB."})
	text := "The bus, carrying 41 passengers, left Kampung Rambutan terminal at 7:30 a.m. on Friday and overturned on the toll road two hours later."
	sentence := Span{Start: 0, End: len(text)}
	a2 := Report{Doc: "a2", Lang: "en", Text: text, Events: []Event{
		{ID: "e1", Date: mustDate(t, "2026-05-08T07:30", ""), Status: StatusHappened, Evidence: sentence,
			Subject: at(text, "The bus"), Predicate: at(text, "left"), Object: at(text, "Kampung Rambutan terminal")},
		{ID: "e2", Date: mustDate(t, "2026-05-08", ""), Status: StatusHappened, Evidence: sentence,
			Subject: at(text, "The bus"), Predicate: at(text, "overturned"), Object: at(text, "the toll road")},
	}}
	res := Link([]Report{a1, a2})
	if len(res.Events) != 2 {
		t.Fatalf("want the departure (two sources) and the overturning: %+v", res.Events)
	}
	for _, le := range res.Events {
		for _, src := range le.Sources {
			if src.EventID == "e2" && len(le.Sources) != 1 {
				t.Errorf("the overturning joined the departure: %+v", le)
			}
		}
	}
}

func TestLinkSkipsBadEvents(t *testing.T) {
	r := report(t, "a1", "id", [2]string{"2014-12-28", "Pesawat QZ8501 hilang kontak."})
	r.Events = append(r.Events, Event{ID: "bad", Date: mustDate(t, "2014-12-28", ""), Evidence: Span{Start: 5, End: 5000}}, Event{ID: "nodate", Evidence: Span{Start: 0, End: 3}})
	l := NewLinker()
	l.Add(r)
	l.Add(r) // the same article twice counts once
	if res := l.Result(); len(res.Events) != 1 || len(res.Events[0].Sources) != 1 {
		t.Errorf("%+v", res)
	}
}

func TestLinkWords(t *testing.T) {
	for _, code := range LanguageCodes() {
		if w := linkWordsFor(code); w == nil || len(w.concepts) == 0 {
			t.Errorf("language %s has no link words (lang/%s/link.txt)", code, code)
		}
	}
	id, en := linkWordsFor("id"), linkWordsFor("en")
	for concept, act := range id.acts {
		if other, ok := en.acts[concept]; !ok || other != act {
			t.Errorf("concept %s is Indonesian only: reports in two languages cannot meet on it", concept)
		}
	}
	for _, bad := range []Pack{
		{LinkThings: map[string]string{"a b c d": "x"}},
		{LinkThings: map[string]string{"a": "x y"}},
		{LinkThings: map[string]string{"a": "x"}, LinkActs: map[string]string{"A": "y"}},
		{LinkThings: map[string]string{"a": "x"}, LinkActs: map[string]string{"b": "x"}},
	} {
		if _, err := compileLinkWords(&bad); err == nil {
			t.Errorf("compileLinkWords(%+v) accepted", bad)
		}
	}
}

func TestSentenceFeatures(t *testing.T) {
	keys := func(lang, s string) []string {
		var out []string
		for _, f := range sentenceFeatures(lang, s) {
			out = append(out, f.key)
		}
		return out
	}
	got := keys("id", "JAKARTA, KOMPAS — Pesawat KS 614 tergelincir di Bandara Sentani pada Kamis (12/6/2025) pukul 09.12 WIT, kata Yohanes.")
	want := []string{"614", "=airport", "=plane", "=skid", "ks", "sentani", "yohanes"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Indonesian features %v, want %v", got, want)
	}
	got = keys("en", "Flight KS614 skidded off the runway at Sentani airport at 9:20 a.m. on Thursday, with 3,200 litres of fuel.")
	want = []string{"3200", "614", "=airport", "=runway", "=skid", "flight", "fuel", "ks", "litres", "sentani"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("English features %v, want %v", got, want)
	}
	// A place the other language spells otherwise carries both names.
	got = keys("id", "Kereta anjlok di Purwakarta, Jawa Barat.")
	want = []string{"=derail", "=train", "barat", "java", "jawa", "purwakarta", "west"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Indonesian place features %v, want %v", got, want)
	}
}

func TestSourceClausesLeftOut(t *testing.T) {
	keys := func(lang, s string, pred string) []string {
		e := Event{Evidence: Span{Start: 0, End: len(s)}}
		if pred != "" {
			at := strings.Index(s, pred)
			e.Predicate = Span{Start: at, End: at + len(pred)}
		}
		var out []string
		for _, f := range eventFeatures(lang, s, e, nil) {
			out = append(out, f.key)
		}
		return out
	}
	cases := []struct {
		lang, s, pred string
		want          []string
	}{
		// A source after the happening, with what it tells of itself.
		{"en", "The explosion happened at 4:52 a.m. on Oct. 14, according to the plant's own alarm log, which the county shared with reporters.", "", []string{"=explode"}},
		// A speaker and the title after the name.
		{"id", `"Semua penumpang dievakuasi," kata Yohanes Wenda, Kepala Bandara Sentani.`, "", []string{"=evacuate", "=passenger"}},
		// A source opening the sentence.
		{"id", "Menurut AirNav, pesawat QZ8501 hilang kontak pukul 06.14 WIB.", "", []string{"8501", "=lose-contact", "=plane", "qz"}},
		// Who said it in the first clause tells the sentence: it stays.
		{"en", "Finch said the blast, which killed Daniel Ortiz, happened shortly before 5 a.m.", "", []string{"=die", "=explode", "before", "daniel", "finch", "ortiz", "shortl"}},
		// A clause after the source that tells an act is its own.
		{"en", "Rohmah died on Monday, the hospital said, as investigators began examining the track.", "", []string{"=die", "=investigate", "examin", "rohmah", "track"}},
		// A day of saying is told by its source clause.
		{"en", "Finch will testify on Nov. 3, the committee's chair said Friday.", "said", []string{"=hearing", "chair", "commit", "finch"}},
	}
	for _, c := range cases {
		if got := keys(c.lang, c.s, c.pred); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: features %v, want %v", c.s, got, c.want)
		}
	}
}

// focused makes the i-th event of r tell only focus (its headline).
func focused(r Report, i int, focus string) Report {
	r.Events[i].Headline = focus
	return r
}

// predicated sets event i's predicate to the first occurrence of word in
// its sentence.
func predicated(r Report, i int, word string) Report {
	at := r.Events[i].Evidence.Start + strings.Index(r.Text[r.Events[i].Evidence.Start:], word)
	r.Events[i].Predicate = Span{Start: at, End: at + len(word)}
	return r
}

// TestLinkHappeningNamedByItsNoun checks that a thing that is an event's
// predicate ("the flood of March 2019") is the act two tellings at a
// month share, which a month needs to link.
func TestLinkHappeningNamedByItsNoun(t *testing.T) {
	a := predicated(report(t, "a1", "id", [2]string{"2019-03", "Warga masih teringat banjir besar pada Maret 2019 di Kota Garut."}), 0, "banjir")
	b := predicated(report(t, "a2", "en", [2]string{"2019", "The Garut flood of 2019 forced thousands from their homes."}), 0, "flood")
	if res := Link([]Report{a, b}); len(res.Events) != 1 {
		t.Errorf("one flood named by its noun at a month and a year: %+v", res.Events)
	}
	// Named outside the predicate, the thing is no act: a month holds
	// many happenings.
	b = predicated(report(t, "a2", "en", [2]string{"2019", "Garut opened new drains after the flood in 2019."}), 0, "opened")
	if res := Link([]Report{a, b}); len(res.Events) != 2 {
		t.Errorf("a flood linked with drains opened that year: %+v", res.Events)
	}
}

func TestLinkSayingThatTellsAnAct(t *testing.T) {
	arrival := report(t, "a1", "en", [2]string{"2025-10-16", "Investigators from the Chemical Safety Board arrived in Millbrook on Thursday."})
	said := report(t, "a2", "en", [2]string{"2025-10-16", "The Chemical Safety Board, whose investigators arrived at the site on Thursday, said its findings would take months."})
	said.Events[0].Status = StatusReported
	if res := Link([]Report{arrival, said}); len(res.Events) != 1 {
		t.Errorf("an arrival dated in a saying's clause is the arrival: %+v", res.Events)
	}
	// A day of saying that tells no act stays a day of saying.
	said = report(t, "a2", "en", [2]string{"2025-10-16", "The Chemical Safety Board in Millbrook said on Thursday its findings would take months."})
	said.Events[0].Status = StatusReported
	if res := Link([]Report{arrival, said}); len(res.Events) != 2 {
		t.Errorf("a day of saying linked with the arrival: %+v", res.Events)
	}
}

func TestLinkTimesOfOneDay(t *testing.T) {
	reopened := report(t, "a1", "id", [2]string{"2025-06-13T14:00", "Bandara Sentani kembali dibuka untuk penerbangan komersial pada Jumat pukul 14.00 WIT."})
	// The builder's focus misses the act; the sentence still tells it.
	other := focused(report(t, "a2", "en", [2]string{"2025-06-13T16:30", "Sentani airport reopened to commercial flights at 4:30 p.m. on Friday, a day after flight KS614 ran off the runway."}), 0, "Sentani airport")
	res := Link([]Report{reopened, other})
	if len(res.Events) != 1 || !res.Events[0].Disagree {
		t.Errorf("two times of one day, one act: one event whose sources disagree, got %+v", res.Events)
	}
	// On the neighbouring day, an act outside the focus links nothing.
	skid := report(t, "a3", "en", [2]string{"2025-06-12", "Flight KS614 ran off the runway at Sentani airport on Thursday."})
	if res := Link([]Report{skid, other}); len(res.Events) != 2 {
		t.Errorf("the day before, the runway excursion linked with the reopening: %+v", res.Events)
	}
}

// TestLinkOneActNamingAnother checks that a dating clause telling a
// second act beside the one both tellings share ("claimed responsibility
// for the cyberattack") still meets a telling of that act a day apart,
// while a clause whose only act the other does not tell stays apart.
func TestLinkOneActNamingAnother(t *testing.T) {
	claim := report(t, "a1", "en", [2]string{"2026-05-06", "A gang calling itself Obsidian Veil claimed responsibility late Wednesday for the cyberattack on Halden Valley Health."})
	later := report(t, "a2", "en", [2]string{"2026-05-07", "Obsidian Veil, which claimed responsibility on Thursday, had threatened to release the files."})
	res := Link([]Report{claim, later})
	if len(res.Events) != 1 || !res.Events[0].Disagree {
		t.Errorf("one claim dated a day apart: want one event whose sources disagree, got %+v", res.Events)
	}
	restored := report(t, "a3", "en", [2]string{"2026-05-07", "Halden Valley Health restored the servers Obsidian Veil had locked on Thursday."})
	if res := Link([]Report{claim, restored}); len(res.Events) != 2 {
		t.Errorf("a claim and a restoration a day apart linked: %+v", res.Events)
	}
}

func TestAgreementOnRepeatedDates(t *testing.T) {
	var ds []Date
	for i, v := range []string{"2014-12-28T06:14", "2014-12-28", "2014-12-28T06:18", "2014-12-29", "2014-12-28T06:14", "2014-12-28T06:18", "2014-12-29", "2014-12-28T06:14"} {
		for range i%3 + 1 {
			ds = append(ds, mustDate(t, v, ""))
		}
	}
	want, wantAgree := consensus(ds)
	got, agree, groups := Agreement(ds)
	if got != want || agree != wantAgree || !reflect.DeepEqual(groups, sides(ds)) {
		t.Errorf("Agreement = %s, %v, %v; the rule on every source gives %s, %v, %v", got.Value, agree, groups, want.Value, wantAgree, sides(ds))
	}
}
