package claims

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/factline/factline/timeline"
)

// The Universal Dependencies treebanks beside the repository give gold
// syntax for real text in both languages. Every event the pipeline makes on
// them is checked against the trees: a headline is a fragment when it keeps
// a word without the word it modifies (a preposition, determiner, auxiliary
// or subject whose head was cut off after it) or keeps a word without its
// core complement (a verb without its object, "to" infinitive or clause, a
// particle verb without its particle, a name without its other parts).
//
// The files are split: rules are developed on the "dev" side and the
// figures that count are the "test" side's.

// udDir is where the treebanks are read from; FACTLINE_UD overrides it.
func udDir() string {
	if d := os.Getenv("FACTLINE_UD"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "corpora", "ud")
}

// udToken is one syntactic word of a treebank sentence. start and end are
// byte offsets of its surface form in the article built from the sentences
// (a contraction's parts share the span of the written word).
type udToken struct {
	id, head   int
	form, upos string
	rel        string
	start, end int
}

type udSentence struct {
	start, end int
	tokens     []udToken
}

type udArticle struct {
	lang      string
	text      string
	sentences []udSentence
}

// readTreebank reads a CoNLL-U file into articles: one per "newdoc" where
// the file marks documents, else one per 20 sentences (the Indonesian
// treebanks keep no document boundaries), each sentence its own paragraph.
func readTreebank(path, lang string) ([]udArticle, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var (
		arts  []udArticle
		sb    strings.Builder
		cur   udArticle
		sent  []udToken
		text  string
		multi = map[int][2]int{} // sub-token id -> surface span
		pos   int                // cursor in text
		base  int
		count int
	)
	flushArticle := func() {
		if len(cur.sentences) > 0 {
			cur.text = sb.String()
			arts = append(arts, cur)
		}
		cur, sb = udArticle{lang: lang}, strings.Builder{}
	}
	flushSentence := func() {
		if text == "" {
			return
		}
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		base = sb.Len()
		sb.WriteString(text)
		for i := range sent {
			sent[i].start += base
			sent[i].end += base
		}
		cur.sentences = append(cur.sentences, udSentence{start: base, end: base + len(text), tokens: sent})
		sent, text, pos, multi = nil, "", 0, map[int][2]int{}
		count++
	}
	cur.lang = lang
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# newdoc"):
			flushSentence()
			flushArticle()
		case strings.HasPrefix(line, "# text = "):
			text = strings.TrimPrefix(line, "# text = ")
		case line == "":
			flushSentence()
			if count >= 20 && lang != "en" {
				flushArticle()
				count = 0
			}
		case strings.HasPrefix(line, "#"):
		default:
			cols := strings.Split(line, "\t")
			if len(cols) < 8 || strings.Contains(cols[0], ".") {
				continue
			}
			if a, b, ok := strings.Cut(cols[0], "-"); ok {
				from, _ := strconv.Atoi(a)
				to, _ := strconv.Atoi(b)
				at := strings.Index(text[pos:], cols[1])
				if at < 0 {
					continue
				}
				span := [2]int{pos + at, pos + at + len(cols[1])}
				pos = span[1]
				for k := from; k <= to; k++ {
					multi[k] = span
				}
				continue
			}
			id, _ := strconv.Atoi(cols[0])
			head, _ := strconv.Atoi(cols[6])
			tok := udToken{id: id, head: head, form: cols[1], upos: cols[3], rel: cols[7]}
			if span, ok := multi[id]; ok {
				tok.start, tok.end = span[0], span[1]
			} else if at := strings.Index(text[pos:], cols[1]); at >= 0 {
				tok.start, tok.end = pos+at, pos+at+len(cols[1])
				pos = tok.end
			} else {
				tok.start, tok.end = pos, pos
			}
			sent = append(sent, tok)
		}
	}
	flushSentence()
	flushArticle()
	return arts, sc.Err()
}

// udHeadlineTokens maps a headline back to the sentence's tokens. The
// headline's words are aligned in order with the sentence's written words
// (what stands between spaces, so "Rp35" is one word though the treebank
// makes it two tokens), keeping as many as match and, among those
// alignments, the one with the fewest gaps (so "the" goes with the noun
// the headline keeps it with); words the headline does not take from the
// sentence (an antecedent put for a pronoun) stay unaligned. The result
// holds token ids.
func udHeadlineTokens(text string, s udSentence, headline string) map[int]bool {
	type unit struct {
		low string
		ids []int
	}
	var units []unit
	for at := s.start; at < s.end; {
		for at < s.end && text[at] == ' ' {
			at++
		}
		end := at
		for end < s.end && text[end] != ' ' {
			end++
		}
		if end == at {
			break
		}
		u := unit{low: udWord(text[at:end])}
		for _, tk := range s.tokens {
			if tk.start < end && at < tk.end && tk.upos != "PUNCT" {
				u.ids = append(u.ids, tk.id)
			}
		}
		if u.low != "" && len(u.ids) > 0 {
			units = append(units, u)
		}
		at = end
	}
	var hw []string
	for _, w := range strings.Fields(headline) {
		if w = udWord(w); w != "" {
			hw = append(hw, w)
		}
	}
	matches := func(w, u string) bool { return w == u }
	// best[i][j]: the best score of an alignment whose last pair is
	// headline word i with unit j; a pair is worth 100, a skipped unit
	// between two pairs costs 1.
	const none = -1 << 30
	best := make([][]int, len(hw))
	from := make([][][2]int, len(hw))
	for i := range hw {
		best[i] = make([]int, len(units))
		from[i] = make([][2]int, len(units))
		for j := range units {
			best[i][j], from[i][j] = none, [2]int{-1, -1}
			if !matches(hw[i], units[j].low) {
				continue
			}
			best[i][j] = 100
			for pi := 0; pi < i; pi++ {
				for pj := 0; pj < j; pj++ {
					if best[pi][pj] == none {
						continue
					}
					if v := best[pi][pj] + 100 - (j - pj - 1); v > best[i][j] {
						best[i][j], from[i][j] = v, [2]int{pi, pj}
					}
				}
			}
		}
	}
	bi, bj := -1, -1
	for i := range hw {
		for j := range units {
			if best[i][j] != none && (bi < 0 || best[i][j] > best[bi][bj]) {
				bi, bj = i, j
			}
		}
	}
	in := map[int]bool{}
	for bi >= 0 {
		for _, id := range units[bj].ids {
			in[id] = true
		}
		bi, bj = from[bi][bj][0], from[bi][bj][1]
	}
	return in
}

// udWord is a written word as the alignment compares it: lower case,
// without punctuation.
func udWord(w string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, w)
}

// coreRels are the relations whose dependent a headline may not drop while
// keeping the head: without them the phrase stops before it is said.
var coreRels = map[string]bool{
	"obj": true, "iobj": true, "xcomp": true, "ccomp": true,
	"compound:prt": true, "fixed": true, "flat": true, "flat:name": true,
}

// udFragment says why the headline words in are a fragment of sentence s,
// "" when they form whole phrases. pred is the event's predicate: an event
// noun heads a headline of its own ("The outbreak of violence") though the
// sentence makes it the subject of a verb the headline leaves out.
func udFragment(s udSentence, in map[int]bool, pred Span) string {
	byID := map[int]udToken{}
	for _, tk := range s.tokens {
		byID[tk.id] = tk
	}
	ids := make([]int, 0, len(in))
	for id := range in {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	for _, id := range ids {
		tk := byID[id]
		if tk.head > tk.id && !in[tk.head] && !(tk.start < pred.End && pred.Start < tk.end && (tk.upos == "NOUN" || tk.upos == "PROPN")) && !udClauseOf(s, tk, in) {
			return fmt.Sprintf("keeps %q (%s) without its head %q", tk.form, tk.rel, byID[tk.head].form)
		}
	}
	for _, tk := range s.tokens {
		if !in[tk.head] || in[tk.id] || !coreRels[tk.rel] {
			continue
		}
		if anyInSubtree(s, tk.id, in) {
			continue
		}
		return fmt.Sprintf("keeps %q without its %s %q", byID[tk.head].form, tk.rel, tk.form)
	}
	return ""
}

// udClauseOf reports whether the headline keeps tk as a clause of its own
// though the sentence makes it depend on a word the headline leaves out:
// tk heads a clause (a subordinate, coordinated or complement clause is a
// happening of its own: "saat komisi kepausan mengakhiri penyelidikannya"
// reads "Komisi kepausan mengakhiri penyelidikannya"); or tk is a noun the
// headline gives a verb of its head's clause, a relative clause on it
// ("Dana yang disediakan pemerintah" read "Dana disediakan pemerintah") or
// a verb its subject is shared with ("Standar ini dikembangkan dan
// digunakan" read "Standar ini digunakan", "Ia wafat ketika memimpin
// pasukan" read "Ia memimpin pasukan").
func udClauseOf(s udSentence, tk udToken, in map[int]bool) bool {
	switch tk.rel {
	case "advcl", "ccomp", "xcomp", "conj", "parataxis", "acl", "acl:relcl", "csubj", "list", "root":
		if tk.upos == "VERB" || tk.upos == "ADJ" || tk.upos == "AUX" {
			return true
		}
	}
	if !strings.HasPrefix(tk.rel, "nsubj") && !strings.HasPrefix(tk.rel, "csubj") {
		return false
	}
	for _, d := range s.tokens {
		if !in[d.id] || d.upos != "VERB" {
			continue
		}
		if d.head == tk.id && strings.HasPrefix(d.rel, "acl") || d.id != tk.head && udUnder(s, d.id, tk.head, tk.id) {
			return true
		}
	}
	return false
}

// udUnder reports whether token id lies under token top in the tree, on a
// path that does not pass through token avoid.
func udUnder(s udSentence, id, top, avoid int) bool {
	byID := map[int]int{}
	for _, tk := range s.tokens {
		byID[tk.id] = tk.head
	}
	for steps := 0; id != 0 && steps < len(s.tokens); steps++ {
		if id == avoid {
			return false
		}
		if id == top {
			return true
		}
		id = byID[id]
	}
	return false
}

// anyInSubtree says whether any word under id (id included) is kept.
func anyInSubtree(s udSentence, id int, in map[int]bool) bool {
	if in[id] {
		return true
	}
	for _, tk := range s.tokens {
		if tk.head == id && anyInSubtree(s, tk.id, in) {
			return true
		}
	}
	return false
}

// udScore is the fragment count over one side of the split.
type udScore struct {
	events, fragments int
	examples          []string
}

func scoreTreebanks(t *testing.T, files map[string]string) udScore {
	var sc udScore
	for file, lang := range files {
		arts, err := readTreebank(filepath.Join(udDir(), file), lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			ex := Extract(Article{Text: a.text, Lang: a.lang, Published: time.Date(2010, 6, 15, 0, 0, 0, 0, time.UTC)})
			for _, e := range ex.Events {
				s, ok := sentenceAt(a.sentences, e.Evidence.Start)
				if !ok {
					continue
				}
				sc.events++
				h := e.Headline
				if e.Status == timeline.StatusReported {
					if _, gist, ok := strings.Cut(h, ": "); ok {
						h = gist
					}
				}
				if why := udFragment(s, udHeadlineTokens(a.text, s, h), e.Predicate); why != "" {
					sc.fragments++
					sc.examples = append(sc.examples, fmt.Sprintf("%s %q: %s\n\t%s", lang, e.Headline, why, a.text[s.start:s.end]))
				}
			}
		}
	}
	return sc
}

func sentenceAt(ss []udSentence, at int) (udSentence, bool) {
	for _, s := range ss {
		if s.start <= at && at < s.end {
			return s, true
		}
	}
	return udSentence{}, false
}

// maxSyntaxFragments is the ceiling on the test side's fragment rate.
const maxSyntaxFragments = 0.20

// TestHeadlineSyntax measures headline fragments against the treebanks'
// gold syntax. The test side's rate is held under a ceiling; the dev
// side's fragments are listed with -v for rule work.
func TestHeadlineSyntax(t *testing.T) {
	if _, err := os.Stat(udDir()); err != nil {
		t.Skipf("no treebanks at %s (set FACTLINE_UD): %v", udDir(), err)
	}
	sides := map[string]map[string]string{
		"dev":  {"en_ewt-ud-dev.conllu": "en", "id_gsd-ud-dev.conllu": "id", "id_csui-ud-train.conllu": "id"},
		"test": {"en_ewt-ud-test.conllu": "en", "id_gsd-ud-test.conllu": "id", "id_csui-ud-test.conllu": "id"},
	}
	for _, side := range []string{"dev", "test"} {
		sc := scoreTreebanks(t, sides[side])
		rate := ratio(sc.fragments, sc.events)
		t.Logf("%s: %d events, %d fragments (%.3f)", side, sc.events, sc.fragments, rate)
		if sc.events < 300 {
			t.Errorf("%s: only %d events over the treebanks", side, sc.events)
		}
		if side == "test" && rate > maxSyntaxFragments {
			t.Errorf("test: fragment rate %.3f over %.2f", rate, maxSyntaxFragments)
		}
		if side == "dev" && testing.Verbose() {
			for _, ex := range sc.examples {
				t.Log(ex)
			}
		}
	}
}
