package timeline

// EventStatus says how an event relates to the publication date.
type EventStatus string

// Event statuses.
const (
	// StatusHappened: the event took place on its date, before publication.
	StatusHappened EventStatus = "happened"
	// StatusScheduled: the date lies after publication or the text plans it
	// ("dijadwalkan", "will"); it may still not happen.
	StatusScheduled EventStatus = "scheduled"
	// StatusOngoing: a state that began on its date and still holds
	// ("sejak 2017", "since 2017"); the date carries mod START.
	StatusOngoing EventStatus = "ongoing"
	// StatusReported: the date is when a source said something ("said on
	// Sunday"), not when the thing it talks about happened.
	StatusReported EventStatus = "reported"
)

// EventStatuses lists every event status, in the order editors see them.
var EventStatuses = []EventStatus{StatusHappened, StatusScheduled, StatusOngoing, StatusReported}

// Valid reports whether s is one of EventStatuses.
func (s EventStatus) Valid() bool {
	for _, st := range EventStatuses {
		if st == s {
			return true
		}
	}
	return false
}

// Span is a half-open range [Start, End) of UTF-8 byte offsets into an
// article's original text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Event is one dated happening found in one article.
//
// Date is never more precise than the text: "akhir 2011" stays the year 2011
// with mod END. Evidence is the sentence that dates it; ClaimID and TimexID
// point at the supporting claim and the temporal expression. Mentions of the
// same event later in the article are folded into one Event and their
// sentences kept in Also, so an editor sees every place it is told.
//
// An event is a happening: Predicate is the verb or event noun that tells
// it, Subject and Object its participants as the sentence writes them (zero
// spans when the clause has none). Headline is made only of the source's
// words. A range of dates ("28-30 Desember") is one event: Date is its
// first day, End its last, and Date's interval covers both when the range
// spans at most a year (a date of year precision or finer never covers
// more).
type Event struct {
	ID       string      `json:"id"`
	Date     Date        `json:"date"`
	End      Date        `json:"end"`
	Status   EventStatus `json:"status"`
	Headline string      `json:"headline"`
	Evidence Span        `json:"evidence"`
	Also     []Span      `json:"also,omitempty"`
	ClaimID  string      `json:"claim_id,omitempty"`
	TimexID  string      `json:"timex_id,omitempty"`
	// Predicate, Subject and Object are spans of the source sentence.
	Predicate Span `json:"predicate"`
	Subject   Span `json:"subject"`
	Object    Span `json:"object"`
	// Source names the article the event comes from (its ID or URL), so that
	// events merged across articles keep every source.
	Source string `json:"source,omitempty"`
}
