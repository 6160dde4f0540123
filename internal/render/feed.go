package render

import (
	"bytes"
	"cmp"
	"context"
	"encoding/xml"
	"slices"
	"time"

	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/paths"
	"loa/internal/site"
	"loa/internal/view"
)

// FeedEntries is the most entries a feed holds: the newest.
const FeedEntries = 50

// Feeds makes the Atom feeds of dated items: the site's (atom.xml, every
// dated item and page at the top of content/) and each section's
// (hoi-dap/atom.xml), newest first. A feed exists only while it has an
// entry: items without a date are reference material, not news. Its zero
// value is ready to use.
type Feeds struct{}

// FeedFile is one feed of a site: its file and the section it is of
// ("" for the site's).
type FeedFile struct {
	File, Section, Source string
}

// FeedFiles lists the feeds a site has: the site's, while any item or
// page at the top of content/ has a date, and each section's that has a
// dated item. Feeds.Jobs lists them, and the pages, which link them.
func FeedFiles(s *site.Site) []FeedFile {
	var out []FeedFile
	some := slices.ContainsFunc(s.RootPages, dated)
	for _, sec := range s.Sections {
		if slices.ContainsFunc(sec.Items, dated) {
			some = true
			out = append(out, FeedFile{File: paths.Feed(sec.Page.URL), Section: sec.Name, Source: sec.Page.Path})
		}
	}
	if some {
		out = append([]FeedFile{{File: paths.Feed("")}}, out...)
	}
	return out
}

// Name implements maker.Maker.
func (Feeds) Name() string { return "feeds" }

// Jobs implements maker.Maker.
func (Feeds) Jobs(in *maker.Input) ([]maker.Job, diag.List) {
	var jobs []maker.Job
	for _, f := range FeedFiles(in.Site) {
		jobs = append(jobs, maker.Job{File: f.File, Source: f.Source, Sig: "feed\x00" + f.Section, Data: f.Section})
	}
	return jobs, nil
}

func dated(p *site.Page) bool { return !p.Date.IsZero() }

// Make implements maker.Maker.
func (Feeds) Make(_ context.Context, in *maker.Input, j maker.Job, rec *view.Recorder) (maker.Made, diag.List, error) {
	name := j.Data.(string)
	v := in.View(rec)
	cfg := v.Config()
	var pages []*view.Page
	page := v.Home()
	for _, sec := range v.Sections() {
		if name == "" || sec.Name() == name {
			pages = append(pages, sec.Items()...)
		}
		if sec.Name() == name {
			page = sec.Page()
		}
	}
	if name == "" {
		pages = append(pages, v.RootPages()...)
	}
	type dated struct {
		p    *view.Page
		date time.Time
	}
	var entries []dated
	for _, p := range pages {
		if d := p.Date(); !d.IsZero() {
			entries = append(entries, dated{p, d})
		}
	}
	slices.SortStableFunc(entries, func(a, b dated) int { return b.date.Compare(a.date) })
	entries = entries[:min(len(entries), FeedEntries)]

	f := atomFeed{
		Title: cmp.Or(page.Title(), cfg.Title),
		ID:    cfg.BaseURL + paths.Feed(page.URL()),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: cfg.BaseURL + j.File},
			{Rel: "alternate", Type: "text/html", Href: cfg.BaseURL + page.URL()},
		},
		Author: atomPerson{Name: cmp.Or(cfg.Site.Contact.Agency, cfg.Campaign.Issuer, cfg.Title, "loa")},
		Icon:   cfg.BaseURL + paths.TouchIcon,
	}
	if name != "" && cfg.Title != "" {
		f.Title += " – " + cfg.Title
	}
	if email := cfg.Site.Contact.Email; email != "" {
		f.Author.Email = email
	}
	for _, e := range entries {
		url := cfg.BaseURL + e.p.URL()
		ae := atomEntry{Title: e.p.Title(), ID: url, Updated: e.date.Format(time.RFC3339),
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: url}}
		if s := e.p.Summary(); s != "" {
			ae.Summary = &atomText{Type: "text", Text: s}
		}
		f.Entries = append(f.Entries, ae)
	}
	if len(entries) > 0 {
		f.Updated = entries[0].date.Format(time.RFC3339)
	} else {
		f.Updated = cfg.Reviewed().Format(time.RFC3339) // no longer dated: the job goes at the next rebuild
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return maker.Made{}, nil, err
	}
	b.WriteByte('\n')
	return maker.Made{Data: b.Bytes()}, nil, nil
}

// An Atom feed (RFC 4287), as much of it as loa writes.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Icon    string      `xml:"icon,omitempty"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name  string `xml:"name"`
	Email string `xml:"email,omitempty"`
}

type atomEntry struct {
	Title   string    `xml:"title"`
	ID      string    `xml:"id"`
	Updated string    `xml:"updated"`
	Link    atomLink  `xml:"link"`
	Summary *atomText `xml:"summary,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}
