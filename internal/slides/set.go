package slides

import (
	"fmt"
	"html/template"
	"math"
	"regexp"
	"strings"

	"loa/internal/diag"
	"loa/internal/fit"
	"loa/internal/markdown"
	"loa/internal/print"
	"loa/internal/typeset"
)

// A slide's design is W × H mm, 16:9. In the page every length is written
// as a part of the slide's width (cqw), so that one slide set once is the
// same on a projector, in the presenter's window, on a PDF page and on a
// handout.
const (
	W, H      = 320.0, 180.0
	padX      = 16.0 // left and right margins
	padTop    = 13.0
	padBottom = 17.0 // the foot line sits in it
	gap       = 4.0  // between the title and the text
)

// Sizes, in mm of the design.
const (
	kickerSize   = 4.4
	titleMax     = 10.5
	titleMin     = 6.5
	bodyMax      = 8.0
	bodyMin      = 4.6
	step         = 0.25
	lineHeight   = 1.38
	slideSafety  = 0.02 // text drawn at any size: 2 % of each line kept free
	figureMax    = 26.0
	labelMax     = 5.6
	labelMin     = 4.0
	footSize     = 3.4
	coverTitle   = 15.0
	coverLineH   = 1.35
	qrSize       = 64.0
	closingTitle = 12.0
	cardPad      = 4.0
)

// cqw writes a length of the design as a part of the slide's width.
func cqw(mm float64) string { return typeset.Num(mm/W*100) + "cqw" }

// setter sets the slides of one deck.
type setter struct {
	sans *typeset.Family
	sh   *typeset.Sheet
	deck *deck
	ds   diag.List
}

// Set is a slide as set.
type Set struct {
	Number int
	Title  string
	HTML   template.HTML // the slide: a section of class "slide"
	Notes  template.HTML // the speaker's notes; "" for none
}

func newSetter(sans *typeset.Family, d *deck) *setter {
	sh := &typeset.Sheet{Unit: cqw}
	return &setter{sans: sans, sh: sh, deck: d}
}

// style returns a style of the sans family, its class named by what it is
// and its size.
func (st *setter) style(what string, base markdown.Style, size, lh float64, align typeset.Align) *typeset.Style {
	s := &typeset.Style{Class: what + "-" + strings.ReplaceAll(typeset.Num(size), ".", "_"), Family: st.sans, Base: base,
		Size: size, Leading: size * lh, Align: align, Safety: slideSafety}
	st.sh.Style(s)
	return s
}

// box writes an absolutely placed box of the design, its position a class
// of the sheet.
func (st *setter) box(class string, x, y, w, h float64, inner template.HTML, attrs string) template.HTML {
	c := fmt.Sprintf("bx-%s-%s-%s-%s", key(x), key(y), key(w), key(h))
	st.sh.Rule("."+c, fmt.Sprintf("left:%s;top:%s;width:%s;height:%s", cqw(x), cqw(y), cqw(w), cqw(h)))
	return template.HTML(fmt.Sprintf(`<div class="%s %s"%s>%s</div>`, class, c, attrs, inner))
}

func key(v float64) string { return strings.ReplaceAll(typeset.Num(v), ".", "_") }

// lines writes set lines, one element each.
func (st *setter) lines(s *typeset.Style, ls []typeset.Line) template.HTML {
	var b strings.Builder
	for _, ln := range ls {
		b.WriteString(string(typeset.LineHTML(st.sh, s, ln)))
	}
	return template.HTML(b.String())
}

// titleFit sets a title on at most two lines as large as fits width,
// from titleMax down to titleMin by step; at titleMin it may take three.
// Whether a size fits only gets truer as the size shrinks, so the scale is
// searched by halves.
//
// It reports whether the title fits; it registers nothing in the sheet.
func (st *setter) titleFit(text string, width float64) (*typeset.Style, []typeset.Line, bool) {
	runs := []markdown.Run{{Text: text}}
	at := func(k int) (*typeset.Style, []typeset.Line) {
		size := titleMax - float64(k)*step
		s := &typeset.Style{Class: "t-" + key(size), Family: st.sans, Base: markdown.Bold, Size: size, Leading: size * 1.35, Safety: slideSafety}
		return s, typeset.Balanced(s, runs, width) // not in the sheet: only the size chosen is
	}
	fits := func(ls []typeset.Line) bool { return len(ls) <= 2 && !over(ls) }
	steps := int(math.Floor((titleMax - titleMin) / step))
	lo, hi := 0, steps
	for lo < hi {
		mid := (lo + hi) / 2
		if _, ls := at(mid); fits(ls) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	s, ls := at(lo)
	return s, ls, fits(ls) || (len(ls) <= 3 && !over(ls))
}

// A slide's kicker line is set at kickerSize with this line height.
const (
	kickerLH      = 1.3
	kickerLeading = kickerSize * kickerLH
)

// heads sets a text slide's title as large as fits, and says where its
// title and its text start, below the kicker and the title.
func (st *setter) heads(s slide) (ts *typeset.Style, ls []typeset.Line, fits bool, titleY, bodyY float64) {
	y := padTop
	if s.Kicker != "" {
		y += kickerLeading + 1
	}
	titleY, fits = y, true
	if s.Title != "" {
		ts, ls, fits = st.titleFit(s.Title, W-2*padX)
		y += float64(len(ls))*ts.Leading + gap
	}
	return ts, ls, fits, titleY, y
}

// bodyHeight is the height the text of a slide of text has, below its
// kicker and title.
func (st *setter) bodyHeight(s slide) float64 {
	_, _, _, _, y := st.heads(s)
	return H - padBottom - y
}

// runOnSize is the least size a composed list is set at before its items
// run on to another slide: read from the back of a hall.
const runOnSize = 6.0

// runOn expands each composed list that does not fit one slide at
// runOnSize into as many slides as its items need, in order, each item
// whole; the first keeps the slide's kicker, the others say which part of
// how many they are. A list of thousands of task groups makes a long deck,
// never an overflow the editor cannot fix.
func (st *setter) runOn(slides []slide) []slide {
	var out []slide
	for _, s := range slides {
		if !s.RunOn || len(s.Blocks) < 2 {
			out = append(out, s)
			continue
		}
		h := st.bodyHeight(s)
		var parts [][]markdown.Block
		for from := 0; from < len(s.Blocks); {
			to := from + 1
			for to < len(s.Blocks) && st.height(s.Blocks[from:to+1], runOnSize, W-2*padX) <= h+1e-6 {
				to++
			}
			parts = append(parts, s.Blocks[from:to])
			from = to
		}
		for i, p := range parts {
			c := s
			c.Blocks = p
			if len(parts) > 1 {
				c.Kicker = fmt.Sprintf("%s · %d/%d", s.Kicker, i+1, len(parts))
			}
			out = append(out, c)
		}
	}
	return out
}

// height is the height of blocks set at size in width w.
func (st *setter) height(blocks []markdown.Block, size, w float64) float64 {
	var sh typeset.Sheet
	sh.Unit = cqw
	its, _ := st.theme(size).Flow(&sh, blocks, w, nil)
	total := 0.0
	for _, it := range its {
		total += it.H
	}
	return total
}

func over(ls []typeset.Line) bool {
	for _, l := range ls {
		if l.Over > 0 {
			return true
		}
	}
	return false
}

// set sets slide n of the deck.
func (st *setter) set(s slide, n int) Set {
	out := Set{Number: n, Title: s.Title}
	var inner template.HTML
	switch s.Kind {
	case titleSlide:
		inner = st.cover(s)
	case closingSlide:
		inner = st.closing(s)
	default:
		inner = st.content(s, n)
	}
	if s.Kind != titleSlide {
		foot := fmt.Sprintf(`<span class="f-title">%s</span><span class="f-n">%d/%d</span>`,
			template.HTMLEscapeString(st.deck.Title), n, len(st.deck.Slides))
		fs := st.style("f", 0, footSize, 1.35, typeset.Left)
		st.sh.Rule(".slide .foot", "padding-top:"+cqw(1.2)+";font-size:"+cqw(footSize)+";line-height:"+cqw(footSize*1.35))
		inner += st.box("foot", padX, H-padBottom+5, W-2*padX, footSize*1.35+1.2+0.5, template.HTML(foot), "")
		_ = fs
	}
	kind := map[kind]string{titleSlide: "cover", textSlide: "text", figuresSlide: "figures", closingSlide: "closing"}[s.Kind]
	out.HTML = template.HTML(fmt.Sprintf(`<div class="slide k-%s" data-n="%d" role="group" aria-label="Trang %d/%d: %s">%s</div>`,
		kind, n, n, len(st.deck.Slides), template.HTMLEscapeString(s.Title), inner))
	out.Notes = notesHTML(s.Notes)
	return out
}

// content sets a slide of text or figures: kicker, title, then the text
// as large as it fits what is left.
func (st *setter) content(s slide, n int) template.HTML {
	var b strings.Builder
	w := W - 2*padX
	ts, tls, fits, titleY, y := st.heads(s)
	if s.Kicker != "" {
		ks := st.style("k", markdown.Bold, kickerSize, kickerLH, typeset.Left)
		ls := typeset.Lines(ks, []markdown.Run{{Text: strings.ToUpper(s.Kicker)}}, w)
		b.WriteString(string(st.box("kicker", padX, padTop, w, ks.Leading, st.lines(ks, ls[:1]), "")))
	}
	if s.Title != "" {
		st.sh.Style(ts)
		if !fits {
			st.problem(nil, 0, "the title %q is too long for a slide", s.Title)
		}
		b.WriteString(string(st.box("head", padX, titleY, w, float64(len(tls))*ts.Leading, st.lines(ts, tls), "")))
	}
	bodyH := H - padBottom - y
	attr := fmt.Sprintf(` data-part="trang chiếu %d"`, n)
	if s.Kind == figuresSlide {
		b.WriteString(string(st.box("body", padX, y, w, bodyH, st.figures(s, w, bodyH), attr)))
		return template.HTML(b.String())
	}
	items, size, need := st.fitBody(s.Blocks, w, bodyH)
	if need > 0 {
		st.problem(&s, s.start, "slide %d does not fit: at the smallest size (%s mm) its text is %.0f mm too tall", n, typeset.Num(size), need)
	}
	b.WriteString(string(st.box("body", padX, y, w, bodyH, joinItems(items), attr)))
	return template.HTML(b.String())
}

func joinItems(items []typeset.Item) template.HTML {
	var b strings.Builder
	for _, it := range items {
		b.WriteString(string(it.HTML))
	}
	return template.HTML(b.String())
}

// fitBody sets blocks at the largest size of the scale (bodyMax down to
// bodyMin by step) whose height fits h; need is how much too tall they are
// at the smallest (0 when they fit). The height grows with the size, so
// the scale is searched by halves.
func (st *setter) fitBody(blocks []markdown.Block, w, h float64) (items []typeset.Item, size, need float64) {
	steps := int(math.Floor((bodyMax - bodyMin) / step)) // constants: 13 steps of 0.25 mm
	height := func(k int) float64 { return st.height(blocks, bodyMax-float64(k)*step, w) }
	// The first step (largest size) whose text fits, or the last.
	lo, hi := 0, steps
	for lo < hi {
		mid := (lo + hi) / 2
		if height(mid) <= h+1e-6 {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	size = bodyMax - float64(lo)*step
	// Set again into the deck's sheet, so that its rules are kept.
	items, _ = st.theme(size).Flow(st.sh, blocks, w, nil)
	total := 0.0
	for _, it := range items {
		total += it.H
	}
	return items, size, max(0, total-h)
}

// theme is the text of a slide at body size s.
func (st *setter) theme(s float64) *typeset.Theme {
	mk := func(what string, base markdown.Style, size float64) typeset.Style {
		return typeset.Style{Class: what + "-" + key(size), Family: st.sans, Base: base, Size: size, Leading: size * lineHeight, Safety: slideSafety}
	}
	th := &typeset.Theme{
		Body: mk("b", 0, s), Item: mk("b", 0, s), Quote: mk("q", markdown.Italic, s), Code: mk("b", 0, s),
		Cell: mk("c", 0, s*0.85), HeadCell: mk("ch", markdown.Bold, s*0.85),
		After: s * 0.45, Indent: s * 1.5, CellPad: s * 0.25, TableGap: s * 0.5,
	}
	for i := range th.Headings {
		th.Headings[i] = mk("h", markdown.Bold, s*1.1)
		th.Before[i], th.Under[i] = s*0.5, s*0.15
	}
	return th
}

// figures sets up to four key figures as cards: the value as large as
// its card allows, the label under it.
func (st *setter) figures(s slide, w, h float64) template.HTML {
	n := len(s.Figures)
	cols := min(n, 2)
	if n == 3 {
		cols = 3
	}
	rows := (n + cols - 1) / cols
	const g = 5.0
	// Cards no larger than a quarter of the slide, the grid centred.
	cw := min((w-g*float64(cols-1))/float64(cols), 140)
	ch := min((h-g*float64(rows-1))/float64(rows), 70)
	x0 := (w - (cw*float64(cols) + g*float64(cols-1))) / 2
	y0 := (h - (ch*float64(rows) + g*float64(rows-1))) / 2
	st.sh.Rule(".card", "padding:"+cqw(cardPad)+" "+cqw(cardPad)+" 0 "+cqw(cardPad+1))
	var b strings.Builder
	for i, f := range s.Figures {
		x := x0 + float64(i%cols)*(cw+g)
		y := y0 + float64(i/cols)*(ch+g)
		inner := cw - 2*cardPad - 1
		// The label first: as large as fits three lines in half the card.
		var lab *typeset.Style
		var ll []typeset.Line
		for size := labelMax; ; size -= step {
			lab = st.style("lb", 0, size, 1.3, typeset.Left)
			label := f.Label
			if f.Year > 0 {
				label += fmt.Sprintf(" (đến năm %d)", f.Year)
			}
			ll = typeset.Lines(lab, []markdown.Run{{Text: label}}, inner)
			if float64(len(ll))*lab.Leading <= ch*0.5-4 || size-step < labelMin {
				break
			}
		}
		valueH := ch - 2*cardPad - float64(len(ll))*lab.Leading
		res, err := fit.Fit(st.sans.Bold, f.Value, fit.Box{Width: inner, Height: valueH}, fit.Options{MaxSize: figureMax, MaxLines: 2, LineHeight: 1.35, Safety: slideSafety})
		var value template.HTML
		if err != nil {
			st.problem(&s, s.start, "figure %q can not be set: %v", f.Value, err)
		} else {
			vs := st.style("v", markdown.Bold, math.Floor(res.Size*100)/100, 1.35, typeset.Left)
			for _, l := range res.Lines {
				value += typeset.LineHTML(st.sh, vs, typeset.Line{Spans: []typeset.Span{{Text: l}}})
			}
		}
		card := st.box("card", x, y, cw, ch, value+st.lines(lab, ll), "")
		b.WriteString(string(card))
	}
	return template.HTML(b.String())
}

// cover sets the title slide: issuer, title, date line.
func (st *setter) cover(s slide) template.HTML {
	var b strings.Builder
	w := W - 2*padX - 8
	if s.Kicker != "" {
		ks := st.style("ck", markdown.Bold, 5, 1.3, typeset.Center)
		ls := typeset.Balanced(ks, []markdown.Run{{Text: s.Kicker}}, w)
		b.WriteString(string(st.box("c-kicker", padX+4, 16, w, float64(len(ls))*ks.Leading, st.lines(ks, ls), "")))
	}
	res, err := fit.Fit(st.sans.Bold, strings.ToUpper(s.Title), fit.Box{Width: w, Height: 92}, fit.Options{MaxSize: coverTitle, LineHeight: coverLineH, Safety: slideSafety})
	switch {
	case strings.TrimSpace(s.Title) == "":
	case err != nil:
		st.problem(&s, s.start, "the deck's title can not be set: %v", err)
	default:
		ts := st.style("ct", markdown.Bold, math.Floor(res.Size*100)/100, coverLineH, typeset.Center)
		var lines template.HTML
		for _, l := range res.Lines {
			lines += typeset.LineHTML(st.sh, ts, typeset.Line{Spans: []typeset.Span{{Text: l}}})
		}
		h := float64(len(res.Lines)) * ts.Leading
		b.WriteString(string(st.box("c-title", padX+4, 30+(96-h)/2, w, h, lines, "")))
	}
	if len(s.Lines) > 0 {
		ds := st.style("cd", markdown.Italic, 5, 1.4, typeset.Center)
		var ls []typeset.Line
		for _, l := range s.Lines {
			ls = append(ls, typeset.Balanced(ds, []markdown.Run{{Text: l}}, w)...)
		}
		b.WriteString(string(st.box("c-date", padX+4, H-16-float64(len(ls))*ds.Leading, w, float64(len(ls))*ds.Leading, st.lines(ds, ls), "")))
	}
	return template.HTML(b.String())
}

var qrStyle = regexp.MustCompile(` style="[^"]*"`)

// closing sets the last slide: thanks, the QR code and its address.
func (st *setter) closing(s slide) template.HTML {
	var b strings.Builder
	w := W - 2*padX
	ts := st.style("cl", markdown.Bold, closingTitle, 1.35, typeset.Left)
	ls := typeset.Balanced(ts, []markdown.Run{{Text: s.Title}}, w)
	b.WriteString(string(st.box("head", padX, 22, w, float64(len(ls))*ts.Leading, st.lines(ts, ls), "")))
	qr, err := print.QRSVG(s.QR, qrSize)
	if err != nil {
		st.problem(&s, 0, "%v", err)
	}
	qr = template.HTML(qrStyle.ReplaceAllString(string(qr), ""))
	y := 22 + float64(len(ls))*ts.Leading + 10
	b.WriteString(string(st.box("qr-box", padX, y, qrSize, qrSize, qr, "")))
	xs := st.style("cx", 0, 6, 1.35, typeset.Left)
	tw := w - qrSize - 12
	var lines []typeset.Line
	for i, l := range s.Lines {
		ln := typeset.Lines(xs, []markdown.Run{{Text: l, Style: map[bool]markdown.Style{true: markdown.Bold}[i == len(s.Lines)-1]}}, tw)
		lines = append(lines, ln...)
	}
	h := float64(len(lines)) * xs.Leading
	b.WriteString(string(st.box("c-lines", padX+qrSize+12, y+(qrSize-h)/2, tw, h, st.lines(xs, lines), "")))
	return template.HTML(b.String())
}

// problem reports what does not fit, at the slide's place in its file.
func (st *setter) problem(s *slide, off int, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	path := st.deck.Source
	line, col := 0, 0
	switch {
	case s != nil && s.src != nil && st.deck.Source != "":
		path = s.src.Path
		line, col = s.src.At(off)
	case s != nil && s.page != "":
		path = s.page
		msg += " in the deck composed from the site (" + st.deck.URL + ")"
	case path == "":
		path = "the composed deck " + st.deck.URL
	}
	st.ds.Add(diag.At(path, line, col, "%s", msg).WithHint("shorten the text, or split it into two slides"))
}

// notesHTML writes the speaker's notes as simple paragraphs and lists.
func notesHTML(blocks []markdown.Block) template.HTML {
	var b strings.Builder
	inList := false
	for _, bl := range blocks {
		text := spansHTML(bl.Runs)
		switch bl.Kind {
		case markdown.Item:
			if !inList {
				b.WriteString("<ul>")
				inList = true
			}
			fmt.Fprintf(&b, "<li>%s</li>", text)
			continue
		}
		if inList {
			b.WriteString("</ul>")
			inList = false
		}
		switch bl.Kind {
		case markdown.Heading:
			fmt.Fprintf(&b, "<p><b>%s</b></p>", text)
		case markdown.Paragraph, markdown.Code:
			fmt.Fprintf(&b, "<p>%s</p>", text)
		case markdown.Table:
			for _, r := range bl.Rows {
				var cells []string
				for _, c := range r.Cells {
					cells = append(cells, string(spansHTML(c)))
				}
				fmt.Fprintf(&b, "<p>%s</p>", strings.Join(cells, " – "))
			}
		}
	}
	if inList {
		b.WriteString("</ul>")
	}
	return template.HTML(b.String())
}

func spansHTML(runs []markdown.Run) template.HTML {
	var b strings.Builder
	for _, r := range runs {
		t := template.HTMLEscapeString(r.Text)
		switch {
		case r.Style&markdown.Bold != 0:
			t = "<b>" + t + "</b>"
		case r.Style&markdown.Italic != 0:
			t = "<i>" + t + "</i>"
		}
		b.WriteString(t)
	}
	return template.HTML(b.String())
}
