package bulletin

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"loa/internal/config"
	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/paths"
	"loa/internal/spoken"
	"loa/internal/view"
)

// bulletin is one bulletin, made: its paragraphs, read text and time.
type bulletin struct {
	plan
	URL      string // where its page is published: "phat-thanh/x/"
	Date     time.Time
	Paras    []para // the opening, the parts, the closing
	Read     string // the read text: a line a paragraph, blank lines between
	Duration time.Duration
}

// url is where a plan's bulletin is published: the editor's page's own
// address, or the section folder and the plan's slug.
func url(cfg *config.Config, p plan, v *view.Site) string {
	if q := v.Item(config.KindRadio, p.Page); q != nil {
		return q.URL()
	}
	return paths.SectionURL(cfg.Kinds[config.KindRadio]) + p.Slug + "/"
}

// make reads the bulletin of plan p through v and in.
func (m *Maker) make(in *maker.Input, rec *view.Recorder, v *view.Site, rd *reader, p plan) (*bulletin, diag.List) {
	cfg := v.Config()
	b := &bulletin{plan: p, Date: cfg.Radio.Date, URL: url(cfg, p, v)}
	var ds diag.List
	var page *view.Page
	if q := v.Item(config.KindRadio, p.Page); q != nil {
		page = q
		b.Title, b.Date = q.Title(), q.Date()
	}
	open, closing := formulaParts(rd, cfg.Radio, b.Title)
	if open.read != "" {
		b.Paras = append(b.Paras, open)
	}
	for _, s := range p.Segs {
		ps, pds := m.parts(in, rec, v, rd, s)
		ds.Add(pds...)
		b.Paras = append(b.Paras, ps...)
	}
	if closing.read != "" {
		b.Paras = append(b.Paras, closing)
	}
	for _, pr := range b.Paras {
		ds.Add(pr.diags()...)
	}
	b.Read = joinRead(b.Paras) + "\n"
	b.Duration = spoken.Duration(b.Read, cfg.Radio.SpokenRate())
	if page != nil {
		limit := time.Duration(cfg.Radio.MaxMinutes * float64(time.Minute))
		if b.Duration > limit {
			src, line, col := p.Page, 1, 1
			ds.Add(diag.Warn(src, line, col, "the bulletin takes %s to read at %g syllables a minute, more than radio.max_minutes (%g minutes)",
				Minutes(b.Duration), cfg.Radio.Rate, cfg.Radio.MaxMinutes).
				WithHint("split it into two bulletins, or shorten it"))
		}
	}
	return b, ds
}

// formulaParts are the opening and closing formulas of a bulletin titled
// title; either may be empty.
func formulaParts(rd *reader, cfg config.Radio, title string) (open, closing para) {
	mk := func(f string) para {
		f = strings.TrimSpace(cfg.Fill(f, title))
		if f == "" {
			return para{}
		}
		return rd.make(para{kind: formula, written: f})
	}
	return mk(cfg.Opening), mk(cfg.Closing)
}

// Minutes writes a duration as an announcer reads it: "4 phút 10 giây",
// to the nearest five seconds.
func Minutes(d time.Duration) string {
	s := int((d + 2500*time.Millisecond) / (5 * time.Second) * 5)
	switch {
	case s < 60:
		return fmt.Sprintf("%d giây", s)
	case s%60 == 0:
		return fmt.Sprintf("%d phút", s/60)
	}
	return fmt.Sprintf("%d phút %d giây", s/60, s%60)
}

// Para is a paragraph as the layouts show it.
type Para struct {
	Number    int
	Kind      string     // "formula", "title", "heading", "text"
	Sentences []Sentence // the read text, cut where the announcer pauses
	Written   string     // as written, digits and all; "" when it reads as written
}

// Sentence is read text up to a pause: "short" after a sentence inside a
// paragraph, "long" at a paragraph's end (what spoken.Duration counts).
type Sentence struct {
	Text  string
	Pause string
}

// paras returns the bulletin's paragraphs as the layouts show them,
// numbered from 1.
func (b *bulletin) paras() []Para {
	var out []Para
	for _, p := range b.Paras {
		if p.read == "" {
			continue
		}
		kind := map[paraKind]string{formula: "formula", title: "title", heading: "heading", text: "text"}[p.kind]
		w := p.written
		if w == p.read || strings.TrimSuffix(p.read, ".") == w {
			w = ""
		}
		out = append(out, Para{Number: len(out) + 1, Kind: kind, Sentences: sentences(p.read), Written: w})
	}
	return out
}

// sentences cuts a paragraph's read text after each ".", "!", "?" or "…"
// that a space and more words follow, as spoken.Duration counts pauses.
func sentences(p string) []Sentence {
	var out []Sentence
	start := 0
	for i, r := range p {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		j := i + utf8.RuneLen(r)
		if j >= len(p) || p[j] != ' ' {
			continue
		}
		if strings.IndexFunc(p[j:], func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) < 0 {
			continue
		}
		out = append(out, Sentence{Text: strings.TrimSpace(p[start:j]), Pause: "short"})
		start = j
	}
	out = append(out, Sentence{Text: strings.TrimSpace(p[start:]), Pause: "long"})
	return out
}
