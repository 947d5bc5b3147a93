package store_test

import (
	"context"
	"testing"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
)

func TestClaimReview(t *testing.T) { storetest.Each(t, testClaimReview) }

func testClaimReview(t *testing.T, s *store.Store) {
	ctx := context.Background()
	saveFixture(t, s, "ANTARA")
	queue, total, err := s.ReviewQueue(ctx, store.ReviewFilter{})
	if err != nil || total != 3 {
		t.Fatalf("queue: %d, %v", total, err)
	}
	first := queue[0]
	if first.ArticleTitle != "Fixture ANTARA" || first.Status != "unverified" {
		t.Fatalf("queue head %+v", first)
	}
	c, err := s.SetClaimStatus(ctx, first.ID, 1, "Verified ", "", nil)
	if err != nil || c.Status != "verified" || c.Version != 2 {
		t.Fatalf("set status: %+v %v", c, err)
	}
	if _, err := s.SetClaimStatus(ctx, first.ID, 1, "false", "The ministry denied it.", nil); apperr.CodeOf(err) != apperr.Conflict {
		t.Fatalf("stale status: %v", err)
	}
	if _, err := s.SetClaimStatus(ctx, first.ID, 2, "probably", "", nil); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("bad status: %v", err)
	}
	if queue, _, _ = s.ReviewQueue(ctx, store.ReviewFilter{}); queue[len(queue)-1].ID != first.ID {
		t.Error("a verified claim is not behind the unverified ones")
	}
	if only, n, _ := s.ReviewQueue(ctx, store.ReviewFilter{Status: "verified", Speaker: "KCNA"}); n != 1 || only[0].ID != first.ID {
		t.Errorf("filtered queue: %d", n)
	}
	// Words in the text or the speaker, whatever their case; LIKE's own
	// wildcards are plain characters.
	for q, want := range map[string]int64{"KIM TOOK": 1, "lee": 1, "saturday": 2, "kcna": 2, "%": 0, "_": 0, "nothing like it": 0} {
		if found, n, err := s.ReviewQueue(ctx, store.ReviewFilter{Query: q}); err != nil || n != want || int64(len(found)) != want {
			t.Errorf("search %q: %d claims (%d listed), %v; want %d", q, n, len(found), err, want)
		}
	}
	if _, err := s.AddEvidence(ctx, first.ID, "", "", nil); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("empty evidence: %v", err)
	}
	if _, err := s.AddEvidence(ctx, first.ID, "", "javascript:alert(1)", nil); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("javascript: link: %v", err)
	}
	if _, err := s.AddEvidence(ctx, 9999, "note", "", nil); apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("evidence for no claim: %v", err)
	}
	if _, err := s.AddEvidence(ctx, first.ID, "KCNA English edition", "https://kcnawatch.org/", nil); err != nil {
		t.Fatal(err)
	}
	if ev, _ := s.Evidence(ctx, first.ID); len(ev) != 1 {
		t.Errorf("evidence: %+v", ev)
	}
	revs, _ := s.Revisions(ctx, store.EntityClaim, first.ID)
	if len(revs) != 2 || revs[0].Action != store.ActionStatus || revs[1].Action != store.ActionEvidence {
		t.Fatalf("claim revisions: %+v", revs)
	}
	if _, err := s.Revert(ctx, revs[0].ID, 2, false, nil); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.ClaimByID(ctx, first.ID); c.Status != "unverified" || c.Version != 3 {
		t.Errorf("after revert: %s v%d", c.Status, c.Version)
	}
	if _, err := s.Revert(ctx, revs[1].ID, 3, false, nil); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("reverting evidence: %v", err)
	}
}

// A verdict of false or disputed needs a rationale, kept as the claim's
// evidence in the same change; a refused verdict leaves the claim as it was.
func TestVerdictNeedsRationale(t *testing.T) { storetest.Each(t, testVerdictNeedsRationale) }

func testVerdictNeedsRationale(t *testing.T, s *store.Store) {
	ctx := context.Background()
	saveFixture(t, s, "ANTARA")
	queue, _, err := s.ReviewQueue(ctx, store.ReviewFilter{})
	if err != nil {
		t.Fatal(err)
	}
	c := queue[0]
	for _, st := range []string{"false", "disputed", "FALSE"} {
		if _, err := s.SetClaimStatus(ctx, c.ID, c.Version, st, "  ", nil); apperr.CodeOf(err) != apperr.Invalid || apperr.FieldOf(err) != "rationale" {
			t.Errorf("%s without a rationale: %v", st, err)
		}
	}
	if got, _ := s.ClaimByID(ctx, c.ID); got.Status != "unverified" || got.Version != c.Version {
		t.Fatalf("a refused verdict changed the claim: %+v", got)
	}
	disputed, err := s.SetClaimStatus(ctx, c.ID, c.Version, "disputed", " Two ministry sources deny the date. ", nil)
	if err != nil || disputed.Status != "disputed" {
		t.Fatalf("disputed with a rationale: %+v %v", disputed, err)
	}
	if ev, _ := s.Evidence(ctx, c.ID); len(ev) != 1 || ev[0].Note != "Two ministry sources deny the date." {
		t.Errorf("the rationale is not the claim's evidence: %+v", ev)
	}
	// Other verdicts need none.
	if _, err := s.SetClaimStatus(ctx, c.ID, disputed.Version, "verified", "", nil); err != nil {
		t.Errorf("verified without a rationale: %v", err)
	}
}
