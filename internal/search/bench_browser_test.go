package search

import (
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// traffic counts the bytes of the response bodies a server sent, as
// sent (compressed), the favicon aside: what a page and its workers
// downloaded, which the page's own network events do not all show.
type traffic struct {
	mu    sync.Mutex
	bytes int64
	files int
}

func (tr *traffic) take() (int64, int) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	b, f := tr.bytes, tr.files
	tr.bytes, tr.files = 0, 0
	return b, f
}

type countingWriter struct {
	http.ResponseWriter
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.ResponseWriter.Write(b)
	c.n += int64(n)
	return n, err
}

// serveGzip serves dir on 127.0.0.1 with its text files gzip-compressed
// at level 9, as a server does with the .gz files loa build writes beside
// them, and counts what it sends.
func serveGzip(t testing.TB, dir string) (string, *traffic) {
	t.Helper()
	files := http.FileServer(http.Dir(dir))
	tr := &traffic{}
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		w := &countingWriter{ResponseWriter: rw}
		defer func() {
			if !strings.HasSuffix(p, "/favicon.ico") {
				tr.mu.Lock()
				tr.bytes += w.n
				tr.files++
				tr.mu.Unlock()
			}
		}()
		text := strings.HasSuffix(p, ".js") || strings.HasSuffix(p, ".css") || strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".json") || strings.HasSuffix(p, "/")
		if !text || !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			files.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		files.ServeHTTP(rec, r)
		for k, v := range rec.Header() {
			if k != "Content-Length" {
				w.Header()[k] = v
			}
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.WriteHeader(rec.Code)
		zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
		zw.Write(rec.Body.Bytes())
		zw.Close()
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/", tr
}

// firstQuery is what one query from a fresh page costs.
type firstQuery struct {
	wire, raw int64 // bytes sent (gzip), bytes of the files
	files     int   // files loaded
	coldMS    int   // the query of the address, with the script starting
	typedMS   int   // the query typed key by key on a fresh page: its last key
	againMS   int   // the query typed again with a space: its files loaded
}

// measureQuery opens the search page for q in a new tab with an empty
// cache and the CPU throttled 4×, then, in a second tab, types q at a
// phone's pace.
func measureQuery(t testing.TB, tb, tb2 *tab, base string, tr *traffic, dir, q string) firstQuery {
	t.Helper()
	if _, err := chromedp.Call(tb.ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tb.ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4}); err != nil {
		t.Fatal(err)
	}
	tr.take()
	if _, err := tb.open(base + "tim-kiem/?q=" + url.QueryEscape(q)); err != nil {
		t.Fatal(err)
	}
	var m firstQuery
	m.wire, m.files = tr.take()
	loaded, problems := tb.snapshot()
	if len(problems) > 0 {
		t.Fatalf("%q: %v", q, problems)
	}
	for u := range loaded {
		if strings.HasSuffix(u, "/favicon.ico") {
			continue
		}
		p := strings.TrimPrefix(u, base)
		if i := strings.IndexByte(p, '?'); i >= 0 {
			p = p[:i]
		}
		if strings.HasSuffix(p, "/") || p == "" {
			p += "index.html"
		}
		m.raw += fileSize(t, dir+"/"+p)
	}
	ms := func() int {
		s, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`document.querySelector("[data-search-index]").getAttribute("data-search-ms")`))
		if err != nil {
			t.Fatal(err)
		}
		n, _ := strconv.Atoi(s)
		return n
	}
	m.coldMS = ms()
	typeQuery := func(q string) int {
		js := `(function () { var i = document.getElementById("q"); i.value = ` + mustJSON(q) + `; i.dispatchEvent(new Event("input")); })()`
		err := chromedp.Do(tb.ctx,
			chromedp.Evaluate[chromedp.Void](js),
			chromedp.WaitReady(`[data-search-done=`+mustJSON(q)+`]`),
		)
		if err != nil {
			t.Fatal(err)
		}
		return ms()
	}
	m.againMS = typeQuery(q + " ")
	// Typed key by key, 150 ms apart.
	if _, err := chromedp.Call(tb2.ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4}); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Do(tb2.ctx, chromedp.Navigate(base+"tim-kiem/"), chromedp.WaitReady("#q"),
		chromedp.Evaluate[chromedp.Void](`loaSearch.query("")`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range q {
		if err := chromedp.Do(tb2.ctx, chromedp.SendKeys("#q", string(r)), chromedp.Sleep(150*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Do(tb2.ctx, chromedp.WaitReady(`[data-search-done=`+mustJSON(q)+`]`)); err != nil {
		t.Fatal(err)
	}
	s, err := chromedp.Run(tb2.ctx, chromedp.Evaluate[string](`document.querySelector("[data-search-index]").getAttribute("data-search-ms")`))
	if err != nil {
		t.Fatal(err)
	}
	m.typedMS, _ = strconv.Atoi(s)
	return m
}

// BenchmarkBrowserSearch measures in headless Chromium, with the CPU
// throttled 4× (a phone), what a reader's first query downloads and how
// long from query to results, on the campaign site and on a synthetic
// site of 10,000 pages. Run it alone:
//
//	go test -run - -bench BrowserSearch -benchtime 1x ./internal/search
func BenchmarkBrowserSearch(b *testing.B) {
	sites := []struct {
		name    string
		docs    func() []Doc
		queries []string
	}{
		{"campaign", func() []Doc { return campaignDocs(b) },
			[]string{"chuyen doi so", "binh dan hoc v", "nghị quyết 57", "30% GDP", "an toàn trên không gian mạng", "the che di truoc"}},
		{"synth10k", func() []Doc { return synthDocs(b, 10000) },
			[]string{"chuyen doi so", "phat trien kinh te", "hạ tầng dữ liệu", "nghien cuu kh", "an ninh mang", "d"}},
	}
	for _, s := range sites {
		b.Run(s.name, func(b *testing.B) {
			dir := siteTree(b, s.docs())
			base, tr := serveGzip(b, dir)
			br := startBrowser(b)
			var all []firstQuery
			for b.Loop() {
				for _, q := range s.queries {
					// Fresh tabs for each query, closed after it: tabs left
					// open, throttled, slow the next ones down.
					t1, t2 := newTab(b, br), newTab(b, br)
					m := measureQuery(b, t1, t2, base, tr, dir, q)
					t1.close()
					t2.close()
					b.Logf("%-30q %2d files  sent %6d B  raw %7d B  cold %4d ms  typed %4d ms  again %3d ms", q, m.files, m.wire, m.raw, m.coldMS, m.typedMS, m.againMS)
					all = append(all, m)
				}
			}
			worst := func(f func(firstQuery) int64) float64 {
				return float64(slices.Max(mapSlice(all, f)))
			}
			b.ReportMetric(worst(func(m firstQuery) int64 { return m.wire })/1000, "KB-wire-max")
			b.ReportMetric(worst(func(m firstQuery) int64 { return m.raw })/1000, "KB-raw-max")
			b.ReportMetric(worst(func(m firstQuery) int64 { return int64(m.coldMS) }), "ms-cold-max")
			b.ReportMetric(worst(func(m firstQuery) int64 { return int64(m.typedMS) }), "ms-typed-max")
			b.ReportMetric(worst(func(m firstQuery) int64 { return int64(m.againMS) }), "ms-again-max")
		})
	}
}

func mapSlice[T, U any](s []T, f func(T) U) []U {
	out := make([]U, len(s))
	for i, v := range s {
		out[i] = f(v)
	}
	return out
}

func fileSize(t testing.TB, p string) int64 {
	st, err := os.Stat(p)
	if err != nil {
		t.Fatalf("loaded %s: %v", p, err)
	}
	return st.Size()
}
