package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/timeline"
)

// csvHeader names the CSV columns. Events are rows; a column with several
// values (tags, sources, claims) joins them with csvJoin. A date takes
// four: its TIMEX3 value (timex_value, "201" for the 2010s), its words for
// readers (display_date, as the app shows it, a range from its first to
// its last date) and the ISO 8601 start and end of the interval it covers,
// modifier applied (starts_at, ends_at: in UTC, or with the source's offset
// for a clock time whose zone it gave, "2014-12-28T06:18:00+07:00"). disagree is true when the sources
// give incompatible dates and no editor has chosen; source_dates has one
// sourceDate per source, in the order of sentences. end_value is the TIMEX3
// value of a range's last date, empty for a single date; predicates,
// subjects and objects are the distinct words of the sources' sentences
// that tell the happening; review is the event's review state.
var csvHeader = []string{
	"id", "timex_value", "display_date", "precision", "mod", "starts_at", "ends_at", "status", "headline", "description",
	"tags", "publishers", "article_titles", "article_urls", "published", "sentences", "speakers", "claim_statuses",
	"disagree", "source_dates", "end_value", "predicates", "subjects", "objects", "review",
}

// csvJoin separates several values in one cell; " | " rarely occurs in a
// headline or sentence and reads well in a spreadsheet.
const csvJoin = " | "

// writeCSV writes one row per event, RFC 4180 (CRLF line ends, quoted
// where needed), UTF-8, with a header row.
func writeCSV(ctx context.Context, s *store.Store, w *bufio.Writer, opt Options) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	dates := newDateBook(opt.Lang)
	row := make([]string, len(csvHeader))
	write := func(it *store.ExportEvent) error {
		var publishers, titles, urls, published, sentences, speakers, statuses, sourceDates []string
		var predicates, subjects, objects []string
		for _, src := range it.Sources {
			parts := src.Parts()
			predicates = appendPartText(predicates, parts.Predicate)
			subjects = appendPartText(subjects, parts.Subject)
			objects = appendPartText(objects, parts.Object)
			publishers = appendNew(publishers, src.ArticlePublisher)
			titles = appendNew(titles, src.ArticleTitle)
			urls = appendNew(urls, src.ArticleURL)
			published = appendNew(published, src.ArticlePublished)
			sentences = append(sentences, src.Sentence)
			sourceDates = append(sourceDates, sourceDate(&src))
		}
		for _, c := range it.Claims {
			speakers = appendNew(speakers, c.Speaker)
			statuses = append(statuses, c.Status)
		}
		fields := []string{
			strconv.FormatInt(it.ID, 10), it.Value, dates.displayDate(it.Value, it.Mod, it.Status, it.EndValue), it.Precision, it.Mod,
			timeCell(it.StartsAt, it.Zone), timeCell(it.EndsAt, it.Zone), it.Status, it.Headline, it.Description,
			strings.Join(it.Tags, csvJoin), strings.Join(publishers, csvJoin), strings.Join(titles, csvJoin),
			strings.Join(urls, csvJoin), strings.Join(published, csvJoin), strings.Join(sentences, csvJoin),
			strings.Join(speakers, csvJoin), strings.Join(statuses, csvJoin),
			strconv.FormatBool(it.Disagree), strings.Join(sourceDates, csvJoin),
			it.EndValue, strings.Join(predicates, csvJoin), strings.Join(subjects, csvJoin), strings.Join(objects, csvJoin),
			it.Review,
		}
		for i, f := range fields {
			row[i] = neutralise(f)
		}
		return cw.Write(row)
	}
	err := s.EventBatches(ctx, opt.Filter, store.FullDepth, func(batch []store.ExportEvent) error {
		for i := range batch {
			if err := write(&batch[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// sourceDate writes where a source is and the date it gives, compactly:
// ARTICLE@START-END=VALUE, with " MOD" after the value when it has a
// modifier ("12@340-412=2025-03-03T21:40", "7@0-96=2011 END"). START and
// END are the sentence's UTF-8 byte offsets in article ARTICLE's text;
// VALUE is empty when the sentence gives no date.
func sourceDate(src *store.ExportSource) string {
	b := strconv.AppendInt(nil, src.ArticleID, 10)
	b = append(b, '@')
	b = strconv.AppendInt(b, int64(src.Start), 10)
	b = append(b, '-')
	b = strconv.AppendInt(b, int64(src.End), 10)
	b = append(b, '=')
	b = append(b, src.Value...)
	if src.Mod != "" {
		b = append(append(b, ' '), src.Mod...)
	}
	return string(b)
}

// neutralise keeps a spreadsheet from running a cell as a formula: article
// text is untrusted, and a sentence that begins with =, +, -, @, a tab or a
// carriage return would otherwise be evaluated when the file is opened
// (OWASP "CSV injection"). A leading apostrophe makes it plain text.
func neutralise(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

// appendPartText appends the words of a source's part, if it has one, unless
// they are already present.
func appendPartText(list []string, p *store.Part) []string {
	if p == nil {
		return list
	}
	return appendNew(list, p.Text)
}

// appendNew appends v unless it is empty or already present.
func appendNew(list []string, v string) []string {
	if v == "" || slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}

// timeCell writes the wall-clock time *t (see timeline.Date) as the
// instant it names in zone, or in UTC when zone is "".
func timeCell(t *time.Time, zone string) string {
	if t == nil {
		return ""
	}
	return timeline.InZone(*t, zone).Format(time.RFC3339)
}
