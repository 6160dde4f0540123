// Package site assembles parsed pages into a Site: sections in order, items
// sorted by weight and then Vietnamese collation, neighbours linked, and
// every URL checked to be unique.
package site

import (
	"bytes"
	"cmp"
	"slices"

	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/diag"
	"loa/internal/vntext"
)

// Site is everything the renderers need.
type Site struct {
	Config    *config.Config
	Home      *content.Page
	Sections  []*Section      // web sections, in order
	RootPages []*content.Page // plain pages at the top of content/, in order
	Print     []*content.Page // content/in/ pages: print products, not web pages
}

// Section is a folder of content/ and its items.
type Section struct {
	Name  string        // folder name, as written
	Kind  string        // kind of its items
	Page  *content.Page // its list page, from _index.md or made up
	Items []*content.Page
}

// Pages returns every web page of the site: home, section lists, items and
// root pages.
func (s *Site) Pages() []*content.Page {
	out := []*content.Page{s.Home}
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
func (s *Site) Items(kind string) []*content.Page {
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
}

// kindOrder is the order of sections on the information page when their
// _index.md gives no weight: the order of the resolution itself.
var kindOrder = []string{config.KindViewpoint, config.KindGoal, config.KindTask, config.KindSlogan, config.KindQA}

// Assemble builds the site from parsed pages. Drafts are left out unless
// drafts is true. Two pages with one URL are an error naming both files.
func Assemble(cfg *config.Config, pages []*content.Page, drafts bool) (*Site, diag.List) {
	s := &Site{Config: cfg}
	coll := vntext.NewCollator()
	secs := map[string]*Section{}
	for _, p := range pages {
		if p.Draft && !drafts {
			continue
		}
		if p.SortKey == nil { // kept across rebuilds of the live preview
			p.SortKey = coll.Key(p.Title)
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
	if s.Home == nil {
		s.Home = &content.Page{Kind: content.KindHome}
	}
	if s.Home.Title == "" {
		s.Home.Title = cfg.Title
	}
	for _, sec := range secs {
		if sec.Kind == config.KindPrint {
			continue // the printers' index stands for it
		}
		sec.fill(coll)
		s.Sections = append(s.Sections, sec)
	}
	slices.SortFunc(s.Sections, compareSections)
	sortPages(s.RootPages)
	sortPages(s.Print)
	return s, checkURLs(s)
}

func section(secs map[string]*Section, p *content.Page) *Section {
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

// fill gives a section without _index.md a page, sorts its items and links
// them to their neighbours.
func (sec *Section) fill(coll *vntext.Collator) {
	if sec.Page == nil {
		sec.Page = &content.Page{Kind: content.KindSection, Section: sec.Name, URL: vntext.Slug(sec.Name) + "/"}
	}
	if sec.Page.Title == "" {
		sec.Page.Title = cmp.Or(sectionTitles[sec.Kind], sec.Name)
		sec.Page.SortKey = coll.Key(sec.Page.Title)
	}
	sortPages(sec.Items)
	for i, p := range sec.Items {
		p.Prev, p.Next = nil, nil
		if i > 0 {
			p.Prev = sec.Items[i-1]
		}
		if i+1 < len(sec.Items) {
			p.Next = sec.Items[i+1]
		}
	}
}

// sortPages orders pages by weight (pages without one last), then by title
// in Vietnamese collation, then by file.
func sortPages(ps []*content.Page) {
	slices.SortFunc(ps, comparePages)
}

func comparePages(a, b *content.Page) int {
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

// checkURLs reports pages that would be written to the same place.
func checkURLs(s *Site) diag.List {
	var ds diag.List
	seen := map[string]*content.Page{}
	all := append(s.Pages(), s.Print...)
	for _, p := range all {
		if p.Kind == config.KindPrint {
			continue // print pages live under in/<product>/, checked by print
		}
		first, ok := seen[p.URL]
		if !ok {
			seen[p.URL] = p
			continue
		}
		a, b := first, p
		if b.Path < a.Path && b.Path != "" {
			a, b = b, a
		}
		where := "/" + p.URL
		d := diag.At(b.Path, 0, 0, "URL %s is already used by %s", where, orFolder(a))
		d.Hint = "rename one of the files, or give one a different slug = \"...\" in its front matter"
		ds = append(ds, d)
	}
	return ds
}

func orFolder(p *content.Page) string {
	if p.Path == "" {
		return "the section folder " + content.Dir + "/" + p.Section + "/"
	}
	return p.Path
}
