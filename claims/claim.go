package claims

// Kind says what sort of assertion a claim is, which tells an editor how to
// check it.
type Kind string

// Claim kinds.
const (
	// KindStatement is an assertion with nothing more specific to check.
	KindStatement Kind = "statement"
	// KindQuote is a direct quotation of a named source.
	KindQuote Kind = "quote"
	// KindFigure holds a number worth checking ("hingga 300 peserta",
	// "Rp 1,24 triliun", "12 percent").
	KindFigure Kind = "figure"
	// KindForecast speaks of what will or may happen.
	KindForecast Kind = "forecast"
)

// Claim is one assertion of an article: a sentence, or the run of sentences
// one direct quote spans, with who made it.
//
// Start and End are byte offsets into the article text and Text is that
// slice. Speaker is the resolved name ("Robert O'Brien" also for a later
// "O'Brien" or "ia"), Role what the article calls them, Cue the word that
// attributes the claim ("ujar", "said", "according to"). Quote is true for
// direct speech. TimexIDs name the temporal expressions inside the claim.
type Claim struct {
	ID       string   `json:"id"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Text     string   `json:"text"`
	Kind     Kind     `json:"kind"`
	Speaker  string   `json:"speaker"`
	Role     string   `json:"role"`
	Cue      string   `json:"cue"`
	Quote    bool     `json:"quote"`
	TimexIDs []string `json:"timex_ids"`
}
