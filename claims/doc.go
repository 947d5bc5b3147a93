// Package claims reads what a news article asserts: it cleans the text of
// boilerplate (keeping credits as metadata), splits it into paragraphs and
// sentences, finds who said what (speaker, role, cue, direct quote or
// reported speech), builds claims and dates them into timeline events.
//
// Every step is a pure function over the original text and every position is
// a UTF-8 byte offset into it, so the web app can highlight exactly the words
// a claim or event rests on. Whatever belongs to one language (cue verbs,
// abbreviations, boilerplate labels) is data in a language pack (lang_id.go,
// lang_en.go); the engine has no language-specific branches.
package claims
