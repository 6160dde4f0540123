package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"time"

	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/paths"
	"loa/internal/view"
)

// Sitemap makes sitemap.xml: the absolute address of every web page, for
// search engines, each with a lastmod: the page's date; for the home page
// and a section's list, the newest date among it and what it lists; for a
// page without one, the date the site was last reviewed ([site] updated,
// else the campaign's date).
//
// A file's modification time is not used: a checkout, a copy or an unzip
// sets it to the day it happened, so two builds of one site would differ
// and every page would claim a change it did not have. Its zero value is
// ready to use.
type Sitemap struct{}

// Name implements maker.Maker.
func (Sitemap) Name() string { return "sitemap" }

// Jobs implements maker.Maker.
func (Sitemap) Jobs(*maker.Input) ([]maker.Job, diag.List) {
	return []maker.Job{{File: paths.Sitemap}}, nil
}

// Make implements maker.Maker.
func (Sitemap) Make(_ context.Context, in *maker.Input, _ maker.Job, rec *view.Recorder) (maker.Made, diag.List, error) {
	v := in.View(rec)
	cfg := v.Config()
	reviewed := cfg.Reviewed()
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	url := func(u string, date time.Time) {
		b.WriteString("<url><loc>")
		xml.EscapeText(&b, []byte(cfg.BaseURL+u))
		b.WriteString("</loc>")
		if date.IsZero() {
			date = reviewed
		}
		if !date.IsZero() {
			b.WriteString("<lastmod>" + date.Format(time.DateOnly) + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	home := v.Home()
	newest := home.Date()
	type list struct {
		page  *view.Page
		date  time.Time
		pages int
		items []*view.Page
	}
	var lists []list
	for _, sec := range v.Sections() {
		l := list{page: sec.Page(), date: sec.Page().Date(), pages: Pagers(sec.Len(), cfg.Paginate), items: sec.Items()}
		for _, it := range l.items {
			l.date = later(l.date, it.Date())
		}
		newest = later(newest, l.date)
		lists = append(lists, l)
	}
	roots := v.RootPages()
	for _, p := range roots {
		newest = later(newest, p.Date())
	}
	url(home.URL(), newest)
	for _, l := range lists {
		for n := 1; n <= l.pages; n++ {
			url(paths.ListURL(l.page.URL(), n), l.date)
		}
		for _, it := range l.items {
			url(it.URL(), it.Date())
		}
	}
	for _, p := range roots {
		url(p.URL(), p.Date())
	}
	b.WriteString("</urlset>\n")
	return maker.Made{Data: b.Bytes()}, nil, nil
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
