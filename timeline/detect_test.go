package timeline

import (
	"os"
	"strings"
	"testing"
)

// TestDetectLanguageOnNews detects the language of short news paragraphs,
// one file per language, each paragraph on its own: Indonesian and Malay
// share most of their function words, so the paragraphs are written about
// the same happenings in each.
func TestDetectLanguageOnNews(t *testing.T) {
	for _, code := range LanguageCodes() {
		data, err := os.ReadFile("testdata/detect/" + code + ".txt")
		if err != nil {
			t.Errorf("%s: %v", code, err)
			continue
		}
		paras := strings.Split(strings.TrimSpace(string(data)), "\n\n")
		if len(paras) < 10 {
			t.Errorf("%s: %d paragraphs; want at least 10", code, len(paras))
		}
		for _, p := range paras {
			if got := DetectLanguage(p); got != code {
				t.Errorf("DetectLanguage(%.60q...) = %q; want %q", p, got, code)
			}
		}
	}
}
