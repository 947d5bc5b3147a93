package claims

import "slices"

// Review is where an event stands in editorial review. Every event starts
// proposed, whoever made it; an editor approves or rejects it, and may take
// either back. Exports publish approved events, proposed ones only when
// asked, and rejected ones never.
type Review string

// Review states.
const (
	ReviewProposed Review = "proposed"
	ReviewApproved Review = "approved"
	ReviewRejected Review = "rejected"
)

// Reviews lists every review state, the default first.
var Reviews = []Review{ReviewProposed, ReviewApproved, ReviewRejected}

// Valid reports whether r is one of the review states.
func (r Review) Valid() bool { return slices.Contains(Reviews, r) }

// ReviewNames lists the review states as strings, the default first.
func ReviewNames() []string {
	out := make([]string, len(Reviews))
	for i, r := range Reviews {
		out[i] = string(r)
	}
	return out
}
