package share_test

import (
	"bytes"
	"image/png"
	"path"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/paths"
	"loa/internal/site"
)

// kindOf tells what a web page of the build is: "home", "list" (and its
// page number), "item", "404"; and the URL of the page whose cards it
// shows.
func (b *built) kindOf(file string) (kind string, n int, cardURL string) {
	s := b.e.Site()
	if file == paths.NotFound {
		return "404", 1, ""
	}
	url := strings.TrimSuffix(file, "index.html")
	if url == "" {
		return "home", 1, ""
	}
	for _, sec := range s.Sections {
		if url == sec.Page.URL {
			return "list", 1, url
		}
		if rest, ok := strings.CutPrefix(url, sec.Page.URL+paths.ListDir+"/"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(rest, "/"))
			return "list", n, sec.Page.URL
		}
	}
	return "item", 1, url
}

// page returns the site's page at url.
func (b *built) page(url string) *site.Page {
	for _, p := range b.e.Site().Pages() {
		if p.URL == url {
			return p
		}
	}
	return nil
}

// TestEveryPageHasMeta checks the meta of every web page of the campaign
// site and of a small one against the page itself: its <h1>, its address,
// its date, its cards in the output.
func TestEveryPageHasMeta(t *testing.T) {
	for name, b := range map[string]*built{"campaign": campaignSite(t), "small": build(t, small(), &cards)} {
		t.Run(name, func(t *testing.T) { checkMeta(t, b) })
	}
}

func checkMeta(t *testing.T, b *built) {
	short := b.e.Config().ShortTitle
	pages := b.webPages()
	if len(pages) < 10 {
		t.Fatalf("only %d web pages", len(pages))
	}
	for _, file := range pages {
		h := parseHead(b.files[file])
		kind, n, cardURL := b.kindOf(file)
		if file == paths.SearchPage {
			cardURL = "" // the search page shows the site's card
		}
		if kind == "404" {
			// Not to be shared nor indexed: no card, no Open Graph.
			if h.one(t, file, "robots") != "noindex" || h.canonical != "" || len(h.props["og:url"]) != 0 {
				t.Errorf("%s: the not-found page has an address, or is indexed", file)
			}
			continue
		}
		p := b.page(cardURL)
		draft := p != nil && p.Kind == config.KindSlogan && !p.Official()

		// The titles: og:title is the page's own <h1>, "Dự thảo: " before a
		// draft, the page number after a later list page; <title> adds
		// short_title where the whole stays within 70 characters.
		og := h.one(t, file, "og:title")
		want := strings.ReplaceAll(h.h1, "\u00a0", " ") // the heading glues words with no-break spaces
		if kind == "404" || kind == "home" {
			want = og // the home's <h1> is the site's title; the 404's says so
		}
		if draft {
			want = "Dự thảo: " + want
		}
		if n > 1 {
			want += " (trang " + strconv.Itoa(n) + ")"
		}
		if og != want {
			t.Errorf("%s: og:title %q, want %q", file, og, want)
		}
		wantTitle := og
		if w := og + " | " + short; short != "" && utf8.RuneCountInString(w) <= 70 {
			wantTitle = w
		}
		if h.title != wantTitle {
			t.Errorf("%s: <title> %q, want %q", file, h.title, wantTitle)
		}
		if utf8.RuneCountInString(og) <= 70 && utf8.RuneCountInString(h.title) > 70 {
			t.Errorf("%s: <title> of %d characters", file, utf8.RuneCountInString(h.title))
		}

		desc := h.one(t, file, "og:description")
		if d := h.one(t, file, "description"); d != desc || desc == "" || utf8.RuneCountInString(desc) > 200 {
			t.Errorf("%s: description %q, og:description %q: want one text of at most 200 characters", file, d, desc)
		}
		if draft && !strings.HasPrefix(desc, "Dự thảo") {
			t.Errorf("%s: a draft's description does not say so: %q", file, desc)
		}

		// Where the page is, and what it is.
		wantType, url := "website", b.base+strings.TrimSuffix(file, "index.html")
		if kind == "item" {
			wantType = "article"
		}
		if got := h.one(t, file, "og:type"); got != wantType {
			t.Errorf("%s: og:type %q, want %q", file, got, wantType)
		}
		if kind == "404" {
			if h.canonical != "" || len(h.props["og:url"]) != 0 || h.one(t, file, "robots") != "noindex" {
				t.Errorf("%s: the not-found page has an address, or is indexed", file)
			}
		} else if got := h.one(t, file, "og:url"); got != url || h.canonical != url {
			t.Errorf("%s: og:url %q, canonical %q, want %q", file, got, h.canonical, url)
		}
		if h.one(t, file, "og:locale") != "vi_VN" || h.one(t, file, "twitter:card") != "summary_large_image" {
			t.Errorf("%s: og:locale or twitter:card missing", file)
		}
		if p != nil && kind == "item" && !p.Date.IsZero() {
			if got := h.one(t, file, "article:published_time"); got != h.date || got != p.Date.Format("2006-01-02") ||
				h.one(t, file, "article:modified_time") != got {
				t.Errorf("%s: article dates %q, page's <time> %q", file, got, h.date)
			}
		} else if len(h.props["article:published_time"]) > 0 {
			t.Errorf("%s: an undated page or a list with article:published_time", file)
		}

		// The card: the page's own, in the output, of the stated size.
		img := h.one(t, file, "og:image")
		if img != b.base+paths.Card(cardURL) {
			t.Errorf("%s: og:image %q, want the card of %q", file, img, cardURL)
			continue
		}
		data, ok := b.files[strings.TrimPrefix(img, b.base)]
		if !ok {
			t.Errorf("%s: og:image %s is not in the output", file, img)
			continue
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil || strconv.Itoa(cfg.Width) != h.one(t, file, "og:image:width") ||
			strconv.Itoa(cfg.Height) != h.one(t, file, "og:image:height") || h.one(t, file, "og:image:type") != "image/png" {
			t.Errorf("%s: og:image %s is %d × %d (%v), the meta says %v × %v", file, img, cfg.Width, cfg.Height, err,
				h.props["og:image:width"], h.props["og:image:height"])
		}
		alt := h.one(t, file, "og:image:alt")
		if alt == "" || alt != h.one(t, file, "twitter:image:alt") || (draft && !strings.Contains(alt, "dự thảo")) {
			t.Errorf("%s: og:image:alt %q", file, alt)
		}
		if p != nil && p.Kind == content.KindSection && kind != "list" {
			t.Errorf("%s: a list taken for %s", file, kind)
		}
	}
}

// TestCardFiles checks every card of the campaign site: two per web page
// (not per later page of a list), each a PNG of its format's size, at most
// 150 KB.
func TestCardFiles(t *testing.T) {
	b := campaignSite(t)
	want := 0
	for _, p := range b.e.Site().Pages() {
		want += 2
		for file, size := range map[string][2]int{paths.Card(p.URL): {1200, 630}, paths.CardSquare(p.URL): {1080, 1080}} {
			data, ok := b.files[file]
			if !ok {
				t.Errorf("no card %s", file)
				continue
			}
			cfg, err := png.DecodeConfig(bytes.NewReader(data))
			if err != nil || cfg.Width != size[0] || cfg.Height != size[1] || len(data) > 150<<10 {
				t.Errorf("%s: %d × %d, %d bytes (%v)", file, cfg.Width, cfg.Height, len(data), err)
			}
		}
	}
	got := 0
	for f := range b.files {
		if path.Base(f) == path.Base(paths.Card("")) || path.Base(f) == path.Base(paths.CardSquare("")) {
			got++
		}
	}
	if got != want {
		t.Errorf("%d cards in the output, want %d", got, want)
	}
}
