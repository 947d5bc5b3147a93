package timeline

import "time"

// Options controls one extraction.
type Options struct {
	// Lang is a language pack code ("id", "en"); "" or "auto" detects it.
	Lang string
	// DCT is the document creation time (the publication date). The zero
	// time means unknown: it is then inferred from the text where possible.
	DCT time.Time
}

// Result is what Extract finds in one text.
type Result struct {
	Lang string
	// DCT is the publication date used for resolution; zero if none could be
	// found. DCTInferred is true when it came from the text, with the reason
	// in DCTEvidence.
	DCT         time.Time
	DCTInferred bool
	DCTEvidence string
	Timexes     []Timex
}

// Extract finds and resolves every temporal expression in text.
func Extract(text string, opts Options) Result {
	return Result{Lang: opts.Lang, DCT: opts.DCT}
}
