// Package booklet makes the Q&A booklet (tài liệu hỏi – đáp): an A5
// booklet of the site's questions and answers, with the viewpoints and
// the goals as chapters before them, in two print-ready files that loa
// pdf prints: the pages in reading order, and the same pages imposed for
// saddle stitching on A4 sheets.
//
// The booklet is set in Go (package typeset): every line, every page.
// So the page count is known when the site is built (the manifest says
// it), the table of contents has its page numbers, a question is never
// parted from the start of its answer (its lines keep with the answer's
// first two), and imposing is placing known pages on sheets.
//
// In reading order the page numbers and running heads are CSS paged
// media margin boxes (counter(page) in @bottom-left and @bottom-right,
// a named page per chapter for @top-center), which Chromium prints. The
// imposed file draws them on each page itself, since its pages are
// sheets: the pages padded to a multiple of four with ruled pages for
// notes (before the back cover), each A4 sheet holding four pages in the
// order a saddle stitch needs (sheet k carries N-2k and 2k+1 on its
// front, 2k+2 and N-2k-1 on its back), with bleed, crop marks and a fold
// mark at the spine as the print products have (package print).
package booklet

import (
	"context"
	"fmt"
	"html/template"
	"strings"

	"loa/internal/config"
	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/markdown"
	"loa/internal/pagesrc"
	"loa/internal/typeset"
	"loa/internal/view"
	"loa/internal/vntext"
)

// The page: A5, margins in mm; the inner margin at the spine.
var a5Page = struct{ W, H, Top, Bottom, Inner, Outer float64 }{148, 210, 17, 18, 17, 14}

// Sizes, in points.
const (
	bodyPT    = 10.5
	bodyLH    = 1.45
	questPT   = 10.5
	chapterPT = 15
)

// page is one page of the booklet.
type page struct {
	Kind    pageKind
	Items   []typeset.Item
	Chapter int    // index into chapters, -1 for none
	Head    string // running head
	Over    float64
	Src     string // a file whose text is on it, for problems
}

type pageKind uint8

const (
	coverPage pageKind = iota + 1
	blankPage
	tocPage
	textPage
	notesPage // ruled, for the reader's notes: the padding
	backPage
)

// chapter is a part of the booklet.
type chapter struct {
	Label string // "Phần I"
	Title string
	// entries of the table of contents: a heading's id and text, and
	// the item of its first line.
	entries []entry
	items   []typeset.Item
	srcs    []string
}

type entry struct {
	ID, Text string
	Level    int
	Page     int
}

// book is the booklet, set.
type book struct {
	Title, Subtitle string
	Pages           []page
	Chapters        []chapter
	Sheet           *typeset.Sheet
	ds              diag.List
}

// styles are the booklet's text styles.
type styles struct {
	theme                                typeset.Theme
	question, chapterLabel, chapterTitle typeset.Style
	toc, tocChapter, cover, coverSmall   typeset.Style
	coverTitle, colophon, colophonStrong typeset.Style
	section, coverSub                    typeset.Style
}

func newStyles(serif, sans *typeset.Family) *styles {
	pt := typeset.PT
	body := func(class string, base markdown.Style, size float64, align typeset.Align) typeset.Style {
		return typeset.Style{Class: class, Family: serif, Base: base, Size: pt(size), Leading: pt(size * bodyLH), Align: align}
	}
	st := &styles{}
	st.theme = typeset.Theme{
		Body: body("bd", 0, bodyPT, typeset.Justify), Item: body("it", 0, bodyPT, typeset.Justify),
		Quote: body("qu", markdown.Italic, bodyPT, typeset.Justify), Code: body("cd", 0, 9, typeset.Left),
		Cell: body("ce", 0, 9, typeset.Left), HeadCell: body("ch", markdown.Bold, 9, typeset.Left),
		After: pt(4), Indent: 5, CellPad: 1.2, TableGap: pt(6),
	}
	st.theme.Body.Indent = 0
	hs := []float64{11.5, 10.5, 10.5}
	for i := range st.theme.Headings {
		st.theme.Headings[i] = typeset.Style{Class: fmt.Sprint("h", i+1), Family: sans, Base: markdown.Bold, Size: pt(hs[i]), Leading: pt(hs[i] * 1.4)}
		st.theme.Before[i], st.theme.Under[i] = pt(8), pt(2)
	}
	st.question = typeset.Style{Class: "qn", Family: sans, Base: markdown.Bold, Size: pt(questPT), Leading: pt(questPT * 1.42)}
	st.section = typeset.Style{Class: "se", Family: sans, Base: markdown.Bold, Size: pt(12), Leading: pt(12 * 1.4)}
	st.coverSub = typeset.Style{Class: "cu", Family: sans, Base: markdown.Bold, Size: pt(12), Leading: pt(12 * 1.4), Align: typeset.Center}
	st.chapterLabel = typeset.Style{Class: "cl", Family: sans, Base: markdown.Bold, Size: pt(11), Leading: pt(11 * 1.5), Align: typeset.Center, Upper: true}
	st.chapterTitle = typeset.Style{Class: "ct", Family: sans, Base: markdown.Bold, Size: pt(chapterPT), Leading: pt(chapterPT * 1.4), Align: typeset.Center, Upper: true}
	st.toc = body("tc", 0, 9.5, typeset.Left)
	st.tocChapter = typeset.Style{Class: "tk", Family: sans, Base: markdown.Bold, Size: pt(9.5), Leading: pt(9.5 * 1.45)}
	st.cover = typeset.Style{Class: "cv", Family: sans, Base: markdown.Bold, Size: pt(10), Leading: pt(10 * 1.45), Align: typeset.Center, Upper: true}
	st.coverSmall = typeset.Style{Class: "cs", Family: serif, Base: markdown.Italic, Size: pt(10), Leading: pt(10 * 1.45), Align: typeset.Center}
	st.coverTitle = typeset.Style{Class: "cT", Family: sans, Base: markdown.Bold, Size: pt(24), Leading: pt(24 * 1.35), Align: typeset.Center, Upper: true}
	st.colophon = body("co", 0, 8.5, typeset.Center)
	st.colophonStrong = typeset.Style{Class: "cO", Family: sans, Base: markdown.Bold, Size: pt(8.5), Leading: pt(8.5 * 1.45), Align: typeset.Center}
	return st
}

// roman writes chapter numbers as Party documents and booklets do.
func roman(n int) string {
	r := []string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}
	if n < len(r) {
		return r[n]
	}
	return fmt.Sprint(n)
}

// textW and textH are the text area of a page.
func textW() float64 { return a5Page.W - a5Page.Inner - a5Page.Outer }
func textH() float64 { return a5Page.H - a5Page.Top - a5Page.Bottom }

// compose sets the chapters: the viewpoints, the goals, the questions
// and answers, each section that the site has.
//
// It stops early when ctx is done (a newer save in the live preview); the
// caller must then not publish what it returns.
func compose(ctx context.Context, in *maker.Input, rec *view.Recorder, v *view.Site, ps *pagesrc.Parser, st *styles, sh *typeset.Sheet) ([]chapter, diag.List) {
	var out []chapter
	var ds diag.List
	w := textW()
	ids := map[string]int{}
	idOf := func(text string) string {
		id := vntext.Slug(text)
		if id == "" {
			id = "muc"
		}
		ids[id]++
		if n := ids[id]; n > 1 {
			id = fmt.Sprintf("%s-%d", id, n)
		}
		return id
	}
	read := func(p *view.Page) *pagesrc.Source {
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
	flow := func(src *pagesrc.Source, blocks []markdown.Block) []typeset.Item {
		items, notes := st.theme.Flow(sh, shiftHeadings(blocks), w, idOf)
		for _, n := range notes {
			if src != nil {
				ds.Add(src.Warn(n.Offset, "%s", n.Msg))
			}
		}
		return items
	}
	n := 0
	for _, kind := range []string{config.KindViewpoint, config.KindGoal, config.KindQA} {
		sec := v.Section(kind)
		if sec == nil || sec.Len() == 0 {
			continue
		}
		n++
		ch := chapter{Label: "Phần " + roman(n), Title: sec.Page().Title()}
		// The chapter opens a page: its label and title, its introduction.
		opening := typeset.Spacer(sh, 8)
		opening.Break = true
		ch.items = append(ch.items, opening)
		id := idOf(ch.Label)
		first := true
		for _, s := range []*typeset.Style{&st.chapterLabel, &st.chapterTitle} {
			text := ch.Label
			if s == &st.chapterTitle {
				text = ch.Title
			}
			for _, ln := range typeset.Balanced(s, []markdown.Run{{Text: text}}, w) {
				it := typeset.Item{H: s.Leading, HTML: typeset.LineHTML(sh, s, ln), Keep: true, Text: ln.Text()}
				if first {
					it.Anchor, it.HTML, first = id, withID(it.HTML, id), false
				}
				ch.items = append(ch.items, it)
			}
		}
		ch.entries = append(ch.entries, entry{ID: id, Text: ch.Label + ". " + ch.Title, Level: 0})
		ch.items = append(ch.items, typeset.Item{H: 6, Keep: true, HTML: template.HTML(`<div class="sp-6 ornament"></div>`)})
		sh.Rule(".sp-6", "height:6mm")
		if src := read(sec.Page()); src != nil {
			ch.items = append(ch.items, flow(src, src.Blocks)...)
			ch.srcs = append(ch.srcs, src.Path)
		}
		for i, p := range sec.Items() {
			if ctx.Err() != nil {
				return nil, nil
			}
			src := read(p)
			if src != nil {
				ch.srcs = append(ch.srcs, src.Path)
			}
			gap := typeset.Item{H: typeset.PT(9), Glue: true}
			gap.HTML = template.HTML(`<div class="gap-q"></div>`)
			sh.Rule(".gap-q", "height:"+typeset.MM(typeset.PT(9)))
			ch.items = append(ch.items, gap)
			var title string
			s := &st.section
			switch kind {
			case config.KindQA:
				title, s = fmt.Sprintf("Câu %d. %s", i+1, p.Title()), &st.question
			case config.KindViewpoint:
				num := p.Number()
				if num == 0 {
					num = i + 1
				}
				title = fmt.Sprintf("%d. %s", num, p.Title())
			default:
				title = fmt.Sprintf("%d. %s", i+1, p.Title())
			}
			id := idOf(title)
			lines := typeset.Lines(s, []markdown.Run{{Text: title}}, w)
			for k, ln := range lines {
				it := typeset.Item{H: s.Leading, HTML: typeset.LineHTML(sh, s, ln), Keep: true, Text: ln.Text()}
				if k == 0 {
					it.Anchor, it.HTML = id, withID(it.HTML, id)
				}
				ch.items = append(ch.items, it)
			}
			ch.entries = append(ch.entries, entry{ID: id, Text: title, Level: 1})
			under := typeset.Spacer(sh, typeset.PT(2))
			under.Keep = true
			ch.items = append(ch.items, under)
			var blocks []markdown.Block
			if kind == config.KindGoal {
				for _, f := range p.Figures() {
					label := f.Label
					if f.Year > 0 {
						label += fmt.Sprintf(" (đến năm %d)", f.Year)
					}
					blocks = append(blocks, markdown.Block{Kind: markdown.Item, Level: 1, Mark: "–",
						Runs: []markdown.Run{{Text: f.Value, Style: markdown.Bold}, {Text: ": " + label}}})
				}
			}
			if src != nil {
				body := src.Blocks
				if kind == config.KindQA && len(body) > 0 && body[0].Kind == markdown.Paragraph {
					// "Trả lời:" opens the answer, in the answer's first line.
					b := body[0]
					b.Runs = append([]markdown.Run{{Text: "Trả lời: ", Style: markdown.Bold | markdown.Italic}}, b.Runs...)
					body = append([]markdown.Block{b}, body[1:]...)
				}
				blocks = append(blocks, body...)
			}
			ch.items = append(ch.items, flow(src, blocks)...)
		}
		out = append(out, ch)
	}
	return out, ds
}

// shiftHeadings moves a page's own headings below the booklet's: a page's
// "##" is a subheading inside a question.
func shiftHeadings(bs []markdown.Block) []markdown.Block {
	out := make([]markdown.Block, len(bs))
	copy(out, bs)
	for i := range out {
		if out[i].Kind == markdown.Heading {
			out[i].Level = min(out[i].Level+1, 3)
		}
	}
	return out
}

func withID(h template.HTML, id string) template.HTML {
	return template.HTML(strings.Replace(string(h), "<div ", `<div id="`+template.HTMLEscapeString(id)+`" `, 1))
}
