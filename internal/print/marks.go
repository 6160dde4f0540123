package print

import (
	"fmt"
	"html/template"
	"strings"
)

// markStroke is the width of crop and fold marks on paper: 0.25 pt.
const markStroke = 0.088

// MarksSVG draws, in one SVG over the sheet, what the printer needs and
// the trimming removes: the bleed rectangle, crop marks at each corner of
// the trim (from the bleed edge outwards, so that none shows on a piece
// trimmed a little off), dashed fold marks at the given distances from the
// trim's left edge, and the slug label in the mark area.
func (s Sheet) MarksSVG(label string, folds []float64) template.HTML {
	var b strings.Builder
	w, h := s.Width(), s.Height()
	// On large formats the marks and label grow with the sheet, so that
	// they stay usable once the 1:10 file is printed at full size.
	k := max(1, max(s.TrimW, s.TrimH)/600)
	stroke := markStroke * k
	fmt.Fprintf(&b, `<svg class="marks" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="%smm" height="%smm" aria-hidden="true">`,
		num(w), num(h), num(w*s.Scale), num(h*s.Scale))
	bl := s.BleedBox()
	fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="none" stroke="#000" stroke-width="%s" stroke-opacity="0.35"/>`,
		num(bl.X), num(bl.Y), num(bl.W), num(bl.H), num(stroke/2))
	tr := s.TrimBox()
	gap := s.Marks * 0.2 // leave a little room between the bleed and the mark
	line := func(x1, y1, x2, y2 float64, dashed bool) {
		dash := ""
		if dashed {
			dash = fmt.Sprintf(` stroke-dasharray="%s %s"`, num(1.5*k), num(1*k))
		}
		fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#000" stroke-width="%s"%s/>`,
			num(x1), num(y1), num(x2), num(y2), num(stroke), dash)
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
	// half of the mark area, whose outer half holds the label.
	for _, f := range folds {
		x := tr.X + f
		line(x, 0, x, bl.Y-gap, true)
		line(x, bl.Y+bl.H+gap, x, bl.Y+bl.H+s.Marks/2, true)
	}
	// The label sits between the crop marks, small enough to fit there.
	room := tr.W - 4*k
	size := min(s.Marks*0.3, 3*k, room/(0.56*float64(len([]rune(label)))))
	fmt.Fprintf(&b, `<text x="%s" y="%s" font-family="Noto Sans, sans-serif" font-size="%s" fill="#000">%s</text>`,
		num(tr.X+2*k), num(h-s.Marks*0.22), num(size), template.HTMLEscapeString(label))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
