package search

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserPage opens the search page with a query in its address, from
// a web server and from disk, and reads the results a reader sees.
func TestBrowserPage(t *testing.T) {
	docs := campaignDocs(t)
	dir := siteTree(t, docs)
	files, _ := Build(docs, Options{})
	ix, err := Open(memFS(files), DefaultDir)
	if err != nil {
		t.Fatal(err)
	}
	const q = "chuyen doi so"
	want, _ := ix.Search(q)
	b := startBrowser(t)
	srv := serve(t, dir)
	disk := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String()
	for _, c := range []struct{ name, base, page, suffix string }{
		{"server", srv, "tim-kiem/?q=chuyen+doi+so", ""},
		{"disk", disk, "tim-kiem/index.html?q=chuyen+doi+so", "index.html"},
	} {
		tb := newTab(t, b)
		shown, err := tb.open(c.base + c.page)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		loaded, problems := tb.snapshot()
		for _, p := range problems {
			t.Errorf("%s: %s", c.name, p)
		}
		for u := range loaded {
			if !strings.HasPrefix(u, c.base) {
				t.Errorf("%s: request outside the site: %s", c.name, u)
			}
		}
		if len(shown) != 10 || len(want) < 10 {
			t.Fatalf("%s: %d results shown of %d", c.name, len(shown), len(want))
		}
		for i, r := range shown {
			d := docs[want[i].Page]
			if r.Href != c.base+d.URL+c.suffix || r.Title != d.Title || r.Kind != d.KindLabel {
				t.Errorf("%s: result %d is %q %q %q, want %q %q %q", c.name, i+1, r.Href, r.Title, r.Kind, c.base+d.URL+c.suffix, d.Title, d.KindLabel)
			}
			if len(r.Marks) == 0 || r.Snippet == "" {
				t.Errorf("%s: result %d %q has no highlighted snippet: %+v", c.name, i+1, d.URL, r)
			}
			for _, m := range r.Marks {
				f := Tokens(m)
				if len(f) != 1 || !strings.Contains(" chuyen doi so ", " "+f[0].Folded+" ") && !strings.HasPrefix(f[0].Folded, "so") {
					t.Errorf("%s: result %d highlights %q", c.name, i+1, m)
				}
			}
		}
		status, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`document.querySelector("[data-search-status]").textContent + "|" + document.querySelector("[data-search-nojs]").hidden + "|" + document.querySelector("[data-search-more]").hidden`))
		if err != nil {
			t.Fatal(err)
		}
		if wantStatus := fmt.Sprintf("Tìm thấy %d kết quả cho “%s”.|true|false", len(want), q); status != wantStatus {
			t.Errorf("%s: status %q, want %q", c.name, status, wantStatus)
		}
	}
}

// TestBrowserInteraction types a query, moves through the results with the
// keyboard and asks for more.
func TestBrowserInteraction(t *testing.T) {
	docs := campaignDocs(t)
	dir := siteTree(t, docs)
	b := startBrowser(t)
	srv := serve(t, dir)
	tb := newTab(t, b)
	err := chromedp.Do(tb.ctx,
		chromedp.Navigate(srv+"tim-kiem/"),
		chromedp.WaitReady("#q"),
		chromedp.SendKeys("#q", "binh dan hoc v"),
		chromedp.WaitReady(`[data-search-done="binh dan hoc v"]`),
	)
	if err != nil {
		t.Fatal(err)
	}
	state := func() string {
		s, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`(function () {
  var a = document.activeElement, links = Array.from(document.querySelectorAll(".search-result a"));
  return (a.id || "link" + links.indexOf(a)) + " " + location.search + " " + links.length;
})()`))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if got, want := state(), "q ?q=binh+dan+hoc+v 10"; got != want {
		t.Errorf("after typing: %q, want %q", got, want)
	}
	steps := []struct{ key, want string }{
		{kb.ArrowDown, "link0"}, {kb.ArrowDown, "link1"}, {kb.ArrowUp, "link0"}, {kb.ArrowUp, "q"},
		{kb.ArrowDown, "link0"}, {kb.Escape, "q"},
	}
	for _, s := range steps {
		if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(s.key)); err != nil {
			t.Fatal(err)
		}
		if got := strings.Fields(state())[0]; got != s.want {
			t.Errorf("after %q: focus on %s, want %s", s.key, got, s.want)
		}
	}
	first, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`document.querySelector(".search-result a .search-title").textContent`))
	if err != nil || first != "Bình dân học vụ số là gì?" {
		t.Errorf("first result %q, %v", first, err)
	}
	err = chromedp.Do(tb.ctx,
		chromedp.Click("[data-search-more]"),
		chromedp.WaitReady(".search-result:nth-child(11)"),
	)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Fields(state()); got[0] != "link10" || got[2] != "20" {
		t.Errorf("after more: %v, want the 11th of 20 results focused", got)
	}
	if _, problems := tb.snapshot(); len(problems) > 0 {
		t.Errorf("problems: %v", problems)
	}
}

// TestBrowserMatchesGo runs every query of the relevance set through
// search.js and the Go reference: the same pages, scores and order.
func TestBrowserMatchesGo(t *testing.T) {
	docs := campaignDocs(t)
	dir := siteTree(t, docs)
	files, _ := Build(docs, Options{})
	ix, err := Open(memFS(files), DefaultDir)
	if err != nil {
		t.Fatal(err)
	}
	b := startBrowser(t)
	tb := newTab(t, b)
	if _, err := tb.open(serve(t, dir) + "tim-kiem/?q=a"); err != nil {
		t.Fatal(err)
	}
	queries := []string{"đường", "duong", "dương", "30", "r&d", "co che", "nghị quyết 57-NQ/TW", "Bình dân học vụ số ", "x", "của và là"}
	for _, c := range relevanceSet(t) {
		queries = append(queries, c.Query, c.Query[:len(c.Query)/2])
	}
	for _, q := range queries {
		want, err := ix.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		got, err := tb.query(q)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Errorf("%q: search.js finds %d pages, Go %d", q, len(got), len(want))
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%q: result %d is %+v in search.js, %+v in Go", q, i+1, got[i], want[i])
				break
			}
		}
	}
}

// TestBrowserTokens checks that search.js splits and folds text as Go
// does: every letter, number and mark up to U+2FFF, and the campaign's
// pages.
func TestBrowserTokens(t *testing.T) {
	docs := campaignDocs(t)
	dir := siteTree(t, docs)
	b := startBrowser(t)
	tb := newTab(t, b)
	if _, err := tb.open(serve(t, dir) + "tim-kiem/?q=a"); err != nil {
		t.Fatal(err)
	}
	var texts []string
	var all strings.Builder
	for r := rune(0x20); r < 0x3000; r++ {
		if isWordRuneSlow(r) && (r < 0xD800 || r > 0xDFFF) {
			all.WriteString(" a" + string(r))
		}
	}
	texts = append(texts, all.String(), "30% 4.0 1,5 r&d a&b a & b 10.000. x%,5%%\tâ\u00a0b\nc «d» e—f")
	for _, d := range docs {
		texts = append(texts, d.Title+"\n"+d.Summary+"\n"+d.Body)
	}
	type jsTok struct {
		Exact, Folded string
		Joined        bool
	}
	for i, text := range texts {
		got, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]jsTok](fmt.Sprintf(`loaSearch.tokens(%s)`, mustJSON(text))))
		if err != nil {
			t.Fatal(err)
		}
		want := Tokens(text)
		if len(got) != len(want) {
			t.Errorf("text %d: %d tokens in search.js, %d in Go", i, len(got), len(want))
			continue
		}
		bad := 0
		for j := range got {
			w := want[j]
			if got[j].Folded != w.Folded || got[j].Joined != w.Joined || i > 0 && got[j].Exact != w.Exact {
				t.Errorf("text %d token %d: search.js %+v, Go %+v", i, j, got[j], w)
				if bad++; bad > 10 {
					break
				}
			}
		}
	}
}
