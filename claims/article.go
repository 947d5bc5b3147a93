package claims

import (
	"time"

	"github.com/factline/factline/timeline"
)

// Article is one news article as it enters the pipeline.
//
// Text is the original body; every offset the package reports points into
// it. Published is the publication date when known; Extract fills it from
// the text when it is zero and then sets PublishedInferred and says why in
// PublishedEvidence, or, finding no date, leaves it zero and says why not
// there. Dateline and Credits are filled by cleaning.
type Article struct {
	Title             string    `json:"title,omitempty"`
	URL               string    `json:"url,omitempty"`
	Publisher         string    `json:"publisher,omitempty"`
	Author            string    `json:"author,omitempty"`
	Lang              string    `json:"lang,omitempty"`
	Text              string    `json:"text,omitempty"`
	Published         time.Time `json:"published"`
	PublishedInferred bool      `json:"published_inferred,omitempty"`
	PublishedEvidence string    `json:"published_evidence,omitempty"`
	// Dateline is the place the story was filed from ("Seoul", "JAKARTA").
	Dateline string  `json:"dateline,omitempty"`
	Credits  Credits `json:"credits"`
}

// Credits are the people and agencies an article names in its boilerplate
// ("Sumber: Reuters", "Penerjemah: ...", "Reporting by ...; Editing by ...").
type Credits struct {
	WireSource string `json:"wire_source,omitempty"`
	Translator string `json:"translator,omitempty"`
	Editor     string `json:"editor,omitempty"`
	Reporter   string `json:"reporter,omitempty"`
}

// Span is a half-open range of byte offsets into Article.Text. It is the
// timeline's span type so events and claims share one notion of position.
type Span = timeline.Span

// Extraction is everything Extract finds in one article.
type Extraction struct {
	// Article is the input with Lang, Published (given or inferred),
	// Dateline, Credits and Publisher filled.
	Article Article
	// Boilerplate are the spans cleaning kept out of claims and events
	// (dateline, "Baca juga" lines, credits, copyright, footers).
	Boilerplate []Span
	// Paragraphs and Sentences cover the content outside boilerplate, in
	// text order.
	Paragraphs []Span
	Sentences  []Span
	Timexes    []timeline.Timex
	Claims     []Claim
	Events     []timeline.Event
}
