package render

import (
	"fmt"
	"html/template"
	"net/url"
	"path"
	"strings"
	"time"

	"loa/internal/asset"
	"loa/internal/config"
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

	absolute bool // links start at the site's root: the page may be shown at any path
	shared   *shared
	layouts  *templates.Library
	links    *links
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
// server and from a disk. On the not-found page, which a server shows at
// any address, the link starts at the site's root instead ("/css/site.css",
// or "/nq57/css/site.css" for a base_url with a path), so that it works on
// any host name.
func (d *PageData) Rel(target string) string {
	if d.absolute {
		return rootPath(d.Site.Config().BaseURL) + strings.TrimPrefix(target, "./")
	}
	return paths.Rel(d.URL, target)
}

// rootPath is the path of base_url: "/", "/nq57/".
func rootPath(base string) string {
	u, err := url.Parse(base)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// Asset returns a link to the fingerprinted copy of a style sheet, script,
// web font or the logo, by its path under static/: {{.Asset "css/site.css"}}
// gives "../css/site.3f9a1c2e07.css". Those names change with the files'
// content, so that servers can let browsers keep them for a year (see
// package asset). A file that has no fingerprinted copy is an error, at
// the layout's line.
func (d *PageData) Asset(p string) (string, error) {
	if d.links != nil {
		if name, ok := d.links.assets.Link(p, d.Site.Recorder()); ok {
			return d.Rel(name), nil
		}
	}
	if !asset.Kind(p) {
		return "", fmt.Errorf("Asset %q: only style sheets, scripts, web fonts and the logo have fingerprinted names; link it with .Rel", p)
	}
	return "", fmt.Errorf("Asset %q: there is no file static/%s", p, p)
}

// Feed is a feed a page points readers and feed readers to.
type Feed struct {
	Href  string // a link from the page
	Title string
}

// Feeds are the Atom feeds of this page: its section's, then the site's,
// as far as they exist (a feed lists dated items only).
func (d *PageData) Feeds() []Feed {
	if d.links == nil {
		return nil
	}
	var out []Feed
	if d.Section != nil && d.links.feeds[d.Section.Name()] {
		sec := d.Section.Page()
		out = append(out, Feed{Href: d.Rel(paths.Feed(sec.URL())), Title: "Tin mới: " + sec.Title()})
	}
	if d.links.feeds[""] {
		out = append(out, Feed{Href: d.Rel(paths.Feed("")), Title: "Tin mới"})
	}
	return out
}

// SiteFeed is a link to the site's Atom feed, or "" when it has none.
func (d *PageData) SiteFeed() string {
	if d.links == nil || !d.links.feeds[""] {
		return ""
	}
	return d.Rel(paths.Feed(""))
}

// ThemeColor is the brand colour, as the icons have it: for the browser's
// bar on a phone.
func (d *PageData) ThemeColor() string {
	if d.links == nil {
		return defaultBrand[0]
	}
	return d.links.theme
}

// Updated is the date the page was last updated, for its "Cập nhật ngày"
// line: its own date, else the date the site was last reviewed ([site]
// updated, else the campaign's date); zero when none is known.
func (d *PageData) Updated() time.Time {
	if t := d.Page.Date(); !t.IsZero() {
		return t
	}
	return d.Site.Config().Reviewed()
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

// Link is a link of the site's own to a page no content file makes.
type Link struct {
	Title, Href string
}

// Channels are the site's other channels, for the footer: the
// loudspeaker bulletins, the seminar decks, the print products and the
// social-media team's page, linked from this page.
func (d *PageData) Channels() []Link {
	cfg := d.Site.Config()
	return []Link{
		{"Bản tin phát thanh", d.Rel(paths.SectionURL(cfg.Kinds[config.KindRadio]))},
		{"Trình chiếu", d.Rel(paths.SectionURL(cfg.Kinds[config.KindSlides]))},
		{"Ấn phẩm in", d.Rel(paths.PrintDir + "/")},
		{"Bài đăng mạng xã hội", d.Rel(path.Dir(paths.SharePage) + "/")},
	}
}
