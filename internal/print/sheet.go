// Package print makes the print products of a site: one print-ready HTML
// file per product and piece (a leaflet, a poster, a banner per slogan),
// each an exact sheet in millimetres with bleed, crop and fold marks, a
// slug label, fitted slogans and QR codes, plus the printers' index and
// manifest.json. PDFs are made from these files by package pdf.
//
// Geometry is in millimetres throughout. Chromium snaps HTML boxes to whole
// CSS pixels (0.26 mm) but keeps inline SVG exact, so the marks are one SVG
// over each sheet with a viewBox in millimetres.
package print

import (
	"fmt"
	"html/template"
	"math"

	"loa/internal/config"
	"loa/internal/templates"
)

// MaxUnscaledMM is the longest side, bleed and marks included, that a sheet
// may have at full size: 200 inches, the largest page PDF viewers and RIPs
// accept without a user unit. Larger sheets are made at 1:10.
const MaxUnscaledMM = 5080

// Sheet is the geometry of one product's pages. All lengths are in real
// millimetres; Scale says how they are drawn.
type Sheet struct {
	TrimW, TrimH float64 // the finished piece
	Bleed        float64 // printed beyond the trim on every side
	Marks        float64 // room beyond the bleed for crop marks and the label
	Safe         float64 // keep text this far inside the trim
	Scale        float64 // 1, or 0.1 for sheets larger than MaxUnscaledMM
}

// NewSheet returns the sheet of a product.
func NewSheet(p config.Product) Sheet {
	s := Sheet{TrimW: p.TrimMM[0], TrimH: p.TrimMM[1], Bleed: p.BleedMM, Marks: p.MarksMM, Safe: p.SafeMM, Scale: 1}
	if max(s.Width(), s.Height()) > MaxUnscaledMM {
		s.Scale = 0.1
	}
	return s
}

// Width and Height are the sheet's full size: trim, bleed and marks.
func (s Sheet) Width() float64  { return s.TrimW + 2*s.Bleed + 2*s.Marks }
func (s Sheet) Height() float64 { return s.TrimH + 2*s.Bleed + 2*s.Marks }

// Rect is a rectangle on the sheet, in millimetres from its top-left corner.
type Rect struct{ X, Y, W, H float64 }

func (r Rect) array() [4]float64 { return [4]float64{r.X, r.Y, r.W, r.H} }

// BleedBox and TrimBox are the sheet's boxes, as PDF names them.
func (s Sheet) BleedBox() Rect {
	return Rect{s.Marks, s.Marks, s.TrimW + 2*s.Bleed, s.TrimH + 2*s.Bleed}
}

func (s Sheet) TrimBox() Rect {
	return Rect{s.Marks + s.Bleed, s.Marks + s.Bleed, s.TrimW, s.TrimH}
}

// ScaleLabel is how labels, the manifest and the printers' index write the
// scale: "1:1" or "1:10".
func (s Sheet) ScaleLabel() string {
	if s.Scale == 1 {
		return "1:1"
	}
	return "1:" + num(1/s.Scale)
}

// PageSize is the CSS @page size of the sheet, scaled.
func (s Sheet) PageSize() string {
	return num(s.Width()*s.Scale) + "mm " + num(s.Height()*s.Scale) + "mm"
}

// draftMark is the DỰ THẢO mark of a piece that carries unapproved
// wording, in two parts. The words across the whole trim, diagonally,
// outlined in red over a pale fill, so that they show on white paper and
// on a red banner alike; drawn under the content, so that text and QR
// codes stay whole. And a line of text in the top margin band between the
// trim and the safe zone, where no content ever goes.
func (s Sheet) draftMark() template.HTML {
	w, h := s.TrimW, s.TrimH
	angle := -math.Atan2(h, w) * 180 / math.Pi
	// The words fill about two thirds of the diagonal, and never more than
	// half of the short side in height.
	size := min(math.Hypot(w, h)*0.62/4.3, min(w, h)*0.5)
	band := s.Safe * 0.5
	return template.HTML(fmt.Sprintf(
		`<svg class="du-thao" data-loa="du-thao" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" preserveAspectRatio="none" `+
			`style="position:absolute;left:0;top:0;width:100%%;height:100%%;z-index:0;display:block;visibility:visible;opacity:1;pointer-events:none" aria-hidden="true">`+
			`<text x="%s" y="%s" transform="rotate(%s %s %s)" text-anchor="middle" dominant-baseline="central" `+
			`font-family="Noto Sans, sans-serif" font-weight="700" font-size="%s" fill="#ffffff" fill-opacity="0.28" stroke="#cc0000" stroke-opacity="0.55" stroke-width="%s">DỰ THẢO</text>`+
			`<text x="%s" y="%s" font-family="Noto Sans, sans-serif" font-weight="700" font-size="%s" fill="#cc0000" stroke="#ffffff" stroke-width="%s" paint-order="stroke">DỰ THẢO – câu chữ chưa được phê duyệt, không in đại trà</text></svg>`,
		num(w), num(h), num(w/2), num(h/2), num(angle), num(w/2), num(h/2), num(size), num(size*0.012),
		num(s.Safe), num(s.Safe*0.2+band), num(band), num(band*0.15)))
}

// Unit is the CSS length of one millimetre of the design on this sheet:
// the value of --mm.
func (s Sheet) Unit() template.CSS { return template.CSS(num(s.Scale) + "mm") }

// PageCSS is the CSS @page size of the sheet, scaled.
func (s Sheet) PageCSS() template.CSS { return template.CSS(s.PageSize()) }

// num formats a length without trailing zeros: 297, 12.5, 0.25.
func num(v float64) string { return templates.Num(v) }

// Length formats a length in millimetres as CSS, through the sheet's one
// scale variable: calc(297 * var(--mm)).
func Length(mm float64) string { return templates.MM(mm) }
