package claims

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/factline/factline/timeline"
)

// claimsOf runs the pipeline without temporal expressions.
func claimsOf(lang, text string) []Claim {
	return extractWith(Article{Text: text}, timeline.Result{Lang: lang}).Claims
}

// claimWith returns the claim whose text holds s.
func claimWith(cs []Claim, s string) *Claim {
	for i := range cs {
		if strings.Contains(cs[i].Text, s) {
			return &cs[i]
		}
	}
	return nil
}

func TestAttribution(t *testing.T) {
	for _, tt := range []struct {
		lang, text, at     string
		speaker, role, cue string
		quote              bool
	}{
		{"id", `"Kami siap," kata Yang Moo-jin, seorang profesor di Universitas Seoul.`, "Kami siap", "Yang Moo-jin", "profesor di Universitas Seoul", "kata", true},
		{"id", "Rapat masih berlangsung, menurut Kantor Berita Pusat Korea (KCNA), Senin.", "Rapat masih", "KCNA", "", "menurut", false},
		{"id", "Harga naik, ujar juru bicara kementerian Lee Sang-min.", "Harga naik", "Lee Sang-min", "juru bicara kementerian", "ujar", false},
		{"id", "Menteri ESDM Jero Wacik mengatakan, stok aman.", "stok aman", "Jero Wacik", "Menteri ESDM", "mengatakan", false},
		{"id", "Menurut Badan Pusat Statistik (BPS), inflasi turun.", "inflasi turun", "BPS", "", "menurut", false},
		{"id", "Hal ini menurut Bambang tidak seharusnya terjadi.", "tidak seharusnya", "Bambang", "", "menurut", false},
		// Asides of where, how and when it was said stand between the
		// speaker and the cue; a subordinate clause holds its own.
		{"id", "Kepala Dinas Kesehatan Rina Sari, dalam rapat dengan DPRD mengatakan, kasus demam berdarah menurun.", "kasus demam", "Rina Sari", "Kepala Dinas Kesehatan", "mengatakan", false},
		{"en", "The central bank, in its quarterly report, said inflation would ease.", "inflation would ease", "The central bank", "", "said", false},
		// "jelas" and "kata" in running text are no cues.
		{"id", "Tujuannya tidak jelas bagi warga.", "Tujuannya", "", "", "", false},
		{"en", `"We are ready," said Niek Stam, a spokesman for the union.`, "We are ready", "Niek Stam", "spokesman for the union", "said", true},
		{"en", "Prices rose 5 percent, fire officials said.", "Prices rose", "fire officials", "", "said", false},
		// An unnamed spokesperson speaks for the body; a body after a role noun is the speaker.
		{"en", "A spokeswoman for the Port of Rotterdam said the terminal would reopen.", "terminal would reopen", "Port of Rotterdam", "spokeswoman", "said", false},
		{"en", "Power was back in most homes, according to the utility Duke Energy.", "Power was back", "Duke Energy", "utility", "according to", false},
		{"en", "A WHO spokesman, Tarik Jasarevic, said the agency agreed.", "agency agreed", "Tarik Jasarevic", "WHO spokesman", "said", false},
		{"en", "Board member Janet Cole, who voted no, warned that costs would rise.", "costs would rise", "Janet Cole", "Board member", "warned", false},
		{"en", "Cases fell by half, according to the health ministry.", "Cases fell", "the health ministry", "", "according to", false},
		{"en", "He sold the house and said he would move.", "sold the house", "", "", "", false},
		{"en", "Although the government has publicly said the plan is sound, critics disagree.", "the plan is sound", "the government", "", "said", false},
		{"en", "The Underwood family said the trial would go ahead.", "trial would go ahead", "The Underwood family", "", "said", false},
		{"id", "Harga minyak masih terlalu tinggi, kata Menteri Luar Negeri Venezuela Rafael Ramirez.", "terlalu tinggi", "Rafael Ramirez", "Menteri Luar Negeri Venezuela", "kata", false},
		{"id", "Kepala Humas Garuda Indonesia Rina Kartika mengatakan, jadwal penerbangan kembali normal.", "kembali normal", "Rina Kartika", "Kepala Humas Garuda Indonesia", "mengatakan", false},
		{"en", "The purchase price was disclosed in a filing to the exchange.", "purchase price", "", "", "", false},
		{"en", "Health Minister Ana Costa toured the ward and said the unit would reopen.", "unit would reopen", "Ana Costa", "Health Minister", "said", false},
		{"en", "The mayor met residents and told them the bridge would reopen.", "bridge would reopen", "The mayor", "", "told", false},
		{"id", "Gubernur Andi Sudirman meninjau lokasi banjir dan mengatakan bantuan segera disalurkan.", "bantuan segera", "Andi Sudirman", "Gubernur", "mengatakan", false},
		{"en", "Lawyers for the boy's family sent letters to the court and said they would appeal.", "would appeal", "", "", "", false},
		// An unnamed official speaks for the body named after the
		// preposition, whatever modifies the role.
		{"en", `"We cannot wait," a senior official at the Ministry of Health told reporters.`, "cannot wait", "Ministry of Health", "official", "told", true},
		{"id", "Harga beras akan turun, kata seorang pejabat di Kementerian Perdagangan.", "Harga beras", "Kementerian Perdagangan", "pejabat", "kata", false},
		{"en", "Prices will fall, said an official at the Ministry of Trade.", "Prices will fall", "Ministry of Trade", "official", "said", false},
		// A quotation that ends its own sentence, then a sentence that
		// only says who said it; one with words of its own stays apart.
		{"id", `"Mengapa kami harus menunggu?" Menteri Pertanian Budi Santoso mengatakan kepada wartawan.`, "harus menunggu", "Budi Santoso", "Menteri Pertanian", "mengatakan", true},
		{"en", `"Why should we wait?" Mayor Ana Ruiz told reporters on Monday.`, "should we wait", "Ana Ruiz", "Mayor", "told", true},
		{"en", `"Why should we wait?" Mayor Ana Ruiz said the bridge would open.`, "should we wait", "", "", "", false},
	} {
		cs := claimsOf(tt.lang, tt.text)
		c := claimWith(cs, tt.at)
		if c == nil {
			if tt.speaker != "" {
				t.Errorf("%q: no claim", tt.text)
			}
			continue
		}
		if c.Speaker != tt.speaker || c.Role != tt.role || c.Cue != tt.cue || c.Quote != tt.quote {
			t.Errorf("%q:\n got speaker %q role %q cue %q quote %v\nwant speaker %q role %q cue %q quote %v",
				tt.text, c.Speaker, c.Role, c.Cue, c.Quote, tt.speaker, tt.role, tt.cue, tt.quote)
		}
	}
}

// TestSpeakerResolution follows names through an article: pronouns and
// "-nya" cues take the last person named, short names the full name, and
// a later short name found inside an earlier full name fixes where that
// name starts.
// TestSpeakerBeforeDayOfSaying reads the speaker past the day of saying
// and the asides between it and the cue, with the dates tagged.
func TestSpeakerBeforeDayOfSaying(t *testing.T) {
	for _, tt := range []struct{ text, speaker string }{
		{"Kepala Dinas Kesehatan Rina Sari, dalam rapat dengan DPRD, Kamis, mengatakan, kasus demam berdarah menurun.", "Rina Sari"},
		{"Juru bicara PLN Budi Hartono di Denpasar, Selasa menjelaskan, gangguan listrik sudah diatasi.", "Budi Hartono"},
		// A subordinate clause before the cue holds the speaker.
		{"Pada hari yang sama, pemerintah melaporkan stok beras naik menjadi 3 juta ton, ketika analis sebelumnya memperkirakan penurunan stok.", "analis"},
	} {
		ex := Extract(Article{Text: tt.text, Lang: "id", Published: time.Date(2024, 6, 6, 0, 0, 0, 0, time.UTC)})
		var got []string
		for _, c := range ex.Claims {
			got = append(got, c.Speaker)
		}
		if !slices.Contains(got, tt.speaker) {
			t.Errorf("%q: speakers %q, want %q", tt.text, got, tt.speaker)
		}
	}
}

func TestSpeakerResolution(t *testing.T) {
	text := "Kepala Dinas Perhubungan DKI Jakarta Syafrin Liputo mengatakan, lelang dibuka.\n\n" +
		"\"Kami siap,\" ujarnya.\n\n" +
		"Penasihat keamanan nasional Gedung Putih Robert O'Brien mengatakan AS bertindak.\n\n" +
		"Saluran dibuka, kata O'Brien.\n\n" +
		"Menurut Syafrin, lokasi dipilih dari survei.\n\n" +
		"Ia menambahkan, tarif harus murah."
	cs := claimsOf("id", text)
	for _, tt := range []struct{ at, speaker, role string }{
		{"lelang dibuka", "Syafrin Liputo", "Kepala Dinas Perhubungan DKI Jakarta"},
		{"Kami siap", "Syafrin Liputo", "Kepala Dinas Perhubungan DKI Jakarta"},
		{"AS bertindak", "Robert O'Brien", "Penasihat keamanan nasional Gedung Putih"},
		{"Saluran dibuka", "Robert O'Brien", "Penasihat keamanan nasional Gedung Putih"},
		{"lokasi dipilih", "Syafrin Liputo", "Kepala Dinas Perhubungan DKI Jakarta"},
		{"tarif harus murah", "Syafrin Liputo", "Kepala Dinas Perhubungan DKI Jakarta"},
	} {
		c := claimWith(cs, tt.at)
		if c == nil || c.Speaker != tt.speaker || c.Role != tt.role {
			t.Errorf("%q: got %+v, want %q (%q)", tt.at, c, tt.speaker, tt.role)
		}
	}
}

// TestQuoteAcrossSentences: a quote running over several sentences is one
// claim, and a quote-only sentence after an attributed quote inherits it.
func TestQuoteAcrossSentences(t *testing.T) {
	text := "”Tidak ada koordinasi. Masing-masing berjalan sendiri,” ujar Pri Agung.\n\n" +
		"\"The wind shifted,\" Maria Lopez told reporters. \"Our crews held the line.\""
	cs := claimsOf("id", text[:strings.Index(text, "\n")])
	if len(cs) != 1 || !strings.HasPrefix(cs[0].Text, "”Tidak") || cs[0].Speaker != "Pri Agung" || !cs[0].Quote {
		t.Errorf("multi-sentence quote: %+v", cs)
	}
	cs = claimsOf("en", text[strings.Index(text, "\n")+2:])
	if c := claimWith(cs, "Our crews"); c == nil || c.Speaker != "Maria Lopez" || !c.Quote {
		t.Errorf("quote continuation: %+v", cs)
	}
}

// TestBackReference: "Seruan itu disampaikan ..., menurut KCNA" attributes
// the sentence before.
func TestBackReference(t *testing.T) {
	text := "Kim menyerukan langkah ofensif.\n\nSeruan itu disampaikan dalam rapat, menurut KCNA."
	if c := claimWith(claimsOf("id", text), "langkah ofensif"); c == nil || c.Speaker != "KCNA" {
		t.Errorf("back reference: %+v", c)
	}
}

func TestClaimKinds(t *testing.T) {
	for _, tt := range []struct {
		lang, text string
		kind       Kind
	}{
		{"id", "Rapat itu menghadirkan hingga 300 peserta.", KindFigure},
		{"id", "Nilainya Rp 1,24 triliun, kata Ali.", KindFigure},
		{"en", "Unemployment rose to 4.1%, the agency said.", KindFigure},
		{"id", "Harga akan turun, kata Ali.", KindForecast},
		{"en", `"We are ready," she said.`, KindQuote},
		{"en", "The talks failed, officials said.", KindStatement},
	} {
		cs := claimsOf(tt.lang, tt.text)
		if len(cs) != 1 || cs[0].Kind != tt.kind {
			t.Errorf("%q: %+v, want one %s claim", tt.text, cs, tt.kind)
		}
	}
}
