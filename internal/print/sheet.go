// Package print makes the print products of a site: one print-ready HTML
// file per product and piece (a leaflet, a poster, a banner per slogan),
// each an exact sheet in millimetres with bleed, crop and fold marks, a
// slug line, fitted slogans and QR codes, plus the printers' index and
// manifest.json. PDFs are made from these files by package pdf, press
// files from those by package pdfx.
//
// Geometry is in millimetres throughout. Chromium snaps HTML boxes to whole
// CSS pixels (0.26 mm) but keeps inline SVG exact, so the marks are one SVG
// over each sheet with a viewBox in millimetres.
//
// Colours: everything this package draws (marks, the DỰ THẢO mark, QR
// codes) is in a colour of the palette of config.toml's [print.colors],
// either named there (the registration colour of the marks) or through a
// design token of static/css/tokens.css (var(--ink)), so that package
// pdfx can print each colour as exactly its CMYK. Nothing is transparent,
// stroked text or a gradient, which PDF/X-1a has no room for.
//
// Layouts find products by their layout, the product's role (leaflet,
// flyer, poster, banner, panel), never by name, so that a site may rename
// the products or add its own.
package print

import (
	"html/template"
	"math"

	"loa/internal/config"
	"loa/internal/templates"
)

// MaxUnscaledMM is the longest side, bleed and marks included, that a
// page may have: 200 inches, the largest page PDF viewers and RIPs accept
// without a user unit. A larger sheet is drawn at 1:10, or 1:100 when
// even that is too large.
const MaxUnscaledMM = 5080

// Sheet is the geometry of one product's pages. All lengths are in real
// millimetres; Scale says how they are drawn.
type Sheet struct {
	TrimW, TrimH float64 // the finished piece
	Bleed        float64 // printed beyond the trim on every side
	Marks        float64 // room beyond the bleed for crop marks and the slug line
	Safe         float64 // keep text this far inside the trim
	Scale        float64 // 1, 0.1 or 0.01: how the page draws the sheet
}

// NewSheet returns the sheet of a product.
func NewSheet(p config.Product) Sheet {
	s := Sheet{TrimW: p.TrimMM[0], TrimH: p.TrimMM[1], Bleed: p.BleedMM, Marks: p.MarksMM, Safe: p.SafeMM, Scale: 1}
	for d := 10.0; max(s.Width(), s.Height())*s.Scale > MaxUnscaledMM; d *= 10 {
		s.Scale = 1 / d
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

// Divisor is how many times larger the sheet prints than it is drawn:
// 1, 10 or 100.
func (s Sheet) Divisor() int { return int(math.Round(1 / s.Scale)) }

// ScaleLabel is how labels, the manifest and the printers' index write the
// scale: "1:1", "1:10", "1:100".
func (s Sheet) ScaleLabel() string { return "1:" + num(float64(s.Divisor())) }

// PageSize is the CSS @page size of the sheet, scaled.
func (s Sheet) PageSize() string {
	return num(s.Width()*s.Scale) + "mm " + num(s.Height()*s.Scale) + "mm"
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
