package timeline

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// linkWords is what the linker knows of one language, from its Pack.
type linkWords struct {
	ignore map[string]bool
	// concepts maps a phrase of one to maxConceptWords lower-case words,
	// joined by single spaces, to its concept.
	concepts map[string]string
	// acts are the concepts that name what happens.
	acts map[string]bool
	// sources are the phrases, as concepts are keyed, that mark a
	// clause naming who told something.
	sources map[string]bool
	// places maps a place's phrase, as concepts are keyed, to the words
	// of its other spelling.
	places map[string][]string
}

// maxConceptWords is the longest phrase a concept may be named by.
const maxConceptWords = 3

var (
	linkWordsOnce   sync.Once
	linkWordsByLang map[string]*linkWords
	linkWordsErr    error
)

// linkWordsFor returns the linker's word lists of a language, nil for an
// unknown language. A defect in the lists is a broken build, which the
// tests catch; it panics here rather than link silently wrong.
func linkWordsFor(code string) *linkWords {
	linkWordsOnce.Do(func() {
		linkWordsByLang = map[string]*linkWords{}
		for c, lx := range lexicons() {
			w, err := compileLinkWords(lx.pack)
			if err != nil {
				linkWordsErr = fmt.Errorf("timeline: %s/link.txt: %w", c, err)
				return
			}
			linkWordsByLang[c] = w
		}
		// A language without lists of its own reads its near
		// language's (Malay, Indonesian's).
		for _, l := range Languages() {
			if w := linkWordsByLang[l.Code]; len(w.concepts) == 0 && l.Near != "" {
				linkWordsByLang[l.Code] = linkWordsByLang[l.Near]
			}
		}
	})
	if linkWordsErr != nil {
		panic(linkWordsErr)
	}
	return linkWordsByLang[code]
}

// compileLinkWords checks and indexes a pack's link lists: a phrase has one
// to maxConceptWords words and names one concept, a thing or an act.
func compileLinkWords(p *Pack) (*linkWords, error) {
	w := &linkWords{ignore: map[string]bool{}, concepts: map[string]string{}, acts: map[string]bool{}, sources: map[string]bool{}, places: map[string][]string{}}
	for phrase, other := range p.LinkPlaces {
		words, spelt := strings.Fields(strings.ToLower(phrase)), strings.Fields(strings.ToLower(other))
		if len(words) == 0 || len(words) > maxConceptWords || len(spelt) == 0 {
			return nil, fmt.Errorf("place %q = %q: a phrase has 1 to %d words and another spelling", phrase, other, maxConceptWords)
		}
		w.places[strings.Join(words, " ")] = spelt
	}
	for _, k := range p.LinkIgnore {
		w.ignore[strings.ToLower(k)] = true
	}
	for _, k := range p.LinkSources {
		words := strings.Fields(strings.ToLower(k))
		if len(words) == 0 || len(words) > maxConceptWords {
			return nil, fmt.Errorf("source cue %q: a phrase has 1 to %d words", k, maxConceptWords)
		}
		w.sources[strings.Join(words, " ")] = true
	}
	for _, list := range []struct {
		m   map[string]string
		act bool
	}{{p.LinkThings, false}, {p.LinkActs, true}} {
		for phrase, concept := range list.m {
			words := strings.Fields(strings.ToLower(phrase))
			if len(words) > maxConceptWords {
				return nil, fmt.Errorf("%q: a phrase has at most %d words", phrase, maxConceptWords)
			}
			if strings.ContainsAny(concept, " \t") {
				return nil, fmt.Errorf("%q: concept %q must be one word", phrase, concept)
			}
			key := strings.Join(words, " ")
			if prev, dup := w.concepts[key]; dup && prev != concept {
				return nil, fmt.Errorf("%q names both %s and %s", key, prev, concept)
			}
			if act, seen := w.acts[concept]; seen && act != list.act {
				return nil, fmt.Errorf("concept %s is both a thing and an act", concept)
			}
			w.concepts[key] = concept
			w.acts[concept] = list.act
		}
	}
	return w, nil
}

// featureKind says what a sentence feature stands for.
type featureKind uint8

const (
	// featureWord is a content word, cut to its first letters.
	featureWord featureKind = iota
	// featureConcept is a thing of link.txt: it meets the same concept
	// in every language.
	featureConcept
	// featureAct is an act of link.txt, what happens: a concept too.
	featureAct
	// featureName is a participant: a capitalised word (a name or an
	// organisation) or a number of three digits or more (a flight, a
	// count), spelt the same in every language.
	featureName
)

// feature is one thing a sentence says that another telling of the same
// happening is likely to say too.
type feature struct {
	key  string
	kind featureKind
	// focus marks a feature of what the event is (its subject, predicate
	// and object, or its headline), which tells the happening better than
	// the rest of the sentence.
	focus bool
	// shown is the feature as the text spells it, for reasons.
	shown string
}

// crossLingual reports whether the feature means the same in every
// language.
func (f feature) crossLingual() bool { return f.kind != featureWord }

// weight is how much sharing the feature says about two sentences telling
// one happening: participants most, then what happened, then other words.
func (f feature) weight() float64 {
	w := 1.0
	switch f.kind {
	case featureName:
		w = 2
	case featureConcept, featureAct:
		w = 1.5
	}
	if f.focus {
		w *= focusBoost
	}
	return w
}

// focusBoost is how much more a feature of the dating clause weighs.
const focusBoost = 2

// eventFeatures returns the features of an event's sentence in text,
// those of its focus in focus: the subject, predicate and object when the
// event builder found them, else the headline (the clause around the date).
// The clauses naming a source are left out (withoutSources), and so are
// others, the predicates and objects of the other events the sentence
// tells ("left Gambir at 12:10 and came off the rails later": the
// derailment is not the departure).
func eventFeatures(lang, text string, e Event, others []Span) []feature {
	sentence := blank(text[e.Evidence.Start:e.Evidence.End], e.Evidence.Start, others)
	if lw := linkWordsFor(lang); lw != nil {
		rest := withoutDateline(sentence)
		at := e.Evidence.Start + len(sentence) - len(rest)
		pred := Span{Start: e.Predicate.Start - at, End: e.Predicate.End - at}
		sentence = withoutSources(lw, rest, pred)
	}
	fs := sentenceFeatures(lang, sentence)
	focus := e.Headline
	if p := e.Predicate; p.Len() > 0 && e.Evidence.Contains(p) {
		var parts []string
		for _, sp := range []Span{e.Subject, p, e.Object} {
			if sp.Len() > 0 && e.Evidence.Contains(sp) {
				parts = append(parts, text[sp.Start:sp.End])
			}
		}
		focus = strings.Join(parts, " ")
	}
	if focus == "" {
		return fs
	}
	inFocus := map[string]bool{}
	eachShared(fs, sentenceFeatures(lang, focus), func(f, _ feature) { inFocus[f.key] = true })
	// A thing that is the predicate is what happens: "banjir besar
	// Januari 2021", "the fire on Friday" name the happening by its noun.
	predicate := map[string]bool{}
	if p := e.Predicate; p.Len() > 0 && e.Evidence.Contains(p) {
		eachShared(fs, sentenceFeatures(lang, text[p.Start:p.End]), func(f, _ feature) { predicate[f.key] = true })
	}
	for i := range fs {
		fs[i].focus = inFocus[fs[i].key]
		if fs[i].kind == featureConcept && predicate[fs[i].key] {
			fs[i].kind = featureAct
		}
	}
	return fs
}

// blank returns s, which starts at offset at of its text, with the bytes
// of spans (offsets into that text) turned to spaces.
func blank(s string, at int, spans []Span) string {
	var b []byte
	for _, sp := range spans {
		for i := max(sp.Start-at, 0); i < min(sp.End-at, len(s)); i++ {
			if b == nil {
				b = []byte(s)
			}
			b[i] = ' '
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

// othersIn returns, for each event, the predicate and object spans of the
// other events told by the same sentence, those that overlap none of the
// event's own.
func othersIn(events []Event) [][]Span {
	out := make([][]Span, len(events))
	for i, e := range events {
		own := []Span{e.Predicate, e.Subject, e.Object}
		for j, o := range events {
			if j == i || o.Evidence != e.Evidence {
				continue
			}
			for _, sp := range []Span{o.Predicate, o.Object} {
				if sp.Len() > 0 && !slices.ContainsFunc(own, func(x Span) bool { return x.Len() > 0 && x.Start < sp.End && sp.Start < x.End }) {
					out[i] = append(out[i], sp)
				}
			}
		}
	}
	return out
}

// eachShared calls fn with each feature two key-sorted lists share.
func eachShared(a, b []feature, fn func(fa, fb feature)) {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].key < b[j].key:
			i++
		case a[i].key > b[j].key:
			j++
		default:
			fn(a[i], b[j])
			i++
			j++
		}
	}
}

// rawWord is one word of a sentence as the feature reader sees it.
type rawWord struct {
	text string // as written
	// whole is the text with the words glued to it ("QZ8501" for both
	// "QZ" and "8501"), for reasons.
	whole   string
	start   int
	lower   string
	capital bool // starts with an upper-case letter
	digits  bool // only digits
}

// sentenceWords splits s into words: runs of letters, runs of digits
// (a number and letters glued together, "KS614", are two words, so they meet
// "KS 614"), with digit groups of a thousands separator kept whole
// ("3,200", "2.500").
func sentenceWords(s string) []rawWord {
	var out []rawWord
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsDigit(r):
			j := i
			var b strings.Builder
			for {
				for j < len(s) && s[j] >= '0' && s[j] <= '9' {
					b.WriteByte(s[j])
					j++
				}
				// A separator followed by exactly three digits
				// continues the number.
				if j+3 < len(s)+1 && j < len(s) && (s[j] == ',' || s[j] == '.') && threeDigits(s, j+1) {
					j++
					continue
				}
				break
			}
			out = append(out, rawWord{text: s[i:j], start: i, lower: b.String(), digits: true})
			i = j
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += n
			}
			w := s[i:j]
			out = append(out, rawWord{text: w, start: i, lower: strings.ToLower(w), capital: unicode.IsUpper(r)})
			i = j
		default:
			i += size
		}
	}
	for k := 0; k < len(out); {
		n := k + 1
		for n < len(out) && out[n].start == out[n-1].start+len(out[n-1].text) {
			n++
		}
		whole := s[out[k].start : out[n-1].start+len(out[n-1].text)]
		for ; k < n; k++ {
			out[k].whole = whole
		}
	}
	return out
}

// threeDigits reports whether s has exactly three digits from i on.
func threeDigits(s string, i int) bool {
	if i+3 > len(s) {
		return false
	}
	for k := i; k < i+3; k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return i+3 == len(s) || s[i+3] < '0' || s[i+3] > '9'
}

// sentenceFeatures returns the distinct features of a sentence in a
// language, sorted by key. Dates are compared apart, so the words of dates
// and clock times (month and weekday names, "pukul", small numbers, years)
// are left out, as are stop words and the words link.txt ignores.
func sentenceFeatures(lang, s string) []feature {
	lx := lexicons()[lang]
	lw := linkWordsFor(lang)
	words := sentenceWords(withoutDateline(s))
	seen := map[string]int{}
	var out []feature
	add := func(f feature) {
		if i, ok := seen[f.key]; ok {
			if f.kind > out[i].kind {
				out[i] = f
			}
			return
		}
		seen[f.key] = len(out)
		out = append(out, f)
	}
	for i := 0; i < len(words); i++ {
		if lw != nil {
			if n, other := matchPhrase(lw.places, words[i:]); n > 0 {
				shown := make([]string, n)
				for k, w := range words[i : i+n] {
					shown[k] = w.text
				}
				for _, w := range words[i : i+n] {
					add(feature{key: w.lower, kind: featureName, shown: strings.Join(shown, " ")})
				}
				for _, o := range other {
					add(feature{key: o, kind: featureName, shown: strings.Join(shown, " ")})
				}
				i += n - 1
				continue
			}
			if n, concept := matchPhrase(lw.concepts, words[i:]); n > 0 {
				shown := make([]string, n)
				for k := range shown {
					shown[k] = words[i+k].text
				}
				kind := featureConcept
				if lw.acts[concept] {
					kind = featureAct
				}
				add(feature{key: "=" + concept, kind: kind, shown: strings.Join(shown, " ")})
				i += n - 1
				continue
			}
		}
		w := words[i]
		if w.digits {
			if len(w.lower) >= 3 && !isYear(w.lower) {
				add(feature{key: w.lower, kind: featureName, shown: w.whole})
			}
			continue
		}
		if utf8.RuneCountInString(w.lower) < 2 || dateOrStopWord(lx, w.lower) || lw != nil && lw.ignore[w.lower] {
			continue
		}
		if w.capital {
			add(feature{key: w.lower, kind: featureName, shown: w.whole})
			continue
		}
		add(feature{key: firstLetters(w.lower), kind: featureWord, shown: w.text})
	}
	sortFeatures(out)
	return out
}

// withoutSources blanks the clauses of s that name who told what it says
// (sourceClauses), except one holding pred, the event's predicate as an
// offset into s: a day of saying is told by its source clause.
func withoutSources(lw *linkWords, s string, pred Span) string {
	var drop []Span
	for _, c := range sourceClauses(lw, s) {
		if pred.Len() == 0 || c.Start >= pred.End || pred.Start >= c.End {
			drop = append(drop, c)
		}
	}
	return blank(s, 0, drop)
}

// clauses splits s after each comma or semicolon followed by a space,
// closing quotes between them included (`dievakuasi," kata`); "3,200"
// stays whole.
func clauses(s string) []Span {
	var out []Span
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] != ',' && s[i] != ';' {
			continue
		}
		j := i + 1
		for {
			if q := closingQuote(s[j:]); q > 0 {
				j += q
				continue
			}
			break
		}
		if j < len(s) && s[j] == ' ' {
			out = append(out, Span{Start: start, End: j})
			start, i = j, j
		}
	}
	return append(out, Span{Start: start, End: len(s)})
}

// closingQuote returns the length of the closing quote mark s starts
// with, 0 if none.
func closingQuote(s string) int {
	for _, q := range []string{`"`, "'", "”", "’"} {
		if strings.HasPrefix(s, q) {
			return len(q)
		}
	}
	return 0
}

// sourceClauses returns the spans of s that name a source rather than the
// happening, in clauses. A
// clause after the first that holds a source cue (", the hospital said",
// ", according to the alarm log") is one, with the clauses after it that
// tell no act (the speaker's title: ", said Dian Lestari, a director at the
// hospital"); so is a first clause that opens with a cue ("Menurut polisi,").
func sourceClauses(lw *linkWords, s string) []Span {
	clauses := clauses(s)
	var out []Span
	if ws := sentenceWords(s[clauses[0].Start:clauses[0].End]); len(ws) > 0 && sourceCueAt(lw, ws) {
		out = append(out, clauses[0])
	}
	for k := 1; k < len(clauses); k++ {
		ws := sentenceWords(s[clauses[k].Start:clauses[k].End])
		cue := false
		for i := range ws {
			cue = cue || sourceCueAt(lw, ws[i:])
		}
		if !cue {
			continue
		}
		out = append(out, clauses[k])
		for k+1 < len(clauses) && !tellsAct(lw, sentenceWords(s[clauses[k+1].Start:clauses[k+1].End])) {
			k++
			out = append(out, clauses[k])
		}
	}
	return out
}

// sourceCueAt reports whether a source cue starts ws.
func sourceCueAt(lw *linkWords, ws []rawWord) bool {
	for n := min(maxConceptWords, len(ws)); n > 0; n-- {
		parts := make([]string, n)
		for k := range parts {
			parts[k] = ws[k].lower
		}
		if lw.sources[strings.Join(parts, " ")] {
			return true
		}
	}
	return false
}

// tellsAct reports whether the words hold an act of the link lists.
func tellsAct(lw *linkWords, ws []rawWord) bool {
	for i := range ws {
		if n, c := matchPhrase(lw.concepts, ws[i:]); n > 0 && lw.acts[c] {
			return true
		}
	}
	return false
}

// maxDateline is how far into a sentence a dateline may end.
const maxDateline = 80

// withoutDateline drops a leading dateline ("MAKASSAR, KOMPAS — ",
// "MILLBROOK, Ohio (Tri-County Ledger) — "): a place in capitals and a
// dash. It names where the article was filed, not what happened, and every
// article of a newsroom shares it.
func withoutDateline(s string) string {
	head := s[:min(len(s), maxDateline)]
	for _, dash := range []string{" — ", " – ", " - "} {
		i := strings.Index(head, dash)
		if i < 0 {
			continue
		}
		place, _, _ := strings.Cut(head[:i], ",")
		place = strings.TrimSpace(place)
		if utf8.RuneCountInString(place) >= 3 && strings.ToUpper(place) == place && strings.ToLower(place) != place {
			return s[i+len(dash):]
		}
	}
	return s
}

// matchPhrase returns the length of the longest phrase of m (keyed as
// concepts are) at the start of ws and its value, 0 if none starts there.
func matchPhrase[V any](m map[string]V, ws []rawWord) (int, V) {
	for n := min(maxConceptWords, len(ws)); n > 0; n-- {
		parts := make([]string, n)
		for k := range parts {
			parts[k] = ws[k].lower
		}
		if v, ok := m[strings.Join(parts, " ")]; ok {
			return n, v
		}
	}
	var none V
	return 0, none
}

// dateOrStopWord reports whether the language pack knows w as a stop word
// or as a word of temporal expressions; the pack's other cues ("flight"
// keeps a number from being a year) are content.
func dateOrStopWord(lx *lexicon, w string) bool {
	if lx == nil {
		return false
	}
	n := lx.root.next[w]
	if n == nil {
		return false
	}
	// The first word of a longer expression ("dini" of "dini hari"), or
	// a word that starts one or dates one: a name, a clock or zone word,
	// a tense cue.
	e := n.e
	return e == nil || e.stop || e.trigger || e.clock || e.zone || e.am || e.pm || e.past || e.future
}

// isYear reports whether a number of digits reads as a year, which the
// event's date already says.
func isYear(d string) bool {
	if len(d) != 4 {
		return false
	}
	return d >= "1800" && d <= "2199"
}

// stemLength is how many letters of a content word are compared, so
// "pertemuan"/"pertemuannya" and "meeting"/"meetings" agree.
const stemLength = 6

// firstLetters cuts a word to its first stemLength letters: a cheap stem
// that needs no language data (Stem strips a language's affixes).
func firstLetters(w string) string {
	// Slicing at the cut is the common case; a word with a byte that is
	// not UTF-8 takes the conversion, which replaces that byte by U+FFFD.
	n := 0
	for i, r := range w {
		if n == stemLength {
			return w[:i]
		}
		if r == utf8.RuneError {
			break
		}
		n++
	}
	if utf8.RuneCountInString(w) <= stemLength {
		return w
	}
	r := []rune(w)
	return string(r[:stemLength])
}

func sortFeatures(fs []feature) {
	// Insertion sort: sentences have a few dozen features.
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].key < fs[j-1].key; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}
