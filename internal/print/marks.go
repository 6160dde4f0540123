package print

import (
	"fmt"
	"html/template"
	"strings"
)

// markStroke is the width of crop and fold marks on paper: 0.25 pt.
const markStroke = 0.088

// Slug is the slug line of one side: two lines of text for the printer in
// the mark area under the sheet. The second ends with the date the PDF
// was made, which loa pdf writes into the element data-loa="made".
type Slug struct {
	Lines [2]string
	// Undated is what the date says until loa pdf writes it.
	Undated string
}

// MarkStyle is how marks are drawn: in the registration colour (which
// prints on every plate), the label in the print font.
type MarkStyle struct {
	Color  string // "#000001": the palette's registration colour
	Family string // the CSS font family of the label
	// Measure returns the width of a text set at size 1, for the label
	// to fit between the crop marks; nil guesses.
	Measure func(string) float64
}

// MarksSVG draws, in one SVG over the sheet, what the printer needs and
// the trimming removes: crop marks at each corner of the trim (from the
// bleed edge outwards, so that none shows on a piece trimmed a little
// off), dashed fold marks at the given distances from the trim's left
// edge, and the slug line in the mark area. The PDF's TrimBox and
// BleedBox say the rest.
func (s Sheet) MarksSVG(slug Slug, folds []float64, st MarkStyle) template.HTML {
	var b strings.Builder
	w, h := s.Width(), s.Height()
	// On large formats the marks and label grow with the sheet, so that
	// they stay usable once a scaled file is printed at full size.
	k := max(1, max(s.TrimW, s.TrimH)/600)
	stroke := markStroke * k
	color := template.HTMLEscapeString(st.Color)
	fmt.Fprintf(&b, `<svg class="marks" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="%smm" height="%smm" aria-hidden="true">`,
		num(w), num(h), num(w*s.Scale), num(h*s.Scale))
	bl, tr := s.BleedBox(), s.TrimBox()
	gap := s.Marks * 0.2 // leave a little room between the bleed and the mark
	line := func(x1, y1, x2, y2 float64, dashed bool) {
		dash := ""
		if dashed {
			dash = fmt.Sprintf(` stroke-dasharray="%s %s"`, num(1.5*k), num(1*k))
		}
		fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"%s/>`,
			num(x1), num(y1), num(x2), num(y2), color, num(stroke), dash)
	}
	for _, x := range []float64{tr.X, tr.X + tr.W} {
		line(x, 0, x, bl.Y-gap, false)      // top
		line(x, bl.Y+bl.H+gap, x, h, false) // bottom
	}
	for _, y := range []float64{tr.Y, tr.Y + tr.H} {
		line(0, y, bl.X-gap, y, false)      // left
		line(bl.X+bl.W+gap, y, w, y, false) // right
	}
	// Fold marks: full length above the sheet; below it only in the inner
	// half of the mark area, whose outer half holds the slug line.
	for _, f := range folds {
		x := tr.X + f
		line(x, 0, x, bl.Y-gap, true)
		line(x, bl.Y+bl.H+gap, x, bl.Y+bl.H+s.Marks/2, true)
	}
	// The slug line sits between the crop marks, in the outer half of the
	// mark area, small enough to fit there.
	measure := st.Measure
	if measure == nil {
		measure = func(t string) float64 { return 0.6 * float64(len([]rune(t))) }
	}
	room := tr.W - 4*k
	widest := max(measure(slug.Lines[0]), measure(slug.Lines[1]+slug.Undated))
	size := min(s.Marks*0.19, 2.4*k, room/max(widest, 1))
	base := bl.Y + bl.H + s.Marks/2 + size
	family := template.HTMLEscapeString(st.Family)
	fmt.Fprintf(&b, `<text font-family="%s" font-size="%s" fill="%s">`, family, num(size), color)
	fmt.Fprintf(&b, `<tspan x="%s" y="%s">%s</tspan>`, num(tr.X+2*k), num(base), template.HTMLEscapeString(slug.Lines[0]))
	fmt.Fprintf(&b, `<tspan x="%s" y="%s">%s<tspan data-loa="made">%s</tspan></tspan>`,
		num(tr.X+2*k), num(base+1.3*size), template.HTMLEscapeString(slug.Lines[1]), template.HTMLEscapeString(slug.Undated))
	b.WriteString(`</text></svg>`)
	return template.HTML(b.String())
}
