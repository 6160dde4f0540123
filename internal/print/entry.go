package print

import (
	"fmt"
	"strings"

	"loa/internal/config"
	"loa/internal/paths"
	"loa/internal/pdfx"
)

// Entry describes one piece for printers, in in/manifest.json.
type Entry struct {
	File    string     `json:"file"`
	PDF     string     `json:"pdf"`   // the press file, PDF/X
	Proof   string     `json:"proof"` // the screen proof, RGB
	Product string     `json:"product"`
	Title   string     `json:"title"`
	Layout  string     `json:"layout"`
	TrimMM  [2]float64 `json:"trim_mm"`
	BleedMM float64    `json:"bleed_mm"`
	MarksMM float64    `json:"marks_mm"`
	SafeMM  float64    `json:"safe_mm"`  // keep text this far inside the trim and folds
	SheetMM [2]float64 `json:"sheet_mm"` // the whole page, marks included, at full size
	Pages   int        `json:"pages"`
	Scale   float64    `json:"scale"`            // 1, 0.1 or 0.01: print it 1/scale times larger
	Draft   bool       `json:"draft"`            // carries unapproved wording, stamped DỰ THẢO
	Drafts  []string   `json:"drafts,omitempty"` // the slogans' files
	Source  string     `json:"source,omitempty"` // the content file it comes from
	QR      string     `json:"qr,omitempty"`     // where its QR code leads; "" when it has none
	// QRBase says what is wrong with the address of the QR code:
	// "unset", "local" (this computer's own), "placeholder"; "" for
	// nothing.
	QRBase  string     `json:"qr_base,omitempty"`
	Version string     `json:"version"` // a hash of what the piece shows: two files of one version print alike
	Color   Color      `json:"color"`
	Sides   []SideInfo `json:"sides"`
	// Fold is how the piece folds ("roll", "half"), FoldsMM where, from
	// the trim's left edge of side 1.
	Fold    string    `json:"fold,omitempty"`
	FoldsMM []float64 `json:"folds_mm,omitempty"`
	// HemMM and EyeletMM are the finishing of a banner: the hem along
	// each edge, the spacing of eyelets along the long edges.
	HemMM     float64  `json:"hem_mm,omitempty"`
	EyeletMM  float64  `json:"eyelet_mm,omitempty"`
	Finishing []string `json:"finishing,omitempty"` // the same, for people, in Vietnamese
	// TrimBox and BleedBox are the sheet's boxes at full size, in mm from
	// its top-left corner: x, y, width, height. loa pdf sets the PDF's
	// boxes from them.
	TrimBox  [4]float64 `json:"trim_box_mm"`
	BleedBox [4]float64 `json:"bleed_box_mm"`
}

// Color is the colour of a press file: CMYK for a printing condition.
type Color struct {
	Mode      string `json:"mode"`      // "CMYK"
	Standard  string `json:"standard"`  // "PDF/X-1a:2003"
	Condition string `json:"condition"` // the registry's name: "FOGRA39"
	Name      string `json:"name"`      // "Coated FOGRA39"
}

// SideInfo is one side of a piece, for printers.
type SideInfo struct {
	Side    int         `json:"side"`           // from 1
	Name    string      `json:"name,omitempty"` // "outside", "inside", "front", "back"
	Turn    string      `json:"turn,omitempty"` // how the sheet turns over to this side
	FoldsMM []float64   `json:"folds_mm,omitempty"`
	Panels  []PanelInfo `json:"panels"`
}

// PanelInfo is one panel of a side.
type PanelInfo struct {
	Name string  `json:"name"`
	Part int     `json:"part"` // in reading order, from 1
	XMM  float64 `json:"x_mm"` // from the trim's left edge
	WMM  float64 `json:"w_mm"`
}

// Turn is how a two-sided piece turns over: about its vertical axis, the
// left edge going to the right, head to head; loa mirrors the panels of
// the back for it.
const Turn = "left to right, head to head"

// Href, PDFHref and ProofHref link to the piece from the printers' index,
// in in/.
func (e Entry) Href() string      { return strings.TrimPrefix(e.File, paths.PrintDir+"/") }
func (e Entry) PDFHref() string   { return strings.TrimPrefix(e.PDF, paths.PrintDir+"/") }
func (e Entry) ProofHref() string { return strings.TrimPrefix(e.Proof, paths.PrintDir+"/") }

// ScaleLabel writes the scale as printers read it: "1:1", "1:10".
func (e Entry) ScaleLabel() string { return Sheet{Scale: e.Scale}.ScaleLabel() }

// sideName names side n (from 1) of a product for printers, in English
// for the manifest and in Vietnamese for the slug line.
func sideName(p config.Product, n int) (en, vi string) {
	switch {
	case p.Pages < 2:
		return "", "một mặt"
	case p.Folded() && n == 1:
		return "outside", "mặt ngoài"
	case p.Folded():
		return "inside", "mặt trong"
	case n == 1:
		return "front", "mặt trước"
	}
	return "back", "mặt sau"
}

// PressColor says what colour the press files of the site are in: a
// product printed by a print shop carries it in its Entry; one printed on
// an office printer (a bulletin, a deck) carries none and gets an RGB PDF.
func PressColor(c *config.Config) Color { return colorOf(c) }

// colorOf says what colour the press files of the site are in.
func colorOf(c *config.Config) Color {
	col := Color{Mode: "CMYK", Standard: c.Print.PDFX, Condition: c.Print.OutputCondition}
	if std, err := pdfx.ParseStandard(c.Print.PDFX); err == nil {
		col.Standard = std.String()
	}
	if oc, err := pdfx.KnownCondition(c.Print.OutputCondition); err == nil {
		col.Condition, col.Name = oc.Identifier, oc.Condition
	}
	return col
}

// qrBase says what is wrong with base_url for a printed QR code.
func qrBase(c *config.Config) string {
	switch {
	case !c.BaseURLSet():
		return "unset"
	case c.BaseURLLocal():
		return "local"
	case c.BaseURLPlaceholder():
		return "placeholder"
	}
	return ""
}

// finishing describes, in Vietnamese, what is done to a piece after
// printing.
func finishing(p config.Product, outsideFolds []float64) []string {
	var out []string
	switch p.Fold {
	case config.FoldRoll:
		if len(outsideFolds) == 2 {
			out = append(out, fmt.Sprintf("Gấp cuốn (roll fold): gập tấm %s mm bên trái mặt ngoài vào trong trước (nếp gấp ở %s mm), rồi gập bìa trước lên trên (nếp gấp ở %s mm)",
				num(p.Panels[0]), num(outsideFolds[0]), num(outsideFolds[1])))
		}
	case config.FoldHalf:
		if len(outsideFolds) == 1 {
			out = append(out, fmt.Sprintf("Gấp đôi: nếp gấp ở %s mm từ mép trái mặt ngoài", num(outsideFolds[0])))
		}
	}
	if p.HemMM > 0 {
		out = append(out, fmt.Sprintf("Viền %s mm quanh bốn cạnh (may hoặc hàn nhiệt)", num(p.HemMM)))
	}
	if p.EyeletMM > 0 {
		out = append(out, fmt.Sprintf("Khoen (ô-dê) ở bốn góc và cách nhau %s mm dọc hai cạnh dài", num(p.EyeletMM)))
	}
	return out
}

// slug is the slug line of side n of a piece.
func slug(pc Piece, n int, e Entry) Slug {
	s := pc.Sheet
	_, side := sideName(pc.Product, n)
	first := fmt.Sprintf("%s · %s · mặt %d/%d: %s · thành phẩm %s × %s mm · bù xén %s mm · vùng an toàn %s mm · tỉ lệ %s",
		pc.File(), pc.Product.Title, n, e.Pages, side, num(s.TrimW), num(s.TrimH), num(s.Bleed), num(s.Safe), s.ScaleLabel())
	if len(e.FoldsMM) > 0 {
		first += " · nếp gấp " + joinMM(e.Sides[n-1].FoldsMM) + " mm"
	}
	if e.Draft {
		first += " · DỰ THẢO"
	}
	second := fmt.Sprintf("%s %s · %s · bản %s", e.Color.Mode, e.Color.Condition, e.Color.Standard, e.Version)
	if e.Pages == 2 {
		second += " · in hai mặt, lật trái sang phải, đầu trang cùng phía"
	}
	return Slug{Lines: [2]string{first, second + " · ngày "}, Undated: "(khi tạo PDF)"}
}

func joinMM(vs []float64) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = num(v)
	}
	return strings.Join(parts, ", ")
}

// entry is the manifest entry of a piece; version is a hash of its sides.
func entry(pc Piece, title string, drafts []string, hasQR bool, version string, c *config.Config) Entry {
	e := Entry{
		File: pc.File(), PDF: pc.PDF(), Proof: pc.Proof(), Product: pc.Product.Name, Title: title, Layout: pc.Product.Layout,
		TrimMM: [2]float64{pc.Sheet.TrimW, pc.Sheet.TrimH}, BleedMM: pc.Sheet.Bleed, MarksMM: pc.Sheet.Marks, SafeMM: pc.Sheet.Safe,
		SheetMM: [2]float64{pc.Sheet.Width(), pc.Sheet.Height()},
		Pages:   pc.Product.Pages, Scale: pc.Sheet.Scale, Draft: len(drafts) > 0, Drafts: drafts,
		Version:  version,
		Color:    colorOf(c),
		Fold:     pc.Product.Fold,
		HemMM:    pc.Product.HemMM,
		EyeletMM: pc.Product.EyeletMM,
		TrimBox:  pc.Sheet.TrimBox().array(),
		BleedBox: pc.Sheet.BleedBox().array(),
	}
	if hasQR {
		e.QR, e.QRBase = c.BaseURL+pc.Target, qrBase(c)
	}
	for i, panels := range sides(pc.Product) {
		name, _ := sideName(pc.Product, i+1)
		si := SideInfo{Side: i + 1, Name: name, FoldsMM: folds(panels)}
		if i == 1 {
			si.Turn = Turn
		}
		for _, p := range panels {
			si.Panels = append(si.Panels, PanelInfo{Name: p.Name, Part: p.Part, XMM: p.X, WMM: p.W})
		}
		e.Sides = append(e.Sides, si)
	}
	if len(e.Sides) > 0 {
		e.FoldsMM = e.Sides[0].FoldsMM
	}
	e.Finishing = finishing(pc.Product, e.FoldsMM)
	if pc.Page != nil {
		e.Source = pc.Page.Path
	}
	return e
}
