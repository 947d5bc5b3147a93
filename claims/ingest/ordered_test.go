package ingest

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestOrderedKeepsInputOrder runs work that finishes out of order (later
// items sooner) and checks the results come back in input order.
func TestOrderedKeepsInputOrder(t *testing.T) {
	const n = 200
	feed := func(put func(int) error) error {
		for i := range n {
			if err := put(i); err != nil {
				return err
			}
		}
		return nil
	}
	work := func(i int) int {
		time.Sleep(time.Duration((n-i)%7) * 100 * time.Microsecond)
		return i * i
	}
	var got []int
	if err := Ordered(context.Background(), 4, feed, work, func(r int) error { got = append(got, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("%d results, want %d", len(got), n)
	}
	for i, r := range got {
		if r != i*i {
			t.Fatalf("result %d is %d, want %d", i, r, i*i)
		}
	}
}

// TestOrderedStopsOnEmitError fails the third emit: Ordered returns that
// error and the feed stops long before the end of an endless input.
func TestOrderedStopsOnEmitError(t *testing.T) {
	stop := errors.New("disk full")
	fed := 0
	feed := func(put func(int) error) error {
		for i := 0; ; i++ {
			if err := put(i); err != nil {
				return err
			}
			fed++
		}
	}
	emitted := 0
	err := Ordered(context.Background(), 2, feed, func(i int) int { return i }, func(int) error {
		emitted++
		if emitted == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("error %v, want %v", err, stop)
	}
	if emitted != 3 || fed > 3+2*2+2 {
		t.Errorf("emitted %d, fed %d: the feed ran on after the failure", emitted, fed)
	}
}
