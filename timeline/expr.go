package timeline

import "time"

// kind tells how an expression is resolved.
type kind uint8

const (
	kindCal      kind = iota + 1 // calendar fields, some possibly unknown
	kindRelDay                   // days from the publication date ("kemarin")
	kindDeictic                  // the unit before/at/after the reference ("last week")
	kindOffset                   // n units before/after a date ("three days ago")
	kindDuration                 // a length of time
	kindRef                      // PRESENT_REF, PAST_REF, FUTURE_REF
	kindSet                      // a recurrence
	kindOrdDay                   // the n-th day of the narrated event ("hari kedua")
)

// expr is a parsed temporal expression before resolution: the lexemes it
// spans and what they say, with unknown fields left zero.
type expr struct {
	i, j int // lexemes [i, j)
	kind kind
	typ  Type
	rule string
	mod  Mod

	// Calendar fields (kindCal, and the targets of kindDeictic).
	year, month, day int
	weekday          int
	quarter, half    int
	season           string
	decade, century  int // 199 for the 1990s, 20 for the 20th century
	weekend          bool
	holiday          *Holiday
	// dayShift counts days from the holiday named ("H-3 Lebaran" is -3).
	dayShift     int
	pod          string
	hour, minute int
	hasTime      bool

	// Relative fields.
	unit unit
	n    int // count; -1 vague
	// plusHalf adds half a unit to n ("2 1/2 years", "2,5 tahun", "an
	// hour and a half").
	plusHalf bool
	// upTo is the upper count of a range of counts ("10-12 days", "two to
	// three weeks"), 0 when there is none; the lower count ends at lexeme
	// lowEnd, and the upper one starts after the dash or word there.
	upTo    int
	lowEnd  int
	dir     int
	fromRef bool
	// force is the direction a deictic word imposes on a weekday or month
	// ("Senin lalu", "last April"); 0 leaves it to the sentence's tense.
	force int
	// yearDir is set when the year is itself relative ("Desember tahun
	// lalu"): yearDir-1 years from the reference, hasYearDir tells.
	yearDir    int
	hasYearDir bool
	// rangeEnd is the value of the other end of the range this date
	// starts or ends, when the year came from it ("Januari-Maret 2024",
	// "March 2024 to May").
	rangeEnd string
	// weekFrom is the day a range of weekdays starts on when x ends it
	// ("from Monday to Wednesday"): x is the first such weekday on or
	// after it.
	weekFrom time.Time

	// particle is set when a deictic word after an explicit date joined
	// its span ("1988 lalu"); particleDay is the day it names, counted
	// from publication ("kemarin" -1, "tadi" 0), when hasParticleDay.
	particle       bool
	particleDay    int
	hasParticleDay bool

	ref string // kindRef value, or a fixed duration/set value
	// adjective marks a hyphenated compound used before a noun
	// ("third-quarter", "two-year"): a determiner before it belongs to
	// the noun, not to the expression.
	adjective bool
	// phrase marks a noun phrase a determiner belongs to ("the previous
	// Friday", "the 1988 period", "the last few months").
	phrase bool
}
