package maker

import (
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"loa/internal/view"
)

func TestShared(t *testing.T) {
	var s Shared[string]
	var calls atomic.Int32
	f := func(rec *view.Recorder) string {
		calls.Add(1)
		rec.Read(view.Key{ID: "content/a.md", What: view.Title})
		return "made"
	}
	in := &Input{}
	var wg sync.WaitGroup
	recs := make([]view.Recorder, 8)
	for i := range recs {
		wg.Go(func() {
			if v := s.Get(in, &recs[i], "k", f); v != "made" {
				t.Errorf("Get = %q", v)
			}
		})
	}
	wg.Wait()
	if calls.Load() != 1 {
		t.Errorf("computed %d times for one rebuild, want 1", calls.Load())
	}
	want := []view.Key{{ID: "content/a.md", What: view.Title}}
	for i := range recs {
		if got := recs[i].Keys(); !slices.Equal(got, want) {
			t.Errorf("job %d recorded %v, want %v", i, got, want)
		}
	}
	s.Get(in, new(view.Recorder), "other", f)
	s.Get(&Input{}, new(view.Recorder), "k", f)
	if calls.Load() != 3 {
		t.Errorf("computed %d times, want 3: another key, then the next rebuild", calls.Load())
	}
}
