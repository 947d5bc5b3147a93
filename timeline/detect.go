package timeline

// markerWeight is what one marker counts for against one stopword: a word
// only one language of a close pair uses ("kerana", "karena") says more
// about the text than a function word both share.
const markerWeight = 3

// DetectLanguage returns the code of the language whose words are most
// frequent in text: each of its stopwords counts one, each of its markers
// markerWeight. Ties go to the default language, then to the first code.
func DetectLanguage(text string) string {
	r := languages()
	var l lexer
	scores := make([]int, len(r.langs))
	for _, t := range tokenize(text, nil) {
		if t.kind != tokWord {
			continue
		}
		w := l.lower(text[t.start:t.end])
		for i, lg := range r.langs {
			scores[i] += lg.lex.detect[string(w)]
		}
	}
	best := 0
	for i, lg := range r.langs {
		if lg == r.fallback {
			best = i
		}
	}
	for i := range scores {
		if scores[i] > scores[best] {
			best = i
		}
	}
	return r.langs[best].Code
}
