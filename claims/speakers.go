package claims

import "strings"

// speakerBook remembers the speakers named so far in one article, so a
// later short name ("O'Brien", "Ali") or pronoun ("ia", "he") resolves to
// the full name given earlier.
type speakerBook struct {
	people []person
	last   int // index of the last speaker named, -1 before any
}

type person struct {
	name, role string
	words      []string
	// alias is a long form the name abbreviates ("Kantor Berita Pusat
	// Korea" for "KCNA").
	alias string
}

func newSpeakerBook() *speakerBook { return &speakerBook{last: -1} }

// resolve turns an attribution's speaker into the full name and role it
// refers to, registering new names as it goes.
func (b *speakerBook) resolve(at *attribution) {
	if at.pronoun {
		if b.last >= 0 {
			at.speaker, at.role = b.people[b.last].name, b.people[b.last].role
		}
		return
	}
	if at.speaker == "" {
		return
	}
	if i := b.find(at.speaker); i >= 0 {
		pp := &b.people[i]
		if pp.role == "" {
			pp.role = at.role
		}
		at.speaker = pp.name
		if at.role == "" {
			at.role = pp.role
		}
		b.last = i
		return
	}
	b.people = append(b.people, person{name: at.speaker, role: at.role, words: strings.Fields(at.speaker), alias: at.acronymOf})
	b.last = len(b.people) - 1
}

// find returns the one earlier person that name refers to: the same name,
// the long form of an acronym, or a shorter name that opens or closes
// exactly one earlier full name. -1 when there is none or it is ambiguous.
func (b *speakerBook) find(name string) int {
	ws := strings.Fields(name)
	found := -1
	for i, pp := range b.people {
		switch {
		case strings.EqualFold(pp.name, name), pp.alias != "" && strings.EqualFold(pp.alias, name):
			return i
		case len(ws) < len(pp.words) && (hasWords(pp.words[:len(ws)], ws) || hasWords(pp.words[len(pp.words)-len(ws):], ws)):
			if found >= 0 && b.people[found].name != pp.name {
				return -1
			}
			found = i
		}
	}
	return found
}

func hasWords(a, b []string) bool {
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}
