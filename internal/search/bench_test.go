package search

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"loa/internal/synth"
)

// synthDocs returns the Docs of a synthetic site of n pages (internal/synth,
// as gensite writes it), made once per size and cached in the test's
// process.
var synthDocs = func() func(t testing.TB, n int) []Doc {
	var mu sync.Mutex
	cache := map[int][]Doc{}
	return func(t testing.TB, n int) []Doc {
		t.Helper()
		mu.Lock()
		defer mu.Unlock()
		if d, ok := cache[n]; ok {
			return d
		}
		dir := filepath.Join(os.TempDir(), "loa-search-synth")
		os.RemoveAll(dir)
		if err := synth.Site(dir, n, 600, 1); err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(dir)
		cache[n] = siteDocs(t, dir)
		return cache[n]
	}
}()

func benchBuild(b *testing.B, n int) {
	docs := synthDocs(b, n)
	var size int64
	var before, after syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	b.ResetTimer()
	for b.Loop() {
		files, err := Build(docs, Options{})
		if err != nil {
			b.Fatal(err)
		}
		size = 0
		for _, f := range files {
			size += int64(len(f.Data))
		}
	}
	syscall.Getrusage(syscall.RUSAGE_SELF, &after)
	cpu := time.Duration(after.Utime.Nano() + after.Stime.Nano() - before.Utime.Nano() - before.Stime.Nano())
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(size)/(1<<20), "MiB-index")
}

func BenchmarkBuild1k(b *testing.B)  { benchBuild(b, 1000) }
func BenchmarkBuild10k(b *testing.B) { benchBuild(b, 10000) }

// BenchmarkBuildPeak10k reports how far one Build of 10,000 pages raises
// the peak resident memory of the process, with its wall and CPU time,
// with whole bodies in the page files and with snippets of 2 KB.
func BenchmarkBuildPeak10k(b *testing.B) {
	docs := synthDocs(b, 10000)
	for _, snip := range []int{0, 2048} {
		b.Run("snippet"+strconv.Itoa(snip), func(b *testing.B) {
			var wall, cpu time.Duration
			var peak, size int64
			for b.Loop() {
				w, c, p, files := measureBuild(b, docs, Options{SnippetBytes: snip})
				wall, cpu, peak = max(wall, w), max(cpu, c), max(peak, p)
				size = 0
				for _, f := range files {
					size += int64(len(f.Data))
				}
			}
			b.ReportMetric(wall.Seconds(), "s-wall-max")
			b.ReportMetric(cpu.Seconds(), "s-cpu-max")
			b.ReportMetric(float64(peak>>20), "MB-peak-added")
			b.ReportMetric(float64(size)/(1<<20), "MiB-index")
		})
	}
}
