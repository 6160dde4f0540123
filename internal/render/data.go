package render

import (
	"fmt"
	"html/template"
	"strings"

	"loa/internal/paths"
	"loa/internal/templates"
	"loa/internal/view"
)

// PageData is what a web layout sees as ".".
type PageData struct {
	Site    *view.Site
	Page    *view.Page
	Section *view.SectionView // the section of a list page or an item; nil otherwise
	Pager   *Pager            // list pages only
	// URL is the output folder of this page ("hoi-dap/x/"), which may differ
	// from Page.URL on the later pages of a list.
	URL string

	absolute bool // links are absolute: the page may be shown at any path
	shared   *shared
	layouts  *templates.Library
}

// Pager is one page of a section's list.
type Pager struct {
	Number, Total int
	Start         int // number of the first item in the whole list, from 1
	Items         []*view.Page
	Prev, Next    string // site paths of the neighbouring list pages, "" at the ends
}

func newPager(sec *view.SectionView, n, total, size int) *Pager {
	items := sec.Items()
	from, to := min((n-1)*size, len(items)), min(n*size, len(items))
	pg := &Pager{Number: n, Total: total, Start: from + 1, Items: items[from:to]}
	url := sec.Page().URL()
	if n > 1 {
		pg.Prev = paths.ListURL(url, n-1)
	}
	if n < total {
		pg.Next = paths.ListURL(url, n+1)
	}
	return pg
}

// Shared renders the partial name once for every distinct list of keys and
// returns the same HTML to every page that asks with the same keys. A
// header or footer that differs only with the page's depth and section
// costs once per section instead of once per page:
//
//	{{.Shared "partials/footer.html" (.Rel "")}}
//
// The keys must hold everything the partial's output depends on besides
// the site's content, which is recorded as usual.
func (d *PageData) Shared(name string, keys ...any) (template.HTML, error) {
	if d.shared == nil {
		return "", fmt.Errorf("Shared %q: not available on this page", name)
	}
	v, _ := d.shared.cache.LoadOrStore(key(name, keys), &sharedPiece{})
	piece := v.(*sharedPiece)
	piece.once.Do(func() {
		set, err := d.layouts.Set("baseof.html", "partials/", "")
		if err != nil {
			piece.err = err
			return
		}
		// The piece records what it reads on its own, so that every page
		// showing it can be told.
		own := *d
		own.Site = d.Site.With(&piece.rec)
		own.Page = own.Site.Page(nil)
		if d.Page != nil {
			own.Page = d.Page.In(own.Site)
		}
		if d.Section != nil {
			own.Section = d.Section.In(own.Site)
		}
		var b strings.Builder
		piece.err = set.ExecuteTemplate(&b, name, &own)
		piece.html = b.String()
	})
	d.Site.Recorder().Merge(&piece.rec)
	return template.HTML(piece.html), piece.err
}

// NavKey names what the site navigation marks as current on this page:
// its section, or itself for a page at the top of the site.
func (d *PageData) NavKey() string {
	if d.Section != nil {
		return "section:" + d.Section.Name()
	}
	return "page:" + d.Page.URL()
}

// Rel returns a link from this page to a path of the site ("hoi-dap/x/",
// "css/site.css"), relative, so that the site works from any folder of any
// server and from a disk.
func (d *PageData) Rel(target string) string {
	if d.absolute {
		return d.Abs(strings.TrimPrefix(target, "./"))
	}
	return paths.Rel(d.URL, target)
}

// Link returns a relative link to page p, or to the home page for nil.
func (d *PageData) Link(p *view.Page) string {
	if p == nil || p.URL() == "" {
		return d.Rel("./")
	}
	return d.Rel(p.URL())
}

// Abs returns the absolute address of a path of the site, from base_url:
// for share links, canonical links and QR codes.
func (d *PageData) Abs(target string) string {
	return d.Site.Config().BaseURL + target
}

// Permalink is the absolute address of this page.
func (d *PageData) Permalink() string { return d.Abs(d.URL) }
