package print

import (
	"fmt"
	"html/template"
	"strings"

	"loa/internal/config"
	"loa/internal/paths"
)

// Entry describes one piece for printers, in in/manifest.json.
type Entry struct {
	File    string     `json:"file"`
	PDF     string     `json:"pdf"`
	Product string     `json:"product"`
	Title   string     `json:"title"`
	Layout  string     `json:"layout"`
	TrimMM  [2]float64 `json:"trim_mm"`
	BleedMM float64    `json:"bleed_mm"`
	MarksMM float64    `json:"marks_mm"`
	SheetMM [2]float64 `json:"sheet_mm"` // the whole page, marks included, at full size
	Pages   int        `json:"pages"`
	Scale   float64    `json:"scale"`
	Draft   bool       `json:"draft"`            // carries unapproved wording, stamped DỰ THẢO
	Drafts  []string   `json:"drafts,omitempty"` // the slogans' files
	Source  string     `json:"source,omitempty"` // the content file it comes from
	QR      string     `json:"qr"`               // where its QR code leads
	// TrimBox and BleedBox are the sheet's boxes at full size, in mm from
	// its top-left corner: x, y, width, height. loa pdf sets the PDF's
	// boxes from them.
	TrimBox  [4]float64 `json:"trim_box_mm"`
	BleedBox [4]float64 `json:"bleed_box_mm"`
}

// Href and PDFHref link to the piece from the printers' index, in in/.
func (e Entry) Href() string    { return strings.TrimPrefix(e.File, paths.PrintDir+"/") }
func (e Entry) PDFHref() string { return strings.TrimPrefix(e.PDF, paths.PrintDir+"/") }

// ScaleLabel writes the scale as printers read it: "1:1", "1:10".
func (e Entry) ScaleLabel() string { return Sheet{Scale: e.Scale}.ScaleLabel() }

func entry(pc Piece, drafts []string, c *config.Config) Entry {
	e := Entry{
		File: pc.File(), PDF: pc.PDF(), Product: pc.Product.Name, Title: title(pc), Layout: pc.Product.Layout,
		TrimMM: [2]float64{pc.Sheet.TrimW, pc.Sheet.TrimH}, BleedMM: pc.Sheet.Bleed, MarksMM: pc.Sheet.Marks,
		SheetMM: [2]float64{pc.Sheet.Width(), pc.Sheet.Height()},
		Pages:   pc.Product.Pages, Scale: pc.Sheet.Scale, Draft: len(drafts) > 0, Drafts: drafts,
		QR:       c.BaseURL + pc.Target,
		TrimBox:  pc.Sheet.TrimBox().array(),
		BleedBox: pc.Sheet.BleedBox().array(),
	}
	if pc.Page != nil {
		e.Source = pc.Page.Path
	}
	return e
}

// sheetHTML wraps one side in its sheet: the bleed and trim boxes, the
// DỰ THẢO mark when the piece carries unapproved wording, and the marks.
// It is made here, not in a layout, so that no layout can leave out the
// marks or the DỰ THẢO mark.
func sheetHTML(pc Piece, n, of int, folds []float64, side template.HTML, draft bool) template.HTML {
	s := pc.Sheet
	var b strings.Builder
	box := func(r Rect) string {
		return fmt.Sprintf("left:%s;top:%s;width:%s;height:%s", Length(r.X), Length(r.Y), Length(r.W), Length(r.H))
	}
	fmt.Fprintf(&b, `<section class="sheet side-%d" style="width:%s;height:%s">`, n, Length(s.Width()), Length(s.Height()))
	fmt.Fprintf(&b, `<div class="bleed" style="%s"></div>`, box(s.BleedBox()))
	fmt.Fprintf(&b, `<div class="trim" data-part="%s" style="%s">`, partName(n, of), box(s.TrimBox()))
	if draft {
		// Under the content, so that QR codes and text stay whole.
		b.WriteString(string(s.draftMark()))
	}
	b.WriteString(string(side))
	b.WriteString(`</div>`)
	b.WriteString(string(s.MarksSVG(label(pc, n, of, draft), folds)))
	b.WriteString(`</section>`)
	return template.HTML(b.String())
}

// partName names a side for overflow reports.
func partName(n, of int) string {
	if of == 1 {
		return "sheet"
	}
	return fmt.Sprintf("side %d of %d", n, of)
}

// label is the slug line in the mark area.
func label(pc Piece, n, of int, draft bool) string {
	s := pc.Sheet
	l := fmt.Sprintf("%s · %s · thành phẩm %s × %s mm · bù xén %s mm · tỉ lệ %s · mặt %d/%d",
		pc.File(), pc.Product.Title, num(s.TrimW), num(s.TrimH), num(s.Bleed), s.ScaleLabel(), n, of)
	if draft {
		l += " · DỰ THẢO"
	}
	return l
}
