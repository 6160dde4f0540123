package search

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"loa/internal/synth"
)

// pagefindCommand returns the command that runs Pagefind: $LOA_PAGEFIND,
// pagefind on PATH, or npx with the npm package; it skips the benchmark
// when none works.
func pagefindCommand(b *testing.B) []string {
	if p := os.Getenv("LOA_PAGEFIND"); p != "" {
		return []string{p}
	}
	for _, name := range []string{"pagefind_extended", "pagefind"} {
		if p, err := exec.LookPath(name); err == nil {
			return []string{p}
		}
	}
	if p, err := exec.LookPath("npx"); err == nil {
		cmd := []string{p, "-y", "pagefind@1.6.0"}
		if exec.Command(cmd[0], append(cmd[1:], "--version")...).Run() == nil {
			return cmd
		}
	}
	b.Skip("the comparison needs Pagefind: set LOA_PAGEFIND to its binary, or install Node.js (npx pagefind@1.6.0)")
	return nil
}

// run runs a command and returns its wall time and peak memory.
func run(b *testing.B, dir string, args ...string) (time.Duration, int64) {
	b.Helper()
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("%v: %v\n%s", args, err, out.Bytes())
	}
	return time.Since(start), cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss * 1024
}

// loaBuild builds the site in folder site with loa build into dest.
func loaBuild(b *testing.B, site, dest string) {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "loa")
	run(b, "../..", "go", "build", "-o", bin, "./cmd/loa")
	run(b, ".", bin, "build", "-s", site, "-d", dest)
}

// markForPagefind limits Pagefind to what loa indexes: the article of each
// item page, without its breadcrumb, share box and links to neighbours, as
// a Pagefind user would mark it.
func markForPagefind(b *testing.B, public string, docs []Doc) {
	b.Helper()
	for _, d := range docs {
		p := filepath.Join(public, d.URL, "index.html")
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range [][2]string{
			{`<article class="wrap page`, `<article data-pagefind-body class="wrap page`},
			{`<nav class="breadcrumb"`, `<nav data-pagefind-ignore class="breadcrumb"`},
			{`<aside class="share"`, `<aside data-pagefind-ignore class="share"`},
			{`<nav class="prev-next"`, `<nav data-pagefind-ignore class="prev-next"`},
		} {
			data = bytes.Replace(data, []byte(r[0]), []byte(r[1]), 1)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// pagefindPage is a page that runs a query through Pagefind's JS API and
// loads the data of the first ten results, as its UI does.
const pagefindPage = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>pf</title>
<body><script type="module">
const pf = await import("../pagefind/pagefind.js");
await pf.init();
window.pfSearch = async function (q) {
  const t0 = performance.now();
  const r = await pf.search(q);
  const data = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
  return {urls: data.map(d => d.url), ms: performance.now() - t0};
};
const q = new URLSearchParams(location.search).get("q");
if (q) window.pfSearch(q).then(r => { window.pfFirst = r; document.body.setAttribute("data-done", "1"); });
else document.body.setAttribute("data-done", "1");
</script></body></html>`

type pfResult struct {
	URLs []string `json:"urls"`
	MS   float64  `json:"ms"`
}

// BenchmarkPagefind compares loa's search with Pagefind 1.6 on the same
// built sites: relevance on the campaign site (the relevance set, top 3),
// and on a synthetic site of 10,000 pages the time and peak memory of
// indexing, the size of the index, and what a first query downloads.
// Run it alone, it takes minutes:
//
//	LOA_PAGEFIND=/path/to/pagefind go test -run - -bench Pagefind -benchtime 1x ./internal/search
func BenchmarkPagefind(b *testing.B) {
	pagefind := pagefindCommand(b)
	b.Run("relevance", func(b *testing.B) {
		docs := campaignDocs(b)
		public := filepath.Join(b.TempDir(), "public")
		loaBuild(b, "../..", public)
		markForPagefind(b, public, docs)
		run(b, ".", append(pagefind, "--site", public)...)
		writeFile(b, filepath.Join(public, "pf-test", "index.html"), pagefindPage)
		base, _ := serveGzip(b, public)
		br := startBrowser(b)
		tb := newTab(b, br)
		if err := chromedp.Do(tb.ctx, chromedp.Navigate(base+"pf-test/"), chromedp.WaitReady("body[data-done]")); err != nil {
			b.Fatal(err)
		}
		files, _ := Build(docs, Options{})
		ix, _ := Open(memFS(files), DefaultDir)
		set := relevanceSet(b)
		loaHits, pfHits := 0, 0
		for b.Loop() {
			loaHits, pfHits = 0, 0
			for _, c := range set {
				res, _ := ix.Search(c.Query)
				if r := rankOf(res, docs, c.Want); r >= 1 && r <= 3 {
					loaHits++
				}
				pf, err := chromedp.Run(tb.ctx, chromedp.Evaluate[pfResult](fmt.Sprintf(`pfSearch(%s)`, mustJSON(c.Query)), chromedp.EvalAwaitPromise))
				if err != nil {
					b.Fatal(err)
				}
				rank := 0
				for i, u := range pf.URLs[:min(3, len(pf.URLs))] {
					if strings.TrimPrefix(u, "/") == c.Want {
						rank = i + 1
					}
				}
				if rank > 0 {
					pfHits++
				} else {
					b.Logf("Pagefind misses %q (%s): top 3 %v", c.Query, c.Note, pf.URLs[:min(3, len(pf.URLs))])
				}
			}
		}
		b.Logf("top 3 hits of %d queries: loa %d, Pagefind %d", len(set), loaHits, pfHits)
		b.ReportMetric(float64(loaHits), "loa-hits")
		b.ReportMetric(float64(pfHits), "pagefind-hits")
		b.ReportMetric(float64(len(set)), "queries")
	})
	b.Run("10k", func(b *testing.B) {
		site := filepath.Join(b.TempDir(), "site")
		if err := synth.Site(site, 10000, 600, 1); err != nil {
			b.Fatal(err)
		}
		public := filepath.Join(site, "public")
		loaBuild(b, site, public)
		docs := siteDocs(b, site)
		for b.Loop() {
			pfTime, pfMem := run(b, ".", append(pagefind, "--site", public)...)
			loaTime, loaCPU, loaMem, files := measureBuild(b, docs, Options{})
			var loaBytes int64
			for _, f := range files {
				loaBytes += int64(len(f.Data))
			}
			pfBytes := dirSize(b, filepath.Join(public, "pagefind"))
			b.Logf("index time: loa %v (cpu %v), Pagefind %v", loaTime.Round(time.Millisecond), loaCPU.Round(time.Millisecond), pfTime.Round(time.Millisecond))
			b.Logf("peak memory: loa +%d MB, Pagefind %d MB", loaMem>>20, pfMem>>20)
			b.Logf("index bytes: loa %d (%d files), Pagefind %d", loaBytes, len(files), pfBytes)
			b.ReportMetric(loaTime.Seconds(), "loa-s")
			b.ReportMetric(pfTime.Seconds(), "pagefind-s")
			b.ReportMetric(float64(loaMem>>20), "loa-MB")
			b.ReportMetric(float64(pfMem>>20), "pagefind-MB")
			b.ReportMetric(float64(loaBytes>>20), "loa-index-MB")
			b.ReportMetric(float64(pfBytes>>20), "pagefind-index-MB")
		}
		// Pagefind's first query, from a fresh page.
		writeFile(b, filepath.Join(public, "pf-test", "index.html"), pagefindPage)
		base, tr := serveGzip(b, public)
		br := startBrowser(b)
		for _, q := range []string{"chuyen doi so", "chuyển đổi số", "phat trien kinh te", "hạ tầng dữ liệu"} {
			tb := newTab(b, br)
			if _, err := chromedp.Call(tb.ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
				b.Fatal(err)
			}
			tr.take()
			if err := chromedp.Do(tb.ctx, chromedp.Navigate(base+"pf-test/?q="+strings.ReplaceAll(q, " ", "+")), chromedp.WaitReady("body[data-done]")); err != nil {
				b.Fatal(err)
			}
			wire, nfiles := tr.take()
			first, err := chromedp.Run(tb.ctx, chromedp.Evaluate[pfResult](`window.pfFirst`))
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("Pagefind first query %q: %d files, %d bytes sent, %d results with their data, %.0f ms (CPU not throttled)", q, nfiles, wire, len(first.URLs), first.MS)
		}
	})
}

// measureBuild runs Build on docs in this process and returns its wall
// and CPU time and how far it raised the peak resident memory.
func measureBuild(b *testing.B, docs []Doc, opts Options) (time.Duration, time.Duration, int64, []File) {
	b.Helper()
	debug.FreeOSMemory()
	// Writing 5 to clear_refs resets the peak (VmHWM) to the current size.
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	before := procStatus(b, "VmRSS:")
	var r0, r1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &r0)
	start := time.Now()
	files, err := Build(docs, opts)
	wall := time.Since(start)
	syscall.Getrusage(syscall.RUSAGE_SELF, &r1)
	if err != nil {
		b.Fatal(err)
	}
	cpu := time.Duration(r1.Utime.Nano() + r1.Stime.Nano() - r0.Utime.Nano() - r0.Stime.Nano())
	return wall, cpu, procStatus(b, "VmHWM:") - before, files
}

// procStatus reads a size in kB from /proc/self/status, in bytes.
func procStatus(b *testing.B, key string) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		b.Skip("no /proc/self/status")
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, key); ok {
			var kb int64
			fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), &kb)
			return kb << 10
		}
	}
	b.Fatalf("no %s in /proc/self/status", key)
	return 0
}

func dirSize(b *testing.B, dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return nil
	})
	return n
}

func writeFile(b *testing.B, p, s string) {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		b.Fatal(err)
	}
}
