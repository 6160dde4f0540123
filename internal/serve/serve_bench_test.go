package serve

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"loa"
	"loa/internal/synth"
)

// BenchmarkEditToServed measures the live preview on a synthetic site of
// 10,000 pages: each iteration saves one page atomically (a temporary file
// renamed over it) and fetches it over HTTP until the new text is served.
// It reports the median and 90th percentile of save-to-served times and
// the process's resident memory before the first edit and after the last.
//
//	go test -run - -bench EditToServed -benchtime 200x ./internal/serve
func BenchmarkEditToServed(b *testing.B) {
	const pages = 10000
	site := filepath.Join(b.TempDir(), "site")
	if err := synth.Site(site, pages, 600, 1); err != nil {
		b.Fatal(err)
	}
	debug.FreeOSMemory()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	var log syncBuffer
	go func() {
		done <- Run(ctx, Options{Site: site, Defaults: loa.DefaultSite(), Log: &log, LimitMemory: true, Ready: func(u string) { ready <- u }})
	}()
	var base string
	select {
	case base = <-ready:
	case err := <-done:
		b.Fatal(err)
	case <-time.After(2 * time.Minute):
		b.Fatal("not ready")
	}
	rssStart := rss(b)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	live := ms.HeapAlloc
	var took []time.Duration
	rssMax := rssStart
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		n := (i * 7919) % pages // pages all over the site
		sec := synth.Sections[n%len(synth.Sections)]
		file := filepath.Join(site, "content", sec, fmt.Sprintf("trang-%05d.md", n))
		old, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		marker := fmt.Sprintf("Bản sửa số %d", i)
		text := bytes.Replace(old, []byte("+++\n\n"), []byte("+++\n\n"+marker+".\n\n"), 1)
		url := fmt.Sprintf("%s%s/trang-%05d/", base, sec, n)
		start := time.Now()
		tmp := filepath.Join(filepath.Dir(file), ".goutputstream-bench")
		if err := os.WriteFile(tmp, text, 0o644); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(tmp, file); err != nil {
			b.Fatal(err)
		}
		for {
			if served(url, marker) {
				break
			}
			if time.Since(start) > 10*time.Second {
				b.Fatalf("edit %d never served at %s", i, url)
			}
			time.Sleep(2 * time.Millisecond)
		}
		took = append(took, time.Since(start))
		if i%20 == 0 {
			rssMax = max(rssMax, rss(b))
		}
	}
	b.StopTimer()
	rssEnd := rss(b)
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Milliseconds()), "ms/median")
	b.ReportMetric(float64(took[len(took)*9/10].Milliseconds()), "ms/p90")
	b.ReportMetric(float64(rssStart>>20), "MB-rss-start")
	b.ReportMetric(float64(max(rssMax, rssEnd)>>20), "MB-rss-max")
	b.ReportMetric(float64(rssEnd>>20), "MB-rss-end")
	b.ReportMetric(float64(live>>20), "MB-heap-live")
	var builds []int
	for _, m := range builtRE.FindAllStringSubmatch(log.String(), -1) {
		ms, _ := strconv.Atoi(m[1])
		builds = append(builds, ms)
	}
	slices.Sort(builds)
	if len(builds) > 1 {
		b.ReportMetric(float64(builds[len(builds)/2]), "ms/rebuild-median")
		b.ReportMetric(float64(builds[len(builds)-1]), "ms/rebuild-max")
	}
}

var builtRE = regexp.MustCompile(`Built in (\d+) ms: \d+ files after`)

// syncBuffer is a bytes.Buffer safe for the server's goroutine and ours.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

func served(url, marker string) bool {
	resp, err := http.Get(url)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return bytes.Contains(body, []byte(marker))
}

// rss is the resident memory of this process, from /proc.
func rss(b *testing.B) uint64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		b.Skip("no /proc: " + err.Error())
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}
