package render

import (
	"fmt"
	"html/template"
	"strings"
	"sync"
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
	shared   *shared
}

// shared holds the pieces of HTML that many pages have in common, made once
// per build.
type shared struct {
	set   *template.Template // any set: every one holds the partials
	cache sync.Map           // key → *sharedPiece
}

type sharedPiece struct {
	once sync.Once
	html template.HTML
	err  error
}

// Shared renders the partial name once for every distinct list of keys and
// returns the same HTML to every page that asks with the same keys. A
// header or footer that differs only with the page's depth and section
// costs once per section instead of once per page:
//
//	{{.Shared "partials/footer.html" (.Rel "")}}
//
// The keys must hold everything the partial's output depends on.
func (d *PageData) Shared(name string, keys ...any) (template.HTML, error) {
	if d.shared == nil {
		return "", fmt.Errorf("Shared %q: not available on this page", name)
	}
	key := name + "\x00" + fmt.Sprint(keys...)
	v, _ := d.shared.cache.LoadOrStore(key, &sharedPiece{})
	piece := v.(*sharedPiece)
	piece.once.Do(func() {
		var b strings.Builder
		piece.err = d.shared.set.ExecuteTemplate(&b, name, d)
		piece.html = template.HTML(b.String())
	})
	return piece.html, piece.err
}

// NavKey names what the site navigation marks as current on this page:
// its section, or itself for a page at the top of the site.
func (d *PageData) NavKey() string {
	if d.Section != nil {
		return "section:" + d.Section.Name
	}
	return "page:" + d.Page.URL
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
	target = strings.TrimPrefix(target, "./")
	if d.absolute {
		return d.Abs(target)
	}
	if rel := strings.Repeat("../", strings.Count(d.URL, "/")) + target; rel != "" {
		return rel
	}
	return "./"
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

// Funcs are the template functions every layout may use, web and print.
func Funcs() template.FuncMap {
	return template.FuncMap{
		// dateline formats "Hưng Yên, ngày 25 tháng 02 năm 2025".
		"dateline": vntext.DateLine,
		// date formats 25/02/2025.
		"date": func(t time.Time) string { return t.Format("02/01/2006") },
		// iso formats 2025-02-25, for <time datetime>.
		"iso":    func(t time.Time) string { return t.Format(time.DateOnly) },
		"upper":  strings.ToUpper,
		"anchor": Anchor,
		"add":    func(a, b int) int { return a + b },
		"slice": func(items []*content.Page, from, to int) []*content.Page {
			from, to = min(max(from, 0), len(items)), min(max(to, 0), len(items))
			return items[from:max(from, to)]
		},
	}
}
