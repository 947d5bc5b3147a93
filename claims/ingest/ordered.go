package ingest

import (
	"context"
	"runtime"
	"sync"
)

// Ordered runs work on every item that feed puts, on workers goroutines at
// once (one per CPU when workers <= 0), and hands each result to emit on the
// calling goroutine in the order the items were put. At most 2*workers items
// are in flight, so a batch of any size is held in bounded memory. The first
// error of emit stops the feed (its put returns the context's error) and is
// returned; otherwise Ordered returns feed's error.
func Ordered[T, R any](ctx context.Context, workers int, feed func(put func(T) error) error, work func(T) R, emit func(R) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type slot struct {
		in   T
		out  R
		done chan struct{}
	}
	jobs := make(chan *slot, workers*2)
	ordered := make(chan *slot, workers*2)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range jobs {
				s.out = work(s.in)
				close(s.done)
			}
		}()
	}
	feedErr := make(chan error, 1)
	go func() {
		defer close(ordered)
		defer close(jobs)
		feedErr <- feed(func(v T) error {
			if err := ctx.Err(); err != nil {
				return err // a select would still take a free slot now and then
			}
			s := &slot{in: v, done: make(chan struct{})}
			select {
			case ordered <- s:
			case <-ctx.Done():
				return ctx.Err()
			}
			jobs <- s
			return nil
		})
	}()
	var emitErr error
	for s := range ordered {
		<-s.done
		if emitErr == nil {
			if emitErr = emit(s.out); emitErr != nil {
				cancel()
			}
		}
	}
	wg.Wait()
	if err := <-feedErr; emitErr == nil {
		return err
	}
	return emitErr
}
