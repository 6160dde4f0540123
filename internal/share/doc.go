// Package share makes what the site needs to travel on social networks:
// the share cards of every web page (Cards, drawn by package card from
// what package meta says the page's preview shows), and, for the
// social-media team, a page with every item's cards and ready posts
// (Page, layouts/chia-se.html) and the same posts as data for scheduling
// tools (JSON, CSV). Each is a maker.Maker of its own, listed in
// pipeline.Makers.
//
// Cards are the costly output of a build: a few milliseconds each, two per
// page. Cards keeps them in a cache.Cache across builds, by the hash of
// everything a card shows (card.Painter.Key), so that a build draws only
// the cards whose words changed.
package share

import (
	"loa/internal/config"
	"loa/internal/meta"
	"loa/internal/posts"
	"loa/internal/view"
)

// Entry is one item as the social-media team sees it: its cards and its
// posts. bai-dang.json is a list of them.
type Entry struct {
	Section   string     `json:"section"`    // the section's title; "" for a page at the top of the site
	SectionID string     `json:"section_id"` // the section's folder name, for filters
	Kind      string     `json:"kind"`
	Label     string     `json:"label"` // the kind in words
	Title     string     `json:"title"`
	URL       string     `json:"url"` // the page's address
	Draft     bool       `json:"draft"`
	Card      meta.Image `json:"-"`
	Square    meta.Image `json:"-"`
	CardURL   string     `json:"card"`        // the 1200 × 630 card
	SquareURL string     `json:"card_square"` // the 1080 × 1080 card
	Alt       string     `json:"alt"`         // what the cards show, in words
	Facebook  posts.Post `json:"facebook"`
	Zalo      posts.Post `json:"zalo"`
}

// Group is the entries of one section, in the section's order.
type Group struct {
	ID, Title string
	Entries   []Entry
}

// OtherPages is the title of the group of the pages at the top of the
// site.
const OtherPages = "Trang khác"

// Groups returns every item of the site, section by section, in order,
// then the pages at the top of the site.
func Groups(v *view.Site) []Group {
	var out []Group
	for _, sec := range v.Sections() {
		g := Group{ID: sec.Name(), Title: sec.Page().Title()}
		for _, it := range sec.Items() {
			g.Entries = append(g.Entries, entry(v, it, g))
		}
		if len(g.Entries) > 0 {
			out = append(out, g)
		}
	}
	g := Group{ID: "", Title: OtherPages}
	for _, p := range v.RootPages() {
		g.Entries = append(g.Entries, entry(v, p, Group{}))
	}
	if len(g.Entries) > 0 {
		out = append(out, g)
	}
	return out
}

func entry(v *view.Site, p *view.Page, g Group) Entry {
	m := meta.Of(v, p, p.URL())
	e := Entry{Section: g.Title, SectionID: g.ID, Kind: p.Kind(), Label: m.Label(), Title: p.Title(), URL: m.URL(),
		Draft: m.Draft(), Card: m.Image(), Square: m.Square()}
	e.CardURL, e.SquareURL, e.Alt = e.Card.URL, e.Square.URL, e.Card.Alt
	it := posts.Item{Label: e.Label, Title: e.Title, Summary: p.Summary(), Draft: e.Draft, URL: e.URL,
		Quote: e.Kind == config.KindSlogan}
	for _, f := range p.Figures() {
		it.Figures = append(it.Figures, posts.Figure{Value: f.Value, Label: f.Label})
	}
	share := v.Config().Share
	e.Facebook = posts.Write(it, config.NetworkFacebook, share)
	e.Zalo = posts.Write(it, config.NetworkZalo, share)
	return e
}
