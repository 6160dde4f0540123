// Package bulletin makes the loudspeaker bulletins (phat-thanh/): scripts
// an announcer reads over the commune loudspeakers, written for the ear.
//
// A series is composed from the site's content, each bulletin three to
// five minutes long at the configured rate ([radio] in config.toml): the
// resolution in brief (the home page's first paragraph, the viewpoints and
// task groups by title, every key figure of the goals), the viewpoints,
// the goals, a few questions and answers. Editors write their own in the
// radio folder (content/phat-thanh/). Every bulletin opens and closes with
// the configured formulas.
//
// Each is published three ways: a web page for the announcer (large
// type, numbered paragraphs, a mark at every pause, the written text under
// each paragraph for checking), the read text alone as .txt, and an A4
// script in in/phat-thanh/ that loa pdf prints. The read text comes from
// package spoken: no digit, no abbreviation. What spoken could not read
// well is a warning at the file, line and column of the written text; a
// digit left in the read text is an error.
//
// The plans of the bulletins (which parts each reads) are made when the
// files are listed, because reading times decide where the series is cut;
// they are the files' signatures, and each file records the pages it read,
// so that an edit makes again exactly the bulletins it changes.
package bulletin

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"time"

	"loa/internal/config"
	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/markdown"
	"loa/internal/pagesrc"
	"loa/internal/paths"
	"loa/internal/spoken"
	"loa/internal/typeset"
	"loa/internal/view"
)

// Name is the maker's name.
const Name = "phat-thanh"

// The web layouts, under layouts/.
const (
	pageLayout = "phat-thanh.html"
	listLayout = "phat-thanh-list.html"
)

// Maker makes the bulletins. It keeps, across rebuilds, the font files it
// measures with and what it has read aloud.
type Maker struct {
	src   *pagesrc.Parser
	fonts typeset.Fonts

	mu      sync.Mutex
	opts    spoken.Options
	readers *reader

	// costs are how long the parts of single pages read, each as its page
	// was last timed (cost).
	costs map[seg]timed

	// bulletins are read once per rebuild for the page, the text and the
	// print file of each.
	bulletins maker.Shared[madeBulletin]
}

type madeBulletin struct {
	b  *bulletin
	ds diag.List
}

// NewMaker returns a bulletin maker.
func NewMaker() *Maker { return &Maker{src: pagesrc.NewParser(markdown.New())} }

// Name implements maker.Maker.
func (*Maker) Name() string { return Name }

// reader returns the reader of the configuration's choices.
func (m *Maker) reader(cfg *config.Config) (*reader, error) {
	o := cfg.Radio.SpokenOptions()
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.readers != nil && reflect.DeepEqual(o, m.opts) {
		return m.readers, nil
	}
	r, err := spoken.New(o)
	if err != nil {
		return nil, err
	}
	m.opts, m.readers = o, &reader{r: r, memo: map[string]spoken.Result{}}
	return m.readers, nil
}

type jobKind uint8

const (
	pageJob jobKind = iota + 1
	textJob
	printJob
	listJob
)

type job struct {
	kind jobKind
	plan plan
	url  string
}

// Jobs implements maker.Maker.
func (m *Maker) Jobs(in *maker.Input) ([]maker.Job, diag.List) {
	cfg := in.Site.Config
	rd, err := m.reader(cfg)
	if err != nil {
		return nil, diag.List{diag.At(config.File, 0, 0, "radio: %v", err)}
	}
	var rec view.Recorder
	v := in.View(&rec)
	var jobs []maker.Job
	for _, p := range m.plans(in, rd) {
		u := url(cfg, p, v)
		sig := fmt.Sprintf("%#v", p)
		jobs = append(jobs,
			maker.Job{File: paths.Page(u), Source: p.Page, Sig: "page\x00" + u + sig, Data: job{pageJob, p, u}},
			maker.Job{File: paths.BulletinText(u), Source: p.Page, Sig: "text\x00" + u + sig, Data: job{textJob, p, u}},
			maker.Job{File: paths.PrintFile(paths.ProductBulletin, p.Slug), Source: p.Page, Sig: "print\x00" + u + sig, Data: job{printJob, p, u}},
		)
	}
	list := paths.SectionURL(cfg.Kinds[config.KindRadio])
	jobs = append(jobs, maker.Job{File: paths.Page(list), After: true, Sig: "list", Data: job{kind: listJob, url: list}})
	return jobs, nil
}

// Summary is what a bulletin's page reports for the list of bulletins.
type Summary struct {
	URL      string
	Title    string
	Date     time.Time
	Duration time.Duration
	Source   string // the editor's file; "" when composed
	Text     string // output path of the .txt
	PDF      string // output path of the PDF loa pdf makes
	Print    string // output path of the print-ready HTML
}

// Make implements maker.Maker.
func (m *Maker) Make(_ context.Context, in *maker.Input, j maker.Job, rec *view.Recorder) (maker.Made, diag.List, error) {
	jb := j.Data.(job)
	v := in.View(rec)
	if jb.kind == listJob {
		return m.list(in, rec, v, jb.url)
	}
	rd, err := m.reader(v.Config())
	if err != nil {
		return maker.Made{}, nil, err
	}
	mb := m.bulletins.Get(in, rec, jb.url+fmt.Sprintf("\x00%#v", jb.plan), func(r *view.Recorder) madeBulletin {
		b, ds := m.make(in, r, in.View(r), rd, jb.plan)
		return madeBulletin{b, ds}
	})
	b, ds := mb.b, slices.Clone(mb.ds)
	switch jb.kind {
	case textJob:
		return maker.Made{Data: []byte(b.Read)}, nil, nil
	case printJob:
		return m.print(in, rec, v, b)
	}
	data, lds := m.page(in, rec, v, b)
	ds.Add(lds...)
	if ds.Errors() > 0 {
		return maker.Made{}, ds, nil
	}
	return maker.Made{Data: data, Result: summary(b)}, ds, nil
}

func summary(b *bulletin) Summary {
	return Summary{URL: b.URL, Title: b.Title, Date: b.Date, Duration: b.Duration, Source: b.Page,
		Text: paths.BulletinText(b.URL), PDF: paths.PrintPDF(paths.ProductBulletin, b.Slug), Print: paths.PrintFile(paths.ProductBulletin, b.Slug)}
}

// PageData is what layouts/phat-thanh.html sees.
type PageData struct {
	Site     *view.Site
	Title    string
	Station  string
	Date     time.Time // zero: not set, a blank to fill in
	Duration string    // "4 phút 10 giây"
	Rate     float64   // syllables a minute
	Paras    []Para
	Source   string // the editor's file; "" when composed
	Rel      string // from the page to the site's root: "../../"
	Text     string // links from the page: the .txt, the PDF, the print HTML, the list
	PDF      string
	Print    string
	List     string
}

func (m *Maker) page(in *maker.Input, rec *view.Recorder, v *view.Site, b *bulletin) ([]byte, diag.List) {
	set, err := in.Layouts.Set(pageLayout, "", "")
	if err != nil {
		return nil, diag.List{in.Layouts.Error(err)}
	}
	maker.Layout(rec, set)
	cfg := v.Config()
	s := summary(b)
	data := &PageData{
		Site: v, Title: b.Title, Station: cfg.Radio.Station, Date: b.Date, Duration: Minutes(b.Duration), Rate: cfg.Radio.Rate,
		Paras: b.paras(), Source: b.Page, Rel: paths.Rel(b.URL, ""),
		Text: paths.Rel(b.URL, s.Text), PDF: paths.Rel(b.URL, s.PDF), Print: paths.Rel(b.URL, s.Print),
		List: paths.Rel(b.URL, paths.SectionURL(cfg.Kinds[config.KindRadio])),
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, pageLayout, data); err != nil {
		return nil, diag.List{in.Layouts.Error(err)}
	}
	return buf.Bytes(), nil
}

// ListData is what layouts/phat-thanh-list.html sees.
type ListData struct {
	Site      *view.Site
	Title     string
	Station   string
	Rate      float64
	Bulletins []ListItem
	Rel       string
}

// ListItem is a bulletin in the list, with links relative to the list.
type ListItem struct {
	Summary
	Minutes               string
	Page, Text, PDF, HTML string
}

func (m *Maker) list(in *maker.Input, rec *view.Recorder, v *view.Site, u string) (maker.Made, diag.List, error) {
	set, err := in.Layouts.Set(listLayout, "", "")
	if err != nil {
		return maker.Made{}, diag.List{in.Layouts.Error(err)}, nil
	}
	maker.Layout(rec, set)
	cfg := v.Config()
	data := &ListData{Site: v, Title: "Bản tin phát thanh", Station: cfg.Radio.Station, Rate: cfg.Radio.Rate, Rel: paths.Rel(u, "")}
	if sec := v.Section(config.KindRadio); sec != nil {
		data.Title = sec.Page().Title()
	}
	for _, o := range in.Results(rec, Name) {
		s, ok := o.Result.(Summary)
		if !ok {
			continue
		}
		data.Bulletins = append(data.Bulletins, ListItem{Summary: s, Minutes: Minutes(s.Duration),
			Page: paths.Rel(u, s.URL), Text: paths.Rel(u, s.Text), PDF: paths.Rel(u, s.PDF), HTML: paths.Rel(u, s.Print)})
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, listLayout, data); err != nil {
		return maker.Made{}, diag.List{in.Layouts.Error(err)}, nil
	}
	return maker.Made{Data: buf.Bytes()}, nil, nil
}
