// Package paged holds what the documents loa paginates itself share on
// paper (bulletins, decks, handouts, the booklet, the outline): the page's
// geometry, the sheets of the print-ready HTML and their entries in the
// printers' manifest. The text itself is set by package typeset.
//
// Each page is a sheet (class "sheet", the trim size, nothing around it:
// these documents print on office printers or are imposed before going to
// press) holding a text area marked with data-part, so that loa pdf's
// overflow check names the page whose text does not fit.
package paged

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/print"
	"loa/internal/typeset"
	"loa/internal/view"
)

// Geometry is a page and its margins, in mm. On facing pages (a booklet)
// Inner is the margin at the spine: left on odd pages, right on even ones.
type Geometry struct {
	W, H                      float64
	Top, Bottom, Inner, Outer float64
	Facing                    bool
}

// TextW and TextH are the text area's size.
func (g Geometry) TextW() float64 { return g.W - g.Inner - g.Outer }
func (g Geometry) TextH() float64 { return g.H - g.Top - g.Bottom }

// Left is the left margin of page n (from 1).
func (g Geometry) Left(n int) float64 {
	if g.Facing && n%2 == 0 {
		return g.Outer
	}
	return g.Inner
}

// Rules adds to sh the rules of the sheets and text areas of g: classes
// "sheet", "text", and "odd"/"even" for facing pages.
func (g Geometry) Rules(sh *typeset.Sheet) {
	sh.Rule(".sheet", fmt.Sprintf("position:relative;overflow:hidden;box-sizing:border-box;width:%s;height:%s;break-after:page;background:#fff",
		typeset.MM(g.W), typeset.MM(g.H)))
	sh.Rule(".sheet:last-child", "break-after:auto")
	sh.Rule(".text", fmt.Sprintf("position:absolute;overflow:hidden;top:%s;width:%s;height:%s;left:%s",
		typeset.MM(g.Top), typeset.MM(g.TextW()), typeset.MM(g.TextH()), typeset.MM(g.Inner)))
	if g.Facing {
		sh.Rule(".even .text", "left:"+typeset.MM(g.Outer))
	}
}

// PageCSS is the @page rule of a document of pages g.W × g.H with no
// margin (each sheet is a whole page).
func (g Geometry) PageCSS() string {
	return fmt.Sprintf("@page{size:%s %s;margin:0}", typeset.MM(g.W), typeset.MM(g.H))
}

// Sheet writes page n of a document: its extra classes, what sits in its
// margins (head, foot: positioned by the layout's CSS) and its text area.
func Sheet(n int, class string, margins, text template.HTML) template.HTML {
	side := "odd"
	if n%2 == 0 {
		side = "even"
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<section class="sheet %s %s" id="trang-%d">`, side, class, n)
	b.WriteString(string(margins))
	fmt.Fprintf(&b, `<div class="text" data-part="trang %d">`, n)
	b.WriteString(string(text))
	b.WriteString(`</div></section>`)
	return template.HTML(b.String())
}

// Body joins the items of a page.
func Body(items []typeset.Item) template.HTML {
	var b strings.Builder
	for _, it := range items {
		b.WriteString(string(it.HTML))
	}
	return template.HTML(b.String())
}

// Entry is the manifest entry of a document of pages w × h mm with no
// bleed or marks: an office printer prints it as it is.
func Entry(file, pdf, product, title, layout string, w, h float64, pages int, source, qr string) print.Entry {
	return print.Entry{
		File: file, PDF: pdf, Product: product, Title: title, Layout: layout,
		TrimMM: [2]float64{w, h}, SheetMM: [2]float64{w, h}, Pages: pages, Scale: 1,
		Source: source, QR: qr,
		TrimBox:  [4]float64{0, 0, w, h},
		BleedBox: [4]float64{0, 0, w, h},
	}
}

// Layout is the one layout of the paginated documents, under layouts/:
// the document around its sheets. Each product's look is in
// static/css/paged.css, by the body's class.
const Layout = "print/paged.html"

// Doc is what print/paged.html sees.
type Doc struct {
	Site    *view.Site
	Title   string
	Product string       // the body's class: "doc-<product>"
	Rel     string       // from the document's folder to the output root: "../../"
	CSS     template.CSS // the lengths the text was set at (typeset.Sheet), and the @page rule
	Extra   []string     // more style sheets, output paths from the root ("css/slides.css")
	Sheets  []template.HTML
}

// Render writes doc with the site's print/paged.html, recording the
// layout's files for rec.
func Render(in *maker.Input, rec *view.Recorder, doc Doc) ([]byte, diag.List) {
	set, err := in.Layouts.Set(Layout, "", "")
	if err != nil {
		return nil, diag.List{in.Layouts.Error(err)}
	}
	maker.Layout(rec, set)
	var b bytes.Buffer
	if err := set.ExecuteTemplate(&b, Layout, doc); err != nil {
		return nil, diag.List{in.Layouts.Error(err)}
	}
	return b.Bytes(), nil
}

// The font files the documents are set in and embed, under static/; the
// print style sheet (css/print.css) names the same files.
const (
	SansRegular  = "static/fonts/NotoSans-Regular.ttf"
	SansBold     = "static/fonts/NotoSans-Bold.ttf"
	SansItalic   = "static/fonts/NotoSans-Italic.ttf"
	SerifRegular = "static/fonts/NotoSerif-Regular.ttf"
	SerifBold    = "static/fonts/NotoSerif-Bold.ttf"
	SerifItalic  = "static/fonts/NotoSerif-Italic.ttf"
)

// Sans and Serif return the documents' two typefaces, their files read
// for rec.
func Sans(in *maker.Input, rec *view.Recorder, fonts *typeset.Fonts) (*typeset.Family, error) {
	return fonts.Family(func(p string) ([]byte, error) { return in.Read(rec, p) }, `"Noto Sans", sans-serif`, SansRegular, SansBold, SansItalic)
}

func Serif(in *maker.Input, rec *view.Recorder, fonts *typeset.Fonts) (*typeset.Family, error) {
	return fonts.Family(func(p string) ([]byte, error) { return in.Read(rec, p) }, `"Noto Serif", serif`, SerifRegular, SerifBold, SerifItalic)
}
