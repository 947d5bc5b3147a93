package web

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/factline/factline/claims/store"
)

// naiveHighlight is the definition highlight must meet: for each piece
// between boundaries, the first valid claim and timex, in the given order,
// that covers it.
func naiveHighlight(body string, cls []store.Claim, txs []store.Timex) []block {
	valid := func(start, end int) bool {
		return 0 <= start && start < end && end <= len(body) && utf8.RuneStart(body[start]) &&
			(end == len(body) || utf8.RuneStart(body[end]))
	}
	cutSet := map[int]bool{0: true, len(body): true}
	for _, c := range cls {
		if valid(c.Start, c.End) {
			cutSet[c.Start], cutSet[c.End] = true, true
		}
	}
	for _, t := range txs {
		if valid(t.Start, t.End) {
			cutSet[t.Start], cutSet[t.End] = true, true
		}
	}
	var out []block
	for a := 0; a < len(body); {
		b := a + 1
		for !cutSet[b] {
			b++
		}
		var cl *store.Claim
		for i := range cls {
			if valid(cls[i].Start, cls[i].End) && cls[i].Start <= a && b <= cls[i].End {
				cl = &cls[i]
				break
			}
		}
		var tx *store.Timex
		for i := range txs {
			if valid(txs[i].Start, txs[i].End) && txs[i].Start <= a && b <= txs[i].End {
				tx = &txs[i]
				break
			}
		}
		if len(out) == 0 || out[len(out)-1].Claim != cl || (cl != nil && a == cl.Start) {
			out = append(out, block{Claim: cl})
		}
		out[len(out)-1].Parts = append(out[len(out)-1].Parts, part{Text: body[a:b], Timex: tx})
		a = b
	}
	return out
}

func describeBlocks(bs []block, cls []store.Claim, txs []store.Timex) string {
	var sb strings.Builder
	for _, b := range bs {
		fmt.Fprintf(&sb, "[claim %d:", indexIn(b.Claim, cls))
		for _, p := range b.Parts {
			tx := -1
			for i := range txs {
				if p.Timex == &txs[i] {
					tx = i
				}
			}
			fmt.Fprintf(&sb, " %q/%d", p.Text, tx)
		}
		sb.WriteString("]")
	}
	return sb.String()
}

func indexIn(c *store.Claim, cls []store.Claim) int {
	for i := range cls {
		if c == &cls[i] {
			return i
		}
	}
	return -1
}

// Random spans, nested, overlapping, repeated, out of range and cutting
// UTF-8 sequences, highlight as the definition says.
func TestHighlightMatchesDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	body := "Pada Sabtu (28/12) — kata Kim — sidang dimulai; “pekan lalu” berakhir."
	span := func() (int, int) {
		a, b := rng.IntN(len(body)+4)-2, rng.IntN(len(body)+4)-2
		return min(a, b), max(a, b)
	}
	for round := range 500 {
		cls := make([]store.Claim, rng.IntN(6))
		for i := range cls {
			cls[i].Start, cls[i].End = span()
		}
		txs := make([]store.Timex, rng.IntN(8))
		for i := range txs {
			txs[i].Start, txs[i].End = span()
		}
		got, want := describeBlocks(highlight(body, cls, txs), cls, txs), describeBlocks(naiveHighlight(body, cls, txs), cls, txs)
		if got != want {
			t.Fatalf("round %d, claims %+v timexes %+v:\n got %s\nwant %s", round, cls, txs, got, want)
		}
	}
}

// longArticle is an article of about size bytes with a claim per sentence
// and two dates in each, as a long report has.
func longArticle(size int) (string, []store.Claim, []store.Timex) {
	const sentence = "Menteri mengatakan pada Senin (6/1) bahwa jembatan itu dibuka sejak 2017, kata juru bicara. "
	var sb strings.Builder
	var cls []store.Claim
	var txs []store.Timex
	for sb.Len() < size {
		at := sb.Len()
		sb.WriteString(sentence)
		cls = append(cls, store.Claim{Start: at, End: at + len(sentence) - 1})
		d1 := at + strings.Index(sentence, "Senin (6/1)")
		d2 := at + strings.Index(sentence, "sejak 2017")
		txs = append(txs, store.Timex{Start: d1, End: d1 + len("Senin (6/1)")}, store.Timex{Start: d2, End: d2 + len("sejak 2017")})
	}
	return sb.String(), cls, txs
}

// The highlighter's time grows in proportion to the article: compare ns/op
// across the sizes.
func BenchmarkHighlight(b *testing.B) {
	for _, size := range []int{100 << 10, 1 << 20, 2 << 20} {
		body, cls, txs := longArticle(size)
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				highlight(body, cls, txs)
			}
		})
	}
}
