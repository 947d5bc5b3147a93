package export

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of the JSON export, served by
// the app so analysts can validate what they download.
//
//go:embed schema/export.schema.json
var Schema []byte
