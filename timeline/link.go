package timeline

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Report is one article as the linker reads it: its events and the text
// their Evidence spans point into. The linker reads an event only through
// its Evidence sentence, its Date, and what it says the happening is (its
// predicate, subject and object when found, else its headline), so it works
// with any event builder.
type Report struct {
	// Doc names the article (an ID or URL); it is unique in a story.
	Doc string
	// Lang is the article's language code ("id", "en").
	Lang   string
	Text   string
	Events []Event
}

// Source is one article's telling of a linked event, with the date that
// article gives.
type Source struct {
	Doc      string
	EventID  string // the event's ID in its article
	Evidence Span
	Date     Date
	Status   EventStatus
	Headline string
}

// LinkedEvent is one happening of a story as every article tells it.
//
// Date is the consensus: the finest date all sources agree on. When two
// sources give incompatible dates (the 28th and the 29th, 06:14 and 06:18)
// Disagree is set, Date falls back to the finest calendar unit holding them
// all, and Sides lists each group of sources that agree among themselves
// (indexes into Sources); a source compatible with every side (the day,
// when others give clock times on it) is on none.
type LinkedEvent struct {
	ID       string
	Date     Date
	Status   EventStatus
	Headline string
	Sources  []Source
	Disagree bool
	Sides    [][]int
}

// Proposal says two linked events may be one happening: their best pair of
// sources scored between the proposal and the link thresholds. An editor
// decides.
type Proposal struct {
	Events [2]string // IDs of LinkedEvents
	Score  float64
	// Reason says in words what the two share ("same KS614, Sentani; both
	// 'tergelincir'; dates compatible").
	Reason string
}

// Linked is a story's timeline: its linked events, by date, and the
// proposals waiting for an editor.
type Linked struct {
	Events    []LinkedEvent
	Proposals []Proposal
}

// Thresholds on the link score (0 to 1). LinkScore was chosen on the dev
// stories of testdata/stories (TestTuneThresholds in claims): the middle of
// the range where their mean pairwise F1 is highest with no false
// disagreement beyond those every threshold makes, and a mixed pile of
// them all at B-cubed precision 0.95 or more: 0.42 on the seven dev
// stories, mean F1 0.863 (0.43-0.44 lose banjir-sungai-rawa's links;
// lower, sinar-bahari gains a false disagreement). At
// LinkScore and above two tellings are one event at once; from
// ProposeScore, below it, they are proposed.
const (
	LinkScore    = 0.42
	ProposeScore = 0.30
)

// Linker links the events of a story's articles, one article at a time.
// Each new event is compared only with the events that share a date bucket
// and a feature with it (an index of both), so adding an article costs about
// the same however many the story holds. Articles should come in
// publication order: an event joins every linked event it scores LinkAt or
// more with (merging them, as it tells what each does), and is proposed
// with the next best from ProposeAt.
// A Linker is not safe for concurrent use.
type Linker struct {
	// LinkAt and ProposeAt are the thresholds in use, LinkScore and
	// ProposeScore unless changed before the first Add.
	LinkAt, ProposeAt float64

	mentions []mention
	parent   []int   // union-find over mention indexes; roots are clusters
	members  [][]int // root -> mention indexes, in order of arrival
	index    map[indexKey][]int
	docs     map[string]bool
	// docFreq counts the articles whose events hold a feature.
	docFreq map[string]int
	props   []rawProposal
}

// mention is one event of one article with what linking reads of it.
type mention struct {
	src      Source
	lang     string
	features []feature
}

type rawProposal struct {
	a, b   int // mention indexes
	score  float64
	reason string
}

// NewLinker returns an empty story.
func NewLinker() *Linker {
	return &Linker{LinkAt: LinkScore, ProposeAt: ProposeScore, index: map[indexKey][]int{}, docs: map[string]bool{}, docFreq: map[string]int{}}
}

// Link builds a story from reports in order.
func Link(reports []Report) Linked {
	l := NewLinker()
	for _, r := range reports {
		l.Add(r)
	}
	return l.Result()
}

// maxPosting caps an index key's list: a key that many events share (a
// story's name on its busiest day) keeps its first ones only, so a lookup
// costs the same however big the story grows; rarer keys find the rest.
const maxPosting = 256

// maxProposals is how many proposals one event may raise.
const maxProposals = 2

// maxCompared bounds how many members of a candidate cluster a new event
// is scored against: the first ones and the latest ones.
const maxCompared = 12

// Added is what adding one article did to a story, for a caller that
// keeps the story elsewhere and applies each article's changes as it comes
// (rather than rebuilding the whole story from Result).
type Added struct {
	// Links lists the article's events that joined linked events.
	Links []AddedLink
	// Proposals are the proposals the article's events raised.
	Proposals []AddedProposal
}

// AddedLink is one event of an added article and the linked events it
// joined (now one): Into holds the first source of each. Into[0] is the
// first source of the event they make, as in Result, the one the others
// merge into.
type AddedLink struct {
	Event Source
	Into  []Source
}

// AddedProposal proposes that the linked events of two sources, an event
// of the added article and an earlier one, are one happening.
type AddedProposal struct {
	Event, Other Source
	Score        float64
	Reason       string
}

// Add links one article's events into the story and says what that did.
// Events without a calendar date or with an evidence span outside the
// text are skipped; an article whose Doc was already added is ignored.
func (l *Linker) Add(r Report) Added {
	var out Added
	if l.docs[r.Doc] {
		return out
	}
	l.docs[r.Doc] = true
	var ms []mention
	inDoc := map[string]bool{}
	others := othersIn(r.Events)
	for i, e := range r.Events {
		if e.Date.IsZero() || e.Evidence.Start < 0 || e.Evidence.End > len(r.Text) || e.Evidence.Start >= e.Evidence.End {
			continue
		}
		m := mention{
			src:      Source{Doc: r.Doc, EventID: e.ID, Evidence: e.Evidence, Date: e.Date, Status: e.Status, Headline: e.Headline},
			lang:     r.Lang,
			features: eventFeatures(r.Lang, r.Text, e, others[i]),
		}
		ms = append(ms, m)
		for _, f := range m.features {
			if !inDoc[f.key] {
				inDoc[f.key] = true
				l.docFreq[f.key]++
			}
		}
	}
	// The article counts in the frequencies before its events are
	// scored, so its own words weigh as they will for later articles.
	props := len(l.props)
	for _, m := range ms {
		if into := l.addMention(m); len(into) > 0 {
			out.Links = append(out.Links, AddedLink{Event: m.src, Into: into})
		}
	}
	for _, p := range l.props[props:] {
		out.Proposals = append(out.Proposals, AddedProposal{Event: l.mentions[p.a].src, Other: l.mentions[p.b].src, Score: p.score, Reason: p.reason})
	}
	return out
}

// addMention links m into the story and returns the first source of each
// linked event it joined.
func (l *Linker) addMention(m mention) []Source {
	id := len(l.mentions)
	l.mentions = append(l.mentions, m)
	l.parent = append(l.parent, id)
	l.members = append(l.members, []int{id})

	type cand struct {
		root  int
		score float64
		best  int
	}
	var cands []cand
	seen := map[int]bool{}
	for _, k := range queryKeys(m) {
		for _, c := range l.index[k] {
			r := l.find(c)
			if seen[r] || r == id {
				continue
			}
			seen[r] = true
			score, best := l.scoreCluster(m, r)
			if score >= l.ProposeAt {
				cands = append(cands, cand{root: r, score: score, best: best})
			}
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return a.root - b.root
	})
	// Every candidate at the link threshold takes the event (and so
	// merges with the others); the best few of the rest wait for an
	// editor as proposals.
	var into []Source
	for i, c := range cands {
		if c.score >= l.LinkAt {
			into = append(into, l.mentions[l.members[c.root][0]].src)
			l.union(c.root, id)
			continue
		}
		if i > maxProposals {
			break
		}
		_, reason := l.pairScore(m, l.mentions[c.best])
		l.props = append(l.props, rawProposal{a: id, b: c.best, score: c.score, reason: reason})
	}
	root := l.find(id)
	if len(into) > 1 {
		first := l.mentions[l.members[root][0]].src
		i := slices.Index(into, first)
		into[0], into[i] = into[i], into[0]
	}
	for _, k := range indexKeys(m) {
		list := l.index[k]
		if len(list) >= maxPosting || l.listed(list, root) {
			continue
		}
		l.index[k] = append(list, id)
	}
	return into
}

// recentListed is how far back an index list is searched for a cluster
// before adding it again.
const recentListed = 4

// listed reports whether one of the last entries of an index list already
// stands for the cluster root: a story's main happening, told by every
// article, then takes one entry per key instead of one per article.
func (l *Linker) listed(list []int, root int) bool {
	for i := len(list) - 1; i >= 0 && i >= len(list)-recentListed; i-- {
		if l.find(list[i]) == root {
			return true
		}
	}
	return false
}

// scoreCluster returns the best score of m against the members of cluster
// r from other articles, and that member.
func (l *Linker) scoreCluster(m mention, r int) (float64, int) {
	ms := l.members[r]
	best, bestAt := 0.0, -1
	try := func(i int) {
		o := l.mentions[i]
		if o.src.Doc == m.src.Doc {
			return
		}
		if s, _ := l.pairScore(m, o); s > best {
			best, bestAt = s, i
		}
	}
	if len(ms) <= maxCompared {
		for _, i := range ms {
			try(i)
		}
	} else {
		for _, i := range ms[:maxCompared/2] {
			try(i)
		}
		for _, i := range ms[len(ms)-maxCompared/2:] {
			try(i)
		}
	}
	return best, bestAt
}

func (l *Linker) find(i int) int {
	for l.parent[i] != i {
		l.parent[i] = l.parent[l.parent[i]]
		i = l.parent[i]
	}
	return i
}

// union merges the cluster of b into the cluster a.
func (l *Linker) union(a, b int) {
	ra, rb := l.find(a), l.find(b)
	if ra == rb {
		return
	}
	l.parent[rb] = ra
	l.members[ra] = append(l.members[ra], l.members[rb]...)
	l.members[rb] = nil
}

// nearFactor is how much a link score keeps when the dates are near but
// incompatible (see near).
const nearFactor = 0.7

// pairScore scores two tellings from 0 to 1: what their sentences share,
// times how well their dates fit (1 compatible, nearFactor near, 0 apart),
// and says why in words.
func (l *Linker) pairScore(a, b mention) (float64, string) {
	saying := (a.src.Status == StatusReported) != (b.src.Status == StatusReported)
	if saying && !(hasFocusAct(a.features) && hasFocusAct(b.features)) {
		return 0, ""
	}
	compatible := Compatible(a.src.Date, b.src.Date)
	if !compatible && !near(a.src.Date, b.src.Date) {
		return 0, ""
	}
	o := l.featureSimilarity(a.features, b.features, a.lang != b.lang)
	if o.sim == 0 {
		return 0, ""
	}
	if saying && !o.focusAct {
		// A day of saying is not the day of what was said. A saying is
		// no act of link.txt, though: when both dating clauses tell
		// the same act, the day is that act's, whatever the status.
		return 0, ""
	}
	dateFit, dateWhy := 1.0, "dates compatible"
	switch {
	case !compatible:
		// Dates a little apart are one happening only when both
		// events are the same act, and neither is another one. Two
		// times of one day need that act in one dating clause only
		// (the other may tell it outside its clause); neighbouring
		// days need it in both.
		act := o.focusAct || o.halfFocusAct && sameDay(a.src.Date, b.src.Date)
		if !act || o.conflict {
			return 0, ""
		}
		dateFit, dateWhy = nearFactor, "dates differ ("+a.src.Date.Value+" vs "+b.src.Date.Value+")"
	case levelOf(a.src.Date) != levelDay || levelOf(b.src.Date) != levelDay:
		// A week or a year holds many happenings: sharing names is not
		// enough, both events must be the same act.
		if !o.focusAct || o.conflict {
			return 0, ""
		}
	}
	var why []string
	if len(o.names) > 0 {
		why = append(why, "same "+strings.Join(first(o.names, 4), ", "))
	}
	if len(o.concepts) > 0 {
		q := make([]string, 0, len(o.concepts))
		for _, c := range first(o.concepts, 3) {
			q = append(q, "'"+c+"'")
		}
		why = append(why, "both "+strings.Join(q, ", "))
	}
	why = append(why, dateWhy)
	return o.sim * dateFit, strings.Join(why, "; ")
}

// overlap is what two tellings' sentences share.
type overlap struct {
	sim float64
	// names and concepts are the shared ones as the first text spells
	// them, most telling first.
	names, concepts []string
	// act is set when they share an act (a predicate of link.txt),
	// halfFocusAct when it is in the focus of one of them at least,
	// focusAct when in the focus of both.
	act, halfFocusAct, focusAct bool
	// conflict is set when the dating clause of one tells an act the
	// other sentence does not mention at all, and the two dating clauses
	// share no act: most likely another happening told in a sentence
	// about this one. Two clauses telling one act may each name more
	// ("claimed responsibility for the cyberattack" and "claimed
	// responsibility on Thursday" are one claim).
	conflict bool
}

func first(s []string, n int) []string { return s[:min(n, len(s))] }

// featureSimilarity compares two sorted feature lists by the weight they
// share. Each feature weighs its kind times its rarity in the story
// (idf), so the story's own name, in every article, says little about which
// of its happenings a sentence tells. Across languages only the features
// every language spells alike (names, numbers, concepts) count. It also
// returns the shared names and concepts as the texts spell them, rarest
// first.
func (l *Linker) featureSimilarity(a, b []feature, crossLang bool) overlap {
	var wa, wb, common float64
	type shared struct {
		f feature
		w float64
	}
	var both []shared
	for _, f := range a {
		if !crossLang || f.crossLingual() {
			wa += l.weight(f)
		}
	}
	for _, f := range b {
		if !crossLang || f.crossLingual() {
			wb += l.weight(f)
		}
	}
	o := overlap{conflict: focusedActMissing(a, b) || focusedActMissing(b, a)}
	eachShared(a, b, func(fa, fb feature) {
		if !crossLang || fa.crossLingual() {
			w := l.weight(fa)
			common += w
			both = append(both, shared{fa, w})
		}
		o.focusAct = o.focusAct || fa.kind == featureAct && fa.focus && fb.focus
		o.halfFocusAct = o.halfFocusAct || fa.kind == featureAct && (fa.focus || fb.focus)
	})
	if wa == 0 || wb == 0 {
		return overlap{}
	}
	if o.focusAct {
		o.conflict = false
	}
	slices.SortStableFunc(both, func(x, y shared) int { return cmpDesc(x.w, y.w) })
	for _, s := range both {
		switch s.f.kind {
		case featureName:
			if !slices.Contains(o.names, s.f.shown) {
				o.names = append(o.names, s.f.shown)
			}
		case featureAct:
			o.act = true
			fallthrough
		case featureConcept:
			o.concepts = append(o.concepts, s.f.shown)
		}
	}
	// Half cosine, half overlap coefficient: a long sentence full of
	// details still meets a short one telling the same thing, yet one
	// shared word does not make a short sentence the same as any other.
	o.sim = (common/math.Sqrt(wa*wb) + common/min(wa, wb)) / 2
	if o.focusAct {
		o.sim = min(1, o.sim+focusActBonus)
	}
	return o
}

// focusedActMissing reports whether an act in the dating clause of a is
// missing from b's sentence. Both lists are sorted by key.
func focusedActMissing(a, b []feature) bool {
	for _, f := range a {
		if f.kind != featureAct || !f.focus {
			continue
		}
		if _, found := slices.BinarySearchFunc(b, f.key, func(x feature, k string) int { return strings.Compare(x.key, k) }); !found {
			return true
		}
	}
	return false
}

// hasFocusAct reports whether an act is in the focus of fs.
func hasFocusAct(fs []feature) bool {
	for _, f := range fs {
		if f.kind == featureAct && f.focus {
			return true
		}
	}
	return false
}

// focusActBonus is what the sentences' similarity gains when both dating
// clauses tell the same act: the predicate is the happening, however
// different the rest of the two sentences reads.
const focusActBonus = 0.15

// weight is what sharing f says: its kind's weight times its inverse
// document frequency among the story's articles.
func (l *Linker) weight(f feature) float64 {
	n := float64(len(l.docs))
	idf := math.Log(1 + (n+1)/(float64(l.docFreq[f.key])+1))
	if f.kind == featureAct {
		// What happened is the happening: the story's main act, told
		// in every article, still tells it.
		idf = max(idf, 1)
	}
	return f.weight() * idf
}

func cmpDesc(a, b float64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

// dateLevel is the calendar bucket a date is indexed under.
type dateLevel byte

const (
	levelDay   dateLevel = 'D' // a day or less
	levelMonth dateLevel = 'M' // up to a month (weeks too)
	levelYear  dateLevel = 'Y' // up to a year (quarters, seasons)
	levelLong  dateLevel = 0   // decades and centuries: never linked
)

func levelOf(d Date) dateLevel {
	switch n := d.End.Sub(d.Start); {
	case n <= 24*time.Hour:
		return levelDay
	case n <= 31*24*time.Hour:
		return levelMonth
	case n <= 366*24*time.Hour:
		return levelYear
	}
	return levelLong
}

// bucket names the calendar unit of a level holding t.
func bucket(l dateLevel, t time.Time) string {
	switch l {
	case levelDay:
		return t.Format("2006-01-02")
	case levelMonth:
		return t.Format("2006-01")
	}
	return t.Format("2006")
}

// indexKeys are the keys a mention is found under: its own date bucket
// ("at"), the coarser buckets holding it ("in"), each paired with every
// feature, so a lookup finds only events that share both a time and a word.
func indexKeys(m mention) []indexKey {
	d := m.src.Date
	lv := levelOf(d)
	if lv == levelLong {
		return nil
	}
	var buckets []string
	last := d.End.Add(-time.Nanosecond)
	add := func(kind string, l dateLevel) {
		for _, t := range []time.Time{d.Start, last} {
			b := kind + string(l) + bucket(l, t)
			if !slices.Contains(buckets, b) {
				buckets = append(buckets, b)
			}
		}
	}
	add("at", lv)
	if lv == levelDay {
		add("in", levelMonth)
	}
	if lv != levelYear {
		add("in", levelYear)
	}
	return crossKeys(buckets, m.features)
}

// queryKeys are the keys under which a mention's candidates stand: the
// same and neighbouring days, its month and year, and for a coarse date the
// finer events inside it.
func queryKeys(m mention) []indexKey {
	d := m.src.Date
	lv := levelOf(d)
	if lv == levelLong {
		return nil
	}
	var buckets []string
	add := func(kind string, l dateLevel, t time.Time) {
		b := kind + string(l) + bucket(l, t)
		if !slices.Contains(buckets, b) {
			buckets = append(buckets, b)
		}
	}
	last := d.End.Add(-time.Nanosecond)
	switch lv {
	case levelDay:
		for _, t := range []time.Time{d.Start.Add(-day), d.Start, last, last.Add(day)} {
			add("at", levelDay, t)
		}
		add("at", levelMonth, d.Start)
		add("at", levelYear, d.Start)
	case levelMonth:
		for _, t := range []time.Time{d.Start, last} {
			add("in", levelMonth, t)
			add("at", levelMonth, t)
		}
		add("at", levelYear, d.Start)
	case levelYear:
		add("in", levelYear, d.Start)
		add("at", levelYear, d.Start)
	}
	return crossKeys(buckets, m.features)
}

// indexKey is a date bucket paired with a feature.
type indexKey struct{ bucket, feature string }

func crossKeys(buckets []string, fs []feature) []indexKey {
	out := make([]indexKey, 0, len(buckets)*len(fs))
	for _, b := range buckets {
		for _, f := range fs {
			out = append(out, indexKey{b, f.key})
		}
	}
	return out
}

// Result returns the story as it stands: every linked event with its
// consensus date and agreement, sorted by date and then by arrival of its
// first source, and the open proposals between events that were not linked.
func (l *Linker) Result() Linked {
	type built struct {
		root int
		ev   LinkedEvent
	}
	var all []built
	for r := range l.mentions {
		if l.find(r) != r {
			continue
		}
		all = append(all, built{root: r, ev: l.linkedEvent(l.members[r])})
	}
	// Roots come in arrival order, so a stable sort keeps it within a date.
	slices.SortStableFunc(all, func(a, b built) int { return a.ev.Date.Start.Compare(b.ev.Date.Start) })
	var out Linked
	idOf := make(map[int]string, len(all))
	for i := range all {
		all[i].ev.ID = "L" + strconv.Itoa(i+1)
		idOf[all[i].root] = all[i].ev.ID
		out.Events = append(out.Events, all[i].ev)
	}
	seen := map[[2]string]bool{}
	for _, p := range l.props {
		a, b := idOf[l.find(p.a)], idOf[l.find(p.b)]
		if a == b {
			continue
		}
		pair := [2]string{a, b}
		if seen[pair] {
			continue
		}
		seen[pair] = true
		out.Proposals = append(out.Proposals, Proposal{Events: pair, Score: p.score, Reason: p.reason})
	}
	return out
}

// linkedEvent makes the event told by the mentions ms.
func (l *Linker) linkedEvent(ms []int) LinkedEvent {
	var ev LinkedEvent
	dates := make([]Date, 0, len(ms))
	for _, i := range ms {
		src := l.mentions[i].src
		ev.Sources = append(ev.Sources, src)
		dates = append(dates, src.Date)
	}
	var agree bool
	ev.Date, agree = consensus(dates)
	if !agree {
		ev.Disagree, ev.Sides = true, sides(dates)
	}
	// The first telling names it; it happened if any source says so.
	ev.Status, ev.Headline = ev.Sources[0].Status, ev.Sources[0].Headline
	for _, s := range ev.Sources {
		if s.Status == StatusHappened {
			ev.Status = StatusHappened
			break
		}
	}
	return ev
}
