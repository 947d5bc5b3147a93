package web

import (
	"slices"
	"unicode/utf8"

	"github.com/factline/factline/claims/store"
)

// block is a run of article text inside one claim (or outside every claim);
// its parts mark the temporal expressions in it. Templates escape every
// part's text: article text is untrusted.
type block struct {
	Claim *store.Claim
	Parts []part
}

type part struct {
	Text  string
	Timex *store.Timex
}

// highlight cuts an article body at every claim and timex boundary so a
// template can wrap claims and dates without writing raw HTML. Spans that
// fall outside the text or inside a UTF-8 sequence are ignored rather than
// trusted.
func highlight(body string, cls []store.Claim, txs []store.Timex) []block {
	valid := func(start, end int) bool {
		return 0 <= start && start < end && end <= len(body) && utf8.RuneStart(body[start]) &&
			(end == len(body) || utf8.RuneStart(body[end]))
	}
	cuts := []int{0, len(body)}
	var claims []*store.Claim
	for i := range cls {
		if valid(cls[i].Start, cls[i].End) {
			claims = append(claims, &cls[i])
			cuts = append(cuts, cls[i].Start, cls[i].End)
		}
	}
	var timexes []*store.Timex
	for i := range txs {
		if valid(txs[i].Start, txs[i].End) {
			timexes = append(timexes, &txs[i])
			cuts = append(cuts, txs[i].Start, txs[i].End)
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var out []block
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		var cl *store.Claim
		for _, c := range claims {
			if c.Start <= a && b <= c.End {
				cl = c
				break
			}
		}
		var tx *store.Timex
		for _, t := range timexes {
			if t.Start <= a && b <= t.End {
				tx = t
				break
			}
		}
		if len(out) == 0 || out[len(out)-1].Claim != cl || (cl != nil && a == cl.Start) {
			out = append(out, block{Claim: cl})
		}
		out[len(out)-1].Parts = append(out[len(out)-1].Parts, part{Text: body[a:b], Timex: tx})
	}
	return out
}
