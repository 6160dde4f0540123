package view

import (
	"html/template"
	"strings"
	"time"

	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/markdown"
	"loa/internal/site"
)

// Page is a view of one page. Its methods are named as the fields of
// content.Page and site.Page, so that layouts read {{.Page.Title}}.
type Page struct {
	p *site.Page
	v *Site
}

func (p *Page) read(w What) { p.v.r.Read(Key{ID: p.p.ID(), What: w}) }

// ID names the page across versions of the site (see site.Page.ID).
func (p *Page) ID() string { return p.p.ID() }

// Title records, besides the read, an unapproved slogan's wording shown.
func (p *Page) Title() string {
	p.read(Title)
	if p.p.Kind == config.KindSlogan && !p.p.Official() {
		p.v.r.drafts = append(p.v.r.drafts, p.p.Path)
	}
	return p.p.Title
}

func (p *Page) Summary() string           { p.read(Summary); return p.p.Summary }
func (p *Page) Lead() string              { p.read(Lead); return p.p.Lead }
func (p *Page) Content() template.HTML    { p.read(Content); return p.p.Content }
func (p *Page) Weight() int               { p.read(Weight); return p.p.Weight }
func (p *Page) Date() time.Time           { p.read(Date); return p.p.Date }
func (p *Page) Draft() bool               { p.read(Draft); return p.p.Draft }
func (p *Page) Tags() []string            { p.read(Tags); return p.p.Tags }
func (p *Page) Number() int               { p.read(Number); return p.p.Number }
func (p *Page) Figures() []content.Figure { p.read(Figures); return p.p.Figures }
func (p *Page) Status() string            { p.read(Status); return p.p.Status }
func (p *Page) Source() string            { p.read(Source); return p.p.Source }
func (p *Page) Products() []string        { p.read(Products); return p.p.Products }
func (p *Page) Product() string           { p.read(Product); return p.p.Product }
func (p *Page) URL() string               { p.read(URL); return p.p.URL }
func (p *Page) Kind() string              { p.read(Kind); return p.p.Kind }
func (p *Page) Section() string           { p.read(Section); return p.p.Section }
func (p *Page) Path() string              { p.read(Path); return p.p.Path }

// Official reports whether a slogan's wording is approved for print.
func (p *Page) Official() bool { p.read(Status); return p.p.Official() }

// IsItem reports whether the page is an item or a root page, rather than
// the home page or a list page.
func (p *Page) IsItem() bool { p.read(Kind); return p.p.IsItem() }

// Prev and Next are the neighbours in the section's order, or nil.
func (p *Page) Prev() *Page { p.read(Prev); return p.v.Page(p.v.s.Prev(p.p)) }
func (p *Page) Next() *Page { p.read(Next); return p.v.Page(p.v.s.Next(p.p)) }

// Anchor is the page's id on the information page: its URL with dashes.
func (p *Page) Anchor() string { return Anchor(p.URL()) }

// Anchor turns a URL into an id: "hoi-dap/x/" → "hoi-dap-x".
func Anchor(url string) string { return strings.TrimSuffix(strings.ReplaceAll(url, "/", "-"), "-") }

// Inline is the content made to stand inside the information page: ids
// prefixed by the page's anchor, headings moved below the page's own
// (under an h3 for a section's item, an h2 for a page at the top).
func (p *Page) Inline() template.HTML {
	shift := 2
	if p.Section() == "" {
		shift = 1
	}
	return template.HTML(markdown.Embed([]byte(p.Content()), p.Anchor()+"-", shift))
}

// Version is the page as parsed from its file: the same value while the
// file is unchanged, another once it changes (the engine parses only the
// files that changed). It is for caches of work done from one page's
// file alone, and reads nothing.
func (p *Page) Version() any { return p.p }

// Same reports whether two views show the same page.
func (p *Page) Same(q *Page) bool { return p != nil && q != nil && p.p == q.p }

// In returns the same page seen through another view of the site.
func (p *Page) In(v *Site) *Page { return &Page{p: p.p, v: v} }
