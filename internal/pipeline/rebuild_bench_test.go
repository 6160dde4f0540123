package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"loa/internal/synth"
)

// BenchmarkRebuildEdit measures one incremental rebuild of a 10,000-page
// synthetic site after one page was saved: the work of loa serve between
// the editor's save and the new page, without the file system watcher and
// HTTP.
func BenchmarkRebuildEdit(b *testing.B) {
	opts, dir := benchOptions(b, 10000)
	opts.Preview = true
	s := New(opts)
	if rep, err := s.Rebuild(context.Background(), nil, discard{}); err != nil || rep.Failed() {
		b.Fatal(err, rep.Problems)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		n := (i * 7919) % 10000
		sec := synth.Sections[n%len(synth.Sections)]
		rel := fmt.Sprintf("content/%s/trang-%05d.md", sec, n)
		file := filepath.Join(dir, rel)
		old, _ := os.ReadFile(file)
		os.WriteFile(file, bytes.Replace(old, []byte("+++\n\n"), []byte(fmt.Sprintf("+++\n\nSửa %d.\n\n", i)), 1), 0o644)
		rep, err := s.Rebuild(context.Background(), []string{rel}, discard{})
		if err != nil || rep.Failed() || rep.Full {
			b.Fatal(err, rep.Problems, rep.Full)
		}
	}
}
