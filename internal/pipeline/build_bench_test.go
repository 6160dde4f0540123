package pipeline

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/yuin/goldmark"

	"loa"
	"loa/internal/publish"
	"loa/internal/synth"
)

// benchSite writes a synthetic site of n pages of 600 words once per run.
func benchSite(b *testing.B, n int) string {
	dir := filepath.Join(b.TempDir(), "site")
	if err := synth.Site(dir, n, 600, 1); err != nil {
		b.Fatal(err)
	}
	return dir
}

// benchOptions opens a synthetic site of n pages for building; it returns
// the options and the site's folder.
func benchOptions(b *testing.B, n int) (Options, string) {
	dir := benchSite(b, n)
	root, err := os.OpenRoot(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { root.Close() })
	return Options{Site: root.FS(), Defaults: loa.DefaultSite()}, dir
}

// BenchmarkBuild builds synthetic sites of 1,000 and 10,000 pages with
// loa's own layouts into a staging folder on disk, as `loa build` does.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			opts, dir := benchOptions(b, n)
			dest := filepath.Join(dir, "public")
			b.ResetTimer()
			for b.Loop() {
				staging, err := publish.Begin(dest)
				if err != nil {
					b.Fatal(err)
				}
				rep, err := New(opts).Rebuild(context.Background(), nil, staging)
				if err != nil || rep.Failed() {
					staging.Abort()
					b.Fatal(err, rep.Problems)
				}
				if err := staging.Commit(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// BenchmarkGoldmarkFloor converts the bodies of the same synthetic pages
// with a plain goldmark on all cores and writes nothing: the floor that no
// Markdown site generator built on goldmark can go below.
func BenchmarkGoldmarkFloor(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			dir := benchSite(b, n)
			var bodies [][]byte
			err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				data, err := os.ReadFile(p)
				bodies = append(bodies, data)
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
			md := goldmark.New()
			b.ResetTimer()
			for b.Loop() {
				var wg sync.WaitGroup
				work := make(chan []byte)
				for range runtime.GOMAXPROCS(0) {
					wg.Go(func() {
						for src := range work {
							if err := md.Convert(src, io.Discard); err != nil {
								b.Error(err)
							}
						}
					})
				}
				for _, src := range bodies {
					work <- src
				}
				close(work)
				wg.Wait()
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// BenchmarkBuildNoWrite is BenchmarkBuild without the disk: it renders
// every page and throws it away, to separate loa's own work from the
// file system's.
func BenchmarkBuildNoWrite(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			opts, _ := benchOptions(b, n)
			b.ResetTimer()
			for b.Loop() {
				if rep, err := New(opts).Rebuild(context.Background(), nil, discard{}); err != nil || rep.Failed() {
					b.Fatal(err, rep.Problems)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// discard is an Output that keeps nothing.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }
func (discard) Remove(string) error            { return nil }
