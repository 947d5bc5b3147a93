package claims

import "strings"

// English: wire copy (Reuters, AP, AFP) and broadcast transcripts.
func init() {
	p := &pack{
		code:               "en",
		contributorPhrases: []string{" contributed to this report", " contributed reporting", " contributed from ", " contributed to this story"},
		// Outlets that write their name after the place without brackets.
		outlets: nameSet("Reuters|AP|AFP|Bloomberg|Xinhua|Kyodo|Yonhap|UPI|CNA|BBC|CNN|Al Jazeera|The Jakarta Post"),
		lineRules: []lineRule{
			{label: "read more:"}, {label: "related:"}, {label: "see also:"}, {label: "also read:"}, {label: "more:"},
			{label: "source:", credit: creditWire},
			{label: "reporting by", credit: creditReporter},
			{label: "additional reporting by"},
			{label: "writing by", credit: creditReporter},
			{label: "editing by", credit: creditEditor},
			{label: "edited by", credit: creditEditor},
			{label: "translated by", credit: creditTranslator},
			{label: "translation by", credit: creditTranslator},
			{label: "copyright", credit: creditPublisher},
			{label: "©", credit: creditPublisher},
			{label: "all rights reserved"},
			{label: "photo:"}, {label: "file photo:"}, {label: "video:"},
		},
		numberAbbrevs: wordSet("no nos"),
		abbrevNever:   wordSet("mr mrs ms dr prof st gen col lt sgt capt rep sen gov pres rev hon vol jan feb mar apr jun jul aug sep sept oct nov dec mt ft fig e.g i.e vs"),
		abbrevEnder:   wordSet("etc"),
		starters: wordSet("the a an he she it they we i you this that these those there but and in on at after before however meanwhile " +
			"his her their its our if when while as for some many most officials police"),
		cues:         map[string][]cue{},
		pronouns:     wordSet("he she"),
		firstPerson:  wordSet("i we"),
		speakerStops: wordSet("in on at to during after before when while who which that as from with via last this next told said adding"),
		sourceNouns:  wordSet("data figures estimates statement report survey sources records"),
		appositives:  wordSet("a an the"),
		fillers:      wordSet("however meanwhile but and also later earlier previously has had have would will then separately"),
		roleWords: wordSet("president vice minister secretary spokesman spokeswoman spokesperson director chief head chairman chairwoman chair adviser advisor " +
			"commander general professor analyst economist researcher governor mayor senator representative member official officer manager " +
			"ambassador envoy prime leader founder lawyer attorney doctor witness deputy assistant coordinator commissioner judge prosecutor " +
			"executive senior chief ceo cfo coo analysts officials lawmaker superintendent researchers scientists experts police leaders " +
			"group firm giant maker operator gov sen rep dr prof gen col lt sgt capt adm " +
			// Plural sources and the common nouns that introduce a body's
			// name ("the utility LG&E", "housing charity Shelter").
			"forecasters meteorologists prosecutors investigators authorities economists lawyers organizers activists campaigners " +
			"utility charity portal regulator watchdog insurer lender retailer carrier airline automaker broker"),
		titles:     wordSet("mr mrs ms dr prof"),
		proxyRoles: wordSet("spokesperson spokesman spokeswoman representative"),
		placePreps: wordSet("in"),
		orgWords: wordSet("ministry department university house bank agency council committee party office institute company corporation inc " +
			"commission court state federal national reserve board authority bureau"),
		particles:       wordSet("bin van von de der al el da la le du"),
		backRefPhrases:  phrases("made the remarks|made the comments|the remarks came|the comments came"),
		clauseWords:     wordSet("that who which whose"),
		relatives:       wordSet("who which whose"),
		prepositions:    wordSet("of at from to for in"),
		conjunctions:    wordSet("and"),
		datePreps:       wordSet("on in at"),
		complementizers: wordSet("that"),
		futureCues:      wordSet("will would scheduled planned plans expected expects expect forecast forecasts predicted projected upcoming"),
		sinceCues:       wordSet("since"),
		figureUnits: wordSet("percent % per cent $ us$ dollars dollar euros pounds yen yuan tons tonnes kg km miles barrels people residents " +
			"participants units victims patients cases seats votes homes vehicles jobs workers employees points thousand million billion trillion"),
		numberWords: wordSet("hundreds thousands millions billions dozens"),
		ev: eventLex{
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
		},
	}
	addCues(p.cues, dirEither, false, "said|says|stated|added|warned|noted|explained|insisted|argued|wrote|claimed")
	addCues(p.cues, dirBefore, false, "told|announced|reported|confirmed|acknowledged|predicted|declared")
	addCues(p.cues, dirPrep, false, "according to")
	register(p)
}
