package claims

import "strings"

// English event words: wire copy (Reuters, AP, AFP) and broadcast
// transcripts. Everything else claims knows of
// English (attribution cues, roles, boilerplate) is data in
// timeline/lang/en.
func init() {
	eventWords["en"] = eventLex{
		// Irregular past forms and participles; regular ones end in -ed.
		verbs: wordSet("said told met took taken began begun went gone came fell fallen won lost left made gave given held found " +
			"saw seen sent struck hit brought bought built caught chose chosen drove driven flew flown grew grown knew known led " +
			"paid ran rose risen sold shot shut sank sunk spoke spoken spent stood stole swore threw thrown wore wrote written broke " +
			"broken got gotten hid kept laid slid spread stuck swept tore woke did done quit dealt fought fled froze hung heard " +
			"hurt beat bent blew burst clung crept dug drew drank fed felt forbade rang rode sought shook slept spun sprang stung " +
			"strode swam swung taught understood upheld withdrew withdrawn undertook overtook arose sped lit " +
			"dies die arrives arrive meets meet begins begin opens open closes close ends starts start resigns resign " +
			// Present forms news uses for plans and schedules, and
			// adjectives that predicate a schedule ("is due on").
			"takes makes comes goes shows expects plans holds faces leaves returns reaches hits wins loses gets runs sets " +
			"expires rises falls visits due"),
		verbSuffixes: strings.Fields("ed"),
		participles:  strings.Fields("ing"),
		stemSuffixes: strings.Fields("ation ition tion sion ment ing ion ed es s e"),
		minAffixed:   4,
		notVerbs: wordSet("dated need red bed hundred united speed seed feed breed indeed shed weed steed bleed creed greed proceed " +
			"exceed succeed naked wicked sacred kindred beloved aged ragged rugged wretched crooked learned skilled based related " +
			"limited unlimited detailed advanced experienced talented interested supposed so-called alleged"),
		verbAfter:  wordSet("will would could can may might must shall should did didn't won't not never"),
		infinitive: wordSet("to"),
		eventNouns: wordSet("meeting summit talks conference election vote referendum crash accident collision fire blaze explosion " +
			"blast earthquake quake storm hurricane typhoon cyclone flood floods flooding landslide eruption attack attacks strike " +
			"strikes walkout protest protests rally demonstration riot shooting bombing raid invasion war battle ceremony " +
			"inauguration launch opening visit trip hearing trial verdict sentencing ruling arrest match game final tournament " +
			"festival concert deadline session plenary debate announcement outbreak disaster incident tragedy collapse merger " +
			"acquisition deal agreement treaty auction sale takeoff landing departure arrival funeral wedding session cuts cut hike"),
		sayingVerbs:    wordSet("said says told tells stated added noted explained wrote writes insisted argued warned claimed"),
		rangeOpeners:   wordSet("between from"),
		addressVerbs:   wordSet("told tells"),
		timePreps:      wordSet("during throughout over within around about early late"),
		dateNouns:      wordSet("year month week day date"),
		zoneWords:      wordSet("local time gmt utc et est edt pt pst pdt bst cet cest jst wib wita wit"),
		aheadOf:        wordSet("ahead prior"),
		numberWords:    wordSet("no number"),
		firstSingular:  wordSet("i me my"),
		documents:      wordSet("email e-mail emails e-mails letter letters message messages memo memos note text texted"),
		comparisons:    wordSet("compared than versus vs year-earlier"),
		audiences:      wordSet("reporters journalists lawmakers parliament the a an"),
		copulas:        wordSet("is are was were be been being am seems seemed remains remained appears appeared"),
		subordinators:  wordSet("to because after before when while since until as although though if unless whereas so"),
		rangeWords:     wordSet("to until through till thru - – —"),
		altWords:       wordSet("or"),
		untilCues:      wordSet("until till by before"),
		headConnectors: wordSet("that which who whom whose and but however meanwhile also then so because after before when while as to"),
		functionWords: wordSet("the a an of to in on at for with by from into onto about as and or but that which who whom whose " +
			"this these those its his her their our my your is are was were be been has have had will would could should can may " +
			"might must not than then so if when while after before since until during over under between against per via also " +
			"early late around about least"),
		determiners:     wordSet("the a an this these those his her its their our"),
		subjectPronouns: wordSet("he she"),
	}
}
