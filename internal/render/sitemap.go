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
// search engines. Its zero value is ready to use.
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
	base := v.Config().BaseURL
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	url := func(u string, date time.Time) {
		b.WriteString("<url><loc>")
		xml.EscapeText(&b, []byte(base+u))
		b.WriteString("</loc>")
		if !date.IsZero() {
			b.WriteString("<lastmod>" + date.Format(time.DateOnly) + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	page := func(p *view.Page) { url(p.URL(), p.Date()) }
	page(v.Home())
	for _, sec := range v.Sections() {
		p := sec.Page()
		for n := range Pagers(sec.Len(), v.Config().Paginate) {
			if n == 0 {
				page(p)
			} else {
				url(paths.ListURL(p.URL(), n+1), time.Time{})
			}
		}
		for _, it := range sec.Items() {
			page(it)
		}
	}
	for _, p := range v.RootPages() {
		page(p)
	}
	b.WriteString("</urlset>\n")
	return maker.Made{Data: b.Bytes()}, nil, nil
}
