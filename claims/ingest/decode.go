package ingest

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/factline/factline/claims/apperr"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// MaxArticleBytes caps the text of one article. Longer input is refused,
// not truncated: a cut article would silently lose facts.
const MaxArticleBytes = 2 << 20

// ErrBinary is returned for input that is not text.
var ErrBinary = apperr.Errorf(apperr.Invalid, "input looks binary, not text")

// decodeText turns raw bytes into UTF-8 text. UTF-8 (with or without a BOM)
// and UTF-16 with a BOM are read as such; anything else that is not valid
// UTF-8 is read as Windows-1252, the encoding of many older news pages
// (Latin-1 is a subset of it, so those pages come out right too).
func decodeText(b []byte) (string, error) {
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case !utf8.Valid(b):
		enc = charmap.Windows1252
	}
	if enc != nil {
		out, _, err := transform.Bytes(enc.NewDecoder(), b)
		if err != nil {
			return "", fmt.Errorf("decode text: %w", err)
		}
		b = out
	}
	if looksBinary(b) {
		return "", ErrBinary
	}
	return string(b), nil
}

// looksBinary reports NUL bytes or a high share of control characters in
// the first few kilobytes, the marks of images, archives and executables.
func looksBinary(b []byte) bool {
	if len(b) > 8192 {
		b = b[:8192]
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	control := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			control++
		}
	}
	return len(b) > 0 && control*20 > len(b)
}
