package claims

import (
	"slices"
	"strconv"

	"github.com/factline/factline/timeline"
)

// Extract runs the whole pipeline on one article: clean, segment, tag and
// resolve temporal expressions, attribute, build claims and events. It is a
// pure function of a.
//
// Timexes holds every expression the tagger found, boilerplate included
// (scorers compare against the whole text); claims and events ignore those
// inside boilerplate.
func Extract(a Article) Extraction {
	lang := a.Lang
	if lang == "" {
		lang = "auto"
	}
	return extractWith(a, timeline.Extract(a.Text, timeline.Options{Lang: lang, DCT: a.Published}))
}

// extractWith runs everything after temporal tagging on the tagger's result
// res, so tests can give hand-made expressions.
func extractWith(a Article, res timeline.Result) Extraction {
	a.Lang = res.Lang
	p := packOf(a.Lang)
	if a.Published.IsZero() {
		// an inferred date and why, or why there is none
		a.Published, a.PublishedInferred, a.PublishedEvidence = res.DCT, !res.DCT.IsZero(), res.DCTEvidence
	}

	c := clean(a.Text, p)
	fillMetadata(&a, c)

	ex := Extraction{Article: a, Boilerplate: c.boiler, Timexes: res.Timexes}
	for i := range ex.Timexes {
		if ex.Timexes[i].ID == "" {
			ex.Timexes[i].ID = "t" + strconv.Itoa(i+1)
		}
	}
	ex.Paragraphs = paragraphs(a.Text, contentRegions(len(a.Text), c.boiler))
	for _, para := range ex.Paragraphs {
		ex.Sentences = sentences(a.Text, para, p, ex.Sentences)
	}

	// Later steps walk timexes and sentences together, in text order.
	content := make([]timeline.Timex, 0, len(ex.Timexes))
	stops := make([]Span, 0, len(ex.Timexes))
	for _, t := range ex.Timexes {
		if !inSpans(t.Start, c.boiler) {
			content = append(content, t)
			stops = append(stops, Span{Start: t.Start, End: t.End})
		}
	}
	slices.SortStableFunc(content, func(x, y timeline.Timex) int { return x.Start - y.Start })
	tw := indexWords(a.Text)
	at := &attributor{text: a.Text, words: tw, p: p, stops: stops}
	units := joinBareCues(buildUnits(a.Text, ex.Paragraphs, ex.Sentences), at)
	attributeUnits(units, at)
	ex.Claims = buildClaims(tw, units, content, p)
	source := a.URL
	if source == "" {
		source = a.Title
	}
	eb := eventBuilder{text: a.Text, words: tw, p: p, dct: a.Published, paras: ex.Paragraphs, boiler: c.boiler, sents: ex.Sentences, units: units, claims: ex.Claims, source: source}
	ex.Events = eb.build(content)
	return ex
}

// fillMetadata completes the article from what cleaning found, never
// overwriting what the caller gave: the publisher comes from the dateline
// agency or the copyright line; an agency other than the publisher is the
// wire source.
func fillMetadata(a *Article, c cleaned) {
	if a.Dateline == "" {
		a.Dateline = c.dateline
	}
	if a.Publisher == "" {
		a.Publisher = c.agency
	}
	if a.Publisher == "" {
		a.Publisher = c.publisher
	}
	cr := &a.Credits
	for _, f := range []struct {
		dst *string
		v   string
	}{
		{&cr.WireSource, c.credits.WireSource}, {&cr.Translator, c.credits.Translator},
		{&cr.Editor, c.credits.Editor}, {&cr.Reporter, c.credits.Reporter},
	} {
		if *f.dst == "" {
			*f.dst = f.v
		}
	}
	if cr.WireSource == "" && c.agency != "" && c.agency != a.Publisher {
		cr.WireSource = c.agency
	}
}
