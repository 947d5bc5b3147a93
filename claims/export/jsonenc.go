package export

import (
	"bufio"
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/factline/factline/timeline"
)

// The events of the JSON and TimelineJS exports are written by hand, by
// appending to a reused buffer: encoding/json's reflection and the
// structures built only to feed it were a quarter of an export's CPU time.
// What is written is, byte for byte, what encoding/json writes for the
// types that document each format (jsonEvent, tlSlide); the tests hold the
// two equal.

// jsonList writes the elements of a JSON array one at a time, each as
// json.Encoder writes a value: followed by a newline.
type jsonList struct {
	w   *bufio.Writer
	buf []byte
	n   int
	enc *json.Encoder
}

func newJSONList(w *bufio.Writer) *jsonList { return &jsonList{w: w} }

// next returns the buffer to append the next element to, holding the
// separator before it: the first element starts a line, the others follow
// a comma.
func (l *jsonList) next() []byte {
	if l.n == 0 {
		return append(l.buf[:0], '\n')
	}
	return append(l.buf[:0], ',')
}

// add writes b, the element appended to what next returned, and keeps b's
// storage for the next element.
func (l *jsonList) add(b []byte) error {
	b = append(b, '\n')
	l.buf = b
	l.n++
	_, err := l.w.Write(b)
	return err
}

// addValue writes v through encoding/json, for the formats not written by
// hand.
func (l *jsonList) addValue(v any) error {
	if _, err := l.w.Write(l.next()); err != nil {
		return err
	}
	l.n++
	if l.enc == nil {
		l.enc = json.NewEncoder(l.w)
	}
	return l.enc.Encode(v)
}

// htmlSafe marks the ASCII bytes encoding/json writes as they are with
// HTML escaping on: printable characters but ", \, <, > and &. The export
// keeps encoding/json's HTML escaping: graphics desks paste exports into
// <script> tags, where an unescaped "</script>" in an article would end
// the script.
var htmlSafe = func() (safe [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		safe[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return safe
}()

const hexDigits = "0123456789abcdef"

// lsb has every byte's lowest bit set, msb every byte's highest.
const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// escapes8 is non-zero when one of the eight bytes packed in x needs
// escaping: is below a space, non-ASCII, ", \\, <, > or &. Each test sets
// a byte's high bit when the byte matches (a subtraction's borrow can set
// it in a byte above a match too, never without one), so it is exact.
func escapes8(x uint64) uint64 {
	control := (x - lsb*' ') &^ x
	special := zero8(x^(lsb*'"')) | zero8(x^(lsb*'\\')) | zero8(x^(lsb*'<')) | zero8(x^(lsb*'>')) | zero8(x^(lsb*'&'))
	return (control | special | x) & msb
}

// zero8 sets the high bit of each zero byte of v.
func zero8(v uint64) uint64 { return (v - lsb) &^ v }

// invalidUTF8 is what encoding/json writes for each byte of invalid UTF-8:
// the escape \ufffd up to Go 1.26, the character U+FFFD itself from Go
// 1.27 on. It is asked once, so the exports stay byte for byte what
// encoding/json writes with the toolchain factline is built with.
var invalidUTF8 = func() string {
	b, err := json.Marshal("\xff")
	if err != nil || len(b) < 2 {
		return `\ufffd`
	}
	return string(b[1 : len(b)-1])
}()

// appendString appends s as a JSON string, escaped as encoding/json
// escapes it: control characters as \b, \f, \n, \r, \t or \u00XX; <, >
// and & as \u003c, \u003e and \u0026; U+2028 and U+2029 (which end a line
// in JavaScript) as \u2028 and \u2029; each byte of invalid UTF-8 as
// invalidUTF8.
func appendString[S string | []byte](b []byte, s S) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Most text needs no escaping: skip it eight bytes at a time.
		for i+8 <= len(s) {
			w := s[i : i+8]
			x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
				uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
			if escapes8(x) != 0 {
				break
			}
			i += 8
		}
		if i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			if htmlSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		// At most UTFMax bytes are converted, so the string stays on the
		// stack for a []byte too.
		r, size := utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, invalidUTF8...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendStamp appends t as encoding/json writes a time.Time, in UTC. The
// digits, letters and punctuation of RFC 3339 need no escaping.
func appendStamp(b []byte, t time.Time) []byte {
	b = append(b, '"')
	b = t.UTC().AppendFormat(b, time.RFC3339Nano)
	return append(b, '"')
}

// appendStampOrNull appends a stamp of *t, or null when t is nil.
func appendStampOrNull(b []byte, t *time.Time) []byte {
	if t == nil {
		return append(b, "null"...)
	}
	return appendStamp(b, *t)
}

// appendWallStamp appends the wall-clock time *t (see timeline.Date) as
// the instant it names in zone, with that offset ("2014-12-28T06:18:00+07:00"),
// or in UTC when zone is "": null when t is nil.
func appendWallStamp(b []byte, t *time.Time, zone string) []byte {
	if t == nil {
		return append(b, "null"...)
	}
	b = append(b, '"')
	b = timeline.InZone(*t, zone).AppendFormat(b, time.RFC3339Nano)
	return append(b, '"')
}

func appendInt(b []byte, n int64) []byte { return strconv.AppendInt(b, n, 10) }

func appendBool(b []byte, v bool) []byte { return strconv.AppendBool(b, v) }
