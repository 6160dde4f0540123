package view

import (
	"slices"

	"loa/internal/site"
)

// Index maps the IDs of a site's pages, print pages included, to them.
type Index map[string]*site.Page

// NewIndex returns the index of s; nil gives an empty one.
func NewIndex(s *site.Site) Index { return index(s) }

// Diff returns the keys whose values differ between two versions of a
// site, given with their indexes: the fields of pages that changed, came
// or went, neighbours that changed, and lists whose members or order
// changed. Pages shared by both versions (the same pointer) are not
// compared field by field: a page is made once per version of its file.
func Diff(old *site.Site, before Index, now *site.Site, after Index) map[Key]bool {
	ch := map[Key]bool{}
	for id, p := range after {
		if q, ok := before[id]; !ok {
			addAll(ch, id)
		} else if p != q {
			fields(ch, id, q, p)
		}
	}
	for id := range before {
		if _, ok := after[id]; !ok {
			addAll(ch, id)
		}
	}
	neighbours(ch, old, now, before, after)
	lists(ch, old, now)
	return ch
}

func index(s *site.Site) Index {
	m := make(Index, 64)
	if s == nil {
		return m
	}
	for _, p := range s.Pages() {
		m[p.ID()] = p
	}
	for _, p := range s.Print {
		m[p.ID()] = p
	}
	return m
}

func addAll(ch map[Key]bool, id string) {
	for w := Title; w < numFields; w++ {
		ch[Key{ID: id, What: w}] = true
	}
}

// fields adds the fields of two versions of one page that differ.
func fields(ch map[Key]bool, id string, a, b *site.Page) {
	add := func(w What, differ bool) {
		if differ {
			ch[Key{ID: id, What: w}] = true
		}
	}
	add(Title, a.Title != b.Title)
	add(Summary, a.Summary != b.Summary)
	add(Lead, a.Lead != b.Lead)
	add(Content, a.Content != b.Content)
	add(Weight, a.Weight != b.Weight)
	add(Date, !a.Date.Equal(b.Date))
	add(Draft, a.Draft != b.Draft)
	add(Tags, !slices.Equal(a.Tags, b.Tags))
	add(Number, a.Number != b.Number)
	add(Figures, !slices.Equal(a.Figures, b.Figures))
	add(Status, a.Status != b.Status)
	add(Source, a.Page.Source != b.Page.Source)
	// products = [] (on no product) differs from no products (on all).
	add(Products, (a.Products == nil) != (b.Products == nil) || !slices.Equal(a.Products, b.Products))
	add(Product, a.Product != b.Product)
	add(URL, a.URL != b.URL)
	add(Kind, a.Kind != b.Kind)
	add(Section, a.Page.Section != b.Page.Section)
	add(Path, a.Path != b.Path)
}

// neighbours adds the Prev and Next of items whose neighbours changed.
func neighbours(ch map[Key]bool, old, now *site.Site, before, after Index) {
	id := func(p *site.Page) string {
		if p == nil {
			return ""
		}
		return p.ID()
	}
	for pid, p := range after {
		q, ok := before[pid]
		if !ok {
			continue // all its keys changed already
		}
		if id(old.Prev(q)) != id(now.Prev(p)) {
			ch[Key{ID: pid, What: Prev}] = true
		}
		if id(old.Next(q)) != id(now.Next(p)) {
			ch[Key{ID: pid, What: Next}] = true
		}
	}
}

// lists adds the lists whose members or order changed.
func lists(ch map[Key]bool, old, now *site.Site) {
	ids := func(ps []*site.Page) []string {
		out := make([]string, len(ps))
		for i, p := range ps {
			out[i] = p.ID()
		}
		return out
	}
	type secSig struct{ name, kind, page string }
	secs := func(s *site.Site) []secSig {
		var out []secSig
		if s == nil {
			return out
		}
		for _, sec := range s.Sections {
			out = append(out, secSig{sec.Name, sec.Kind, sec.Page.ID()})
		}
		return out
	}
	if !slices.Equal(secs(old), secs(now)) {
		ch[Key{What: Sections}] = true
	}
	items := func(s *site.Site) map[string][]string {
		m := map[string][]string{}
		if s != nil {
			for _, sec := range s.Sections {
				m[sec.Name] = ids(sec.Items)
			}
		}
		return m
	}
	a, b := items(old), items(now)
	for name, l := range b {
		if m, ok := a[name]; !ok || !slices.Equal(l, m) {
			ch[Key{ID: name, What: Items}] = true
		}
	}
	for name := range a {
		if _, ok := b[name]; !ok {
			ch[Key{ID: name, What: Items}] = true
		}
	}
	get := func(s *site.Site, f func(*site.Site) []*site.Page) []string {
		if s == nil {
			return nil
		}
		return ids(f(s))
	}
	if !slices.Equal(get(old, func(s *site.Site) []*site.Page { return s.RootPages }), get(now, func(s *site.Site) []*site.Page { return s.RootPages })) {
		ch[Key{What: RootPages}] = true
	}
	if !slices.Equal(get(old, func(s *site.Site) []*site.Page { return s.Print }), get(now, func(s *site.Site) []*site.Page { return s.Print })) {
		ch[Key{What: Prints}] = true
	}
	if old == nil || now == nil || old.Home.ID() != now.Home.ID() {
		ch[Key{What: Home}] = true
	}
}
