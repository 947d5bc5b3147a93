package claims

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/factline/factline/timeline"
)

// eventBuilder finds the happenings of one article: each predicate that a
// date in its clause anchors becomes one event, told once however many
// times the article repeats it.
type eventBuilder struct {
	text   string
	words  *textWords
	p      *pack
	dct    time.Time
	paras  []Span
	boiler []Span
	sents  []Span
	units  []unit
	claims []Claim
	source string
	// documents are the quotes that reproduce a letter, an e-mail or a
	// message, found by quotedDocuments.
	documents []Span
	// swords is the buffer of sentenceWords, reused from one sentence to
	// the next: a sentence's words are read only while its events are
	// built.
	swords []sword
}

// maxTrailingWords is how many words may follow a trailing attribution
// (", Castro said on Tuesday.") for the words before it to be what was
// said.
const maxTrailingWords = 3

// maxReportGap is how far after an attribution a date may stand and still
// be the day of saying: "kata Suhartoko saat konferensi pers di kantor
// Pertamina Jakarta, Rabu (23/10/2013)".
const maxReportGap = 64

// alike reports whether two headlines' words a and b tell one happening:
// similar enough, and sharing more than one word, since two short
// headlines may share only their subject ("Sales dropped", "Sales
// increased").
func alike(a, b []string) bool {
	d := timeline.WordOverlap(a, b)
	return d >= sameEventSimilarity && d*float64(len(a)+len(b)) >= 4
}

// sameEventSimilarity is the headline similarity from which two mentions
// of compatible dates in one article are taken as the same happening.
const sameEventSimilarity = 0.5

// dateGroup is one date as the text gives it: a single expression, a day
// with its clock time ("Minggu (28/12) pukul 06.12"), one time in two zones
// ("06.17 WIB atau 07.17 WITA"), or a range ("28-30 Desember").
type dateGroup struct {
	span    Span
	date    timeline.Date
	end     timeline.Date // the end of a range; zero otherwise
	timexID string
	since   bool // "sejak 2017": a state from the date on (mod START)
	// clock marks a time of day whose day the tagger took from an anchor
	// rather than from the words ("pukul 10.00 WIB").
	clock bool
	// holiday marks a date the tagger read from a holiday's name
	// ("Natal", "Christmas").
	holiday bool
	// offset marks a date counted from the sentence's own (offsetDates):
	// it dates only a happening the clause after it tells.
	offset bool
}

// eventID names the article's event at index i: "e1", "e2", ...
func eventID(i int) string { return "e" + strconv.Itoa(i+1) }

// build makes the article's events from its resolved DATE and TIME
// expressions outside boilerplate.
func (b *eventBuilder) build(timexes []timeline.Timex) []timeline.Event {
	var out []timeline.Event
	var preds []string   // each event's predicate, lower case
	var words [][]string // each event's headline words
	var recaps []bool    // each event's date is counted from another's (offsetDates)
	bySentence := map[int][]timeline.Timex{}
	var order []int
	// The event layer moves dates on its own copy; the extraction keeps
	// the tagger's values.
	timexes = b.offsetDates(b.narrate(b.quotedDocuments(slices.Clone(timexes))))
	for _, t := range timexes {
		if t.Type != timeline.TypeDate && t.Type != timeline.TypeTime {
			continue
		}
		si := b.sentenceOf(t.Start, t.End)
		if si < 0 {
			continue
		}
		if _, seen := bySentence[si]; !seen {
			order = append(order, si)
		}
		bySentence[si] = append(bySentence[si], t)
	}
	for _, si := range order {
		if b.isTitle(si) {
			continue
		}
		ts := bySentence[si]
		spans := make([]Span, len(ts))
		for i, t := range ts {
			spans[i] = Span{Start: t.Start, End: t.End}
		}
		ws := b.sentenceWords(b.sents[si], spans)
		var told []Span // the predicates this sentence's events hang on
		for _, g := range b.groups(ts) {
			e, pred, ok := b.event(si, ws, g)
			if !ok || g.offset && !b.offsetClause(ws, g.span, e.Predicate) {
				continue
			}
			// A later date on the same predicate that a comparison or a
			// count opens is a detail of it ("erupted on Wednesday for the
			// fifth time since December", "6.870 kasus, dibandingkan
			// 2023"), not a happening of its own.
			if e.Predicate.Len() > 0 && slices.Contains(told, e.Predicate) && b.detail(ws, g.span) {
				continue
			}
			told = append(told, e.Predicate)
			if b.runsOn(out, e, ws) || b.retold(out, e, g.clock) {
				continue
			}
			hw := timeline.HeadlineWords(e.Headline)
			if b.fold(out, preds, words, recaps, e, pred, hw, g.span) {
				continue
			}
			e.ID = eventID(len(out))
			out = append(out, e)
			preds, words, recaps = append(preds, pred), append(words, hw), append(recaps, g.offset)
		}
	}
	return joinRecaps(out, recaps)
}

// narrate moves the times that the tagger anchored on a day of saying, or
// on the start of a state ("hujan sejak Jumat sore"), to the day the story
// is on. "A ferry ran aground on Saturday, officials said on Sunday. It
// left port at 5:10 a.m.": the tagger takes the day last mentioned, Sunday;
// the narrative is still on Saturday, the last day given for a happening.
// A moved anchor moves what was counted from it by the same number of days
// ("keesokan harinya" stays the day after), and a clock time far earlier
// than the one it follows is the next day's. It changes out in place.
func (b *eventBuilder) narrate(out []timeline.Timex) []timeline.Timex {
	shift := map[string]int{}     // timex ID -> days it moved
	day := map[string]time.Time{} // timex ID -> its day, as the tagger gave it
	at := map[string]int{}        // timex ID -> where it starts
	background := map[string]bool{}
	var story time.Time
	lastClock := "" // the last clock time the story reached
	for i := range out {
		t := &out[i]
		if t.Type != timeline.TypeDate && t.Type != timeline.TypeTime || len(t.Value) < dayLen {
			continue
		}
		d, err := time.Parse(time.DateOnly, t.Value[:dayLen])
		if err != nil {
			continue
		}
		day[t.ID], at[t.ID] = d, t.Start
		if si := b.sentenceOf(t.Start, t.End); si >= 0 {
			_, background[t.ID] = b.reportZone(b.unitOf(b.sents[si]), Span{Start: t.Start, End: t.End})
		}
		// A part of the day counted from publication ("installed
		// overnight") is a loose aside: the story stays on its day.
		background[t.ID] = background[t.ID] || b.p.sinceCues[lowerASCII(b.wordBefore(t.Start))] || t.LoosePartOfDay() ||
			i > 0 && b.otherZone(&out[i-1], t)
		n, moved := 0, false
		ahead := t.BareTime() && b.aheadInSentence(t) && !b.anchoredInSentence(t, at[t.Anchor])
		switch {
		case ahead && t.CountsFromAnchor() && background[t.Anchor] && !story.IsZero() && story.After(d) && !story.Before(b.dct):
			// "will sign the agreement on Friday, officials said on
			// Wednesday ... The signing ceremony is scheduled for 10
			// a.m.": a planned time of day, counted from the day of
			// saying, is on the day the story plans.
			n, moved = days(story.Sub(d)), true
		case ahead && !b.dct.IsZero() && d.Before(b.dct):
			// "Inspectors will visit the site at 9 a.m.": a planned time
			// of day is not before publication, whatever day the story
			// told last.
			n, moved = days(b.dct.Sub(d)), true
		case t.CountsFromAnchor() && !ahead:
			n, moved = shift[t.Anchor]
			if !moved && (t.BareTime() || timeline.PartOfDay(t.Value)) && background[t.Anchor] && !story.IsZero() && !story.Equal(day[t.Anchor]) {
				n, moved = days(story.Sub(day[t.Anchor])), true
			}
		case t.Anchor == "dct" && t.BareTime() && !story.IsZero() && !story.Equal(d) && !ahead &&
			strings.HasPrefix(lastClock, story.Format(time.DateOnly)):
			// A time of day with no day of its own, told while the story
			// runs by the clock on an earlier day, is on that day, not the
			// publication day: "... pukul 07.55 WIB. Ekskavator baru tiba
			// pukul 11.30 WIB".
			n, moved = days(story.Sub(d)), true
		}
		if t.Anchor != "" && t.Anchor != "dct" && rolledOver(t.Value, lastClock) {
			// "at 10:40 p.m. ... The blast came at 4:47 a.m.": the story
			// went on past midnight.
			n, moved = n+1, true
		}
		if moved && n != 0 {
			d = d.AddDate(0, 0, n)
			t.Value = d.Format(time.DateOnly) + t.Value[dayLen:]
			shift[t.ID] = n
		}
		if !background[t.ID] {
			story = d
			if len(t.Value) == len("2006-01-02T15:04") {
				lastClock = t.Value
			}
		}
	}
	return out
}

// otherZone reports whether t gives the day of the same time in another
// zone, in brackets after the clock time prev: "7:55 a.m. (2055 GMT
// Monday)". That day is not the day the story is on.
func (b *eventBuilder) otherZone(prev, t *timeline.Timex) bool {
	if !strings.Contains(prev.Value, ":") || prev.End > t.Start || t.Start-prev.End > maxZoneGap {
		return false
	}
	gap := b.text[prev.End:t.Start]
	return strings.Contains(gap, "(") && !strings.ContainsAny(gap, ").;")
}

// maxZoneGap is how far after a clock time its other zone's day may stand.
const maxZoneGap = 24

// days is the number of whole days in d.
func days(d time.Duration) int { return int(d.Hours() / 24) }

// aheadInSentence reports whether a word that plans or forecasts stands
// before t in its sentence ("akan digelar pukul 14.00"): such a time is
// ahead of the story, on the day the tagger gave it.
func (b *eventBuilder) aheadInSentence(t *timeline.Timex) bool {
	si := b.sentenceOf(t.Start, t.End)
	if si < 0 {
		return true
	}
	return b.words.has(Span{Start: b.sents[si].Start, End: t.Start}, b.p.futureCues)
}

// anchoredInSentence reports whether t's anchor, starting at anchorAt,
// stands in t's own sentence ("tomorrow at 9 a.m."): then the day is the
// sentence's own.
func (b *eventBuilder) anchoredInSentence(t *timeline.Timex, anchorAt int) bool {
	if t.Anchor == "" || t.Anchor == "dct" {
		return false
	}
	si := b.sentenceOf(t.Start, t.End)
	return si >= 0 && anchorAt >= b.sents[si].Start
}

// rollOver is how far back a clock time may go from the one it is told
// after and still be on the same day.
const rollOver = 6 * time.Hour

// rolledOver reports whether the clock time value, placed by the tagger on
// the day of the last clock time the story reached (last), is a morning
// time after an evening one, so much earlier that the story has passed
// midnight.
func rolledOver(value, last string) bool {
	v, err1 := time.Parse("2006-01-02T15:04", value)
	l, err2 := time.Parse("2006-01-02T15:04", last)
	return err1 == nil && err2 == nil && l.Hour() >= eveningFrom && v.Hour() < noon &&
		v.Before(l.Add(-rollOver)) && !v.Before(l.Truncate(24*time.Hour))
}

// A story passes midnight from the evening into the morning; a morning
// time told after a midday one is a step back in the telling ("the warning
// ran from 3:00 to 11:00 ... the first trees came down at 2:30").
const (
	eveningFrom = 18
	noon        = 12
)

// groups joins the sentence's expressions that give one date: adjacent
// compatible ones keep the finer, alternatives keep the first, and the two
// ends of a range make one date with an end.
func (b *eventBuilder) groups(ts []timeline.Timex) []dateGroup {
	var out []dateGroup
	for _, t := range ts {
		mod := t.Mod
		since := b.p.sinceCues[lowerASCII(b.wordBefore(t.Start))]
		if since && mod == timeline.ModNone {
			mod = timeline.ModStart
		}
		d, err := timeline.ParseDate(t.Value, mod)
		if err != nil {
			continue
		}
		if d.Precision == timeline.PrecisionMinute {
			d.Zone = t.Zone
		}
		g := dateGroup{span: Span{Start: t.Start, End: t.End}, date: d, timexID: t.ID, since: since,
			clock:   t.Type == timeline.TypeTime && t.Anchor != "" && len(t.Value) > dayLen,
			holiday: strings.HasSuffix(t.Rule, ".holiday"), offset: t.Rule == offsetRule}
		if n := len(out); n > 0 && !g.offset && !out[n-1].offset {
			prev := &out[n-1]
			switch b.joinBetween(prev.span.End, t.Start, b.p.ev.rangeOpeners[lowerASCII(b.wordBefore(prev.span.Start))]) {
			case joinAdjacent:
				if prev.clock && (len(d.Value) == dayLen || timeline.PartOfDay(d.Value)) && !contains(d, prev.date) {
					// "pukul 10.00 WIB, Rabu (1/5)", "pukul 01.15 WIB pada
					// Senin dini hari": the tagger put the clock on its own
					// anchor; the day named after it is the clock's day.
					if moved, ok := onDay(d, prev.date); ok {
						prev.date, prev.span.End, prev.clock = moved, t.End, false
						continue
					}
				}
				if contains(prev.date, d) || contains(d, prev.date) {
					if contains(prev.date, d) {
						prev.date, prev.timexID = d, t.ID
					}
					// "at 2:15 a.m. on May 3": the clock's day is
					// named beside it, not taken from the story.
					prev.clock = prev.clock && !contains(d, prev.date)
					prev.span.End = t.End
					continue
				}
			case joinAlternative:
				// The first way of giving the time stands; the second may
				// carry the day both share ("10.00 WIB atau 11.00 WITA,
				// Rabu (1/5)").
				if prev.clock && !g.clock && len(d.Value) > dayLen {
					if moved, ok := onDay(d, prev.date); ok {
						prev.date, prev.clock = moved, false
					}
				}
				prev.span.End = t.End
				continue
			case joinRange:
				if prev.end.IsZero() && !d.Start.Before(prev.date.Start) {
					prev.end, prev.span.End, prev.date = d, t.End, prev.date.Through(d)
					continue
				}
			case joinList:
				// Two periods that touch are one stretch of time ("rolling
				// blackouts in May and June 2023", "keberangkatan 23 dan
				// 24 Desember"); apart, they are two happenings ("terbakar
				// pada 25 April 2017 dan 19 Januari 2023").
				if prev.end.IsZero() && !prev.clock && !g.clock && prev.date.Precision == d.Precision &&
					prev.date.Mod == d.Mod && prev.date.End.Equal(d.Start) {
					prev.end, prev.span.End, prev.date = d, t.End, prev.date.Through(d)
					continue
				}
			}
		}
		out = append(out, g)
	}
	return out
}

// detail reports whether a comparison or since-word stands in the few
// words before the date t ("dibandingkan 2023", "than in 2019", "since
// December", "from 1.9% in September"), or whether t stands in an adjunct
// that a participle opens after a clause mark ("issued a warning on
// Friday, covering the coast from 03:00 to 11:00 on Saturday").
func (b *eventBuilder) detail(ws []sword, t Span) bool {
	i0, _ := wordRange(ws, t)
	for k := i0 - 1; k > 0 && ws[k].pred == predNone && !ws[k].date; k-- {
		if ws[k].cut && hasAnySuffix(ws[k].low, b.p.ev.participles) {
			return true
		}
	}
	for k := i0 - 1; k >= 0 && k >= i0-maxDetailGap && !(ws[k].cut && k < i0-1); k-- {
		if b.p.sinceCues[ws[k].low] {
			return true
		}
	}
	return b.comparisonBase(ws, t, true)
}

// comparisonBase reports whether the date t gives the base of a
// comparison: a comparison word in the few words before it ("dibandingkan
// 2023", "than in 2019") or opening its clause, or, with figures, a
// comparison preposition with a figure beside it ("to 2.3% in October from
// 1.9% in September", "rose 31% from a year earlier", "up from last year's
// $2.34 billion"); "from March 30" starts a plan. Without figures (a
// clause with a predicate the date may date) a comparison preposition is
// left alone ("turun 25 persen dari 100 sejak Juni"), and a comparison
// word before a figure is a quantity ("more than 45,000 acres by Monday").
func (b *eventBuilder) comparisonBase(ws []sword, t Span, figures bool) bool {
	i0, i1 := wordRange(ws, t)
	if i1 < len(ws) && b.p.ev.possessiveMarkers[b.text[ws[i1-1].end:ws[i1].end]] {
		i1++ // the possessive of "last year's $2.34 billion"
	}
	figureAfter := i1 < len(ws) && !ws[i1].cut && isDigit(rune(b.text[ws[i1].start]))
	// A clause that opens with a comparison word and has no verb before
	// the date: ", compared with a loss of $195 million in the 1988
	// period".
	for k := i0 - 1; k >= 0 && ws[k].pred != predVerb; k-- {
		if ws[k].cut || k == 0 {
			if b.p.ev.comparisons[ws[k].low] {
				return true
			}
			break
		}
	}
	for k := i0 - 1; k >= 0 && k >= i0-maxDetailGap && !(ws[k].cut && k < i0-1); k-- {
		if b.p.ev.comparisons[ws[k].low] && (figures || b.comparesBase(ws, k)) {
			return true
		}
		if figures && b.p.ev.figureComparisons[ws[k].low] && (k+1 < i0 && isDigit(rune(ws[k+1].low[0])) || k > 0 && isDigit(rune(ws[k-1].low[0])) || k == i0-1 && figureAfter) {
			return true
		}
	}
	return false
}

// maxDetailGap is how many words before a date a comparison may stand
// ("hampir dua kali lipat dibandingkan tahun 2023").
const maxDetailGap = 4

// dayLen is the length of a TIMEX3 day value ("2019-12-28"), the part of a
// time value before its clock ("T06:12").
const dayLen = len("2006-01-02")

// onDay returns the clock time of clock on the day of day ("pukul 10.00
// WIB" on "Rabu (1/5)"); ok is false when either has no such part.
func onDay(day, clock timeline.Date) (timeline.Date, bool) {
	if len(day.Value) < dayLen || len(clock.Value) <= dayLen {
		return timeline.Date{}, false
	}
	d, err := timeline.ParseDate(day.Value[:dayLen]+clock.Value[dayLen:], clock.Mod)
	d.Zone = clock.Zone
	return d, err == nil
}

// join says how two neighbouring expressions relate.
type join uint8

const (
	joinNone join = iota
	joinAdjacent
	joinAlternative
	joinRange
	// joinList is a conjunction between two dates: "May and June 2023",
	// "25 April 2017 dan 19 Januari 2023".
	joinList
)

// joinBetween reads the text between two expressions: nothing but
// brackets, commas and date prepositions ("Minggu (28/12) pukul 06.12",
// "on Sunday at 6 a.m."), an alternative ("atau", "or", an opening
// bracket: "10 a.m. local time (0300 GMT)"), or a range word ("hingga",
// "to", a dash; a conjunction after a range opener: "between 2021 and
// 2023"), or else a conjunction.
func (b *eventBuilder) joinBetween(from, to int, opened bool) join {
	gap := b.text[from:to]
	if len(gap) > 40 {
		return joinNone
	}
	trimmed := strings.TrimSpace(gap)
	switch trimmed {
	case "-", "–", "—", "/":
		return joinRange
	case "(":
		return joinAlternative
	}
	ws, lows := b.words.in(from, to)
	bracket := strings.HasPrefix(trimmed, "(")
	kind := joinAdjacent
	for i, low := range lows {
		switch {
		case b.p.ev.rangeWords[low]:
			kind = joinRange
		case b.p.ev.altWords[low]:
			kind = joinAlternative
		case opened && b.p.conjunctions[low]:
			kind = joinRange
		case b.p.conjunctions[low] && kind == joinAdjacent:
			kind = joinList
		case b.p.datePreps[low]:
		case !bracket && b.p.ev.zoneWords[low]:
			// "10:00 a.m. local time on Wednesday": the clock's zone.
		case bracket && (b.p.ev.zoneWords[low] || isDigit(rune(b.text[ws[i].start]))):
			// "7:55 a.m. (2055 GMT Monday)": the same time in another zone
			kind = joinAlternative
		default:
			return joinNone
		}
	}
	if strings.ContainsAny(trimmed, ".;:!?") {
		return joinNone
	}
	if kind == joinAdjacent && strings.Contains(trimmed, "(") {
		return joinAlternative
	}
	return kind
}

// clauseStart returns the first word of the clause holding word a, read
// between clause marks only: a plan governs its subordinate clauses
// ("dijadwalkan untuk mengadakan pertemuan").
func clauseStart(ws []sword, a int) int {
	for a > 0 && !ws[a].cut {
		a--
	}
	return a
}

// sameTime reports whether two dates can name the time of one happening:
// the same value, or a month, week or day and a finer date inside it
// ("Minggu (28/12)" and "pukul 06.17"). A year holding a day says nothing
// of the kind: "akhir tahun" and "Minggu (29/12)" are two times.
func sameTime(a, b timeline.Date) bool {
	if a.Value == b.Value {
		return a.Mod == b.Mod
	}
	if contains(b, a) {
		a, b = b, a
	}
	if !contains(a, b) {
		return false
	}
	switch a.Precision {
	case timeline.PrecisionMonth, timeline.PrecisionWeek, timeline.PrecisionDay:
		return true
	}
	return false
}

// contains reports whether date a covers all of b.
func contains(a, b timeline.Date) bool {
	return !b.Start.Before(a.Start) && !b.End.After(a.End)
}

// event makes the event date g anchors in sentence si, with the lower-cased
// predicate that tells it; ok is false when g anchors no happening (a
// title, an assessment of a period, a generic statement).
func (b *eventBuilder) event(si int, ws []sword, g dateGroup) (timeline.Event, string, bool) {
	sent := b.sents[si]
	i0, i1 := wordRange(ws, g.span)
	if i0 >= i1 {
		return timeline.Event{}, "", false
	}
	if b.notAHappening(ws, i0, i1) || b.inDocumentAside(ws, g.span) || i1-i0 == 1 && timeline.PartOfDay(g.date.Value) && b.kindOfThing(ws, i0) ||
		g.holiday && b.namesPeriod(ws, i0, i1) {
		return timeline.Event{}, "", false
	}
	e := timeline.Event{Date: g.date, End: g.end, Evidence: sent, TimexID: g.timexID, Source: b.source}
	u := b.unitOf(sent)
	zone, reported := b.reportZone(u, g.span)
	// The day of saying has come: a later date is what was said.
	reported = reported && (b.dct.IsZero() || g.date.Start.Before(b.dct.AddDate(0, 0, 1)))
	// "Rhian Morgan visited Aberporth on Sunday and said ...": the date
	// dates the deed the speaker did before saying, a happening.
	reported = reported && !b.deedBeforeCue(ws, u, g.span)
	a, z := b.clauseOf(ws, i0, i1)
	own := z // where the date's own clause ends
	pi := b.predicate(ws, a, z, i0, i1)
	if !reported && b.comparisonBase(ws, g.span, pi < 0) {
		// "up from last year's $2.34 billion", "naik 5 persen dibanding
		// 2023": the base of a comparison dates no happening.
		return timeline.Event{}, "", false
	}
	if (pi < 0 || ws[pi].pred == predNoun) && b.fronted(ws, a, z) {
		// A fronted date ("Pada sesi hari Minggu (29/12), Kim
		// menyarankan ...") belongs to the verb of the clause after it,
		// or of the one before.
		if z < len(ws) {
			if _, z2 := b.clauseOf(ws, z, z+1); b.hasVerb(ws, z, z2) {
				pi, a, z = b.predicate(ws, z, z2, i0, i1), z, z2
			}
		} else if a > 0 {
			if a2, _ := b.clauseOf(ws, a-1, a); b.hasVerb(ws, a2, a) {
				pi, a = b.predicate(ws, a2, a, i0, i1), a2
			}
		}
	}
	if pi < 0 && !b.assessment(ws, a, z) {
		// A clause without a predicate of its own ("kuartal II 2025",
		// "from a peak in October 2022") dates the sentence's.
		if pi = b.predicate(ws, 0, len(ws), i0, i1); pi >= 0 {
			a, z = b.clauseOf(ws, pi, pi+1)
			a, z = min(a, i0), max(z, i1)
		}
	}
	if pi < 0 && !reported && !b.statement(ws, a, z) {
		return timeline.Event{}, "", false
	}
	// said is what was said before the verb of saying, quoted or not, when
	// the date stands in it ("\"Minggu lalu sudah Rp 8.000,\" kata
	// Andi"): the headline is what was said, without the cue.
	var said Span
	if pi >= own && b.isSpeechVerb(ws[pi].low) {
		said = b.quoteBefore(ws, sent, g.span, ws[pi].start)
		if said.Len() == 0 && u != nil && g.span.End <= zone.Start && zone.Contains(spanOf(ws[pi].word)) &&
			countWords(b.text, zone.End, sent.End) <= maxTrailingWords {
			// Reported without quote marks, the attribution last: "The
			// group would leave as soon as Tuesday, Castro said."
			said = Span{Start: sent.Start, End: zone.Start}
		}
	}
	saidGist := ""
	if said.Len() > 0 {
		saidGist = b.gist(ws, sent, said)
	}
	pred := ""
	if pi >= 0 {
		pred = ws[pi].low
		e.Predicate = spanOf(ws[pi].word)
	}
	switch {
	case reported:
		e.Status = timeline.StatusReported
	case g.since:
		e.Status = timeline.StatusOngoing
	case b.scheduled(g, ws, clauseStart(ws, a), max(pi, i0)):
		e.Status = timeline.StatusScheduled
	case pi >= 0 && b.saying(ws, pi):
		e.Status = timeline.StatusReported
	default:
		e.Status = timeline.StatusHappened
	}
	switch {
	case reported:
		e.Headline = b.reportedHeadline(ws, sent, g.span, u, zone)
	case e.Status == timeline.StatusReported && quotedBytes(g.span, quoteSpans(b.text, sent, nil)) == 0:
		// A date on the verb of saying itself ("told his Cabinet on
		// Sunday that Israel was willing to withdraw"; "At 7:55 a.m., the
		// agency told commuters to stay home"): what was said stands
		// beside the verb. A date inside the quote is what was said.
		if u != nil {
			said := spanOf(ws[pi].word)
			for _, s := range []Span{u.at.phrase, u.at.cueSpan} {
				if s.Len() > 0 && sent.Contains(s) {
					said = Span{Start: min(said.Start, s.Start), End: max(said.End, s.End)}
				}
			}
			e.Headline = b.reportedHeadline(ws, sent, said, u, said)
			// "mengatakan kepada wartawan, Rabu", "said in a statement":
			// a phrase of whom or where, not what was said, which the
			// quotation before it tells when the unit holds one.
			if speaker, gist, ok := strings.Cut(e.Headline, ": "); ok {
				if first := lowerASCII(strings.Fields(gist)[0]); b.p.ev.functionWords[first] && !b.p.ev.determiners[first] {
					e.Headline = ""
					if earlier := b.earlierGist(u, sent); earlier != "" {
						e.Headline = b.saidBy(speaker, earlier)
					}
				}
			}
		}
	}
	switch {
	case e.Headline != "":
	case saidGist != "":
		e.Headline = saidGist
	case pi >= 0:
		e.Headline, e.Subject, e.Object = b.phrase(ws, a, z, pi, si)
		switch {
		case strings.Count(e.Headline, " ") == 0 && b.isSpeechVerb(pred):
			// A bare verb of saying ("menuturkan, ...") says nothing: the
			// sentence's words do.
			e.Headline = b.plainHeadline(ws, 0, len(ws))
		case b.isSpeechVerb(pred) && e.Object.Len() == 0 && e.Subject.Len() > 0:
			// "..., parliament said Friday": the speaker said the words
			// before them; "Deputi BPS Slamet Sutomo di Jakarta, Rabu,
			// mengatakan, pertumbuhan tersebut didorong ...": the words
			// after the verb.
			var part Span
			switch {
			case b.trailingSpeaker(ws, e.Subject, pi):
				part = Span{Start: sent.Start, End: e.Subject.Start}
			case b.saysAfter(ws, pi):
				part = Span{Start: e.Predicate.End, End: sent.End}
			}
			speaker := strings.TrimSuffix(e.Headline, " "+b.text[e.Predicate.Start:e.Predicate.End])
			if g := b.gist(ws, sent, part); part.Len() > 0 && g != "" && speaker != e.Headline {
				e.Headline = b.saidBy(speaker, g)
			}
		}
	default:
		e.Headline = b.plainHeadline(ws, a, z)
	}
	if e.Headline == "" {
		return timeline.Event{}, "", false
	}
	for _, c := range b.claims {
		if c.Start <= g.span.Start && g.span.End <= c.End {
			e.ClaimID = c.ID
			break
		}
	}
	return e, pred, true
}

// saysAfter reports whether what the verb of saying at pi says follows
// it: a comma or a complementizer after the verb (and its date), and the
// verb active, not after a copula ("was confirmed over the weekend" tells
// what was confirmed before it).
func (b *eventBuilder) saysAfter(ws []sword, pi int) bool {
	if pi > 0 && b.p.ev.copulas[ws[pi-1].low] {
		return false
	}
	k := pi + 1
	for k < len(ws) && (ws[k].date || b.isDatePrep(ws[k].low)) {
		k++
	}
	return k < len(ws) && (ws[pi+1].cut || b.p.complementizers[ws[k].low])
}

// fold adds e as a further mention of an earlier event with a compatible
// date and the same predicate, a similar headline, or a subject that
// names the earlier happening by its day, reporting whether it did. The
// event keeps the finer of the two dates: a day and its clock time are one
// happening at the minute. Recaps (recaps[i]) take no mention.
func (b *eventBuilder) fold(events []timeline.Event, preds []string, words [][]string, recaps []bool, e timeline.Event, pred string, hw []string, date Span) bool {
	for i := range events {
		o := &events[i]
		if recaps[i] {
			// A recap joins the telling after it (joinRecaps), which
			// names the happening in its own words.
			continue
		}
		// A state since a day and a happening on it are one only when
		// told by the same verb ("mengungsi sejak Selasa malam",
		// "Selasa malam: warga mengungsi").
		startsIt := o.Date.Value == e.Date.Value && (o.Date.Mod == timeline.ModStart) != (e.Date.Mod == timeline.ModStart) && pred != "" && preds[i] == pred
		compatible := contains(o.Date, e.Date) || contains(e.Date, o.Date)
		if !startsIt && (!compatible || o.Date.Value == e.Date.Value && o.Date.Mod != e.Date.Mod) {
			continue
		}
		// A like headline, or the same verb, at compatible dates is one
		// happening told again; another form of the verb ("hilang",
		// "kehilangan") needs dates close enough to name one time.
		act := pred != "" && !b.isSpeechVerb(pred)
		same := act && preds[i] == pred ||
			act && sameTime(o.Date, e.Date) && b.stem(preds[i]) == b.stem(pred) ||
			alike(words[i], hw) ||
			act && b.datedSubject(e, date) && b.namesBy(e.Subject, words[i])
		if !same {
			continue
		}
		if contains(o.Date, e.Date) && o.Date != e.Date {
			o.Date, o.TimexID = e.Date, e.TimexID
		}
		if o.Evidence != e.Evidence && !slices.Contains(o.Also, e.Evidence) {
			o.Also = append(o.Also, e.Evidence)
		}
		return true
	}
	return false
}

// datedSubject reports whether the date stands right beside e's subject,
// naming it by its day rather than dating the predicate: "Gempa Senin
// malam merusak", "Monday's quake damaged".
func (b *eventBuilder) datedSubject(e timeline.Event, date Span) bool {
	if e.Subject.Len() == 0 || e.Predicate.Len() == 0 {
		return false
	}
	between := e.Subject.End <= date.Start && date.End <= e.Predicate.Start
	// Before the subject only a possessive names it: "On Friday the fire
	// spread" dates the predicate.
	before := date.End <= e.Subject.Start && b.p.ev.possessiveMarkers[strings.TrimSpace(b.text[date.End:e.Subject.Start])]
	return between || before
}

// namesBy reports whether the subject s is a happening that an earlier
// event's headline words hw name: "Gempa bermagnitudo 5,4 mengguncang
// Kabupaten Majene pada Senin (10/2) pukul 21.47 ... Gempa Senin malam
// merusak sedikitnya 43 rumah" tells more of one quake.
func (b *eventBuilder) namesBy(s Span, hw []string) bool {
	for _, f := range strings.Fields(b.text[s.Start:s.End]) {
		if !b.p.ev.eventNouns[lowerASCII(f)] {
			continue
		}
		if w := timeline.HeadlineWords(f); len(w) == 1 && slices.Contains(hw, w[0]) {
			return true
		}
	}
	return false
}

// retold reports whether e tells in detail the lede's happening, and
// joins it at e's finer date when it does. News states the happening in
// its lede and then tells it by the clock or by the day, so the next event
// is the same happening:
//   - a clock time whose day the story gave before (clock), right after a
//     happening on that day without a time ("A volcano erupted on
//     Wednesday ... The fissure opened at 12:46 pm"; "akan menghadapi
//     Arab Saudi, Kamis (9/10) ... Pertandingan dijadwalkan dimulai pukul
//     19.30 WIB");
//   - a day inside the week of a plan the lede gave for a week, or a
//     clock time on the day of a plan the lede gave for a day, told as
//     planned too, when only the lede's statements and asides stand
//     between ("will try again to launch this week, the company said on
//     Monday ... The new launch window opens at 10:00 a.m. on
//     Wednesday"). A happening of "last week" is background to the day
//     the story then tells.
//
// A statement is no happening told again.
func (b *eventBuilder) retold(out []timeline.Event, e timeline.Event, clock bool) bool {
	if len(out) == 0 || e.Status == timeline.StatusReported {
		return false
	}
	last := &out[len(out)-1]
	timesDay := func(o *timeline.Event) bool {
		return clock && len(o.Date.Value) == dayLen && e.Date.Precision == timeline.PrecisionMinute &&
			o.Status != timeline.StatusReported
	}
	byClock := timesDay(last)
	if !byClock && len(e.Date.Value) >= dayLen {
		// The lede's first happening is its head: "will sign an agreement
		// on Friday ..., reviving a project it shelved in 2016"; "cut its
		// rate on Thursday and said inflation would stay within target in
		// 2025 ... The decision was announced at 4 p.m.". A clock time
		// after the lede's statement ("ran aground on Saturday, officials
		// said on Sunday ... The ferry left port at 5:10 a.m.") tells what
		// came before the happening, not the happening.
		said := false
		for i := len(out) - 1; i >= 0 && b.inLede(out[i].Evidence); i-- {
			if out[i].Status != timeline.StatusReported {
				last = &out[i]
			} else {
				said = true
			}
		}
		byClock = !said && timesDay(last)
	}
	plan := last.Status == timeline.StatusScheduled && e.Status == last.Status
	inWeek := plan && last.Date.Precision == timeline.PrecisionWeek && len(e.Date.Value) >= dayLen
	planClock := plan && len(last.Date.Value) == dayLen && e.Date.Precision == timeline.PrecisionMinute
	if !byClock && !inWeek && !planClock || !b.inLede(last.Evidence) || last.Date.Mod != "" || last.End.Value != "" ||
		last.Status == timeline.StatusReported || !contains(last.Date, e.Date) {
		return false
	}
	last.Date, last.TimexID = e.Date, e.TimexID
	last.Also = append(last.Also, e.Evidence)
	return true
}

// runsOn reports whether e, a range of dates on a verb a conjunction joins
// to an earlier one, tells how long an event of the same sentence lasts
// from its day on, and gives that event its end ("The new launch window
// opens at 10:00 a.m. on Wednesday and runs from Wednesday to Friday",
// "Pameran dibuka pukul 10.00 WIB pada Jumat (6/12) dan berlangsung pada
// 6-8 Desember").
func (b *eventBuilder) runsOn(out []timeline.Event, e timeline.Event, ws []sword) bool {
	if e.End.IsZero() || e.Status == timeline.StatusReported || e.Predicate.Len() == 0 {
		return false
	}
	joined := false
	for k := 1; k < len(ws) && !joined; k++ {
		joined = ws[k].start == e.Predicate.Start && b.p.conjunctions[ws[k-1].low]
	}
	if !joined {
		return false
	}
	day := e.Date.Start.Truncate(24 * time.Hour)
	for i := range out {
		o := &out[i]
		if o.End.IsZero() && o.Status == e.Status && (o.Evidence == e.Evidence || slices.Contains(o.Also, e.Evidence)) &&
			o.Date.Start.Truncate(24*time.Hour).Equal(day) {
			o.End, o.Date = e.End, o.Date.Through(e.End)
			return true
		}
	}
	return false
}

// deedBeforeCue reports whether, between the speaker phrase and the date
// t, the speaker did something other than speak, before a cue after t.
func (b *eventBuilder) deedBeforeCue(ws []sword, u *unit, t Span) bool {
	if u == nil || u.at.phrase.Len() == 0 || u.at.phrase.End > t.Start || u.at.cueSpan.Start < t.End {
		return false
	}
	for _, w := range ws {
		if w.start >= u.at.phrase.End && w.end <= t.Start && w.pred == predVerb && !w.rel && !b.isSpeechVerb(w.low) {
			return true
		}
	}
	return false
}

// inLede reports whether s lies in the lede, the article's first sentence
// after its title.
func (b *eventBuilder) inLede(s Span) bool {
	for si, sent := range b.sents {
		if !b.isTitle(si) {
			return sent.Start < s.End && s.Start < sent.End
		}
	}
	return false
}

// isTitle reports whether sentence si is the article's title: the first
// paragraph, one short line without a final stop, before the body.
func (b *eventBuilder) isTitle(si int) bool {
	if len(b.paras) < 2 || !b.paras[0].Contains(b.sents[si]) {
		return false
	}
	s := strings.TrimSpace(b.text[b.paras[0].Start:b.paras[0].End])
	if strings.ContainsRune(s, '\n') {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".!?\"”’:;,", r) && len(strings.Fields(s)) <= 15
}

// sentenceOf returns the index of the sentence holding [start, end), -1 if
// none does (the expression is in boilerplate).
func (b *eventBuilder) sentenceOf(start, end int) int {
	i := sort.Search(len(b.sents), func(i int) bool { return b.sents[i].End >= end })
	if i < len(b.sents) && b.sents[i].Start <= start {
		return i
	}
	return -1
}

// unitOf returns the unit holding sentence s.
func (b *eventBuilder) unitOf(s Span) *unit {
	i := sort.Search(len(b.units), func(i int) bool { return b.units[i].span.End >= s.End })
	if i < len(b.units) && b.units[i].span.Start <= s.Start {
		return &b.units[i]
	}
	return nil
}

// wordBefore returns the word just before offset i.
func (b *eventBuilder) wordBefore(i int) string {
	ws, _ := b.words.in(max(0, i-24), i)
	if len(ws) == 0 || strings.TrimSpace(b.text[ws[len(ws)-1].end:i]) != "" {
		return ""
	}
	return b.text[ws[len(ws)-1].start:ws[len(ws)-1].end]
}

// reportZone returns the attribution of u (cue and speaker phrase) and
// whether the date t is the day of saying: inside it, right after it
// ("mengatakan pada Minggu", "(KCNA), Senin"), or just before its subject
// ("On Sunday, X said"). A date further into what was said ("Stam said the
// sides would meet on Friday") is not.
func (b *eventBuilder) reportZone(u *unit, t Span) (Span, bool) {
	if u == nil || !u.attrib || u.at.cueSpan.End == 0 {
		return Span{}, false
	}
	zone := u.at.cueSpan
	if u.at.phrase.End > 0 {
		zone = Span{Start: min(zone.Start, u.at.phrase.Start), End: max(zone.End, u.at.phrase.End)}
	}
	if t.Start < zone.End && zone.Start < t.End {
		return zone, true
	}
	subjectFirst := u.at.phrase.End > 0 && u.at.phrase.Start < u.at.cueSpan.Start
	if t.Start >= zone.End && t.Start-zone.End <= maxReportGap {
		// Right after the cue or speaker, with at most a preposition
		// between ("mengatakan pada Minggu", "said on Sunday"), or after
		// a comma that closes an inverted attribution ("ujar Syafrin di
		// Balai Kota, Kamis").
		gap := Span{Start: zone.End, End: t.Start}
		onlyPreps := b.plainGap(gap, u.at.cue)
		g := b.text[gap.Start:gap.End]
		if onlyPreps && !strings.ContainsAny(g, "\"“”.!?;") ||
			!subjectFirst && strings.HasSuffix(strings.TrimRight(g, " "), ",") && !strings.ContainsAny(g, "\"“”!?;") {
			return zone, true
		}
		// After the speaker's role, how they were reached: "kata Made
		// Wirawan (38), pengemudi ojek daring, saat ditemui Rabu".
		if c := strings.LastIndexByte(g, ','); c >= 0 && !strings.ContainsAny(g, "\"“”.!?;") {
			tail := Span{Start: gap.Start + c + 1, End: t.Start}
			if _, lows := b.words.in(tail.Start, tail.End); len(lows) > 0 && b.p.ev.occasions[lows[0]] && b.plainGap(tail, u.at.cue) {
				return zone, true
			}
		}
	}
	if subjectFirst && t.End <= zone.Start && strings.Trim(b.text[t.End:zone.Start], " ,") == "" && b.opensSentence(t) {
		return zone, true
	}
	return zone, false
}

// maxReportWords is how many words may stand between a verb of saying and
// the day of saying: the medium or audience ("in a statement on Wednesday",
// "told BBC Radio York on Friday", "kepada wartawan di Jakarta, Senin").
const maxReportWords = 6

// constituents counts the words of ws with a name as one: capitalised
// words in a row, and the function words between two of them ("the
// Missouri Senate Health and Welfare Committee" is two).
func (b *eventBuilder) constituents(ws []word, lows []string) int {
	n := 0
	upper := func(i int) bool { return i < len(ws) && isUpperStart(b.text[ws[i].start:ws[i].end]) }
	for i := range ws {
		inName := i > 0 && upper(i) && (upper(i-1) || i > 1 && upper(i-2) && b.p.ev.functionWords[lows[i-1]])
		joiner := i > 0 && upper(i-1) && upper(i+1) && b.p.ev.functionWords[lows[i]]
		if !inName && !joiner {
			n++
		}
	}
	return n
}

// plainGap reports whether gap, after the cue, names only the medium or
// audience of saying, not what was said: it opens with a preposition ("in
// a statement", "kepada wartawan"), or with the addressee of a verb that
// takes one ("told AFP by telephone"), and holds no verb, complementizer
// or clause mark.
func (b *eventBuilder) plainGap(gap Span, cue string) bool {
	ws, lows := b.words.in(gap.Start, gap.End)
	if b.constituents(ws, lows) > maxReportWords || strings.ContainsAny(b.text[gap.Start:gap.End], ",;:") {
		return false
	}
	if len(ws) == 0 {
		return true
	}
	first := lows[0]
	occasion := b.p.ev.occasions[first]
	if !(occasion || b.p.datePreps[first] || b.p.prepositions[first] ||
		b.p.ev.addressVerbs[cue] && (isUpperStart(b.text[ws[0].start:ws[0].end]) || b.p.ev.audiences[first])) {
		return false
	}
	for i, low := range lows {
		if i == 0 && occasion {
			continue
		}
		if b.p.complementizers[low] || b.p.ev.subordinators[low] || b.p.relatives[low] {
			return false
		}
		// After an occasion word the verb of being reached may stand: "ketika
		// dihubungi Tempo pada".
		if !occasion && (b.p.ev.verbs[low] || hasAnyPrefix(low, b.p.ev.verbPrefixes) && b.affixedVerb(low)) {
			return false
		}
	}
	return true
}

// trailingSpeaker reports whether subj, the subject of the verb of saying
// at pi, follows a clause mark after what was said and the verb follows it
// directly: "..., hospital officials said Wednesday", not "the accord,
// which was announced".
func (b *eventBuilder) trailingSpeaker(ws []sword, subj Span, pi int) bool {
	if subj.Len() == 0 {
		return false
	}
	s, e := wordRange(ws, subj)
	return s > 0 && ws[s].cut && e == pi && !ws[pi-1].rel && !b.p.ev.copulas[ws[pi-1].low] && !b.p.ev.verbAfter[ws[pi-1].low]
}

// quoteBefore returns the part of sentence sent inside the quote that
// holds date t and closes before offset cue, empty if there is none or
// the quote holds nothing but the date (a title: ABC's "This Week"). The
// quote may open in an earlier sentence of its paragraph.
func (b *eventBuilder) quoteBefore(ws []sword, sent, t Span, cue int) Span {
	para := sent
	for _, p := range b.paras {
		if p.Contains(sent) {
			para = p
		}
	}
	for _, q := range quoteSpans(b.text, para, nil) {
		if !q.Contains(t) || q.End > cue {
			continue
		}
		q = Span{Start: max(q.Start, sent.Start), End: q.End}
		qa, qz := wordRange(ws, q)
		for k := qa; k < qz; k++ {
			if !ws[k].date {
				return q
			}
		}
	}
	return Span{}
}

// opensSentence reports whether only prepositions stand before t in its
// sentence ("On Sunday, ...", "Pada Senin, ...").
func (b *eventBuilder) opensSentence(t Span) bool {
	si := b.sentenceOf(t.Start, t.End)
	if si < 0 {
		return false
	}
	_, lows := b.words.in(b.sents[si].Start, t.Start)
	for _, low := range lows {
		if !b.p.datePreps[low] {
			return false
		}
	}
	return true
}

// scheduled reports whether the event lies ahead of publication: its date
// starts after the publication day (a plan, a forecast, a deadline: "by
// 2030"), or the clause plans or forecasts it ("dijadwalkan", "will",
// "expected") and the date has not wholly passed.
func (b *eventBuilder) scheduled(g dateGroup, ws []sword, a, upto int) bool {
	if b.dct.IsZero() {
		return false
	}
	if !g.date.Start.Before(b.dct.AddDate(0, 0, 1)) {
		return true
	}
	if !g.date.End.After(b.dct) {
		return false
	}
	for k := a; k < upto && k < len(ws); k++ {
		if b.p.futureCues[ws[k].low] {
			return true
		}
	}
	return false
}

// isClauseMark reports whether text[i] separates clauses: a comma (not one
// inside a number such as "45,000"), semicolon, colon, double quote, a
// hyphen or underscore standing for a dash, or the first byte of a curly
// quote or dash.
func isClauseMark(text string, i int) bool {
	switch c := text[i]; c {
	case ',':
		return i == 0 || i+1 >= len(text) || !(text[i-1] >= '0' && text[i-1] <= '9' && text[i+1] >= '0' && text[i+1] <= '9')
	case ';', ':', '"':
		return true
	case '_', '-':
		// A dash typed as an underscore or hyphen between spaces: "About
		// 200 Americans _ embassy staff and their families _ left".
		return i > 0 && i+1 < len(text) && text[i-1] == ' ' && text[i+1] == ' '
	case 0xE2: // “ ” — – all start with 0xE2 0x80
		return i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x9C || text[i+2] == 0x9D || text[i+2] == 0x94 || text[i+2] == 0x93)
	}
	return false
}

// firstClause returns the first clause of s with content words.
func (b *eventBuilder) firstClause(s Span) Span {
	for _, part := range splitClauses(b.text, s) {
		if countWords(b.text, part.Start, part.End) >= 3 {
			return part
		}
	}
	return s
}

// splitClauses cuts s at clause marks.
func splitClauses(text string, s Span) []Span {
	var out []Span
	start := s.Start
	for i := s.Start; i < s.End; i++ {
		if isClauseMark(text, i) {
			out = append(out, Span{Start: start, End: i})
			start = i + 1
		}
	}
	return append(out, Span{Start: start, End: s.End})
}
