// Package filter is the one way factline selects events: the timeline page,
// the timeline API and every export read the same parameters with Parse and
// hand the same Filter to the store.
package filter

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/timeline"
)

// Filter selects events. Zero fields do not filter; the fields that are set
// must all hold. Merged events are never selected, hidden ones only with
// IncludeHidden.
//
// Its rules, whoever reads it:
//   - a status is an event status (happened, scheduled, ongoing, reported)
//     or a claim verdict (verified, disputed, ...), in any case; an event
//     is kept when its status is one of EventStatuses (if any) and a claim
//     that carries it has one of ClaimStatuses (if any);
//   - From and To are calendar values (2019, 2019-12, 2019-12-28); an event
//     is kept when its interval overlaps [start of From, end of To);
//   - Tag matches a tag whatever its case, as tags are stored lower-case;
//   - Speaker and Publisher match exactly, Query matches words in the
//     headline, the description or a source sentence;
//   - Story keeps events told by an article of the story of that name
//     (whatever its case);
//   - Review keeps events in one of the review states given (proposed,
//     approved, rejected, in any case).
type Filter struct {
	EventStatuses []string `json:"event_statuses,omitempty"`
	ClaimStatuses []string `json:"claim_statuses,omitempty"`
	From          string   `json:"from,omitempty"`
	To            string   `json:"to,omitempty"`
	Tag           string   `json:"tag,omitempty"`
	// ArticleID keeps events told by this article.
	ArticleID int64  `json:"article_id,omitempty"`
	Speaker   string `json:"speaker,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Query     string `json:"q,omitempty"`
	Story     string `json:"story,omitempty"`
	// Review lists the review states kept (claims.Reviews).
	Review []string `json:"review,omitempty"`
	// IncludeHidden also keeps events editors hid. It is never read from
	// parameters: the caller grants it to those who may unhide events.
	IncludeHidden bool `json:"-"`
}

// Params are a filter's parameters as a request or a command line gives
// them, under the same names everywhere: status, from, to, tag, article,
// speaker, publisher, q, story and review. Status and review may be given
// several times, each value a comma-separated list.
type Params struct {
	Status                                        []string
	From, To, Tag, Article, Speaker, Publisher, Q string
	Story                                         string
	Review                                        []string
}

// Parse reads and checks a filter. Bad input fails with an apperr.Invalid
// error whose message names the parameter and says what it takes.
func Parse(p Params) (Filter, error) {
	var f Filter
	err := eachValue(p.Status, func(st string) error {
		switch {
		case timeline.EventStatus(st).Valid():
			f.EventStatuses = appendNew(f.EventStatuses, st)
		case claims.Status(st).Valid():
			f.ClaimStatuses = appendNew(f.ClaimStatuses, st)
		default:
			return apperr.Errorf(apperr.Invalid, "status must be one of %s, not %q", statusNames(), st)
		}
		return nil
	})
	if err != nil {
		return Filter{}, err
	}
	err = eachValue(p.Review, func(r string) error {
		if !claims.Review(r).Valid() {
			return apperr.Errorf(apperr.Invalid, "review must be one of %s, not %q", strings.Join(claims.ReviewNames(), ", "), r)
		}
		f.Review = appendNew(f.Review, r)
		return nil
	})
	if err != nil {
		return Filter{}, err
	}
	f.From, f.To = strings.TrimSpace(p.From), strings.TrimSpace(p.To)
	f.Tag, f.Speaker, f.Publisher, f.Query = strings.TrimSpace(p.Tag), strings.TrimSpace(p.Speaker),
		strings.TrimSpace(p.Publisher), strings.TrimSpace(p.Q)
	if article := strings.TrimSpace(p.Article); article != "" {
		id, err := strconv.ParseInt(article, 10, 64)
		if err != nil || id <= 0 {
			return Filter{}, apperr.Errorf(apperr.Invalid, "article must be an article number, not %q", article)
		}
		f.ArticleID = id
	}
	if story := strings.TrimSpace(p.Story); story != "" {
		if err := claims.ValidStoryName(story); err != nil {
			return Filter{}, err
		}
		f.Story = story
	}
	if _, _, err := f.Window(); err != nil {
		return Filter{}, err
	}
	return f, nil
}

// Window is the time the filter's From and To bound: the start of From's
// interval and the end of To's, nil where the filter has no bound. It fails
// with apperr.Invalid when a bound is not a calendar value or From does
// not come before To.
func (f Filter) Window() (from, to *time.Time, err error) {
	if from, err = bound("from", f.From, false); err != nil {
		return nil, nil, err
	}
	if to, err = bound("to", f.To, true); err != nil {
		return nil, nil, err
	}
	if from != nil && to != nil && !from.Before(*to) {
		return nil, nil, apperr.Errorf(apperr.Invalid, "from %s comes after to %s", f.From, f.To)
	}
	return from, to, nil
}

// bound reads a calendar value as the start (or, for end, the end) of the
// whole interval it names; a modifier has no place in a bound.
func bound(name, v string, end bool) (*time.Time, error) {
	if v == "" {
		return nil, nil
	}
	d, err := timeline.ParseDate(v, timeline.ModNone)
	if err != nil {
		return nil, apperr.Errorf(apperr.Invalid, "%s must be a date such as 2019, 2019-12 or 2019-12-28, not %q", name, v)
	}
	t := d.Start
	if end {
		t = d.End
	}
	t = t.UTC()
	return &t, nil
}

// Narrows reports whether the filter keeps fewer events than all there are.
func (f Filter) Narrows() bool {
	return len(f.EventStatuses) > 0 || len(f.ClaimStatuses) > 0 || f.From != "" || f.To != "" || f.Tag != "" ||
		f.ArticleID != 0 || f.Speaker != "" || f.Publisher != "" || f.Query != "" || f.Story != "" || len(f.Review) > 0
}

func statusNames() string {
	names := make([]string, 0, len(timeline.EventStatuses)+len(claims.Statuses))
	for _, s := range timeline.EventStatuses {
		names = append(names, string(s))
	}
	for _, s := range claims.Statuses {
		names = append(names, string(s))
	}
	return strings.Join(names, ", ")
}

// eachValue hands fn every value of lists, each a comma-separated list,
// trimmed and lower-cased; empty values are skipped. It stops at fn's
// first error.
func eachValue(lists []string, fn func(string) error) error {
	for _, list := range lists {
		for _, v := range strings.Split(list, ",") {
			if v = strings.ToLower(strings.TrimSpace(v)); v != "" {
				if err := fn(v); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func appendNew(list []string, v string) []string {
	if slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}
