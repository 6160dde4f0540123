package pipeline

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"loa"
)

// flushing is a memory Output that is a Flusher: it notes, at each flush,
// which files had been written by then.
type flushing struct {
	memory
	flushes [][]string
}

func (f *flushing) Flush() {
	f.mu.Lock()
	defer f.mu.Unlock()
	var names []string
	for n := range f.files {
		names = append(names, n)
	}
	slices.Sort(names)
	f.flushes = append(f.flushes, names)
}

// TestSlowOutputsAfterFlush: in the live preview, the outputs that were
// slow to make last time (a booklet of thousands of questions) are made
// after the quick ones are flushed, so a saved question's page is served
// without waiting for them; both are made.
func TestSlowOutputsAfterFlush(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":    {Data: []byte("+++\ntitle = \"Trang\"\n+++\n")},
		"content/hoi-dap/a.md": qa("Câu A?", 1),
		"content/hoi-dap/b.md": qa("Câu B?", 2),
	}
	e := New(Options{Site: fsys, Defaults: loa.DefaultSite(), Cache: &testCards})
	if rep, err := e.Rebuild(context.Background(), nil, &memory{}); err != nil || rep.Failed() {
		t.Fatalf("first build: %v %v", err, rep.Problems)
	}
	const booklet, page = "in/tai-lieu-hoi-dap/hoi-dap.html", "hoi-dap/b/index.html"
	r, ok := e.last.records[booklet]
	if !ok {
		t.Fatalf("no %s", booklet)
	}
	r.took = time.Second

	fsys["content/hoi-dap/b.md"] = qa("Câu B mới?", 2)
	out := &flushing{}
	if rep, err := e.Rebuild(context.Background(), []string{"content/hoi-dap/b.md"}, out); err != nil || rep.Failed() {
		t.Fatalf("rebuild: %v %v", err, rep.Problems)
	}
	if len(out.flushes) < 2 {
		t.Fatalf("%d flushes, want the quick outputs flushed before the slow", len(out.flushes))
	}
	first := out.flushes[0]
	if !slices.Contains(first, page) || slices.Contains(first, booklet) {
		t.Errorf("first flush %v: want the page and not the booklet", first)
	}
	if !strings.Contains(out.files[booklet], "Câu B mới?") {
		t.Error("the slow booklet was not made again")
	}
	// It took less than a second this time: the next edit makes it with
	// the quick ones.
	if e.last.records[booklet].took >= time.Second {
		t.Error("the booklet's time was not measured again")
	}
}
