package claims

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleaned is what cleaning learns about an article: the boilerplate spans to
// keep out of claims, and the metadata they carry.
type cleaned struct {
	boiler   []Span // sorted, disjoint
	dateline string
	// agency is the news agency the dateline names ("ANTARA", "Reuters").
	agency    string
	publisher string // from a copyright line
	credits   Credits
}

// line is one line of the text, trimmed of surrounding white space.
type line struct{ start, end int }

// splitLines returns the non-blank lines of text, trimmed.
func splitLines(text string) []line {
	var ls []line
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		end := len(text)
		if j >= 0 {
			end = i + j
		}
		if s, e := trimSpan(text, i, end); s < e {
			ls = append(ls, line{s, e})
		}
		i = end + 1
	}
	return ls
}

// clean finds the boilerplate of text: a dateline opening the first line
// (or the line after a title),
// labelled lines ("Baca juga:", "Editor:"), a trailing credit in
// parentheses, and the footer of short headline-like lines that sits among
// them at the end.
func clean(text string, p *pack) cleaned {
	var c cleaned
	lines := splitLines(text)
	if len(lines) == 0 {
		return c
	}
	// The dateline opens the body, which may follow a title line.
	if s, ok := c.findDateline(text, lines[0], p); ok {
		c.boiler = append(c.boiler, s)
	} else if len(lines) > 1 && isHeadingLike(text, lines[0]) {
		if s, ok := c.findDateline(text, lines[1], p); ok {
			c.boiler = append(c.boiler, s)
		}
	}
	isBoiler := make([]bool, len(lines))
	for i, l := range lines {
		isBoiler[i] = c.labelled(text, l, p) || isContributorLine(text[l.start:l.end], p)
	}
	// Editors' initials alone on the last line: "(fby/agt)", "abc/xyz".
	// They name no one a reader could look up, so they are no credit.
	if last := lines[len(lines)-1]; len(lines) > 1 && isInitialsLine(text[last.start:last.end]) {
		isBoiler[len(lines)-1] = true
	}
	// The footer: walking up from the end, boilerplate lines and short
	// unpunctuated lines (related-topic links, section tags) belong to it
	// until the first real sentence. A short line only counts when a
	// labelled line lies below it, so an article ending on a list item
	// keeps it.
	seenLabel := false
	for i := len(lines) - 1; i > 0; i-- {
		if isBoiler[i] {
			seenLabel = true
			continue
		}
		if !seenLabel || !isHeadingLike(text, lines[i]) {
			break
		}
		isBoiler[i] = true
	}
	last := -1
	for i, l := range lines {
		if isBoiler[i] {
			c.boiler = append(c.boiler, Span{Start: l.start, End: l.end})
		} else {
			last = i
		}
	}
	if last >= 0 {
		if s, ok := c.trailingCredit(text, lines[last], p); ok {
			c.boiler = append(c.boiler, s)
		}
	}
	c.boiler = normalizeSpans(c.boiler)
	return c
}

// findDateline recognises "Seoul (ANTARA) -", "JAKARTA, KOMPAS.com -",
// "WASHINGTON (Reuters) -", "KOMPAS.com -", "TEMPO.CO, Jakarta -",
// "Jakarta, CNN Indonesia --", "Belem (Brazil) (AFP) -" and "NEW YORK —"
// at the start of the first line and returns its span (dash and following
// space included).
func (c *cleaned) findDateline(text string, l line, p *pack) (Span, bool) {
	dash, after := datelineDash(text, l)
	if dash < 0 {
		return Span{}, false
	}
	head := strings.TrimSpace(text[l.start:dash])
	place, agency := head, ""
	switch {
	case strings.HasSuffix(head, ")"):
		open := strings.LastIndexByte(head, '(')
		if open < 0 {
			return Span{}, false
		}
		place, agency = head[:open], head[open+1:len(head)-1]
	case strings.Contains(head, ","):
		first, rest, _ := strings.Cut(head, ",")
		switch {
		case isDomainLike(first):
			place, agency = rest, first
		case isDomainLike(rest) || p.outlets[strings.ToLower(strings.TrimSpace(rest))]:
			place, agency = first, rest
		}
	case isDomainLike(head):
		place, agency = "", head
	}
	place = strings.TrimRight(strings.TrimSpace(place), ",")
	// A country in brackets after the city ("Belem (Brazil)") qualifies
	// the place; it is not part of its name.
	if open := strings.LastIndexByte(place, '('); open > 0 && strings.HasSuffix(place, ")") {
		place = strings.TrimSpace(place[:open])
	}
	// A date or state between place and agency ("WASHINGTON, Jan 5
	// (Reuters)", "SACRAMENTO, Calif. (AP)") is not part of the place.
	if k := strings.IndexByte(place, ','); k >= 0 {
		place = strings.TrimSpace(place[:k])
	}
	agency = strings.TrimSpace(agency)
	if !isPlaceName(place, agency != "") || strings.ContainsAny(agency, "()") || !fieldsAtMost(agency, 3) {
		return Span{}, false
	}
	end := l.end
	if _, i := runeAfter(text, after, l.end); i >= 0 {
		end = i
	}
	c.dateline, c.agency = place, agency
	return Span{Start: l.start, End: end}, true
}

// datelineDash finds the dash that ends a dateline within the first 100
// bytes of the line: "-", "–", "—" or "--" with space on both sides, or
// "_" after the agency's bracket. It returns the dash's offset and the
// offset just after it, or -1.
func datelineDash(text string, l line) (int, int) {
	limit := min(l.end, l.start+100)
	for i := l.start; i < limit; {
		r, n := utf8.DecodeRuneInString(text[i:limit])
		// Wire copy may set an underscore for the dash, glued to the
		// agency's bracket: "JERUSALEM (AP)_ Top officials".
		if r == '_' && i > l.start && text[i-1] == ')' && i+1 < len(text) && isSpace(rune(text[i+1])) {
			return i, i + 1
		}
		if isDash(r) && i > l.start && isSpace(prevRune(text, i)) {
			j := i + n
			if strings.HasPrefix(text[j:limit], "-") { // "--"
				j++
			}
			if next, _ := utf8.DecodeRuneInString(text[j:]); isSpace(next) {
				return i, j
			}
		}
		i += n
	}
	return -1, -1
}

// isContributorLine reports a short line that credits contributors
// ("Associated Press writer Jane Roe contributed from Nashville.").
func isContributorLine(s string, p *pack) bool {
	if len(p.contributorPhrases) == 0 || countFields(s, maxContributorWords+1) > maxContributorWords {
		return false
	}
	lower := strings.ToLower(s)
	for _, phrase := range p.contributorPhrases {
		if strings.Contains(lower, phrase) {
			return true
		}
	}
	return false
}

// maxContributorWords is the longest credit line: longer lines are text.
const maxContributorWords = 25

// countFields counts the space-separated fields of s, stopping at limit.
func countFields(s string, limit int) int {
	n, in := 0, false
	for _, r := range s {
		switch {
		case isSpace(r):
			in = false
		case !in:
			in, n = true, n+1
			if n >= limit {
				return n
			}
		}
	}
	return n
}

func isDash(r rune) bool { return r == '-' || r == '–' || r == '—' }

// isInitialsLine reports whether s is a line of editors' initials as
// Indonesian outlets close articles: "(fby/agt)", "(ant)", "(EVY)",
// "abc/xyz". Bare initials need the slash: a lone short word could be
// content.
func isInitialsLine(s string) bool {
	s = strings.TrimSpace(s)
	inParens := strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")")
	if inParens {
		s = s[1 : len(s)-1]
	}
	parts := strings.Split(s, "/")
	if !inParens && len(parts) < 2 {
		return false
	}
	for _, part := range parts {
		if len(part) < 2 || len(part) > 5 {
			return false
		}
		lower, upper := strings.ToLower(part), strings.ToUpper(part)
		if part != lower && part != upper {
			return false
		}
		for _, r := range lower {
			if r < 'a' || r > 'z' {
				return false
			}
		}
	}
	return true
}

// isDomainLike reports whether s looks like a news site's name:
// "KOMPAS.com", "KOMPAS. com", "Tempo.co", "detikNews".
func isDomainLike(s string) bool {
	s = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	for _, tld := range []string{".com", ".co", ".id", ".net", ".org"} {
		if strings.HasSuffix(s, tld) && len(s) > len(tld) {
			return true
		}
	}
	return false
}

// isPlaceName reports whether s can be a dateline place: at most four
// capitalised words, or three without an agency ("Jakarta -"). Most
// headlines that contain a dash fail this.
func isPlaceName(s string, haveAgency bool) bool {
	if s == "" {
		return haveAgency
	}
	f := strings.Fields(s)
	if len(f) > 4 {
		return false
	}
	for _, w := range f {
		if !isUpperStart(w) {
			return false
		}
	}
	return haveAgency || len(f) <= 3
}

// labelled matches l against the pack's line rules and records the credit
// it carries. English credit lines chain several labels with semicolons
// ("Reporting by A; Editing by B"), possibly inside parentheses.
func (c *cleaned) labelled(text string, l line, p *pack) bool {
	s := text[l.start:l.end]
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = s[1 : len(s)-1]
	}
	matched := false
	for _, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		r, ok := matchRule(part, p)
		if !ok {
			if matched {
				continue
			}
			return false
		}
		matched = true
		c.setCredit(r.credit, strings.TrimSpace(part[len(r.label):]))
	}
	return matched
}

// matchRule finds the rule whose label opens s, case-insensitively.
func matchRule(s string, p *pack) (lineRule, bool) {
	for _, r := range p.lineRules {
		if len(s) >= len(r.label) && strings.EqualFold(s[:len(r.label)], r.label) {
			// A label must end at a word boundary: "Sumber:" yes, "Sumberdaya" no.
			if rest := s[len(r.label):]; rest != "" && !strings.HasSuffix(r.label, ":") {
				if next, _ := utf8.DecodeRuneInString(rest); isWordRune(next) {
					continue
				}
			}
			return r, true
		}
	}
	return lineRule{}, false
}

// setCredit stores a credit value, keeping the first one found.
func (c *cleaned) setCredit(f creditField, v string) {
	v = strings.TrimSpace(strings.TrimLeft(v, ":©"))
	v = strings.TrimRight(v, ".;,)")
	if f == creditPublisher {
		v = publisherName(v)
	}
	if v == "" {
		return
	}
	var dst *string
	switch f {
	case creditWire:
		dst = &c.credits.WireSource
	case creditTranslator:
		dst = &c.credits.Translator
	case creditEditor:
		dst = &c.credits.Editor
	case creditReporter:
		dst = &c.credits.Reporter
	case creditPublisher:
		dst = &c.publisher
	default:
		return
	}
	if *dst == "" {
		*dst = v
	}
}

// publisherName takes the name out of a copyright line's rest:
// "© ANTARA 2019" -> "ANTARA", "(c) 2019 Reuters. All rights reserved" ->
// "Reuters".
func publisherName(v string) string {
	if k := strings.Index(strings.ToLower(v), "all rights"); k >= 0 {
		v = v[:k]
	}
	var keep []string
	for _, f := range strings.Fields(v) {
		f = strings.Trim(f, "©.,;")
		if f == "" || strings.EqualFold(f, "(c)") || allDigitsOrDash(f) {
			continue
		}
		keep = append(keep, f)
	}
	return strings.Join(keep, " ")
}

func allDigitsOrDash(s string) bool {
	for _, r := range s {
		if !isDigit(r) && r != '-' && r != '–' {
			return false
		}
	}
	return true
}

// trailingCredit recognises a reporter's initials or name in parentheses
// closing the last paragraph: "... kata Pri Agung. (EVY)",
// "... habis 2027. (Pratama Guitarra)".
func (c *cleaned) trailingCredit(text string, l line, p *pack) (Span, bool) {
	s := text[l.start:l.end]
	if !strings.HasSuffix(s, ")") {
		return Span{}, false
	}
	open := strings.LastIndexByte(s, '(')
	if open <= 0 {
		return Span{}, false
	}
	inner := s[open+1 : len(s)-1]
	if _, ok := matchRule(inner, p); ok {
		c.labelled(text, line{l.start + open, l.end}, p)
		return Span{Start: l.start + open, End: l.end}, true
	}
	if before, _ := runeBefore(s, open, 0); before != '.' && before != '"' && before != '”' {
		return Span{}, false
	}
	f := strings.Fields(inner)
	if len(f) == 0 || len(f) > 4 {
		return Span{}, false
	}
	for _, w := range f {
		if !isUpperStart(w) || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' && r != '\'' }) >= 0 {
			return Span{}, false
		}
	}
	c.setCredit(creditReporter, inner)
	return Span{Start: l.start + open, End: l.end}, true
}

// isHeadingLike reports whether a line reads as a title or tag rather than
// prose: short and not ending a sentence.
func isHeadingLike(text string, l line) bool {
	s := text[l.start:l.end]
	r, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".!?\"”’:;,", r) {
		return false
	}
	return fieldsAtMost(s, 15)
}

// fieldsAtMost reports whether len(strings.Fields(s)) <= n, without making
// the fields: it stops counting past n.
func fieldsAtMost(s string, n int) bool {
	fields, in := 0, false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			in = false
		case !in:
			in = true
			if fields++; fields > n {
				return false
			}
		}
	}
	return true
}

// prevRune returns the rune just before offset i.
func prevRune(text string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

// normalizeSpans sorts spans and merges overlapping ones.
func normalizeSpans(ss []Span) []Span {
	slices.SortFunc(ss, func(a, b Span) int { return a.Start - b.Start })
	out := ss[:0]
	for _, s := range ss {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}
