// Package view is what layouts and output makers see of a site: read-only
// views of its pages, sections and lists that record, as they are read,
// what each output depends on.
//
// Every way from an output to the site's content goes through a view, so
// that the record is complete whatever a layout does, a site's own layout
// included: .Site.Items "qa" records the list of Q&A, .Title on each of them
// records those titles, .Page.Next records who the neighbour is. Diff
// compares two versions of a site in the same terms, and an output needs
// making again exactly when one of the keys it read is among the changed
// ones. This is how the live preview re-renders one page, three or all of
// them, and stays byte for byte equal to a full build.
//
// Views also collect the unapproved slogans whose wording an output shows
// (any read of their Title), so that a print piece knows from the data,
// never from matching text, that it must be stamped DỰ THẢO.
package view

import (
	"cmp"
	"slices"

	"loa/internal/config"
	"loa/internal/site"
)

// Key is one thing an output read.
type Key struct {
	ID   string // a page's ID, a section's folder name, a file's site path, an output's path
	What What
}

// What says which part of a page, list or file a Key is about.
type What uint8

// The fields of a page, then the lists of a site, then files and results.
const (
	Title What = iota + 1
	Summary
	Lead
	Content
	Weight
	Date
	Draft
	Tags
	Number
	Figures
	Status
	Source
	Products
	Product
	URL
	Kind
	Section
	Path
	Prev // who the neighbour is
	Next
	numFields

	Sections  // the sections, in order: names, kinds, pages (ID "")
	Items     // a section's items, in order (ID: the section's name)
	RootPages // the pages at the top of content/ (ID "")
	Prints    // the pages of content/in/ (ID "")
	Home      // which page is the home page (ID "")
	File      // a file of the site (ID: its site path)
	Result    // what another output reported about itself (ID: its output path)
	Outputs   // which outputs a maker made (ID: the maker's name)
)

// Recorder collects what one output reads. It is not safe for concurrent
// use: each output has its own.
type Recorder struct {
	keys   []Key
	drafts []string
}

// Read records k.
func (r *Recorder) Read(k Key) {
	if r != nil {
		r.keys = append(r.keys, k)
	}
}

// Merge records everything other recorded.
func (r *Recorder) Merge(other *Recorder) {
	if r == nil || other == nil {
		return
	}
	r.keys = append(r.keys, other.keys...)
	r.drafts = append(r.drafts, other.drafts...)
}

// Keys returns what was read, sorted, each once.
func (r *Recorder) Keys() []Key {
	slices.SortFunc(r.keys, func(a, b Key) int { return cmp.Or(cmp.Compare(a.ID, b.ID), cmp.Compare(a.What, b.What)) })
	r.keys = slices.Compact(r.keys)
	return slices.Clip(r.keys)
}

// Drafts returns the files of the unapproved slogans whose wording was
// read, sorted, each once.
func (r *Recorder) Drafts() []string {
	slices.Sort(r.drafts)
	r.drafts = slices.Compact(r.drafts)
	return slices.Clip(r.drafts)
}

// Site is a view of a site for one output.
type Site struct {
	s *site.Site
	r *Recorder
}

// New returns a view of s that records into r.
func New(s *site.Site, r *Recorder) *Site { return &Site{s: s, r: r} }

// Recorder returns the recorder of the view.
func (v *Site) Recorder() *Recorder { return v.r }

// With returns the same site seen by another recorder.
func (v *Site) With(r *Recorder) *Site { return &Site{s: v.s, r: r} }

// Config is the site's configuration. It is not recorded: a change of
// configuration makes every output again.
func (v *Site) Config() *config.Config { return v.s.Config }

// Page returns the view of p, or nil for nil.
func (v *Site) Page(p *site.Page) *Page {
	if p == nil {
		return nil
	}
	return &Page{p: p, v: v}
}

func (v *Site) pages(ps []*site.Page) []*Page {
	out := make([]*Page, len(ps))
	for i, p := range ps {
		out[i] = &Page{p: p, v: v}
	}
	return out
}

// Home is the home page.
func (v *Site) Home() *Page {
	v.r.Read(Key{What: Home})
	return v.Page(v.s.Home)
}

// Sections are the web sections, in order.
func (v *Site) Sections() []*SectionView {
	v.r.Read(Key{What: Sections})
	out := make([]*SectionView, len(v.s.Sections))
	for i, sec := range v.s.Sections {
		out[i] = &SectionView{sec: sec, v: v}
	}
	return out
}

// RootPages are the plain pages at the top of content/, in order.
func (v *Site) RootPages() []*Page {
	v.r.Read(Key{What: RootPages})
	return v.pages(v.s.RootPages)
}

// Prints are the pages of content/in/, in order.
func (v *Site) Prints() []*Page {
	v.r.Read(Key{What: Prints})
	return v.pages(v.s.Print)
}

// Section returns the section of the given kind, or nil.
func (v *Site) Section(kind string) *SectionView {
	v.r.Read(Key{What: Sections})
	if sec := v.s.Section(kind); sec != nil {
		return &SectionView{sec: sec, v: v}
	}
	return nil
}

// Items returns the items of the section of the given kind, in order.
func (v *Site) Items(kind string) []*Page {
	if sec := v.Section(kind); sec != nil {
		return sec.Items()
	}
	return nil
}

// Item returns the item of the section of the given kind whose file is
// path, or nil. It reads the section's list only: finding a page by its
// file is not reading every page's path (a bulletin of one question, on a
// site of thousands, depends on that question, not on all of them).
func (v *Site) Item(kind, path string) *Page {
	sec := v.Section(kind)
	if sec == nil || path == "" {
		return nil
	}
	v.r.Read(Key{ID: sec.sec.Name, What: Items})
	return v.Page(sec.sec.Item(path))
}

// Pages returns every web page: home, section lists, items, root pages.
func (v *Site) Pages() []*Page {
	out := []*Page{v.Home()}
	for _, sec := range v.Sections() {
		out = append(out, sec.Page())
		out = append(out, sec.Items()...)
	}
	return append(out, v.RootPages()...)
}

// SectionView is a view of a section.
type SectionView struct {
	sec *site.Section
	v   *Site
}

// Name is the section's folder name, as written; Kind the kind of its
// items. Both are part of the list of sections the view was read from.
func (s *SectionView) Name() string { return s.sec.Name }
func (s *SectionView) Kind() string { return s.sec.Kind }

// Page is the section's list page.
func (s *SectionView) Page() *Page { return s.v.Page(s.sec.Page) }

// Items are the section's items, in order.
func (s *SectionView) Items() []*Page {
	s.v.r.Read(Key{ID: s.sec.Name, What: Items})
	return s.v.pages(s.sec.Items)
}

// Len is the number of items; reading it reads the list.
func (s *SectionView) Len() int {
	s.v.r.Read(Key{ID: s.sec.Name, What: Items})
	return len(s.sec.Items)
}

// In returns the same section seen through another view of the site.
func (s *SectionView) In(v *Site) *SectionView { return &SectionView{sec: s.sec, v: v} }
