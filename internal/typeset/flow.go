package typeset

import (
	"fmt"
	"html/template"
	"strings"

	"loa/internal/markdown"
)

// Item is a piece of a page, stacked under the one before: a line of
// text, a table row, a space.
type Item struct {
	H    float64       // height, mm
	HTML template.HTML // one element, H high
	// Keep forbids a page break after the item: a heading's lines, a
	// paragraph's first line (no single line at a page's foot), its last
	// but one (none at a page's head), a table's header row.
	Keep bool
	// Glue is space between blocks: dropped at the head and foot of a page.
	Glue bool
	// Break starts a new page before the item.
	Break bool
	// Anchor is the id of a heading's first line, for a table of contents.
	Anchor string
	// Text is the plain text of a line, for tests and tables of contents.
	Text string
}

// Theme is how a document sets each kind of block, and the space around
// them.
type Theme struct {
	Body     Style    // paragraphs
	Headings [3]Style // levels 1, 2 and 3 (and deeper)
	Item     Style    // list items
	Quote    Style    // block quotes
	Code     Style
	Cell     Style // table cells
	HeadCell Style // table header cells

	After    float64    // space after a paragraph, mm
	Before   [3]float64 // space before a heading of each level
	Under    [3]float64 // space between a heading and what follows
	Indent   float64    // a list level's indent, and a quote's
	CellPad  float64    // padding inside a table cell
	TableGap float64    // space after a table
}

// Register adds the theme's styles to a sheet.
func (t *Theme) Register(sh *Sheet) {
	for _, s := range t.styles() {
		sh.Style(s)
	}
}

func (t *Theme) styles() []*Style {
	return []*Style{&t.Body, &t.Headings[0], &t.Headings[1], &t.Headings[2], &t.Item, &t.Quote, &t.Code, &t.Cell, &t.HeadCell}
}

// Flow sets blocks in a column width wide and returns them as items.
// Headings get ids made by idOf from their text (nil for none). Problems
// with what can not be set (images) come back as messages with the
// block's offset.
func (t *Theme) Flow(sh *Sheet, blocks []markdown.Block, width float64, idOf func(string) string) ([]Item, []Note) {
	t.Register(sh)
	var items []Item
	var notes []Note
	space := func(h float64) {
		if h <= 0 {
			return
		}
		if k := len(items) - 1; k >= 0 && items[k].Glue {
			items[k].H = max(items[k].H, h)
			items[k].HTML = spacer(sh, items[k].H)
			return
		}
		items = append(items, Item{H: h, Glue: true, HTML: spacer(sh, h)})
	}
	for _, b := range blocks {
		left := float64(b.Quote) * t.Indent
		switch b.Kind {
		case markdown.Heading:
			lv := min(b.Level, 3) - 1
			if len(items) > 0 {
				space(t.Before[lv])
			}
			st := &t.Headings[lv]
			id := ""
			if idOf != nil {
				id = idOf(markdown.Plain(b.Runs))
			}
			lines := Balanced(st, b.Runs, width-left)
			for i, ln := range lines {
				it := lineItem(sh, st, ln, left, "")
				it.Keep = true
				if i == 0 {
					it.Anchor = id
					if id != "" {
						it.HTML = template.HTML(strings.Replace(string(it.HTML), "<div ", `<div id="`+template.HTMLEscapeString(id)+`" `, 1))
					}
				}
				items = append(items, it)
			}
			space(t.Under[lv])
			if k := len(items) - 1; k >= 0 {
				items[k].Keep = true
			}
		case markdown.Paragraph, markdown.Code:
			st := &t.Body
			if b.Kind == markdown.Code {
				st = &t.Code
			} else if b.Quote > 0 {
				st = &t.Quote
			}
			items = append(items, Paragraph(sh, st, b.Runs, width, left, "")...)
			space(t.After)
		case markdown.Item:
			in := left + float64(b.Level)*t.Indent
			items = append(items, Paragraph(sh, &t.Item, b.Runs, width, in, b.Mark)...)
			space(t.After / 2)
		case markdown.Table:
			items = append(items, t.table(sh, b, width-left, left)...)
			space(t.TableGap)
		case markdown.Image:
			// Documents set in Go show an image's description, as the
			// page's text alternative.
			items = append(items, Paragraph(sh, &t.Quote, b.Runs, width, left, "")...)
			space(t.After)
		case markdown.Break:
			space(t.After)
		}
	}
	for len(items) > 0 && items[len(items)-1].Glue {
		items = items[:len(items)-1]
	}
	return items, notes
}

// Note is something Flow could not do as written, at a byte offset of the
// Markdown source.
type Note struct {
	Offset int
	Msg    string
}

// Paragraph sets one paragraph in a column width wide, at left indent in,
// with a marker (a list's dash, a number) hanging in the indent; its first
// and last but one lines keep with the next, so that no page holds a
// single line of it.
func Paragraph(sh *Sheet, st *Style, runs []markdown.Run, width, in float64, mark string) []Item {
	sh.Style(st)
	lines := Lines(st, runs, width-in)
	if len(lines) == 0 && mark != "" {
		lines = []Line{{First: true}}
	}
	var out []Item
	for i, ln := range lines {
		m := ""
		if i == 0 {
			m = mark
		}
		it := lineItem(sh, st, ln, in, m)
		n := len(lines)
		it.Keep = n > 1 && (i == 0 || i == n-2)
		out = append(out, it)
	}
	return out
}

// lineItem writes one line at left indent in.
func lineItem(sh *Sheet, st *Style, ln Line, in float64, mark string) Item {
	var b strings.Builder
	cls := "l " + st.Class
	if ln.Justify {
		cls += " j"
	}
	if ln.First && st.Indent != 0 {
		cls += " first"
	}
	if in > 0 {
		c := "in-" + strings.ReplaceAll(Num(in), ".", "_")
		sh.Rule("."+c, "margin-left:"+sh.L(in)+";width:calc(100% - "+sh.L(in)+")")
		cls += " " + c
	}
	if mark != "" {
		cls += " mk"
		sh.Rule(".l.mk", "position:relative")
		sh.Rule(".l .mark", "position:absolute;right:100%;padding-right:0.35em;font-weight:400;font-style:normal")
	}
	fmt.Fprintf(&b, `<div class="%s">`, cls)
	if mark != "" {
		fmt.Fprintf(&b, `<span class="mark">%s</span>`, template.HTMLEscapeString(mark))
	}
	writeSpans(&b, ln.Spans)
	b.WriteString(`</div>`)
	return Item{H: st.Leading, HTML: template.HTML(b.String()), Text: ln.Text()}
}

// writeSpans writes a line's spans: bold as <b>, italic as <i>, links
// underlined.
func writeSpans(b *strings.Builder, spans []Span) {
	for _, s := range spans {
		text := template.HTMLEscapeString(s.Text)
		switch {
		case s.Style&markdown.Bold != 0:
			text = "<b>" + text + "</b>"
		case s.Style&markdown.Italic != 0:
			text = "<i>" + text + "</i>"
		}
		if s.Style&markdown.Linked != 0 {
			text = `<span class="u">` + text + `</span>`
		}
		if s.Style&markdown.Added != 0 {
			text = `<span class="added">` + text + `</span>`
		}
		if s.Style&markdown.Strike != 0 {
			text = "<s>" + text + "</s>"
		}
		b.WriteString(text)
	}
}

// LineHTML writes one line of style st as an element, for layouts that
// place lines themselves.
func LineHTML(sh *Sheet, st *Style, ln Line) template.HTML {
	sh.Style(st)
	return lineItem(sh, st, ln, 0, "").HTML
}

// spacer is an empty element h high.
func spacer(sh *Sheet, h float64) template.HTML {
	c := "sp-" + strings.ReplaceAll(Num(h), ".", "_")
	sh.Rule("."+c, "height:"+sh.L(h))
	return template.HTML(`<div class="` + c + `"></div>`)
}

// Spacer returns an item of empty space h high that is kept, not
// dropped at a page's head (a gap a layout wants).
func Spacer(sh *Sheet, h float64) Item {
	return Item{H: h, HTML: spacer(sh, h)}
}

// Balanced sets a short text (a heading, a title) on as few lines as fit,
// of even length, breaking where vnbreak prefers.
func Balanced(st *Style, runs []markdown.Run, width float64) []Line {
	plain := markdown.Plain(runs)
	if st.Upper {
		plain = strings.ToUpper(plain)
	}
	measure := func(line string) float64 { return st.Family.face(spanStyle(st.Base)).Width(line, st.Size) }
	if w := measure(plain); w <= width*(1-st.safety()) && !strings.ContainsAny(plain, "\n") && !hasStyles(runs) {
		return []Line{{Spans: []Span{{Text: strings.Join(strings.Fields(plain), " ")}}, Width: w, First: true}} // one line: nothing to balance
	}
	texts := balance(measure, plain, width*(1-st.safety()))
	if texts == nil || hasStyles(runs) {
		return Lines(st, runs, width)
	}
	out := make([]Line, len(texts))
	for i, t := range texts {
		w := measure(t)
		out[i] = Line{Spans: []Span{{Text: t}}, Width: w, First: i == 0}
		if w > width*(1-st.safety()) {
			out[i].Over = w - width*(1-st.safety())
		}
	}
	return out
}

// hasStyles reports whether any run is bold, italic or a link: Balanced
// then falls back to Lines, which keeps them.
func hasStyles(runs []markdown.Run) bool {
	for _, r := range runs {
		if spanStyle(r.Style) != 0 {
			return true
		}
	}
	return false
}
