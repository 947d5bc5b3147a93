package claims

import "github.com/factline/factline/timeline"

// Report is what the event linker reads of an extraction: its events and
// the text their evidence spans point into, under the name doc.
func (ex *Extraction) Report(doc string) timeline.Report {
	return timeline.Report{Doc: doc, Lang: ex.Article.Lang, Text: ex.Article.Text, Events: ex.Events}
}
