package build

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"loa/internal/synth"
)

// BenchmarkSessionEdit measures one incremental rebuild of a 10,000-page
// synthetic site after one page was saved: the work of loa serve between
// the editor's save and the new page, without the file system watcher and
// HTTP.
func BenchmarkSessionEdit(b *testing.B) {
	opts, dir := benchOptions(b, 10000)
	s := NewSession(opts)
	if rep, err := s.Rebuild(context.Background(), nil); err != nil || len(rep.Problems) > 0 {
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
		rep, err := s.Rebuild(context.Background(), []string{rel})
		if err != nil || len(rep.Problems) > 0 || rep.Full {
			b.Fatal(err, rep.Problems, rep.Full)
		}
	}
}
