// Package render makes the web pages of a site with its html/template
// layouts, and the files a site is expected to have beside them: the
// sitemap, robots.txt, the Atom feeds and the icons.
//
// Pages link files other makers make: the fingerprinted style sheets,
// fonts and script of package asset, the feeds, the icons. They do not
// wait for those makers: Pages.Jobs works out once per rebuild what they
// will be (the same functions the makers use), each page records the
// site files of the fingerprinted names it links, and which feeds exist
// and the brand colour are part of every page's Sig.
//
// Layouts live in layouts/ (the site's own files override loa's built-in
// ones of the same path):
//
//	baseof.html          the page skeleton; it calls {{template "main" .}}
//	partials/*.html      pieces called as {{template "partials/x.html" .}}
//	home.html            the information page
//	list.html            a section's list page; list-<kind>.html wins if present
//	single.html          an item; <kind>.html (qa.html, slogan.html ...) wins if present
//	page.html            a page at the top of content/ (else single.html)
//	404.html             the not-found page
//
// Each page layout defines "main" and sees a *PageData.
package render

import (
	"bytes"
	"context"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"loa/internal/asset"
	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/paths"
	"loa/internal/site"
	"loa/internal/templates"
	"loa/internal/view"
)

// Pages makes the web pages. Its zero value is ready to use.
type Pages struct{}

// Name implements maker.Maker.
func (Pages) Name() string { return "pages" }

// pageJob is one web page to make.
type pageJob struct {
	layouts  []string // candidates, first found wins
	page     *site.Page
	section  *site.Section
	pager    int // list pages: number, from 1
	pages    int // list pages: how many
	url      string
	absolute bool
	shared   *shared
}

// Jobs implements maker.Maker.
func (Pages) Jobs(in *maker.Input) ([]maker.Job, diag.List) {
	s := in.Site
	sh := &shared{links: pageLinks(in)}
	n := len(s.RootPages) + 3
	for _, sec := range s.Sections {
		n += len(sec.Items) + 1
	}
	jobs := make([]maker.Job, 0, n)
	items := make(map[string]bool, n) // files of the pages made for content files
	add := func(j *pageJob, file string) {
		j.shared = sh
		if file == "" {
			file = paths.Page(j.url)
		}
		if j.pager == 0 && j.page.Path != "" {
			if items[file] {
				return // two pages with one URL: the site reports them
			}
			items[file] = true
		}
		sig := strings.Join(j.layouts, ",") + "\x00" + j.page.ID() + "\x00" + strconv.Itoa(j.pager) + "/" +
			strconv.Itoa(j.pages) + "\x00" + j.url + "\x00" + strconv.FormatBool(j.absolute) + "\x00" + sh.links.sig
		if j.section != nil {
			sig += "\x00" + j.section.Name
		}
		jobs = append(jobs, maker.Job{File: file, Source: j.page.Path, Sig: sig, Data: j})
	}
	add(&pageJob{layouts: []string{"home.html"}, page: s.Home}, "")
	for _, sec := range s.Sections {
		if ownMaker(sec.Kind) {
			continue
		}
		n := Pagers(len(sec.Items), s.Config.Paginate)
		for i := 1; i <= n; i++ {
			add(&pageJob{layouts: []string{"list-" + sec.Kind + ".html", "list.html"}, page: sec.Page, section: sec,
				pager: i, pages: n, url: paths.ListURL(sec.Page.URL, i)}, "")
		}
		for _, p := range sec.Items {
			add(&pageJob{layouts: []string{p.Kind + ".html", "single.html"}, page: p, section: sec, url: p.URL}, "")
		}
	}
	for _, p := range s.RootPages {
		add(&pageJob{layouts: []string{"page.html", "single.html"}, page: p, url: p.URL}, "")
	}
	if in.Layouts.Has("search.html") {
		page := site.NewPage(&content.Page{Title: "Tìm kiếm", Kind: "search"}, "", "", nil)
		add(&pageJob{layouts: []string{"search.html"}, page: page, url: path.Dir(paths.SearchPage) + "/"}, paths.SearchPage)
	}
	if in.Layouts.Has("404.html") {
		// Servers show 404.html at any depth: its links start at the
		// root of the site.
		missing := site.NewPage(&content.Page{Title: "Không tìm thấy trang", Kind: "404"}, "", "", nil)
		add(&pageJob{layouts: []string{"404.html"}, page: missing, absolute: true}, paths.NotFound)
	}
	return jobs, nil
}

// ownMaker reports whether the pages of a kind are made by a maker of
// their own: bulletins (package bulletin) and decks (package slides) are
// not web pages of the site's layouts.
func ownMaker(kind string) bool { return kind == config.KindRadio || kind == config.KindSlides }

// Pagers is how many list pages a section of n items has: at least one.
func Pagers(n, size int) int { return max(1, (n+size-1)/size) }

// Make implements maker.Maker.
func (Pages) Make(ctx context.Context, in *maker.Input, j maker.Job, rec *view.Recorder) (maker.Made, diag.List, error) {
	pj := j.Data.(*pageJob)
	name := in.Layouts.First(pj.layouts...)
	if name == "" {
		last := pj.layouts[len(pj.layouts)-1]
		return maker.Made{}, diag.List{diag.At(templates.File(last), 0, 0, "missing layout")}, nil
	}
	set, err := in.Layouts.Set("baseof.html", "partials/", name)
	if err != nil {
		return maker.Made{}, diag.List{problem(in.Layouts.Error(err), j)}, nil
	}
	maker.Layout(rec, set, pj.layouts...)
	v := in.View(rec)
	data := &PageData{Site: v, Page: v.Page(pj.page), URL: pj.url, absolute: pj.absolute, shared: pj.shared, layouts: in.Layouts,
		links: pj.shared.links}
	if pj.section != nil {
		for _, sec := range v.Sections() {
			if sec.Name() == pj.section.Name {
				data.Section = sec
			}
		}
	}
	if pj.pager > 0 {
		data.Pager = newPager(data.Section, pj.pager, pj.pages, in.Site.Config.Paginate)
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, "baseof.html", data); err != nil {
		return maker.Made{}, diag.List{problem(in.Layouts.Error(err), j)}, nil
	}
	return maker.Made{Data: buf.Bytes()}, nil, nil
}

// problem says which page a layout failed on.
func problem(d diag.Diagnostic, j maker.Job) diag.Diagnostic {
	src := j.Source
	if src == "" {
		src = j.File
	}
	d.Msg += " (while rendering " + src + ")"
	return d
}

// shared holds the pieces of HTML that many pages have in common, made
// once per rebuild, and what every page links of the other outputs.
type shared struct {
	cache sync.Map // key → *sharedPiece
	links *links
}

// links is what pages link among the other outputs.
type links struct {
	assets asset.Files
	feeds  map[string]bool // sections with a feed; "" for the site's
	theme  string          // the brand colour
	sig    string          // feeds and theme, for the pages' Sig
}

// pageLinks works out what the pages will link of the other outputs.
// The fingerprinted names need no Sig: a page records the files of those
// it links (asset.Files.Link).
func pageLinks(in *maker.Input) *links {
	files, _, _ := asset.Scan(in) // the assets maker reports its problems
	l := &links{assets: files, feeds: map[string]bool{}, theme: defaultBrand[0]}
	var names []string
	for _, f := range FeedFiles(in.Site) {
		l.feeds[f.Section] = true
		names = append(names, f.File)
	}
	if !slices.Contains(in.Files(paths.StaticDir), paths.StaticDir+"/"+paths.FaviconSVG) {
		back, _, _ := brand(in, &view.Recorder{})
		l.theme = hexColor(back)
	}
	l.sig = strings.Join(names, ",") + "\x00" + l.theme
	return l
}

type sharedPiece struct {
	once sync.Once
	html string
	err  error
	rec  view.Recorder // what the piece read: every page that shows it read it too
}

// key encodes a list of keys so that no two lists give one key.
func key(name string, keys []any) string {
	var b strings.Builder
	b.WriteString(name)
	for _, k := range keys {
		s := fmt.Sprintf("%T:%v", k, k)
		fmt.Fprintf(&b, "\x00%d:%s", len(s), s)
	}
	return b.String()
}
