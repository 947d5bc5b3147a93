package store_test

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
	"github.com/factline/factline/timeline"
)

// goldStoryDir is a story the linker's own gold describes: seven reports
// of one sinking, with planted disagreements.
const goldStoryDir = "../../testdata/stories/sinar-bahari"

// loadGoldStory stores the story's articles, in publication order, in the
// story name, and returns the extractions the store was given.
func loadGoldStory(t *testing.T, s *store.Store, name string) (*store.Story, []*claims.Extraction) {
	t.Helper()
	return storetest.SaveGoldStory(t, s, goldStoryDir, name)
}

// The store links a story's events as the linker does: every happening the
// linker finds in several articles becomes one event holding all their
// sentences, flagged when their dates disagree; its proposals wait for an
// editor.
func TestLinkStoryFollowsTheLinker(t *testing.T) { storetest.Each(t, testLinkStoryFollowsTheLinker) }

func testLinkStoryFollowsTheLinker(t *testing.T, s *store.Store) {
	ctx := context.Background()
	st, exs := loadGoldStory(t, s, "Sinar-Bahari")
	before := eventsOf(t, s, filter.Filter{Story: st.Name})
	var reports []timeline.Report
	for i, ex := range exs {
		reports = append(reports, ex.Report(strconv.Itoa(i)))
	}
	want := timeline.Link(reports)
	out, err := s.LinkStory(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	after := eventsOf(t, s, filter.Filter{Story: st.Name})
	t.Logf("%d events before, %d after; %d linked, %d proposed; linker: %d events, %d proposals", len(before), len(after), out.Linked, out.Proposed, len(want.Events), len(want.Proposals))
	if out.Linked == 0 || len(after) != len(before)-out.Linked {
		t.Fatalf("%d links made, events %d -> %d", out.Linked, len(before), len(after))
	}
	holdsLinkerEvents(t, s, after, reports, want)
	pending, err := s.StoryLinks(ctx, st.ID, store.LinkPending)
	if err != nil || len(pending) != out.Proposed {
		t.Fatalf("pending links %d, %v; want the %d proposed", len(pending), err, out.Proposed)
	}
	for _, p := range pending {
		if p.Reason == "" || p.Score < timeline.ProposeScore || p.Score >= timeline.LinkScore {
			t.Errorf("proposal %+v: want a reason and a score between the thresholds", p.StoryLink)
		}
	}
	// A second run finds nothing new to do.
	again, err := s.LinkStory(ctx, st.ID)
	if err != nil || again.Linked != 0 || again.Proposed != 0 {
		t.Errorf("second run = %+v, %v; want nothing new", again, err)
	}
}

// holdsLinkerEvents checks that every linked event of the linker (want,
// over reports) that more than one article tells is one stored event of
// after holding each of its sentences, flagged as the linker flags it.
func holdsLinkerEvents(t *testing.T, s *store.Store, after []store.TimelineEvent, reports []timeline.Report, want timeline.Linked) {
	t.Helper()
	multi, flagged := 0, 0
	for _, le := range want.Events {
		docs := map[string]bool{}
		for _, src := range le.Sources {
			docs[src.Doc] = true
		}
		if len(docs) < 2 {
			continue
		}
		multi++
		holder := map[int64]bool{}
		var disagree bool
		for _, src := range le.Sources {
			sentence := reports[mustAtoi(src.Doc)].Text[src.Evidence.Start:src.Evidence.End]
			ev := eventWithSentence(t, after, s, sentence)
			holder[ev.ID] = true
			disagree = ev.Disagree
		}
		if len(holder) != 1 {
			t.Errorf("linked event %q is %d stored events", le.Headline, len(holder))
		}
		if disagree != le.Disagree {
			t.Errorf("linked event %q: stored disagree=%v, linker says %v", le.Headline, disagree, le.Disagree)
		}
		if le.Disagree {
			flagged++
		}
	}
	if multi == 0 || flagged == 0 {
		t.Fatalf("%d events told by several articles, %d disagreeing: the gold story should have both", multi, flagged)
	}
}

// Linking a story after each article joins, as ingest does, stores what
// linking it once at the end does.
func TestLinkStoryArticleByArticle(t *testing.T) { storetest.Each(t, testLinkStoryArticleByArticle) }

func testLinkStoryArticleByArticle(t *testing.T, s *store.Store) {
	ctx := context.Background()
	other := storetest.SQLite(t)
	_, exs := loadGoldStory(t, other, "Sinar-Bahari")
	st, err := s.CreateStory(ctx, "Sinar-Bahari", store.StoryInput{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var reports []timeline.Report
	linked := 0
	for i, ex := range exs {
		if _, err := s.SaveExtraction(ctx, ex, store.SaveOptions{SourceKind: "text", StoryIDs: []int64{st.ID}}); err != nil {
			t.Fatal(err)
		}
		out, err := s.LinkStory(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		linked += out.Linked
		reports = append(reports, ex.Report(strconv.Itoa(i)))
	}
	if linked == 0 {
		t.Fatal("nothing linked")
	}
	holdsLinkerEvents(t, s, eventsOf(t, s, filter.Filter{Story: st.Name}), reports, timeline.Link(reports))
}

func mustAtoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic(err)
	}
	return n
}

// eventWithSentence finds the stored event, among evs, holding a source
// with this sentence.
func eventWithSentence(t *testing.T, evs []store.TimelineEvent, s *store.Store, sentence string) store.TimelineEvent {
	t.Helper()
	for _, ev := range evs {
		d, err := s.EventByID(context.Background(), ev.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, src := range d.Sources {
			if src.Sentence == sentence {
				return ev
			}
		}
	}
	t.Fatalf("no stored event holds %q", sentence)
	return store.TimelineEvent{}
}

// An editor undoes an automatic link (the merged event returns with its
// sources and the linker leaves the pair alone after), accepts a proposal
// (one event) and rejects one; a disagreement is resolved with a date and
// a note, recorded in the history.
func TestStoryLinkDecisions(t *testing.T) { storetest.Each(t, testStoryLinkDecisions) }

func testStoryLinkDecisions(t *testing.T, s *store.Store) {
	ctx := context.Background()
	st, _ := loadGoldStory(t, s, "Sinar-Bahari")
	if _, err := s.LinkStory(ctx, st.ID); err != nil {
		t.Fatal(err)
	}
	linked, err := s.StoryLinks(ctx, st.ID, store.LinkLinked)
	if err != nil || len(linked) == 0 {
		t.Fatalf("linked %d, %v", len(linked), err)
	}
	l := linked[0]
	if l.Other.MergedInto == nil || *l.Other.MergedInto != l.EventID {
		t.Fatalf("linked event #%d is not merged into #%d", l.OtherID, l.EventID)
	}
	if _, err := s.DecideStoryLinks(ctx, st.ID, []int64{l.ID}, store.DecideAccept, nil); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("accepting a link that is no proposal = %v, want Invalid", err)
	}
	if n, err := s.DecideStoryLinks(ctx, st.ID, []int64{l.ID}, store.DecideUndo, nil); err != nil || n != 1 {
		t.Fatalf("undo = %d, %v", n, err)
	}
	other, err := s.EventByID(ctx, l.OtherID)
	if err != nil || other.MergedInto != nil || len(other.Sources) == 0 {
		t.Fatalf("after undo the event is %+v, %v; want it back with its sources", other, err)
	}
	if _, err := s.LinkStory(ctx, st.ID); err != nil {
		t.Fatal(err)
	}
	if other, _ := s.EventByID(ctx, l.OtherID); other.MergedInto != nil {
		t.Error("the linker linked an undone pair again")
	}
	pending, _ := s.StoryLinks(ctx, st.ID, store.LinkPending)
	if len(pending) == 0 {
		t.Fatal("the gold story raised no proposal")
	}
	p := pending[0]
	if n, err := s.DecideStoryLinks(ctx, st.ID, []int64{p.ID}, store.DecideAccept, nil); err != nil || n != 1 {
		t.Fatalf("accept = %d, %v", n, err)
	}
	if ev, _ := s.EventByID(ctx, p.OtherID); ev.MergedInto == nil || *ev.MergedInto != p.EventID {
		t.Error("an accepted proposal did not merge its events")
	}
	if _, err := s.DecideStoryLinks(ctx, st.ID, []int64{p.ID}, store.DecideReject, nil); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("rejecting an accepted proposal = %v, want Invalid", err)
	}
	// Rejecting, in bulk: two proposals between events that stay apart.
	evs := eventsOf(t, s, filter.Filter{Story: st.Name})
	var ids []int64
	for _, pair := range [][2]int64{{evs[0].ID, evs[1].ID}, {evs[2].ID, evs[3].ID}} {
		row := store.StoryLink{StoryID: st.ID, EventID: pair[0], OtherID: pair[1], Score: 0.35, Reason: "test", Status: store.LinkPending, CreatedAt: time.Now()}
		if err := s.DB().Create(&row).Error; err != nil {
			t.Fatal(err)
		}
		ids = append(ids, row.ID)
	}
	if n, err := s.DecideStoryLinks(ctx, st.ID, ids, store.DecideReject, nil); err != nil || n != 2 {
		t.Fatalf("bulk reject = %d, %v", n, err)
	}
	for _, id := range []int64{evs[1].ID, evs[3].ID} {
		if ev, _ := s.EventByID(ctx, id); ev.MergedInto != nil {
			t.Errorf("a rejected proposal merged event #%d", id)
		}
	}
	if rejected, _ := s.StoryLinks(ctx, st.ID, store.LinkRejected); len(rejected) != 2 {
		t.Errorf("%d rejected links, want 2", len(rejected))
	}
	if _, err := s.DecideStoryLinks(ctx, st.ID, []int64{999999}, store.DecideReject, nil); apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("deciding an unknown link = %v, want NotFound", err)
	}
	if _, err := s.DecideStoryLinks(ctx, st.ID, []int64{l.ID}, "maybe", nil); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("an unknown decision = %v, want Invalid", err)
	}
	// A disagreement: resolved by choosing one side's date, with a note.
	var dis *store.TimelineEvent
	evs = eventsOf(t, s, filter.Filter{Story: st.Name})
	for i := range evs {
		if evs[i].Disagree {
			dis = &evs[i]
			break
		}
	}
	if dis == nil {
		t.Fatal("no event of the story shows its sources disagree")
	}
	d, _ := s.EventByID(ctx, dis.ID)
	var values []string
	for _, src := range d.Sources {
		if !slices.Contains(values, src.Value) {
			values = append(values, src.Value)
		}
	}
	if len(values) < 2 {
		t.Fatalf("disagreeing event with source dates %v", values)
	}
	if _, err := s.ResolveDisagreement(ctx, dis.ID, d.Version, values[0], "", "", nil); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("resolving without a note = %v, want Invalid", err)
	}
	if _, err := s.ResolveDisagreement(ctx, dis.ID, d.Version-1, values[0], "", "The harbour log says so.", nil); apperr.CodeOf(err) != apperr.Conflict {
		t.Errorf("resolving a stale version = %v, want Conflict", err)
	}
	res, err := s.ResolveDisagreement(ctx, dis.ID, d.Version, values[1], "", "The harbour log says so.", nil)
	if err != nil || res.Disagree || res.Value != values[1] || res.Resolution != "The harbour log says so." {
		t.Fatalf("resolve = %+v, %v", res, err)
	}
	revs, _ := s.Revisions(ctx, store.EntityEvent, dis.ID)
	if last := revs[len(revs)-1]; last.Action != store.ActionResolve || !strings.Contains(last.After, "harbour log") {
		t.Errorf("last revision %s %s, want the resolution", last.Action, last.After)
	}
	if _, err := s.ResolveDisagreement(ctx, dis.ID, res.Version, values[0], "", "again", nil); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("resolving an agreed event = %v, want Invalid", err)
	}
	// Reverting a later edit keeps the resolution; reverting the
	// resolution brings back the date and the mark, and the note goes.
	resolved := revs[len(revs)-1]
	headline := "An edited headline"
	edited, err := s.UpdateEvent(ctx, dis.ID, res.Version, store.EventPatch{Headline: &headline}, nil)
	if err != nil {
		t.Fatal(err)
	}
	revs, _ = s.Revisions(ctx, store.EntityEvent, dis.ID)
	if _, err := s.Revert(ctx, revs[len(revs)-1].ID, edited.Version, false, nil); err != nil {
		t.Fatal(err)
	}
	kept, _ := s.EventByID(ctx, dis.ID)
	if kept.Disagree || kept.Resolution != res.Resolution || kept.Value != values[1] {
		t.Errorf("reverting an edit after the resolution: disagree=%v note=%q value=%q; want it still resolved", kept.Disagree, kept.Resolution, kept.Value)
	}
	if _, err := s.Revert(ctx, resolved.ID, kept.Version, false, nil); err != nil {
		t.Fatal(err)
	}
	back, _ := s.EventByID(ctx, dis.ID)
	if !back.Disagree || back.Value != d.Value || back.Mod != d.Mod || back.Resolution != "" {
		t.Errorf("after reverting the resolution: disagree=%v value=%q mod=%q note=%q; want disagree, %q %q and no note",
			back.Disagree, back.Value, back.Mod, back.Resolution, d.Value, d.Mod)
	}
	if got := eventsOf(t, s, filter.Filter{Story: st.Name}); !slices.ContainsFunc(got, func(ev store.TimelineEvent) bool { return ev.ID == dis.ID && ev.Disagree }) {
		t.Error("the timeline does not mark the event again after the revert")
	}
}
