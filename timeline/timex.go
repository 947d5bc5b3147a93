// Package timeline finds temporal expressions in news text, resolves them to
// calendar dates against the publication date, and models dated events.
//
// The engine is language independent: everything that belongs to a language
// (month names, relative words, tense cues) lives in a language pack.
package timeline

import "strings"

// Type is the TIMEX3 type of a temporal expression.
type Type string

// TIMEX3 types.
const (
	TypeDate     Type = "DATE"
	TypeTime     Type = "TIME"
	TypeDuration Type = "DURATION"
	TypeSet      Type = "SET"
)

// Mod is a TIMEX3 modifier: it narrows or widens the value ("late 2011" is
// 2011 with END, "more than a day" is P1D with MORE_THAN).
type Mod string

// TIMEX3 modifiers.
const (
	ModNone        Mod = ""
	ModStart       Mod = "START"
	ModMid         Mod = "MID"
	ModEnd         Mod = "END"
	ModApprox      Mod = "APPROX"
	ModBefore      Mod = "BEFORE"
	ModAfter       Mod = "AFTER"
	ModOnOrBefore  Mod = "ON_OR_BEFORE"
	ModOnOrAfter   Mod = "ON_OR_AFTER"
	ModLessThan    Mod = "LESS_THAN"
	ModMoreThan    Mod = "MORE_THAN"
	ModEqualOrLess Mod = "EQUAL_OR_LESS"
	ModEqualOrMore Mod = "EQUAL_OR_MORE"
)

// Timex is one temporal expression found in a text.
//
// Start and End are UTF-8 byte offsets into the text (End exclusive); Text is
// text[Start:End]. Value is a TIMEX3 value ("2019-12-28", "2011", "P1D",
// "PRESENT_REF", "XXXX-12-28" when the year cannot be known). Anchor and Rule
// record how the value was found so a reader can be shown why.
type Timex struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  Type   `json:"type"`
	Value string `json:"value"`
	Mod   Mod    `json:"mod"`
	// Zone is the UTC offset ("+07:00") of the zone a clock time names
	// ("pukul 06.18 WIB", "2055 GMT") when the language's data gives that
	// zone's offset; "" otherwise. Value stays the wall-clock time, as
	// TIMEX3 writes it.
	Zone string `json:"zone,omitempty"`
	// Anchor names what a relative expression was resolved against:
	// "dct" for the publication date or the ID of another timex.
	Anchor string `json:"anchor,omitempty"`
	// Rule names the pattern that matched, e.g. "id.weekday+daymonth".
	Rule string `json:"rule,omitempty"`
	// Explanation is a short human-readable account of the resolution, e.g.
	// "Saturday 28/12 -> 2019-12-28: year from the publication date 2019-12-30".
	Explanation string `json:"explanation,omitempty"`
}

// countedRules are the rules whose value is counted from the anchor: a
// clock time or part of day on the anchor's day, "keesokan harinya", "that
// morning", "sixteen minutes later". Other anchored rules name their own
// day ("Minggu pagi itu", "Sunday") and only use the anchor to choose it.
var countedRules = map[string]bool{
	"clock": true, "part-of-day": true, "offset": true, "relative-day": true,
	"ordinal-day": true, "anchored-day": true, "deictic": true, "deictic-ref": true,
}

// CountsFromAnchor reports whether t's value is counted from its anchor,
// so that moving the anchor to another day moves t with it. It is false
// for a value read from the publication date and for words that name
// their own day.
func (t Timex) CountsFromAnchor() bool {
	if t.Anchor == "" || t.Anchor == "dct" {
		return false
	}
	_, rule, _ := strings.Cut(t.Rule, ".")
	return countedRules[rule]
}

// BareTime reports whether t is a time of day that names no day of its own
// ("pukul 11.30 WIB", "at 7:55 a.m.", "magrib"): the day it carries came
// from its anchor.
func (t Timex) BareTime() bool {
	_, rule, _ := strings.Cut(t.Rule, ".")
	return rule == "clock" || rule == "part-of-day"
}

// LoosePartOfDay reports whether t is a part of a day counted from the
// publication date, not named ("overnight", "semalam", "this morning"):
// the tagger could only read it against the publication day.
func (t Timex) LoosePartOfDay() bool {
	_, rule, _ := strings.Cut(t.Rule, ".")
	return t.Anchor == "dct" && (rule == "relative-day" || rule == "part-of-day") && PartOfDay(t.Value)
}

// PartOfDay reports whether the TIMEX3 value is a day with a part of it and
// no clock time ("2024-01-14TMO").
func PartOfDay(value string) bool {
	day, part, ok := strings.Cut(value, "T")
	return ok && len(day) == len("2006-01-02") && part != "" && !strings.Contains(part, ":")
}

// DigitOrdinal reports whether word, in lower case, is an ordinal written
// with digits in language code: digits and an ordinal suffix ("12th",
// "3rd") or an ordinal prefix, a hyphen and digits ("ke-12").
func DigitOrdinal(code, word string) bool {
	lx, ok := lexicons()[code]
	if !ok {
		return false
	}
	digits := func(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }
	for _, suf := range lx.pack.OrdinalSuffixes {
		if rest, ok := strings.CutSuffix(word, suf); ok && digits(rest) {
			return true
		}
	}
	for _, pre := range lx.pack.OrdinalPrefix {
		if rest, ok := strings.CutPrefix(word, pre+"-"); ok && digits(rest) {
			return true
		}
	}
	return false
}
