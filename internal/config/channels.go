package config

import (
	"strings"
	"time"

	"loa/internal/diag"
	"loa/internal/frontmatter"
	"loa/internal/spoken"
)

// The kinds of the channels besides the web and print: loudspeaker
// bulletins and seminar decks that editors write themselves.
const (
	KindRadio  = "radio"
	KindSlides = "slides"
)

// Radio is [radio]: the loudspeaker bulletins (phat-thanh/).
type Radio struct {
	// Station names who broadcasts, for the formulas: "Đài Truyền thanh
	// xã Tân Hưng". The composed bulletins go to every commune, so the
	// default is general.
	Station string `toml:"station"`
	// Opening and Closing are read before and after every bulletin;
	// "{station}" and "{title}" in them are replaced.
	Opening string `toml:"opening"`
	Closing string `toml:"closing"`
	// Date is the broadcast date printed on the composed bulletins; an
	// editor's bulletin gives its own in front matter. Zero: a blank to
	// fill in by hand.
	Date time.Time `toml:"date"`
	// Rate is the reading speed in syllables a minute, and the pauses
	// after a sentence and between paragraphs, in seconds (defaults:
	// spoken.DefaultRate).
	Rate           float64 `toml:"rate"`
	SentencePause  float64 `toml:"sentence_pause"`
	ParagraphPause float64 `toml:"paragraph_pause"`
	// MinMinutes and MaxMinutes bound a composed bulletin's reading time;
	// an editor's that runs longer than MaxMinutes is warned about.
	MinMinutes float64 `toml:"min_minutes"`
	MaxMinutes float64 `toml:"max_minutes"`
	// Compose makes the series of bulletins composed from the site's
	// content, besides the editors' own.
	Compose bool `toml:"compose"`
	// QA is how many questions and answers the composed series reads.
	QA int `toml:"qa"`

	// The readings Vietnamese allows (package spoken): "nghìn" or "ngàn",
	// "linh" or "lẻ", "tư" or "bốn", "lăm" or "nhăm", "không quá" or "tối
	// đa", "" or "mồng" or "mùng".
	Thousand  string `toml:"thousand"`
	ZeroTens  string `toml:"zero_tens"`
	Four      string `toml:"four"`
	Five      string `toml:"five"`
	AtMost    string `toml:"at_most"`
	DayPrefix string `toml:"day_prefix"`
	// Tables added to spoken's defaults (an entry with a default's key
	// replaces it): [radio.abbrev] "UBND" = "Ủy ban nhân dân" ...
	Abbrev   map[string]string `toml:"abbrev"`
	DocTypes map[string]string `toml:"doc_types"`
	Issuers  map[string]string `toml:"issuers"`
	Units    map[string]string `toml:"units"`
}

// Slides is [slides]: the seminar decks (trinh-chieu/).
type Slides struct {
	Compose bool `toml:"compose"` // the deck composed from the site's content
	QA      int  `toml:"qa"`      // questions the composed deck shows
	Minutes int  `toml:"minutes"` // the talk's length, for the presenter's timer; 0: none
}

// Booklet is [booklet]: the A5 Q&A booklet (tài liệu hỏi – đáp).
type Booklet struct {
	Title    string `toml:"title"`    // on the cover: "Tài liệu hỏi – đáp"
	Subtitle string `toml:"subtitle"` // under it; default: the site's title
	Issuer   string `toml:"issuer"`   // default: campaign.issuer
	Internal bool   `toml:"internal"` // "Tài liệu lưu hành nội bộ"
	Quantity int    `toml:"quantity"` // copies, on the colophon; 0: not said
	Printer  string `toml:"printer"`  // who prints it, on the colophon
	Permit   string `toml:"permit"`   // the publishing permit, on the colophon
}

// Outline is [outline]: the A4 propaganda outline (đề cương tuyên
// truyền), laid out as a Party document.
type Outline struct {
	Superior string    `toml:"superior"` // the body above the issuer: "ĐẢNG BỘ TỈNH HƯNG YÊN"
	Issuer   string    `toml:"issuer"`   // default: campaign.issuer
	Document string    `toml:"document"` // number and symbol: "Số 02-ĐC/BTGDVTU"
	Place    string    `toml:"place"`    // default: campaign.place
	Date     time.Time `toml:"date"`     // default: campaign.date
	Title    string    `toml:"title"`    // the document's kind: "ĐỀ CƯƠNG TUYÊN TRUYỀN"
	Subject  string    `toml:"subject"`  // trích yếu; default from the site's title
	// Signer's authority and title, one per line ("K/T TRƯỞNG BAN\nPHÓ
	// TRƯỞNG BAN"), and name.
	Authority  string   `toml:"authority"`
	Signer     string   `toml:"signer"`
	Recipients []string `toml:"recipients"` // "Nơi nhận"
	// Status "official" prints it as issued; anything else marks it DỰ
	// THẢO, as a draft for the board to approve.
	Status string `toml:"status"`
}

// Defaults of the channels.
func defaultRadio() Radio {
	r := spoken.DefaultRate()
	return Radio{
		Station:        "Đài Truyền thanh cơ sở",
		Opening:        "Kính thưa quý vị và các bạn! Đây là {station}. Mời quý vị và các bạn nghe bản tin: {title}.",
		Closing:        "Bản tin đến đây là kết thúc. {station} cảm ơn quý vị và các bạn đã chú ý lắng nghe.",
		Rate:           r.SyllablesPerMinute,
		SentencePause:  r.Sentence.Seconds(),
		ParagraphPause: r.Paragraph.Seconds(),
		MinMinutes:     3,
		MaxMinutes:     5,
		Compose:        true,
		QA:             6,
	}
}

func defaultSlides() Slides { return Slides{Compose: true, QA: 4} }

func defaultBooklet() Booklet {
	return Booklet{Title: "Tài liệu hỏi – đáp", Internal: true}
}

func defaultOutline() Outline {
	return Outline{Title: "ĐỀ CƯƠNG TUYÊN TRUYỀN", Status: "draft"}
}

// SpokenRate returns the bulletins' reading rate.
func (r Radio) SpokenRate() spoken.Rate {
	return spoken.Rate{
		SyllablesPerMinute: r.Rate,
		Sentence:           time.Duration(r.SentencePause * float64(time.Second)),
		Paragraph:          time.Duration(r.ParagraphPause * float64(time.Second)),
	}
}

// SpokenOptions returns the choices and tables for package spoken: the
// defaults, with [radio]'s tables laid over them.
func (r Radio) SpokenOptions() spoken.Options {
	with := func(def func() spoken.Table, m map[string]string) spoken.Table {
		if len(m) == 0 {
			return nil
		}
		return def().With(spoken.Table(m))
	}
	return spoken.Options{
		Thousand: r.Thousand, ZeroTens: r.ZeroTens, Four: r.Four, Five: r.Five,
		AtMost: r.AtMost, DayPrefix: r.DayPrefix,
		Abbrev:   with(spoken.DefaultAbbrev, r.Abbrev),
		DocTypes: with(spoken.DefaultDocTypes, r.DocTypes),
		Issuers:  with(spoken.DefaultIssuers, r.Issuers),
		Units:    with(spoken.DefaultUnits, r.Units),
	}
}

// Official reports whether the outline is issued rather than a draft.
func (o Outline) Official() bool { return o.Status == "official" }

// mergeChannels lays the file's channel tables over the defaults.
func mergeChannels(c, file *Config, md frontmatter.Meta) {
	def := defaultRadio()
	r := file.Radio
	keepIfUnset := func(key string, dst *float64, v float64) {
		if !md.IsDefined("radio", key) {
			*dst = v
		}
	}
	for _, k := range []struct {
		key string
		s   *string
		d   string
	}{{"station", &r.Station, def.Station}, {"opening", &r.Opening, def.Opening}, {"closing", &r.Closing, def.Closing}} {
		if !md.IsDefined("radio", k.key) {
			*k.s = k.d
		}
	}
	keepIfUnset("rate", &r.Rate, def.Rate)
	keepIfUnset("sentence_pause", &r.SentencePause, def.SentencePause)
	keepIfUnset("paragraph_pause", &r.ParagraphPause, def.ParagraphPause)
	keepIfUnset("min_minutes", &r.MinMinutes, def.MinMinutes)
	keepIfUnset("max_minutes", &r.MaxMinutes, def.MaxMinutes)
	if !md.IsDefined("radio", "compose") {
		r.Compose = def.Compose
	}
	if !md.IsDefined("radio", "qa") {
		r.QA = def.QA
	}
	c.Radio = r

	s := file.Slides
	if !md.IsDefined("slides", "compose") {
		s.Compose = defaultSlides().Compose
	}
	if !md.IsDefined("slides", "qa") {
		s.QA = defaultSlides().QA
	}
	c.Slides = s

	b := file.Booklet
	if !md.IsDefined("booklet", "title") {
		b.Title = defaultBooklet().Title
	}
	if !md.IsDefined("booklet", "internal") {
		b.Internal = defaultBooklet().Internal
	}
	c.Booklet = b

	o := file.Outline
	if !md.IsDefined("outline", "title") {
		o.Title = defaultOutline().Title
	}
	if !md.IsDefined("outline", "status") {
		o.Status = defaultOutline().Status
	}
	c.Outline = o
}

// validateChannels checks the channel tables, each problem at its key.
func (c *Config) validateChannels(data []byte) []diag.Diagnostic {
	var ds []diag.Diagnostic
	at := func(key, format string, args ...any) {
		line, col, ok := frontmatter.Find(data, 1, strings.Split(key, "."), 1)
		if !ok {
			line, col = 0, 0
		}
		ds = append(ds, diag.At(File, line, col, format, args...))
	}
	r := c.Radio
	switch {
	case r.Rate < 60 || r.Rate > 400:
		at("radio.rate", "radio.rate must be between 60 and 400 syllables a minute, not %g", r.Rate)
	}
	if r.SentencePause < 0 || r.SentencePause > 10 || r.ParagraphPause < 0 || r.ParagraphPause > 10 {
		at("radio.sentence_pause", "radio.sentence_pause and radio.paragraph_pause must be between 0 and 10 seconds")
	}
	if r.MinMinutes <= 0 || r.MaxMinutes < r.MinMinutes {
		at("radio.max_minutes", "radio.min_minutes must be positive and radio.max_minutes at least as long, not %g and %g", r.MinMinutes, r.MaxMinutes)
	}
	if r.QA < 0 {
		at("radio.qa", "radio.qa must not be negative")
	}
	for _, o := range []struct {
		key string
		opt spoken.Options
	}{
		{"thousand", spoken.Options{Thousand: r.Thousand}},
		{"zero_tens", spoken.Options{ZeroTens: r.ZeroTens}},
		{"four", spoken.Options{Four: r.Four}},
		{"five", spoken.Options{Five: r.Five}},
		{"at_most", spoken.Options{AtMost: r.AtMost}},
		{"day_prefix", spoken.Options{DayPrefix: r.DayPrefix}},
	} {
		if _, err := spoken.New(o.opt); err != nil {
			at("radio."+o.key, "radio.%s: %v", o.key, err)
		}
	}
	tables := []struct {
		key string
		m   map[string]string
		opt func(spoken.Table) spoken.Options
	}{
		{"abbrev", r.Abbrev, func(t spoken.Table) spoken.Options { return spoken.Options{Abbrev: t} }},
		{"doc_types", r.DocTypes, func(t spoken.Table) spoken.Options { return spoken.Options{DocTypes: t} }},
		{"issuers", r.Issuers, func(t spoken.Table) spoken.Options { return spoken.Options{Issuers: t} }},
		{"units", r.Units, func(t spoken.Table) spoken.Options { return spoken.Options{Units: t} }},
	}
	for _, tb := range tables {
		for _, k := range sortedKeys(tb.m) {
			if _, err := spoken.New(tb.opt(spoken.Table{k: tb.m[k]})); err != nil {
				at("radio."+tb.key+"."+k, "radio.%s: %v", tb.key, err)
			}
		}
	}
	if c.Slides.QA < 0 || c.Slides.Minutes < 0 {
		at("slides.qa", "slides.qa and slides.minutes must not be negative")
	}
	if c.Booklet.Quantity < 0 {
		at("booklet.quantity", "booklet.quantity must not be negative")
	}
	if s := c.Outline.Status; s != "official" && s != "draft" {
		at("outline.status", "outline.status must be %q or %q, not %q", "official", "draft", s)
	}
	return ds
}

// Fill returns text with "{station}" and "{title}" replaced.
func (r Radio) Fill(text, title string) string {
	return strings.NewReplacer("{station}", r.Station, "{title}", title).Replace(text)
}
