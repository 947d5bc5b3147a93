package claims

import (
	"strconv"
	"strings"
	"sync"

	"github.com/factline/factline/timeline"
	"github.com/factline/factline/timeline/lang"
)

// dataOwner names the files of a language folder this package reads:
// claims-*.txt.
const dataOwner = "claims"

// wordSections maps each section of a claims file that is a set of words or
// names to the field of the pack it fills.
func (p *pack) wordSections() map[string]*set {
	return map[string]*set{
		"outlets": &p.outlets, "abbreviations-never": &p.abbrevNever, "abbreviations-ending": &p.abbrevEnder,
		"number-abbreviations": &p.numberAbbrevs, "sentence-starters": &p.starters,
		"pronouns": &p.pronouns, "first-person": &p.firstPerson, "speaker-stops": &p.speakerStops,
		"source-nouns": &p.sourceNouns, "appositives": &p.appositives, "fillers": &p.fillers, "role-words": &p.roleWords,
		"proxy-roles": &p.proxyRoles, "titles": &p.titles, "place-prepositions": &p.placePreps, "org-words": &p.orgWords, "places": &p.places, "not-adverbs": &p.notAdverbs,
		"name-particles": &p.particles, "back-reference-verbs": &p.backRefVerbs, "demonstratives": &p.demonstratives,
		"clause-words": &p.clauseWords, "relatives": &p.relatives, "prepositions": &p.prepositions,
		"conjunctions": &p.conjunctions, "date-prepositions": &p.datePreps, "complementizers": &p.complementizers,
		"future-cues": &p.futureCues, "since-cues": &p.sinceCues, "figure-units": &p.figureUnits, "number-words": &p.numberWords,

		"event-verbs": &p.ev.verbs, "event-not-verbs": &p.ev.notVerbs, "event-verb-after": &p.ev.verbAfter,
		"event-infinitive": &p.ev.infinitive, "event-noun-prepositions": &p.ev.nounPreps, "event-possessives": &p.ev.possessives, "event-possessive-markers": &p.ev.possessiveMarkers, "event-offset-after": &p.ev.offsetAfter, "event-happen-verbs": &p.ev.happenVerbs, "event-offset-before": &p.ev.offsetBefore, "event-nouns": &p.ev.eventNouns, "event-copulas": &p.ev.copulas,
		"event-saying-verbs": &p.ev.sayingVerbs, "event-address-verbs": &p.ev.addressVerbs, "event-audiences": &p.ev.audiences, "event-saying-occasions": &p.ev.occasions,
		"event-subordinators": &p.ev.subordinators, "event-range-words": &p.ev.rangeWords, "event-range-openers": &p.ev.rangeOpeners,
		"event-alternatives": &p.ev.altWords, "event-until": &p.ev.untilCues, "event-time-prepositions": &p.ev.timePreps,
		"event-date-nouns": &p.ev.dateNouns, "event-zones": &p.ev.zoneWords, "event-comparisons": &p.ev.comparisons, "event-figure-comparisons": &p.ev.figureComparisons,
		"event-assessments": &p.ev.assessments, "event-ahead-of": &p.ev.aheadOf, "event-rankings": &p.ev.rankings, "event-title-nouns": &p.ev.titleNouns, "event-contract-nouns": &p.ev.contractNouns, "event-naming-verbs": &p.ev.namingVerbs,
		"event-period-ends": &p.ev.periodEnds, "event-period-nouns": &p.ev.periodNouns, "event-identifiers": &p.ev.numberWords,
		"event-documents": &p.ev.documents, "event-first-singular": &p.ev.firstSingular,
		"headline-connectors": &p.ev.headConnectors, "headline-function-words": &p.ev.functionWords,
		"headline-determiners": &p.ev.determiners, "headline-noun-links": &p.ev.nounLinks, "headline-pronouns": &p.ev.subjectPronouns,
	}
}

// listSections maps each section of a claims file that is an ordered list
// of affixes (longest first where it matters) to the field it fills.
func (p *pack) listSections() map[string]*[]string {
	return map[string]*[]string{
		"event-verb-prefixes": &p.ev.verbPrefixes, "event-verb-suffixes": &p.ev.verbSuffixes,
		"event-participles": &p.ev.participles, "event-clitics": &p.ev.clitics,
		"event-reduced-relatives": &p.ev.reducedRelatives, "adverb-endings": &p.adverbEndings,
		"event-modifier-prefixes": &p.ev.modifierPrefixes,
	}
}

// cueSections are the sections of attribution cues, by where the cue finds
// its speaker.
var cueSections = map[string]direction{"cues-after": dirAfter, "cues-before": dirBefore, "cues-preposition": dirPrep, "cues-either": dirEither}

// creditNames are the values a boilerplate label may fill.
var creditNames = map[string]creditField{"wire": creditWire, "translator": creditTranslator, "editor": creditEditor,
	"reporter": creditReporter, "publisher": creditPublisher}

var (
	loadOnce sync.Once
	loaded   map[string]*pack
	loadErr  error
)

// LoadLanguages reads and checks the claims files of every language folder,
// once, and returns the first defect found. Commands call it at start-up;
// packFor assumes it succeeded.
func LoadLanguages() error {
	loadOnce.Do(func() {
		if loadErr = timeline.LoadLanguages(); loadErr != nil {
			return
		}
		loaded = map[string]*pack{}
		given := map[string]map[string]bool{}
		for _, l := range timeline.Languages() {
			files := timeline.OwnedTables(l.Code, dataOwner)
			if len(files) == 0 {
				continue
			}
			p := &pack{code: l.Code, cues: map[string][]cue{}}
			given[l.Code] = map[string]bool{}
			for _, f := range files {
				if loadErr = p.bind(f, given[l.Code]); loadErr != nil {
					return
				}
			}
			loaded[l.Code] = p
		}
		// A section a folder does not give is its near language's.
		done := map[string]bool{}
		var complete func(code string)
		complete = func(code string) {
			if done[code] {
				return
			}
			done[code] = true
			l, _ := timeline.LookupLanguage(code)
			if near := loaded[l.Near]; near != nil {
				complete(l.Near)
				loaded[code].inherit(near, given[code])
			}
		}
		for code := range loaded {
			complete(code)
		}
		for _, p := range loaded {
			p.ev.classes = p.wordClasses()
		}
	})
	return loadErr
}

// inherit copies from near every section the pack's own files did not
// give.
func (p *pack) inherit(near *pack, given map[string]bool) {
	nearWords := near.wordSections()
	for name, dst := range p.wordSections() {
		if !given[name] {
			*dst = *nearWords[name]
		}
	}
	if !given["boilerplate-labels"] {
		p.lineRules = near.lineRules
	}
	if !given["contributor-phrases"] {
		p.contributorPhrases = near.contributorPhrases
	}
	if !given["back-reference-phrases"] {
		p.backRefPhrases = near.backRefPhrases
	}
	if !given["attribution"] {
		p.nya, p.roleHeadFirst = near.nya, near.roleHeadFirst
	}
	nearLists := near.listSections()
	for name, dst := range p.listSections() {
		if !given[name] {
			*dst = *nearLists[name]
		}
	}
	if !given["event-settings"] {
		p.ev.minAffixed = near.ev.minAffixed
	}
	if !given["verdict-names"] {
		p.verdictNames = near.verdictNames
	}
	if !given["reader-words"] {
		p.timelineTitle = near.timelineTitle
	}
	for name, dir := range cueSections {
		if given[name] {
			continue
		}
		for first, cs := range near.cues {
			for _, c := range cs {
				if c.dir == dir {
					p.cues[first] = append(p.cues[first], c)
				}
			}
		}
	}
}

// bind fills the pack from one claims file, noting in given the sections
// it held.
func (p *pack) bind(f *lang.Tables, given map[string]bool) error {
	words := p.wordSections()
	for _, sec := range f.Sections {
		if given[sec.Name] {
			return lang.Errorf(f.Path, sec.Line, "section [%s] is already in another claims file of the folder", sec.Name)
		}
		given[sec.Name] = true
		bad := func(e lang.Entry, format string, a ...any) error {
			return lang.Errorf(f.Path, e.Line, "[%s] %q: "+format, append([]any{sec.Name, e.Key}, a...)...)
		}
		noValues := func() error {
			for _, e := range sec.Entries {
				if e.Value != "" {
					return bad(e, "this section is a list; remove \"= %s\"", e.Value)
				}
			}
			return nil
		}
		lists := p.listSections()
		switch dst := words[sec.Name]; {
		case lists[sec.Name] != nil:
			if err := noValues(); err != nil {
				return err
			}
			l := make([]string, 0, len(sec.Entries))
			for _, e := range sec.Entries {
				l = append(l, strings.ToLower(e.Key))
			}
			*lists[sec.Name] = l
		case sec.Name == "verdict-names":
			p.verdictNames = map[string]string{}
			for _, e := range sec.Entries {
				if !Status(e.Key).Valid() || e.Value == "" {
					return bad(e, "want \"<status> = <name for readers>\" with a claim status such as verified")
				}
				p.verdictNames[e.Key] = e.Value
			}
		case sec.Name == "reader-words":
			for _, e := range sec.Entries {
				if e.Key != "timeline-title" || e.Value == "" {
					return bad(e, "want \"timeline-title = <title>\"")
				}
				p.timelineTitle = e.Value
			}
		case sec.Name == "event-settings":
			for _, e := range sec.Entries {
				n, err := strconv.Atoi(e.Value)
				if e.Key != "min-affixed" || err != nil || n < 1 {
					return bad(e, "want \"min-affixed = <letters>\", a whole number of at least 1")
				}
				p.ev.minAffixed = n
			}
		case dst != nil:
			if err := noValues(); err != nil {
				return err
			}
			s := set{}
			for _, e := range sec.Entries {
				s[strings.ToLower(e.Key)] = true
			}
			*dst = s
		case sec.Name == "boilerplate-labels":
			for _, e := range sec.Entries {
				r := lineRule{label: strings.ToLower(e.Key)}
				if e.Value != "" {
					c, ok := creditNames[e.Value]
					if !ok {
						return bad(e, "credit %q is not one of wire, translator, editor, reporter, publisher", e.Value)
					}
					r.credit = c
				}
				p.lineRules = append(p.lineRules, r)
			}
		case sec.Name == "contributor-phrases":
			if err := noValues(); err != nil {
				return err
			}
			for _, e := range sec.Entries {
				p.contributorPhrases = append(p.contributorPhrases, strings.ToLower(e.Key))
			}
		case sec.Name == "back-reference-phrases":
			if err := noValues(); err != nil {
				return err
			}
			for _, e := range sec.Entries {
				p.backRefPhrases = append(p.backRefPhrases, strings.Fields(strings.ToLower(e.Key)))
			}
		case sec.Name == "attribution":
			for _, e := range sec.Entries {
				switch {
				case e.Key == "enclitic":
					p.nya = e.Value
				case e.Key == "role-head-first" && (e.Value == "yes" || e.Value == "no"):
					p.roleHeadFirst = e.Value == "yes"
				default:
					return bad(e, "want \"enclitic = <suffix>\" or \"role-head-first = yes|no\"")
				}
			}
		default:
			dir, isCue := cueSections[sec.Name]
			if !isCue {
				return lang.Errorf(f.Path, sec.Line, "unknown section [%s]", sec.Name)
			}
			for _, e := range sec.Entries {
				if e.Value != "" && e.Value != "enclitic" {
					return bad(e, "want the cue alone, or \"= enclitic\" when it takes the enclitic pronoun")
				}
				w := strings.Fields(strings.ToLower(e.Key))
				p.cues[w[0]] = append(p.cues[w[0]], cue{words: w, dir: dir, nya: e.Value == "enclitic"})
			}
		}
	}
	return nil
}

// VerdictName is how readers of language lang see a claim status ("false"
// reads "Salah" in Indonesian); "" for a status the language does not name
// (an unverified claim has no rating).
func VerdictName(lang, status string) string { return packOf(lang).verdictNames[status] }

// TimelineTitle heads an exported timeline of language lang that was given
// no title ("Linimasa").
func TimelineTitle(lang string) string { return packOf(lang).timelineTitle }
