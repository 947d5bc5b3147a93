package claims

import "strings"

// speakerBook remembers the people and bodies named so far in one article,
// so a later short name ("O'Brien", "Ali") or pronoun ("ia", "he")
// resolves to the full name given earlier.
type speakerBook struct {
	people []person
	// last is the index of the last person named, -1 before any; pronouns
	// refer to it.
	last int
}

type person struct {
	name, role string
	words      []string
	// alias is a long form the name abbreviates ("Kantor Berita Pusat
	// Korea" for "KCNA").
	alias string
}

func newSpeakerBook() *speakerBook { return &speakerBook{last: -1} }

// resolve returns the index of the person an attribution's speaker refers
// to, registering new names as it goes; -1 when it refers to no one known.
func (b *speakerBook) resolve(at attribution) int {
	if at.pronoun {
		return b.last
	}
	if at.speaker == "" {
		return -1
	}
	i := b.find(at.speaker)
	if i < 0 {
		b.people = append(b.people, person{name: at.speaker, role: at.role, words: strings.Fields(at.speaker), alias: at.acronymOf})
		i = len(b.people) - 1
	} else if b.people[i].role == "" {
		b.people[i].role = at.role
	}
	if isPersonName(b.people[i].words) {
		b.last = i
	}
	return i
}

// allCapitalised reports whether every word starts with a capital: a
// proper name, which a shorter form can stand for ("fire officials" is not
// one, so a later "Officials" stays itself).
func allCapitalised(ws []string) bool {
	for _, w := range ws {
		if !isUpperStart(w) {
			return false
		}
	}
	return true
}

// isPersonName reports whether a name reads as a person's, which is what a
// pronoun can stand for: capitalised words, not an acronym, not opening
// with an article ("The Port of Rotterdam Authority", "KCNA", "Shipping
// group Maersk" are bodies).
func isPersonName(ws []string) bool {
	if len(ws) == 0 || len(ws) > 4 || len(ws) == 1 && isAcronym(ws[0]) || !allCapitalised(ws) {
		return false
	}
	low := lowerASCII(ws[0])
	return low != "the" && low != "a"
}

// find returns the one earlier person that name refers to: the same name,
// the long form of an acronym, or a shorter name found inside exactly one
// earlier full name. A short name that matches inside a longer one
// ("Syafrin" in "Jakarta Syafrin Liputo") shows where that name really
// starts, and the words before it move to the role. -1 when there is none
// or it is ambiguous.
func (b *speakerBook) find(name string) int {
	ws := strings.Fields(name)
	found, at := -1, 0
	for i, pp := range b.people {
		if strings.EqualFold(pp.name, name) || pp.alias != "" && strings.EqualFold(pp.alias, name) {
			return i
		}
		if len(ws) >= len(pp.words) || !allCapitalised(pp.words) {
			continue
		}
		for k := 0; k+len(ws) <= len(pp.words); k++ {
			if hasWords(pp.words[k:k+len(ws)], ws) {
				if found >= 0 && b.people[found].name != pp.name {
					return -1
				}
				found, at = i, k
				break
			}
		}
	}
	if found >= 0 && at > 0 && at+len(ws) < len(b.people[found].words) {
		pp := &b.people[found]
		pp.role = strings.TrimSpace(pp.role + " " + strings.Join(pp.words[:at], " "))
		pp.words = pp.words[at:]
		pp.name = strings.Join(pp.words, " ")
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
