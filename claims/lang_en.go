package claims

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
		futureCues:      wordSet("will would scheduled planned plans expected forecast forecasts predicted projected upcoming"),
		sinceCues:       wordSet("since"),
		figureUnits: wordSet("percent % per cent $ us$ dollars dollar euros pounds yen yuan tons tonnes kg km miles barrels people residents " +
			"participants units victims patients cases seats votes homes vehicles jobs workers employees points thousand million billion trillion"),
		numberWords: wordSet("hundreds thousands millions billions dozens"),
	}
	addCues(p.cues, dirEither, false, "said|says|stated|added|warned|noted|explained|insisted|argued|wrote|claimed")
	addCues(p.cues, dirBefore, false, "told|announced|reported|confirmed|acknowledged|predicted|declared")
	addCues(p.cues, dirPrep, false, "according to")
	register(p)
}
