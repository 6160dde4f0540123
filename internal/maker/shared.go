package maker

import (
	"sync"

	"loa/internal/view"
)

// Shared is work that several jobs of one rebuild need alike (a bulletin
// is a page, a text and a print file; the booklet is read in order and
// imposed): it is done once per rebuild and key, and what it read is
// recorded for every job that uses it, so that each is made again exactly
// when the work's inputs change. Its zero value is ready; it is safe for
// concurrent use. A new Input (the next rebuild) forgets the last one's.
type Shared[T any] struct {
	mu   sync.Mutex
	in   *Input
	done map[string]*shared[T]
}

type shared[T any] struct {
	once sync.Once
	v    T
	rec  view.Recorder
}

// Get returns the value of key for in, computing it with f the first time
// (f records its reads on the recorder it is given), and records on rec
// what computing it read.
func (s *Shared[T]) Get(in *Input, rec *view.Recorder, key string, f func(rec *view.Recorder) T) T {
	s.mu.Lock()
	if s.in != in {
		s.in, s.done = in, map[string]*shared[T]{}
	}
	e := s.done[key]
	if e == nil {
		e = &shared[T]{}
		s.done[key] = e
	}
	s.mu.Unlock()
	e.once.Do(func() { e.v = f(&e.rec) })
	rec.Merge(&e.rec)
	return e.v
}
