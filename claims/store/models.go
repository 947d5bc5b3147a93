package store

import "time"

// Roles of a user. Viewers read; editors also verify, correct and add;
// admins also manage users and API tokens.
const (
	RoleAdmin  = "admin"
	RoleEditor = "editor"
	RoleViewer = "viewer"
)

// User is a person who signs in.
type User struct {
	ID           int64     `gorm:"column:id;primaryKey" json:"id"`
	Username     string    `gorm:"column:username" json:"username"`
	PasswordHash string    `gorm:"column:password_hash" json:"-"`
	Role         string    `gorm:"column:role" json:"role"`
	Disabled     bool      `gorm:"column:disabled" json:"disabled"`
	CreatedAt    time.Time `gorm:"column:created_at" json:"created_at"`
	UpdatedAt    time.Time `gorm:"column:updated_at" json:"updated_at"`
}

// Article is a stored news article. Body is the text exactly as ingested:
// every offset elsewhere points into it.
type Article struct {
	ID                int64     `gorm:"column:id;primaryKey" json:"id"`
	ContentHash       string    `gorm:"column:content_hash" json:"content_hash"`
	Title             string    `gorm:"column:title" json:"title"`
	URL               string    `gorm:"column:url" json:"url"`
	Publisher         string    `gorm:"column:publisher" json:"publisher"`
	Author            string    `gorm:"column:author" json:"author"`
	Lang              string    `gorm:"column:lang" json:"lang"`
	Published         string    `gorm:"column:published" json:"published"`
	PublishedInferred bool      `gorm:"column:published_inferred" json:"published_inferred"`
	PublishedEvidence string    `gorm:"column:published_evidence" json:"published_evidence,omitempty"`
	Dateline          string    `gorm:"column:dateline" json:"dateline,omitempty"`
	WireSource        string    `gorm:"column:wire_source" json:"wire_source,omitempty"`
	Translator        string    `gorm:"column:translator" json:"translator,omitempty"`
	Editor            string    `gorm:"column:editor" json:"editor,omitempty"`
	Reporter          string    `gorm:"column:reporter" json:"reporter,omitempty"`
	Boilerplate       string    `gorm:"column:boilerplate" json:"-"`
	Body              string    `gorm:"column:body" json:"body,omitempty"`
	SourceKind        string    `gorm:"column:source_kind" json:"source_kind"`
	CreatedBy         *int64    `gorm:"column:created_by" json:"created_by,omitempty"`
	CreatedAt         time.Time `gorm:"column:created_at" json:"created_at"`
	UpdatedAt         time.Time `gorm:"column:updated_at" json:"updated_at"`
	Version           int       `gorm:"column:version" json:"version"`
}

// Timex is a stored temporal expression of an article.
type Timex struct {
	ID          int64  `gorm:"column:id;primaryKey" json:"id"`
	ArticleID   int64  `gorm:"column:article_id" json:"article_id"`
	Ref         string `gorm:"column:ref" json:"ref"`
	Start       int    `gorm:"column:start_offset" json:"start"`
	End         int    `gorm:"column:end_offset" json:"end"`
	Text        string `gorm:"column:text" json:"text"`
	Type        string `gorm:"column:type" json:"type"`
	Value       string `gorm:"column:value" json:"value"`
	Mod         string `gorm:"column:mod" json:"mod"`
	Anchor      string `gorm:"column:anchor" json:"anchor,omitempty"`
	Rule        string `gorm:"column:rule" json:"rule,omitempty"`
	Explanation string `gorm:"column:explanation" json:"explanation,omitempty"`
}

// Claim is a stored assertion of an article with its verification status.
type Claim struct {
	ID        int64     `gorm:"column:id;primaryKey" json:"id"`
	ArticleID int64     `gorm:"column:article_id" json:"article_id"`
	Ref       string    `gorm:"column:ref" json:"ref"`
	Start     int       `gorm:"column:start_offset" json:"start"`
	End       int       `gorm:"column:end_offset" json:"end"`
	Text      string    `gorm:"column:text" json:"text"`
	Kind      string    `gorm:"column:kind" json:"kind"`
	Speaker   string    `gorm:"column:speaker" json:"speaker"`
	Role      string    `gorm:"column:role" json:"role"`
	Cue       string    `gorm:"column:cue" json:"cue"`
	Quote     bool      `gorm:"column:quote" json:"quote"`
	TimexRefs string    `gorm:"column:timex_refs" json:"timex_refs"`
	Status    string    `gorm:"column:status" json:"status"`
	CreatedAt time.Time `gorm:"column:created_at" json:"created_at"`
	UpdatedAt time.Time `gorm:"column:updated_at" json:"updated_at"`
	Version   int       `gorm:"column:version" json:"version"`
}

// ClaimEvidence is an editor's note or link supporting a claim's verdict.
type ClaimEvidence struct {
	ID        int64     `gorm:"column:id;primaryKey" json:"id"`
	ClaimID   int64     `gorm:"column:claim_id" json:"claim_id"`
	Note      string    `gorm:"column:note" json:"note"`
	URL       string    `gorm:"column:url" json:"url"`
	UserID    *int64    `gorm:"column:user_id" json:"user_id,omitempty"`
	CreatedAt time.Time `gorm:"column:created_at" json:"created_at"`
}

// TableName keeps GORM's pluralisation away from the schema's name.
func (ClaimEvidence) TableName() string { return "claim_evidence" }

// Event is a dated happening on the timeline. StartsAt and EndsAt are the
// interval its date covers (nil when the value names no calendar interval).
type Event struct {
	ID          int64      `gorm:"column:id;primaryKey" json:"id"`
	Headline    string     `gorm:"column:headline" json:"headline"`
	Description string     `gorm:"column:description" json:"description"`
	Value       string     `gorm:"column:value" json:"value"`
	Mod         string     `gorm:"column:mod" json:"mod"`
	Precision   string     `gorm:"column:precision" json:"precision"`
	StartsAt    *time.Time `gorm:"column:starts_at" json:"starts_at"`
	EndsAt      *time.Time `gorm:"column:ends_at" json:"ends_at"`
	EndValue    string     `gorm:"column:end_value" json:"end_value,omitempty"`
	// Zone is the UTC offset the source gave for a clock time ("+07:00"),
	// "" when it gave none or the date has no clock time; StartsAt and
	// EndsAt hold the wall-clock time (see timeline.Date).
	Zone       string `gorm:"column:zone" json:"zone,omitempty"`
	Status     string `gorm:"column:status" json:"status"`
	Hidden     bool   `gorm:"column:hidden" json:"hidden"`
	MergedInto *int64 `gorm:"column:merged_into" json:"merged_into,omitempty"`
	Manual     bool   `gorm:"column:manual" json:"manual"`
	// Disagree says the event's sources give incompatible dates and no
	// editor has chosen between them; Resolution is the note of the editor
	// who last did.
	Disagree   bool   `gorm:"column:disagree" json:"disagree"`
	Resolution string `gorm:"column:resolution" json:"resolution,omitempty"`
	// Review is where the event stands in editorial review (ReviewStates):
	// exports publish approved events only, unless asked for proposed ones
	// too; rejected events are never exported.
	Review    string    `gorm:"column:review" json:"review"`
	CreatedAt time.Time `gorm:"column:created_at" json:"created_at"`
	UpdatedAt time.Time `gorm:"column:updated_at" json:"updated_at"`
	Version   int       `gorm:"column:version" json:"version"`
}

// EventTag is one tag of an event.
type EventTag struct {
	EventID int64  `gorm:"column:event_id;primaryKey" json:"event_id"`
	Tag     string `gorm:"column:tag;primaryKey" json:"tag"`
}

// EventSource links an event to a sentence of an article that supports it.
type EventSource struct {
	ID        int64  `gorm:"column:id;primaryKey" json:"id"`
	EventID   int64  `gorm:"column:event_id" json:"event_id"`
	ArticleID int64  `gorm:"column:article_id" json:"article_id"`
	ClaimID   *int64 `gorm:"column:claim_id" json:"claim_id,omitempty"`
	TimexID   *int64 `gorm:"column:timex_id" json:"timex_id,omitempty"`
	Start     int    `gorm:"column:start_offset" json:"start"`
	End       int    `gorm:"column:end_offset" json:"end"`
	Sentence  string `gorm:"column:sentence" json:"sentence"`
	// Value and Mod are the date this source gives (TIMEX3).
	Value string `gorm:"column:value" json:"value"`
	Mod   string `gorm:"column:mod" json:"mod,omitempty"`
	// The parts of the clause that tell the happening, as article offsets
	// inside the sentence: the predicate (a verb or an event noun), its
	// subject and its object. Each pair is nil where the source has no
	// such part.
	PredicateStart *int `gorm:"column:predicate_start" json:"predicate_start,omitempty"`
	PredicateEnd   *int `gorm:"column:predicate_end" json:"predicate_end,omitempty"`
	SubjectStart   *int `gorm:"column:subject_start" json:"subject_start,omitempty"`
	SubjectEnd     *int `gorm:"column:subject_end" json:"subject_end,omitempty"`
	ObjectStart    *int `gorm:"column:object_start" json:"object_start,omitempty"`
	ObjectEnd      *int `gorm:"column:object_end" json:"object_end,omitempty"`
}

// Revision records one change: the entity's state before and after as JSON.
type Revision struct {
	ID        int64     `gorm:"column:id;primaryKey" json:"id"`
	Entity    string    `gorm:"column:entity" json:"entity"`
	EntityID  int64     `gorm:"column:entity_id" json:"entity_id"`
	Action    string    `gorm:"column:action" json:"action"`
	Before    string    `gorm:"column:before" json:"before"`
	After     string    `gorm:"column:after" json:"after"`
	UserID    *int64    `gorm:"column:user_id" json:"user_id,omitempty"`
	CreatedAt time.Time `gorm:"column:created_at" json:"created_at"`
}

// Session is a signed-in browser. Only the hash of its cookie is stored.
type Session struct {
	TokenHash string    `gorm:"column:token_hash;primaryKey" json:"-"`
	UserID    int64     `gorm:"column:user_id" json:"user_id"`
	CSRFToken string    `gorm:"column:csrf_token" json:"-"`
	CreatedAt time.Time `gorm:"column:created_at" json:"created_at"`
	ExpiresAt time.Time `gorm:"column:expires_at" json:"expires_at"`
	// LastSeenAt is when the session was last used, to within
	// SessionTouchInterval.
	LastSeenAt time.Time `gorm:"column:last_seen_at" json:"last_seen_at"`
}

// APIToken is a read-only credential for machines. Only its hash is stored.
type APIToken struct {
	ID         int64      `gorm:"column:id;primaryKey" json:"id"`
	Name       string     `gorm:"column:name" json:"name"`
	TokenHash  string     `gorm:"column:token_hash" json:"-"`
	Scope      string     `gorm:"column:scope" json:"scope"`
	CreatedBy  *int64     `gorm:"column:created_by" json:"created_by,omitempty"`
	CreatedAt  time.Time  `gorm:"column:created_at" json:"created_at"`
	ExpiresAt  *time.Time `gorm:"column:expires_at" json:"expires_at,omitempty"`
	RevokedAt  *time.Time `gorm:"column:revoked_at" json:"revoked_at,omitempty"`
	LastUsedAt *time.Time `gorm:"column:last_used_at" json:"last_used_at,omitempty"`
}
