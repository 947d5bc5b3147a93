package timeline

// DetectLanguage returns the code of the language pack whose stopwords are
// most frequent in text; ties go to the first pack.
func DetectLanguage(text string) string {
	packs := lexicons()
	var l lexer
	counts := make([]int, len(packList))
	for _, t := range tokenize(text, nil) {
		if t.kind != tokWord {
			continue
		}
		w := l.lower(text[t.start:t.end])
		for i, p := range packList {
			if packs[p.Code].stop[string(w)] {
				counts[i]++
			}
		}
	}
	best := 0
	for i := range counts {
		if counts[i] > counts[best] {
			best = i
		}
	}
	return packList[best].Code
}
