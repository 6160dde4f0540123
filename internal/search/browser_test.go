package search

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"loa/internal/pdf"
)

// startBrowser starts headless Chromium the way loa pdf does, or skips the
// test when there is none (fails with LOA_REQUIRE_CHROMIUM=1, as in CI).
func startBrowser(t testing.TB) *pdf.Browser {
	t.Helper()
	path, err := pdf.FindChromium()
	if err != nil {
		msg := "browser test needs Chromium: " + pdf.InstallHint
		if os.Getenv("LOA_REQUIRE_CHROMIUM") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	b, err := pdf.Start(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	return b
}

// siteTree writes a small site into a new folder: the index of docs, the
// script and style of static/, and testdata/search.html as the search
// page at tim-kiem/index.html. It returns the folder.
func siteTree(t testing.TB, docs []Doc) string {
	t.Helper()
	dir := t.TempDir()
	files, err := Build(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, files)
	copyFile(t, "testdata/search.html", filepath.Join(dir, "tim-kiem/index.html"))
	copyFile(t, "../../static/js/search.js", filepath.Join(dir, "js/search.js"))
	copyFile(t, "../../static/css/search.css", filepath.Join(dir, "css/search.css"))
	return dir
}

func copyFile(t testing.TB, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// tab is one browser tab that records what it loads and what goes wrong.
type tab struct {
	ctx      context.Context
	mu       sync.Mutex
	requests map[network.RequestID]string
	bytes    map[string]int64 // URL → bytes received, as encoded on the wire
	problems []string         // console errors, exceptions, CSP violations
	close    func()           // closes the tab now, rather than at the test's end
}

func newTab(t testing.TB, b *pdf.Browser) *tab {
	t.Helper()
	ctx, cancel := b.Tab()
	t.Cleanup(cancel)
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancelT)
	tb := &tab{ctx: ctx, requests: map[network.RequestID]string{}, bytes: map[string]int64{}, close: func() { cancelT(); cancel() }}
	err := chromedp.Listen(ctx, func(ev any) {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			tb.requests[ev.RequestID] = ev.Request.URL
		case *network.EventLoadingFinished:
			tb.bytes[tb.requests[ev.RequestID]] += int64(ev.EncodedDataLength)
		case *network.EventLoadingFailed:
			tb.problems = append(tb.problems, "failed: "+tb.requests[ev.RequestID]+": "+ev.ErrorText)
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			tb.problems = append(tb.problems, fmt.Sprintf("exception: %s at %s:%d", msg, d.URL, d.LineNumber))
		case *runtime.EventConsoleAPICalled:
			if ev.Type == "error" || ev.Type == "warning" {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, fmt.Sprint(a.Value)+a.Description)
				}
				tb.problems = append(tb.problems, "console: "+strings.Join(parts, " "))
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, runtime.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	// A CSP violation is an event in the page: make it a console error.
	_, err = chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `document.addEventListener("securitypolicyviolation", function (e) { console.error("CSP " + e.violatedDirective + " " + e.blockedURI); });`,
	})
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// snapshot returns and clears what the tab loaded.
func (tb *tab) snapshot() (map[string]int64, []string) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	b, p := tb.bytes, tb.problems
	tb.bytes, tb.problems = map[string]int64{}, nil
	return b, p
}

// shownResult is a result as the page shows it.
type shownResult struct {
	Href, Title, Kind, Snippet string
	Marks                      []string
}

// open loads the search page at u and waits for the results of its query.
func (tb *tab) open(u string) ([]shownResult, error) {
	q, _ := url.Parse(u)
	want := q.Query().Get("q")
	err := chromedp.Do(tb.ctx,
		chromedp.Navigate(u),
		chromedp.WaitReady(fmt.Sprintf(`[data-search-done=%s]`, mustJSON(want))),
	)
	if err != nil {
		return nil, err
	}
	return chromedp.Run(tb.ctx, chromedp.Evaluate[[]shownResult](shownJS))
}

const shownJS = `Array.from(document.querySelectorAll(".search-result")).map(function (li) {
  return {Href: li.querySelector("a").href, Title: li.querySelector(".search-title").textContent,
    Kind: li.querySelector(".search-kind").textContent, Snippet: li.querySelector(".search-snippet").textContent,
    Marks: Array.from(li.querySelectorAll("mark")).map(function (m) { return m.textContent; })};
})`

// query runs a query through loaSearch.query, as the page ranks it.
func (tb *tab) query(q string) ([]Result, error) {
	type jsResult struct {
		Page  int     `json:"page"`
		Score float64 `json:"score"`
		Cover int     `json:"cover"`
	}
	js := fmt.Sprintf(`loaSearch.query(%s)`, mustJSON(q))
	raw, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]jsResult](js, chromedp.EvalAwaitPromise))
	out := make([]Result, len(raw))
	for i, r := range raw {
		out[i] = Result{Page: r.Page, Score: int(r.Score), Coverage: r.Cover}
	}
	return out, err
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// serve serves dir on 127.0.0.1 for the test.
func serve(t testing.TB, dir string) string {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}
