package slides

import (
	"fmt"
	"strings"
	"time"

	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/markdown"
	"loa/internal/pagesrc"
	"loa/internal/paths"
	"loa/internal/view"
	"loa/internal/vntext"
)

// deck is a seminar deck: its slides, in order.
type deck struct {
	Slug   string
	Title  string
	URL    string // where it is published: "trinh-chieu/x/"
	Source string // the editor's file; "" when composed
	Slides []slide
}

// slide is one slide before it is set.
type slide struct {
	Kind    kind
	Kicker  string           // a small line above the title: "Quan điểm 1"
	Title   string           // the slide's heading
	Blocks  []markdown.Block // its text
	Figures []content.Figure // figures slides
	Notes   []markdown.Block // the speaker's notes
	Lines   []string         // title and closing slides: the small lines
	QR      string           // closing slide: the address the QR code leads to
	// RunOn marks a composed list whose items may run on to further
	// slides rather than be set too small (runOn).
	RunOn bool
	// Where the slide comes from, for problems: the file and the byte of
	// its body the slide starts at.
	src   *pagesrc.Source
	start int
	page  string // site path of the page a composed slide shows
}

type kind uint8

const (
	titleSlide kind = iota + 1
	textSlide
	figuresSlide
	closingSlide
)

// notesPrefixes open a slide's speaker notes: a paragraph that starts
// with one of them, and everything after it on the slide.
var notesPrefixes = []string{"Ghi chú:", "Ghi chú :", "Notes:", "Note:"}

// editorDeck reads a deck an editor wrote: slides separated by thematic
// breaks ("---" on a line of its own, after a blank line), each from its
// first heading, with its notes after a paragraph "Ghi chú:".
func editorDeck(src *pagesrc.Source, p *view.Page, cfg *config.Config) (*deck, diag.List) {
	d := &deck{Slug: lastSegment(p.URL()), Title: p.Title(), URL: p.URL(), Source: p.Path()}
	d.Slides = append(d.Slides, titleOf(cfg, p.Title(), p.Date()))
	var ds diag.List
	var part []markdown.Block
	partStart := 0
	flush := func() {
		if len(part) == 0 {
			return
		}
		s := slide{Kind: textSlide, src: src, start: partStart}
		body := part
		if body[0].Kind == markdown.Heading {
			s.Title = markdown.Plain(body[0].Runs)
			body = body[1:]
		}
		for i, b := range body {
			if rest, ok := notesStart(b); ok {
				s.Notes = append([]markdown.Block{rest}, body[i+1:]...)
				body = body[:i]
				break
			}
		}
		s.Blocks = body
		d.Slides = append(d.Slides, s)
		part = nil
	}
	for _, b := range src.Blocks {
		if b.Kind == markdown.Break {
			flush()
			continue
		}
		if len(part) == 0 {
			partStart = b.Start
		}
		if b.Kind == markdown.Heading && b.Setext && b.Level == 2 && len(part) > 0 {
			ds.Add(src.Warn(b.Start, "this line is underlined by the \"---\" under it, which makes it a heading, not a new slide").
				WithHint("leave a blank line before --- to start a new slide"))
		}
		if b.Kind == markdown.Image {
			ds.Add(src.Warn(b.Start, "images are not shown on slides; only their description is").
				WithHint("describe what it shows, or show it from another program"))
		}
		part = append(part, b)
	}
	flush()
	d.Slides = append(d.Slides, closingOf(cfg, cfg.BaseURL+p.URL()))
	return d, ds
}

// notesStart reports whether a block opens the notes, and returns it with
// the prefix taken off; a fenced block ```ghi-chu is notes too.
func notesStart(b markdown.Block) (markdown.Block, bool) {
	if b.Kind == markdown.Code && (b.Info == "ghi-chu" || b.Info == "notes") {
		b.Kind = markdown.Paragraph
		runs := append([]markdown.Run(nil), b.Runs...) // the block is the parser's: copy before changing
		for i := range runs {
			runs[i].Style &^= markdown.Mono
		}
		b.Runs = runs
		return b, true
	}
	if b.Kind != markdown.Paragraph || len(b.Runs) == 0 {
		return b, false
	}
	first := b.Runs[0].Text
	for _, p := range notesPrefixes {
		if len(first) >= len(p) && strings.EqualFold(first[:len(p)], p) {
			runs := append([]markdown.Run(nil), b.Runs...)
			rest := strings.TrimLeft(first[len(p):], " ")
			runs[0].Start += len(first) - len(rest)
			runs[0].Text = rest
			if rest == "" {
				runs = runs[1:]
			}
			b.Runs = runs
			return b, true
		}
	}
	return b, false
}

// titleOf is a deck's first slide: the campaign's issuer, the title, the
// place and date (the deck's, else the campaign's).
func titleOf(cfg *config.Config, title string, date time.Time) slide {
	s := slide{Kind: titleSlide, Title: title}
	if cfg.Campaign.Issuer != "" {
		s.Kicker = strings.ToUpper(cfg.Campaign.Issuer)
	}
	if date.IsZero() {
		date = cfg.Campaign.Date
	}
	if !date.IsZero() {
		s.Lines = append(s.Lines, vntext.DateLine(cfg.Campaign.Place, date))
	}
	return s
}

// sectionURL is the folder of the decks.
func sectionURL(cfg *config.Config) string { return paths.SectionURL(cfg.Kinds[config.KindSlides]) }

// closingOf is a deck's last slide: thanks, and a QR code to the site.
func closingOf(cfg *config.Config, url string) slide {
	return slide{Kind: closingSlide, Title: "Xin trân trọng cảm ơn!", QR: url,
		Lines: []string{"Quét mã để đọc toàn văn, hỏi – đáp và tài liệu:", url}}
}

// composedDeck is the deck made from the site's content: a title slide,
// one slide per viewpoint, the goals' figures, the task groups, a few
// questions, a closing slide with the QR code of the site.
func composedDeck(in *maker.Input, rec *view.Recorder, v *view.Site, ps *pagesrc.Parser) (*deck, diag.List) {
	cfg := v.Config()
	home := v.Home()
	title := home.Title()
	if strings.TrimSpace(title) == "" {
		title = "Bài trình chiếu"
	}
	d := &deck{Slug: "tong-hop", Title: title, URL: sectionURL(cfg) + "tong-hop/"}
	d.Slides = append(d.Slides, titleOf(cfg, title, time.Time{}))
	var ds diag.List
	body := func(p *view.Page) *pagesrc.Source {
		if p.Path() == "" {
			return nil
		}
		src, err := ps.Read(in, rec, p)
		if err != nil {
			ds.Add(diag.At(p.Path(), 0, 0, "%v", err))
			return nil
		}
		return src
	}
	summary := func(p *view.Page) []markdown.Block {
		if s := p.Summary(); s != "" {
			return []markdown.Block{{Kind: markdown.Paragraph, Runs: []markdown.Run{{Text: s}}}}
		}
		return nil
	}
	notes := func(src *pagesrc.Source) []markdown.Block {
		if src == nil {
			return nil
		}
		return src.Blocks
	}
	for i, p := range v.Items(config.KindViewpoint) {
		n := p.Number()
		if n == 0 {
			n = i + 1
		}
		src := body(p)
		d.Slides = append(d.Slides, slide{Kind: textSlide, Kicker: fmt.Sprintf("Quan điểm %d", n), Title: p.Title(),
			Blocks: append(summary(p), firstList(src)...), Notes: notes(src), src: src, page: p.Path()})
	}
	for _, g := range v.Items(config.KindGoal) {
		if len(g.Figures()) == 0 {
			continue
		}
		src := body(g)
		figs := g.Figures()
		// At most four figures a slide, shared evenly: five are three and two.
		per := (len(figs) + (len(figs)+3)/4 - 1) / ((len(figs) + 3) / 4)
		for k := 0; k < len(figs); k += per {
			d.Slides = append(d.Slides, slide{Kind: figuresSlide, Kicker: "Mục tiêu", Title: g.Title(),
				Figures: figs[k:min(k+per, len(figs))], Notes: notes(src), src: src, page: g.Path()})
		}
	}
	if tasks := v.Items(config.KindTask); len(tasks) > 0 {
		sec := v.Section(config.KindTask)
		var list []markdown.Block
		for i, p := range tasks {
			list = append(list, markdown.Block{Kind: markdown.Item, Level: 1, Mark: fmt.Sprintf("%d.", i+1), Runs: []markdown.Run{{Text: p.Title()}}})
		}
		d.Slides = append(d.Slides, slide{Kind: textSlide, Kicker: fmt.Sprintf("%d nhóm", len(tasks)), Title: sec.Page().Title(), Blocks: list, RunOn: true, page: sec.Page().Path()})
	}
	for i, p := range v.Items(config.KindQA) {
		if i >= cfg.Slides.QA {
			break
		}
		src := body(p)
		d.Slides = append(d.Slides, slide{Kind: textSlide, Kicker: "Hỏi – đáp", Title: p.Title(), Blocks: summary(p),
			Notes: notes(src), src: src, page: p.Path()})
	}
	d.Slides = append(d.Slides, closingOf(cfg, cfg.BaseURL))
	return d, ds
}

// firstList returns the items of the first list of a page's text, when
// it is short enough for a slide (at most seven items, none nested).
func firstList(src *pagesrc.Source) []markdown.Block {
	if src == nil {
		return nil
	}
	var out []markdown.Block
	for _, b := range src.Blocks {
		switch {
		case b.Kind == markdown.Item && b.Level == 1 && b.Mark != "":
			out = append(out, b)
		case b.Kind == markdown.Item:
			return nil // nested, or an item of more than one paragraph
		case len(out) > 0:
			return trimList(out)
		}
	}
	return trimList(out)
}

func trimList(items []markdown.Block) []markdown.Block {
	if len(items) > 7 {
		return nil
	}
	return items
}

func lastSegment(url string) string {
	url = strings.TrimSuffix(url, "/")
	return url[strings.LastIndexByte(url, '/')+1:]
}
