package timeline

import (
	"fmt"
	"strings"
	"testing"
)

// TestLanguageExamples runs the example sentences of every language folder:
// each must yield exactly the expressions its file lists, in order, with
// their values, modifiers and (where given) types.
func TestLanguageExamples(t *testing.T) {
	for _, l := range languages().langs {
		if len(l.examples) == 0 {
			t.Errorf("%s: the folder has no examples file", l.Code)
		}
		for _, file := range l.examples {
			for _, s := range file.Sentences {
				t.Run(fmt.Sprintf("%s:%d", file.Path, s.Line), func(t *testing.T) {
					res := Extract(s.Text, Options{Lang: l.Code, DCT: s.DCT})
					var got, want []string
					for _, x := range res.Timexes {
						got = append(got, fmt.Sprintf("%q %s %s", x.Text, x.Value, x.Mod))
					}
					for i, w := range s.Want {
						want = append(want, fmt.Sprintf("%q %s %s", w.Text, w.Value, w.Mod))
						if w.Type != "" && i < len(res.Timexes) && string(res.Timexes[i].Type) != w.Type {
							t.Errorf("line %d: %q is %s; want %s", w.Line, w.Text, res.Timexes[i].Type, w.Type)
						}
					}
					if strings.Join(got, "\n") != strings.Join(want, "\n") {
						var why []string
						for _, x := range res.Timexes {
							why = append(why, x.Explanation)
						}
						t.Errorf("%s\n got %v\nwant %v\n%s", s.Text, got, want, strings.Join(why, "\n"))
					}
				})
			}
		}
	}
}
