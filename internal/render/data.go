package render

import (
	"html/template"
	"net/url"
	"strings"
	"time"

	"loa/internal/content"
	"loa/internal/site"
	"loa/internal/vntext"
)

// PageData is what a layout sees as ".".
type PageData struct {
	Site    *site.Site
	Page    *content.Page
	Section *site.Section // the section of a list page or an item; nil otherwise
	Pager   *Pager        // list pages only
	// URL is the output folder of this page ("hoi-dap/x/"), which may differ
	// from Page.URL on the later pages of a list.
	URL string

	absolute bool // links are absolute: the page may be shown at any path
}

// Pager is one page of a section's list.
type Pager struct {
	Number, Total int
	Start         int // number of the first item in the whole list, from 1
	Items         []*content.Page
	Prev, Next    string // site paths of the neighbouring list pages, "" at the ends
}

// Rel returns a link from this page to a path of the site ("hoi-dap/x/",
// "css/site.css"), relative, so that the site works from any folder of any
// server and from a disk.
func (d *PageData) Rel(target string) string {
	if d.absolute {
		return d.Abs(strings.TrimPrefix(target, "./"))
	}
	depth := strings.Count(d.URL, "/")
	return strings.Repeat("../", depth) + target
}

// Link returns a relative link to page p, or to the home page for nil.
func (d *PageData) Link(p *content.Page) string {
	if p == nil || p.URL == "" {
		return d.Rel("./")
	}
	return d.Rel(p.URL)
}

// Abs returns the absolute address of a path of the site, from base_url:
// for share links, canonical links and QR codes.
func (d *PageData) Abs(target string) string {
	return d.Site.Config.BaseURL + target
}

// Permalink is the absolute address of this page.
func (d *PageData) Permalink() string { return d.Abs(d.URL) }

// Anchor returns the id of page p on the information page.
func Anchor(p *content.Page) string {
	return strings.TrimSuffix(strings.ReplaceAll(p.URL, "/", "-"), "-")
}

// funcs are the template functions every layout may use.
func funcs() template.FuncMap {
	return template.FuncMap{
		// dateline formats "Hưng Yên, ngày 25 tháng 02 năm 2025".
		"dateline": vntext.DateLine,
		// date formats 25/02/2025.
		"date": func(t time.Time) string { return t.Format("02/01/2006") },
		// iso formats 2025-02-25, for <time datetime>.
		"iso":    func(t time.Time) string { return t.Format(time.DateOnly) },
		"upper":  strings.ToUpper,
		"anchor": Anchor,
		// query escapes a value for a URL's query string.
		"query": url.QueryEscape,
		"add":   func(a, b int) int { return a + b },
		"slice": func(items []*content.Page, from, to int) []*content.Page {
			from, to = min(max(from, 0), len(items)), min(max(to, 0), len(items))
			return items[from:max(from, to)]
		},
	}
}
