// Package meta works out what crawlers and link previews read of a web
// page: its <title>, its description, the Open Graph and Twitter tags with
// the page's share card, and its structured data (JSON-LD). Layouts call
// it through the template function meta ({{$m := meta .Site .Page .URL}},
// see layouts/partials/meta.html); the share-card maker asks it what a
// card shows (Page.Card), so that the picture and the words of a preview
// always say the same.
//
// Everything is read through the page's view, so that a page is made again
// exactly when what its meta says changed.
//
// The rules, in short: a page's own title, then a short suffix from config
// (short_title) when the whole stays within 70 characters; a description
// of at most 200 characters cut at a word; og:type "website" for the home
// and list pages and "article" for items, with their dates; every image
// with its size, type and words; an unapproved slogan says "Dự thảo" in
// its title, description and card.
package meta

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"loa/internal/card"
	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/paths"
	"loa/internal/view"
	"loa/internal/vntext"
)

// Lengths of what previews show.
const (
	TitleMax       = 70  // <title>, with its suffix, where the title allows
	DescriptionMax = 200 // og:description and the description meta
)

// DraftWord is what an unapproved slogan's title and description say.
const DraftWord = "Dự thảo"

// KindNotFound is the kind of the not-found page.
const KindNotFound = "404"

// Page is what crawlers and link previews read of one web page.
type Page struct {
	s   *view.Site
	p   *view.Page
	url string
}

// Of returns the meta of page p as published at url (its own URL, or the
// URL of a later page of its list: "hoi-dap/trang/2/").
func Of(s *view.Site, p *view.Page, url string) *Page { return &Page{s: s, p: p, url: url} }

func (m *Page) cfg() *config.Config { return m.s.Config() }

// Draft reports whether the page shows wording not approved for print: an
// unapproved slogan.
func (m *Page) Draft() bool { return m.p.Kind() == config.KindSlogan && !m.p.Official() }

// NotFound reports whether the page is the not-found page.
func (m *Page) NotFound() bool { return m.p.Kind() == KindNotFound }

// number is the number of the list page at m.url, from 1.
func (m *Page) number() int {
	rest, ok := strings.CutPrefix(m.url, m.p.URL()+paths.ListDir+"/")
	if !ok || m.p.Kind() != content.KindSection {
		return 1
	}
	n, err := strconv.Atoi(strings.TrimSuffix(rest, "/"))
	if err != nil {
		return 1
	}
	return n
}

// OGTitle is the page's own title, for og:title: "Dự thảo: " before an
// unapproved slogan, the page number of a later list page after.
func (m *Page) OGTitle() string {
	t := cmpOr(m.p.Title(), m.cfg().Title)
	if m.Draft() {
		t = DraftWord + ": " + t
	}
	if n := m.number(); n > 1 {
		t += " (trang " + strconv.Itoa(n) + ")"
	}
	return t
}

// Title is the <title>: OGTitle, then " | " and short_title when the whole
// stays within TitleMax characters; a longer title stands alone, whole.
func (m *Page) Title() string {
	t := m.OGTitle()
	short := m.cfg().ShortTitle
	if short == "" || t == short {
		return t
	}
	if whole := t + " | " + short; utf8.RuneCountInString(whole) <= TitleMax {
		return whole
	}
	return t
}

// Description is the page's summary, at most DescriptionMax characters cut
// at a word (vntext.Truncate); an unapproved slogan's says first that it
// is a draft. A page without a summary has its title.
func (m *Page) Description() string {
	d := m.p.Summary()
	if m.NotFound() {
		d = ""
	}
	if d == "" {
		d = cmpOr(m.p.Title(), m.cfg().Title)
	}
	if m.Draft() {
		d = DraftWord + ", chưa được cấp có thẩm quyền phê duyệt. " + d
	}
	return vntext.Truncate(d, DescriptionMax)
}

// Type is og:type: "article" for an item or a plain page, "website" for
// the home page, a list and the not-found page.
func (m *Page) Type() string {
	if m.p.IsItem() && !m.NotFound() {
		return "article"
	}
	return "website"
}

// URL is the canonical address of the page; "" for the not-found page,
// which has none.
func (m *Page) URL() string {
	if m.NotFound() {
		return ""
	}
	return m.cfg().BaseURL + m.url
}

// Robots is the robots meta: "noindex" for the not-found page, else "".
func (m *Page) Robots() string {
	if m.NotFound() {
		return "noindex"
	}
	return ""
}

// Published and Modified are the page's date as ISO 8601 (2025-02-25) for
// article:published_time and article:modified_time, "" for a page that is
// not an article or has no date. loa knows one date per page, the one its
// front matter gives, so both are that date.
func (m *Page) Published() string {
	if m.Type() != "article" {
		return ""
	}
	d := m.p.Date()
	if d.IsZero() {
		return ""
	}
	return d.Format("2006-01-02")
}

// Modified: see Published.
func (m *Page) Modified() string { return m.Published() }

// Section is the title of an item's section, for article:section.
func (m *Page) Section() string {
	if m.Type() != "article" {
		return ""
	}
	if sec := m.section(); sec != nil {
		return sec.Page().Title()
	}
	return ""
}

// SiteName is og:site_name: short_title, else the site's title.
func (m *Page) SiteName() string { return cmpOr(m.cfg().ShortTitle, m.cfg().Title) }

// Image is a share card as the meta tags describe it.
type Image struct {
	URL           string // absolute
	Path          string // in the output: "hoi-dap/x/chia-se.png"
	Type          string // "image/png"
	Width, Height int
	Alt           string
}

// cardURL is the URL of the page whose cards the page shows: its own; the
// home page's for the not-found page.
func (m *Page) cardURL() string {
	if m.NotFound() {
		return ""
	}
	return m.p.URL()
}

// Image is the page's wide share card (1200 × 630), for og:image.
func (m *Page) Image() Image { return m.image(card.Wide, paths.Card(m.cardURL())) }

// Square is the page's square card (1080 × 1080), for feed posts.
func (m *Page) Square() Image { return m.image(card.Square, paths.CardSquare(m.cardURL())) }

func (m *Page) image(f card.Format, path string) Image {
	w, h := f.Size()
	return Image{URL: m.cfg().BaseURL + path, Path: path, Type: "image/png", Width: w, Height: h, Alt: m.Alt()}
}

// Address is the site's short address, from base_url, for the cards:
// "nq57.hungyen.gov.vn", without scheme, "www." and the final slash.
func Address(base string) string {
	u, err := url.Parse(base)
	if err != nil || u.Host == "" {
		return strings.TrimSuffix(base, "/")
	}
	return strings.TrimPrefix(strings.ToLower(u.Host), "www.") + strings.TrimSuffix(u.EscapedPath(), "/")
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
