package ingest

// StoryManifest describes a folder of one story's reports in JSON (the
// sample stories' gold.json): the story's title, and each report's file
// (relative to the folder), publication date (YYYY-MM-DD) and language.
type StoryManifest struct {
	Title    string            `json:"title"`
	Articles []ManifestArticle `json:"articles"`
}

// ManifestArticle is one report of a StoryManifest.
type ManifestArticle struct {
	File      string `json:"file"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
}
