package timeline

import (
	"slices"
	"strings"
	"unicode"
)

// MergeProposal suggests that several events, from different articles,
// describe one happening. An editor confirms or rejects it; nothing is
// merged automatically.
type MergeProposal struct {
	// Events are indexes into the slice given to ProposeMerges, ascending.
	Events []int `json:"events"`
	// Score is the mean headline similarity of the pairs that link the
	// group, from 0 to 1.
	Score float64 `json:"score"`
}

// mergeThreshold is the headline similarity from which two same-day events
// are proposed as one. Headlines of one happening told by two newsrooms
// share their names and main verb, well above this; unrelated events on a
// busy day share a word or two, below it.
const mergeThreshold = 0.3

// ProposeMerges groups events that carry the same date value and similar
// headlines but come from different sources. Pairs are linked when their
// similarity reaches the threshold, and linked pairs form groups, so three
// articles on one happening make one proposal. Proposals come sorted by
// their first event.
func ProposeMerges(events []Event) []MergeProposal {
	byValue := map[string][]int{}
	for i, e := range events {
		if !e.Date.IsZero() {
			byValue[e.Date.Value] = append(byValue[e.Date.Value], i)
		}
	}
	parent := make([]int, len(events))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	sum := map[int]float64{}
	links := map[int]int{}
	type link struct {
		i   int
		sim float64
	}
	var linked []link
	toks := make([][]string, len(events))
	for i, e := range events {
		toks[i] = headlineTokens(e.Headline)
	}
	for _, idx := range byValue {
		for x := 0; x < len(idx); x++ {
			for y := x + 1; y < len(idx); y++ {
				i, j := idx[x], idx[y]
				if events[i].Source == events[j].Source && events[i].Source != "" {
					continue
				}
				if s := dice(toks[i], toks[j]); s >= mergeThreshold {
					parent[find(j)] = find(i)
					linked = append(linked, link{i, s})
				}
			}
		}
	}
	for _, l := range linked {
		r := find(l.i)
		sum[r] += l.sim
		links[r]++
	}
	groups := map[int][]int{}
	for i := range events {
		if r := find(i); links[r] > 0 {
			groups[r] = append(groups[r], i)
		}
	}
	out := make([]MergeProposal, 0, len(groups))
	for r, g := range groups {
		out = append(out, MergeProposal{Events: g, Score: sum[r] / float64(links[r])})
	}
	slices.SortFunc(out, func(a, b MergeProposal) int { return a.Events[0] - b.Events[0] })
	return out
}

// HeadlineSimilarity scores how alike two headlines read, from 0 (no
// content word shared) to 1 (the same content words). It ignores case,
// punctuation and short function words, and compares word stems cut to six
// letters so "pertemuan"/"pertemuannya" or "meeting"/"meetings" agree.
func HeadlineSimilarity(a, b string) float64 {
	return dice(headlineTokens(a), headlineTokens(b))
}

// headlineTokens returns the sorted distinct stems of a headline's words of
// three letters or more.
func headlineTokens(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
	}) {
		r := []rune(f)
		if len(r) < 3 {
			continue
		}
		if len(r) > 6 {
			r = r[:6]
		}
		out = append(out, string(r))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// dice is the Dice coefficient of two sorted sets.
func dice(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch strings.Compare(a[i], b[j]) {
		case 0:
			common++
			i++
			j++
		case -1:
			i++
		default:
			j++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}
