package config

import (
	"slices"

	"loa/internal/frontmatter"
)

// Print holds the print products and what they share: the imprint, the
// press-file settings (PDF/X level, printing condition, the CMYK of each
// colour) and the font print is measured and checked with.
type Print struct {
	BleedMM  float64   `toml:"bleed_mm"` // default bleed of paper products
	Imprint  string    `toml:"imprint"`  // who made it, where: on every product
	Products []Product `toml:"product"`

	// OutputCondition names the printing condition the press files are
	// made for, as the ICC registry does: "FOGRA39" (the default),
	// "Japan Color 2001 Coated" (JC200103), "FOGRA29", "FOGRA51", ...
	OutputCondition string `toml:"output_condition"`
	// PDFX is the PDF/X level of the press files: "PDF/X-1a:2003" (the
	// default) or "PDF/X-1a:2001".
	PDFX string `toml:"pdfx"`
	// MaxInk is the most total ink, in per cent, a colour may carry on
	// the paper of OutputCondition; 0 for no limit.
	MaxInk float64 `toml:"max_ink"`
	// Colors map every colour the print layouts use, by its design
	// token's name (static/css/tokens.css: --red), to what it prints as.
	Colors map[string]Color `toml:"colors"`

	// FontFamily is the CSS family print sets its text in; loa pdf checks
	// that it loaded and that no other font was embedded.
	FontFamily string `toml:"font_family"`
	// FitFont is the font file, under static/, that fitted text (slogans,
	// titles) is measured with: the bold face of FontFamily.
	FitFont string `toml:"fit_font"`

	written []Product // the [[print.product]] tables as written, for checks
}

// Color is one colour of the palette: the value the layouts use on screen
// and what it prints as on press.
type Color struct {
	RGB  string    `toml:"rgb"`  // as CSS writes it: "#a50e0e"
	CMYK []float64 `toml:"cmyk"` // per cent of cyan, magenta, yellow, black
	// Overprint makes text in this colour overprint what lies under it:
	// the rule for 100 % black text.
	Overprint bool `toml:"overprint"`
	// Registration prints on every plate: crop, fold and registration
	// marks and the slug line.
	Registration bool `toml:"registration"`
}

// Registration is the name of the palette entry that crop, fold and
// registration marks and the slug line are drawn in.
const Registration = "registration"

// Product is one kind of printed sheet: its trim size, bleed and layout, and
// what one file of it holds.
type Product struct {
	Name    string    `toml:"name"`      // folder under public/in/
	Title   string    `toml:"title"`     // name shown to printers
	Layout  string    `toml:"layout"`    // layouts/print/<layout>.html: the product's role
	TrimMM  []float64 `toml:"trim_mm"`   // width, height of the finished piece
	BleedMM float64   `toml:"bleed_mm"`  // 0: print.bleed_mm
	SafeMM  float64   `toml:"safe_mm"`   // keep text this far inside the trim and folds
	MarksMM float64   `toml:"marks_mm"`  // room outside the bleed for marks
	Pages   int       `toml:"pages"`     // sides: 1, or 2 for front and back
	Per     string    `toml:"per"`       // "slogan": one file per slogan; "page": per content/in/ file
	Panels  []float64 `toml:"panels_mm"` // folded products: panel widths of the outside, left to right
	// Fold is how a folded product folds: "roll" (three panels, the
	// narrower one folds in first), "half" (two panels); "" for none.
	Fold string `toml:"fold"`
	// HemMM is the hem folded and sewn or welded along each edge of a
	// banner; EyeletMM the spacing of the eyelets along its long edges.
	// 0 for none.
	HemMM    float64 `toml:"hem_mm"`
	EyeletMM float64 `toml:"eyelet_mm"`

	entry int             // 1-based index of its [[print.product]] in config.toml; 0 for a default
	set   map[string]bool // the keys its table writes
}

// Per values.
const (
	PerSlogan = "slogan"
	PerPage   = "page"
)

// Fold values.
const (
	FoldRoll = "roll"
	FoldHalf = "half"
)

// DefaultPrint returns the default print products of DESIGN.md, complete.
func DefaultPrint() Print {
	p := defaultPrint()
	for i := range p.Products {
		fillProduct(&p.Products[i], p.BleedMM)
	}
	return p
}

// defaultPrint is DefaultPrint before the products' defaults are filled.
func defaultPrint() Print {
	return Print{
		BleedMM:         3,
		OutputCondition: "FOGRA39",
		PDFX:            "PDF/X-1a:2003",
		MaxInk:          300,
		Colors:          DefaultColors(),
		FontFamily:      "Noto Sans",
		FitFont:         "fonts/NotoSans-Bold.ttf",
		Products: []Product{
			{Name: "to-gap-a4", Title: "Tờ gấp A4 (gấp ba)", Layout: "leaflet", TrimMM: []float64{297, 210},
				SafeMM: 5, MarksMM: 12, Pages: 2, Per: PerPage, Panels: []float64{97, 100, 100}, Fold: FoldRoll},
			{Name: "to-roi-a5", Title: "Tờ rơi A5", Layout: "flyer", TrimMM: []float64{148, 210},
				SafeMM: 5, MarksMM: 12, Pages: 2, Per: PerPage},
			{Name: "ap-phich-a3", Title: "Áp phích A3", Layout: "poster", TrimMM: []float64{297, 420},
				SafeMM: 5, MarksMM: 12, Pages: 1, Per: PerPage},
			{Name: "bang-ron", Title: "Băng rôn", Layout: "banner", TrimMM: []float64{5000, 800},
				BleedMM: 10, SafeMM: 50, MarksMM: 25, Pages: 1, Per: PerSlogan, HemMM: 40, EyeletMM: 500},
			{Name: "pano", Title: "Pa nô", Layout: "panel", TrimMM: []float64{2400, 1200},
				BleedMM: 10, SafeMM: 50, MarksMM: 25, Pages: 1, Per: PerSlogan, HemMM: 40, EyeletMM: 600},
		},
	}
}

// DefaultColors is the palette of loa's own style sheets: each design
// token of static/css/tokens.css that print uses, with its CMYK. Black
// text is 100 % K and overprints; greys are K only.
func DefaultColors() map[string]Color {
	return map[string]Color{
		"red":          {RGB: "#a50e0e", CMYK: []float64{0, 100, 100, 10}},
		"red-dark":     {RGB: "#7a0a0a", CMYK: []float64{0, 100, 100, 45}},
		"yellow":       {RGB: "#ffd54a", CMYK: []float64{0, 10, 100, 0}},
		"ink":          {RGB: "#1b1b1b", CMYK: []float64{0, 0, 0, 100}, Overprint: true},
		"muted":        {RGB: "#545454", CMYK: []float64{0, 0, 0, 75}},
		"paper":        {RGB: "#ffffff", CMYK: []float64{0, 0, 0, 0}},
		"tint":         {RGB: "#fbf6ef", CMYK: []float64{0, 2, 5, 0}},
		"line":         {RGB: "#e2d9cc", CMYK: []float64{0, 5, 12, 10}},
		"draft":        {RGB: "#f3c1b8", CMYK: []float64{0, 30, 22, 0}},
		"draft-on-red": {RGB: "#d8574c", CMYK: []float64{0, 72, 68, 0}},
		Registration:   {RGB: "#000001", Registration: true},
	}
}

// Product returns the product called name.
func (p Print) Product(name string) (Product, bool) {
	i := slices.IndexFunc(p.Products, func(q Product) bool { return q.Name == name })
	if i < 0 {
		return Product{}, false
	}
	return p.Products[i], true
}

// WithLayout returns the products of a layout (a role: "leaflet",
// "banner"...), in order: how loa and layouts find products, so that a
// site may rename them or add its own.
func (p Print) WithLayout(layout string) []Product {
	var out []Product
	for _, q := range p.Products {
		if q.Layout == layout {
			out = append(out, q)
		}
	}
	return out
}

// RegistrationRGB is the colour marks are drawn in: the palette entry
// marked registration.
func (p Print) RegistrationRGB() string {
	if c, ok := p.Colors[Registration]; ok && c.Registration {
		return c.RGB
	}
	for _, name := range sortedKeys(p.Colors) {
		if p.Colors[name].Registration {
			return p.Colors[name].RGB
		}
	}
	return DefaultColors()[Registration].RGB
}

// Folded reports whether the product folds.
func (p Product) Folded() bool { return len(p.Panels) > 1 }

// Large reports whether the product is a large format (banner, panel):
// hemmed, with a wider safe zone.
func (p Product) Large() bool {
	return len(p.TrimMM) == 2 && max(p.TrimMM[0], p.TrimMM[1]) > 1000
}

// mergePrint lays the file's [print] over the defaults: an entry with a
// default's name replaces it, others are added; colours named in the
// file replace the default of that name.
func mergePrint(def, file Print, md frontmatter.Meta, data []byte) Print {
	out := def
	if md.IsDefined("print", "bleed_mm") {
		out.BleedMM = file.BleedMM
	}
	out.Imprint = file.Imprint
	for _, s := range []struct {
		key      string
		from, to *string
	}{
		{"output_condition", &file.OutputCondition, &out.OutputCondition},
		{"pdfx", &file.PDFX, &out.PDFX},
		{"font_family", &file.FontFamily, &out.FontFamily},
		{"fit_font", &file.FitFont, &out.FitFont},
	} {
		if md.IsDefined("print", s.key) {
			*s.to = *s.from
		}
	}
	if md.IsDefined("print", "max_ink") {
		out.MaxInk = file.MaxInk
	}
	out.Colors = DefaultColors()
	if md.IsDefined("print", "colors") {
		for name, c := range file.Colors {
			out.Colors[name] = c
		}
	}
	written := productKeys(data)
	out.Products = slices.Clone(defaultPrint().Products)
	out.written = nil
	for n, p := range file.Products {
		p.entry = n + 1
		p.set = written[p.entry]
		if slices.ContainsFunc(out.written, func(q Product) bool { return q.Name == p.Name }) {
			out.written = append(out.written, p) // reported as defined twice
			continue
		}
		out.written = append(out.written, p)
		if i := slices.IndexFunc(out.Products, func(q Product) bool { return q.Name == p.Name }); i >= 0 {
			out.Products[i] = p
		} else {
			out.Products = append(out.Products, p)
		}
	}
	for i := range out.Products {
		fillProduct(&out.Products[i], out.BleedMM)
	}
	return out
}

// productKeys returns, for each [[print.product]] table of config.toml
// (from 1), the keys it writes.
func productKeys(data []byte) map[int]map[string]bool {
	out := map[int]map[string]bool{}
	for _, k := range frontmatter.Keys(data) {
		if k.Elem == 0 || k.Header || len(k.Path) != 3 || k.Path[0] != "print" || k.Path[1] != "product" {
			continue
		}
		if out[k.Elem] == nil {
			out[k.Elem] = map[string]bool{}
		}
		out[k.Elem][k.Path[2]] = true
	}
	return out
}

// fillProduct gives a product the defaults it leaves out.
func fillProduct(p *Product, bleed float64) {
	// Large formats (banners, panels) are hemmed and need more room than
	// paper: 10 mm of bleed, a 50 mm safe zone, 25 mm for marks.
	large := p.Large()
	if p.BleedMM == 0 && !p.set["bleed_mm"] {
		p.BleedMM = bleed
		if large {
			p.BleedMM = 10
		}
	}
	if p.Pages == 0 {
		p.Pages = 1
	}
	if p.Per == "" {
		p.Per = PerPage
	}
	if p.Title == "" {
		p.Title = p.Name
	}
	if p.SafeMM == 0 && !p.set["safe_mm"] {
		p.SafeMM = 5
		if large {
			p.SafeMM = 50
		}
	}
	if p.MarksMM == 0 && !p.set["marks_mm"] {
		p.MarksMM = 12
		if large {
			p.MarksMM = 25
		}
	}
	if p.Fold == "" && !p.set["fold"] {
		switch len(p.Panels) {
		case 2:
			p.Fold = FoldHalf
		case 3:
			p.Fold = FoldRoll
		}
	}
	if p.entry > 0 && large && p.Layout == "banner" {
		if !p.set["hem_mm"] {
			p.HemMM = 40
		}
		if !p.set["eyelet_mm"] {
			p.EyeletMM = 500
		}
	}
}
