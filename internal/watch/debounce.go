// Package watch tells which files of a site changed. It watches folders,
// not files, because editors save by writing a temporary file and renaming
// it over the old one; it adds folders as they appear; it ignores editors'
// temporary and backup files and changes of permissions; and it waits for a
// burst of events to end before it reports them, as one batch. Where the
// system's file notifications give nothing (network drives, shared
// folders) or run out, it polls instead.
package watch

import (
	"context"
	"slices"
	"time"
)

// Debounce gathers the paths that arrive on in into batches: a batch is
// sent once no path has arrived for quiet, or maxWait after its first path
// however busy the input, so that a stream of saves still shows. Each batch
// is sorted, without duplicates. The returned channel closes when ctx ends
// or in closes.
func Debounce(ctx context.Context, in <-chan string, quiet, maxWait time.Duration) <-chan []string {
	out := make(chan []string)
	go func() {
		defer close(out)
		var (
			batch    []string
			timer    = time.NewTimer(time.Hour)
			deadline time.Time
		)
		timer.Stop()
		send := func() bool {
			slices.Sort(batch)
			b := slices.Compact(batch)
			batch = nil
			select {
			case out <- b:
				return true
			case <-ctx.Done():
				return false
			}
		}
		for {
			select {
			case <-ctx.Done():
				return
			case p, ok := <-in:
				if !ok {
					if len(batch) > 0 {
						send()
					}
					return
				}
				if len(batch) == 0 {
					deadline = time.Now().Add(maxWait)
				}
				batch = append(batch, p)
				timer.Reset(min(quiet, time.Until(deadline)))
			case <-timer.C:
				if len(batch) > 0 && !send() {
					return
				}
			}
		}
	}()
	return out
}
