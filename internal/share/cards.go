package share

import (
	"bytes"
	"context"
	"sync"

	"loa/internal/cache"
	"loa/internal/card"
	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/meta"
	"loa/internal/paths"
	"loa/internal/site"
	"loa/internal/view"
)

// The files of the site a card is drawn with: its fonts and the design
// tokens its colours come from.
const (
	BoldFont    = paths.StaticDir + "/fonts/NotoSans-Bold.ttf"
	RegularFont = paths.StaticDir + "/fonts/NotoSans-Regular.ttf"
	Tokens      = paths.StaticDir + "/css/tokens.css"
)

var cardFiles = [...]string{BoldFont, RegularFont, Tokens}

// Cards makes the share cards of every web page: paths.Card (1200 × 630,
// for link previews) and paths.CardSquare (1080 × 1080, for feed posts)
// beside each page, what package meta says the page's preview shows. A
// Cards lives as long as the engine: it keeps the painter made of the
// site's fonts and tokens while they do not change, and draws a card only
// when its cache does not hold it already.
type Cards struct {
	cache cache.Cache // nil: none

	mu      sync.Mutex
	in      *maker.Input // the rebuild the painter was checked for
	files   [len(cardFiles)][]byte
	painter *card.Painter
	ds      diag.List
}

// NewCards returns the card maker; c keeps cards across builds (nil for
// none).
func NewCards(c cache.Cache) *Cards { return &Cards{cache: c} }

// Name implements maker.Maker.
func (*Cards) Name() string { return "cards" }

type cardJob struct {
	page   *site.Page
	format card.Format
}

// Jobs implements maker.Maker: two cards per web page (home, lists,
// items, plain pages; not the later pages of a list, which show their
// section's).
func (*Cards) Jobs(in *maker.Input) ([]maker.Job, diag.List) {
	pages := in.Site.Pages()
	jobs := make([]maker.Job, 0, 2*len(pages))
	seen := make(map[string]bool, len(pages))
	for _, p := range pages {
		if seen[p.URL] {
			continue // two pages with one URL: the site reports them
		}
		seen[p.URL] = true
		for _, f := range card.Formats {
			file := paths.Card(p.URL)
			if f == card.Square {
				file = paths.CardSquare(p.URL)
			}
			jobs = append(jobs, maker.Job{File: file, Source: p.Path, Sig: p.ID() + "\x00" + f.String(), Data: cardJob{p, f}})
		}
	}
	return jobs, nil
}

// Make implements maker.Maker.
func (m *Cards) Make(_ context.Context, in *maker.Input, j maker.Job, rec *view.Recorder) (maker.Made, diag.List, error) {
	cj := j.Data.(cardJob)
	pt, ds := m.painterFor(in, rec)
	if pt == nil {
		return maker.Made{}, ds, nil
	}
	v := in.View(rec)
	p := v.Page(cj.page)
	c := meta.Of(v, p, p.URL()).Card()
	key := pt.Key(cj.format, c)
	if m.cache != nil {
		if data, ok := m.cache.Get(key); ok {
			return maker.Made{Data: data}, ds, nil
		}
	}
	data, err := pt.Render(cj.format, c)
	if err != nil {
		src := cmpOr(j.Source, j.File)
		return maker.Made{}, append(ds, diag.At(src, 0, 0, "share card %s: %v", j.File, err)), nil
	}
	if m.cache != nil {
		m.cache.Put(key, data)
	}
	return maker.Made{Data: data}, ds, nil
}

// painterFor returns the painter of the site's fonts and tokens, made
// again when they changed, and their problems. Every card depends on the
// three files: each records them; they are read once per rebuild.
func (m *Cards) painterFor(in *maker.Input, rec *view.Recorder) (*card.Painter, diag.List) {
	for _, f := range cardFiles {
		rec.Read(view.Key{ID: f, What: view.File})
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.in == in {
		return m.painter, m.ds
	}
	m.in = in
	var files [len(cardFiles)][]byte
	for i, f := range cardFiles {
		data, err := in.Read(nil, f) // recorded above, for every card
		if err != nil {
			m.painter, m.ds, m.files = nil, diag.List{diag.At(f, 0, 0, "share cards need this file: %v", err)}, files
			return nil, m.ds
		}
		files[i] = data
	}
	same := m.painter != nil
	for i := range files {
		same = same && bytes.Equal(files[i], m.files[i])
	}
	if same {
		return m.painter, m.ds
	}
	m.files, m.painter, m.ds = files, nil, nil
	pt, ds := newPainter(files)
	m.painter, m.ds = pt, ds
	return pt, ds
}

func newPainter(files [len(cardFiles)][]byte) (*card.Painter, diag.List) {
	bold, err := card.ParseFont(files[0])
	if err != nil {
		return nil, diag.List{diag.At(BoldFont, 0, 0, "share cards: %v", err)}
	}
	regular, err := card.ParseFont(files[1])
	if err != nil {
		return nil, diag.List{diag.At(RegularFont, 0, 0, "share cards: %v", err)}
	}
	pal, err := card.ParsePalette(files[2])
	if err != nil {
		return nil, diag.List{diag.At(Tokens, 0, 0, "share cards: %v", err).
			WithHint("declare the colours on :root, e.g. --red: #a50e0e;")}
	}
	var ds diag.List
	for _, p := range pal.Check() {
		ds.Add(diag.Warn(Tokens, 0, 0, "share cards: %s, which WCAG's level AA asks", p))
	}
	pt, err := card.NewPainter(card.Fonts{Bold: bold, Regular: regular}, pal)
	if err != nil {
		return nil, diag.List{diag.At(BoldFont, 0, 0, "share cards: %v", err)}
	}
	return pt, ds
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
