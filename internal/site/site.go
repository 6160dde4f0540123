// Package site assembles pages into a Site: sections in order, items sorted
// by weight and then Vietnamese collation, neighbours linked, and every URL
// checked to be unique.
//
// Its values are immutable. A Page is made once per version of a content
// file and shared by every Site assembled from it, so that the live
// preview re-assembles ten thousand pages in milliseconds and can tell
// what changed by comparing pointers; everything that depends on the other
// pages (order, neighbours, made-up section pages) belongs to the Site.
package site

import (
	"bytes"
	"cmp"
	"html/template"
	"slices"

	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/diag"
	"loa/internal/paths"
	"loa/internal/vntext"
)

// Page is a content page with its Markdown rendered.
type Page struct {
	*content.Page
	Content template.HTML // the body, rendered
	Lead    string        // plain text of the first paragraph
	// Summary is the summary as shown: the front matter's, or the start of
	// the lead. It stands over content.Page's Summary, the front matter's.
	Summary string
	SortKey []byte // collation key of the title
	id      string
}

// SummaryLength is the length of a summary made from a page's first
// paragraph: about what a share preview shows.
const SummaryLength = 160

// NewPage returns the page of a parsed content file and its rendered
// Markdown. A page that is no file's (the not-found page) is named by its
// kind; coll may be nil for a page that is never sorted.
func NewPage(src *content.Page, html template.HTML, lead string, coll *vntext.Collator) *Page {
	p := &Page{Page: src, Content: html, Lead: lead, Summary: src.Summary, id: src.Path}
	if coll != nil {
		p.SortKey = coll.Key(src.Title)
	}
	if p.Summary == "" {
		p.Summary = vntext.Truncate(lead, SummaryLength)
	}
	if p.id == "" {
		p.id = src.Kind + ":"
	}
	return p
}

// ID names the page across versions of the site: its file, or, for a page
// made up for a folder without _index.md or a site without a home page,
// what it stands for.
func (p *Page) ID() string { return p.id }

// Site is everything the renderers need.
type Site struct {
	Config    *config.Config
	Home      *Page
	Sections  []*Section // web sections, in order
	RootPages []*Page    // plain pages at the top of content/, in order
	Print     []*Page    // content/in/ pages: print products, not web pages

	near map[*Page]neighbours
}

// neighbours are an item's previous and next items in its section.
type neighbours struct{ prev, next *Page }

// Section is a folder of content/ and its items.
type Section struct {
	Name  string // folder name, as written
	Kind  string // kind of its items
	Page  *Page  // its list page, from _index.md or made up
	Items []*Page

	byID map[string]*Page // Items by ID, once the section is sorted
}

// Item returns the item whose ID is id, or nil.
func (sec *Section) Item(id string) *Page {
	if sec.byID != nil {
		return sec.byID[id]
	}
	for _, p := range sec.Items { // a section made by hand
		if p.ID() == id {
			return p
		}
	}
	return nil
}

// Prev and Next return the neighbours of an item in its section's order,
// or nil.
func (s *Site) Prev(p *Page) *Page { return s.near[p].prev }
func (s *Site) Next(p *Page) *Page { return s.near[p].next }

// Pages returns every web page of the site: home, section lists, items and
// root pages.
func (s *Site) Pages() []*Page {
	out := []*Page{s.Home}
	for _, sec := range s.Sections {
		out = append(out, sec.Page)
		out = append(out, sec.Items...)
	}
	return append(out, s.RootPages...)
}

// Section returns the section of the given kind, or nil.
func (s *Site) Section(kind string) *Section {
	for _, sec := range s.Sections {
		if sec.Kind == kind {
			return sec
		}
	}
	return nil
}

// Items returns the items of the section of the given kind, in order.
func (s *Site) Items(kind string) []*Page {
	if sec := s.Section(kind); sec != nil {
		return sec.Items
	}
	return nil
}

// sectionTitles are the titles of sections that have no _index.md.
var sectionTitles = map[string]string{
	config.KindViewpoint: "Quan điểm chỉ đạo",
	config.KindGoal:      "Mục tiêu",
	config.KindTask:      "Nhiệm vụ, giải pháp",
	config.KindSlogan:    "Khẩu hiệu",
	config.KindQA:        "Hỏi – đáp",
	config.KindPrint:     "Ấn phẩm in",
	config.KindRadio:     "Bản tin phát thanh",
	config.KindSlides:    "Trình chiếu",
}

// kindOrder is the order of sections on the information page when their
// _index.md gives no weight: the order of the resolution itself.
var kindOrder = []string{config.KindViewpoint, config.KindGoal, config.KindTask, config.KindSlogan, config.KindQA}

// Assemble builds the site from pages. Drafts are left out unless drafts
// is true. Two pages with one URL are an error naming both files.
func Assemble(cfg *config.Config, pages []*Page, drafts bool) (*Site, diag.List) {
	s := &Site{Config: cfg, near: make(map[*Page]neighbours, len(pages))}
	coll := &lazyCollator{}
	secs := map[string]*Section{}
	for _, p := range pages {
		if p.Draft && !drafts {
			continue
		}
		switch {
		case p.Kind == content.KindHome:
			s.Home = p
		case p.Kind == config.KindPrint:
			s.Print = append(s.Print, p)
		case p.Section == "":
			s.RootPages = append(s.RootPages, p)
		default:
			sec := section(secs, p)
			if p.Kind == content.KindSection {
				sec.Page = p
			} else {
				sec.Items = append(sec.Items, p)
			}
		}
	}
	s.Home = home(s.Home, cfg, coll)
	for _, sec := range secs {
		if sec.Kind == config.KindPrint {
			continue // the printers' index stands for it
		}
		s.fill(sec, coll)
		s.Sections = append(s.Sections, sec)
	}
	slices.SortFunc(s.Sections, compareSections)
	slices.SortFunc(s.RootPages, comparePages)
	slices.SortFunc(s.Print, comparePages)
	return s, checkURLs(s)
}

// lazyCollator makes a collator only when a made-up page needs a sort key:
// most sites have none, and making one costs more than assembling.
type lazyCollator struct{ c *vntext.Collator }

func (l *lazyCollator) Key(s string) []byte {
	if l.c == nil {
		l.c = vntext.NewCollator()
	}
	return l.c.Key(s)
}

// home returns the home page: the site's, or one made up; without a
// title of its own, it takes the site's.
func home(p *Page, cfg *config.Config, coll *lazyCollator) *Page {
	if p == nil {
		p = &Page{Page: &content.Page{Kind: content.KindHome}, id: "home:"}
	}
	if p.Title != "" {
		return p
	}
	src := *p.Page
	src.Title = cfg.Title
	q := *p
	q.Page, q.SortKey = &src, coll.Key(src.Title)
	return &q
}

func section(secs map[string]*Section, p *Page) *Section {
	sec, ok := secs[p.Section]
	if !ok {
		sec = &Section{Name: p.Section, Kind: p.Kind}
		secs[p.Section] = sec
	}
	if p.Kind != content.KindSection {
		sec.Kind = p.Kind
	}
	return sec
}

// fill gives a section without _index.md a page, or a title, sorts its
// items and links them to their neighbours.
func (s *Site) fill(sec *Section, coll *lazyCollator) {
	if sec.Page == nil {
		sec.Page = &Page{Page: &content.Page{Kind: content.KindSection, Section: sec.Name, URL: paths.SectionURL(sec.Name)},
			id: "section:" + sec.Name}
	}
	if sec.Page.Title == "" {
		src := *sec.Page.Page
		src.Title = cmp.Or(sectionTitles[sec.Kind], sec.Name)
		q := *sec.Page
		q.Page, q.SortKey = &src, coll.Key(src.Title)
		sec.Page = &q
	}
	slices.SortFunc(sec.Items, comparePages)
	sec.byID = make(map[string]*Page, len(sec.Items))
	for i, p := range sec.Items {
		sec.byID[p.ID()] = p
		var n neighbours
		if i > 0 {
			n.prev = sec.Items[i-1]
		}
		if i+1 < len(sec.Items) {
			n.next = sec.Items[i+1]
		}
		s.near[p] = n
	}
}

// comparePages orders pages by weight (pages without one last), then by
// title in Vietnamese collation, then by file.
func comparePages(a, b *Page) int {
	return cmp.Or(
		compareWeights(a.Weight, b.Weight),
		bytes.Compare(a.SortKey, b.SortKey),
		cmp.Compare(a.Path, b.Path),
	)
}

// compareWeights puts 0 (no weight) after every set weight.
func compareWeights(a, b int) int {
	switch {
	case a == b:
		return 0
	case a == 0:
		return 1
	case b == 0:
		return -1
	}
	return cmp.Compare(a, b)
}

func compareSections(a, b *Section) int {
	rank := func(s *Section) int {
		if i := slices.Index(kindOrder, s.Kind); i >= 0 {
			return i
		}
		return len(kindOrder)
	}
	return cmp.Or(
		compareWeights(a.Page.Weight, b.Page.Weight),
		cmp.Compare(rank(a), rank(b)),
		bytes.Compare(a.Page.SortKey, b.Page.SortKey),
		cmp.Compare(a.Name, b.Name),
	)
}

// checkURLs reports pages that would be written to the same place, naming
// both.
func checkURLs(s *Site) diag.List {
	var ds diag.List
	all := s.Pages()
	seen := make(map[string]*Page, len(all))
	for _, p := range all {
		first, ok := seen[p.URL]
		if !ok {
			seen[p.URL] = p
			continue
		}
		// Report at a file rather than at a made-up section's folder, and
		// at the later of two files.
		a, b := first, p
		if (a.Path != "") == (b.Path != "") && source(b) < source(a) || b.Path == "" && a.Path != "" {
			a, b = b, a
		}
		d := diag.At(source(b), 0, 0, "URL /%s is already used by %s", p.URL, describe(a))
		d.Hint = "rename one of the files or folders, or give one a different slug = \"...\" in its front matter"
		ds = append(ds, d)
	}
	return ds
}

// source is the site path a problem with p is reported at: its file, or
// its folder for a section without _index.md.
func source(p *Page) string {
	if p.Path == "" {
		return paths.SectionFolder(p.Section)
	}
	return p.Path
}

func describe(p *Page) string {
	if p.Path == "" {
		return "the section folder " + paths.SectionFolder(p.Section)
	}
	return p.Path
}
