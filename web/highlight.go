package web

import (
	"container/heap"
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
// trusted. Where spans overlap, a piece of text belongs to the first claim
// (and the first timex) in the given order that covers it. It runs in
// O(n log n) for n spans and linear time in the body, whatever the number
// of spans per piece.
func highlight(body string, cls []store.Claim, txs []store.Timex) []block {
	valid := func(start, end int) bool {
		return 0 <= start && start < end && end <= len(body) && utf8.RuneStart(body[start]) &&
			(end == len(body) || utf8.RuneStart(body[end]))
	}
	var claims []*store.Claim
	cuts := []int{0, len(body)}
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
	claimAt := firstCovering(cuts, len(claims), func(i int) (int, int) { return claims[i].Start, claims[i].End })
	timexAt := firstCovering(cuts, len(timexes), func(i int) (int, int) { return timexes[i].Start, timexes[i].End })
	var out []block
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		var cl *store.Claim
		if k := claimAt[i]; k >= 0 {
			cl = claims[k]
		}
		var tx *store.Timex
		if k := timexAt[i]; k >= 0 {
			tx = timexes[k]
		}
		if len(out) == 0 || out[len(out)-1].Claim != cl || (cl != nil && a == cl.Start) {
			out = append(out, block{Claim: cl})
		}
		out[len(out)-1].Parts = append(out[len(out)-1].Parts, part{Text: body[a:b], Timex: tx})
	}
	return out
}

// firstCovering returns, for each piece [cuts[i], cuts[i+1]), the smallest
// index of the n spans covering it, or -1. Every span's ends are cuts, so
// a span covers a piece exactly when it has started at the piece's start
// and not yet ended. One sweep keeps the started spans in a heap by index,
// dropping ended ones when they reach the top.
func firstCovering(cuts []int, n int, span func(i int) (start, end int)) []int {
	byStart := make([]int, n)
	for i := range byStart {
		byStart[i] = i
	}
	slices.SortStableFunc(byStart, func(x, y int) int {
		sx, _ := span(x)
		sy, _ := span(y)
		return sx - sy
	})
	at := make([]int, max(len(cuts)-1, 0))
	var open indexHeap
	next := 0
	for i := range at {
		for next < n {
			if s, _ := span(byStart[next]); s > cuts[i] {
				break
			}
			heap.Push(&open, byStart[next])
			next++
		}
		for open.Len() > 0 {
			if _, e := span(open[0]); e > cuts[i] {
				break
			}
			heap.Pop(&open)
		}
		at[i] = -1
		if open.Len() > 0 {
			at[i] = open[0]
		}
	}
	return at
}

// indexHeap is a min-heap of span indexes.
type indexHeap []int

func (h indexHeap) Len() int           { return len(h) }
func (h indexHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h indexHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *indexHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *indexHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
