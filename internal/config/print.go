package config

import (
	"fmt"
	"slices"

	"loa/internal/diag"
	"loa/internal/frontmatter"
	"loa/internal/vntext"
)

// Print holds the print products and what they share.
type Print struct {
	BleedMM  float64   `toml:"bleed_mm"` // default bleed of paper products
	Imprint  string    `toml:"imprint"`  // who made it, where: on every product
	Products []Product `toml:"product"`
}

// Product is one kind of printed sheet: its trim size, bleed and layout, and
// what one file of it holds.
type Product struct {
	Name    string    `toml:"name"`      // folder under public/in/
	Title   string    `toml:"title"`     // name shown to printers
	Layout  string    `toml:"layout"`    // layouts/print/<layout>.html
	TrimMM  []float64 `toml:"trim_mm"`   // width, height of the finished piece
	BleedMM float64   `toml:"bleed_mm"`  // 0: print.bleed_mm
	SafeMM  float64   `toml:"safe_mm"`   // keep text this far inside the trim
	MarksMM float64   `toml:"marks_mm"`  // room outside the bleed for marks
	Pages   int       `toml:"pages"`     // sides: 1, or 2 for front and back
	Per     string    `toml:"per"`       // "slogan": one file per slogan; "page": per content/in/ file
	Panels  []float64 `toml:"panels_mm"` // folded products: panel widths of the outside, left to right

	entry int // 1-based index of its [[print.product]] in config.toml; 0 for a default
}

// Per values.
const (
	PerSlogan = "slogan"
	PerPage   = "page"
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
		BleedMM: 3,
		Products: []Product{
			{Name: "to-gap-a4", Title: "Tờ gấp A4 (gấp ba)", Layout: "leaflet", TrimMM: []float64{297, 210},
				SafeMM: 5, MarksMM: 12, Pages: 2, Per: PerPage, Panels: []float64{97, 100, 100}},
			{Name: "to-roi-a5", Title: "Tờ rơi A5", Layout: "flyer", TrimMM: []float64{148, 210},
				SafeMM: 5, MarksMM: 12, Pages: 2, Per: PerPage},
			{Name: "ap-phich-a3", Title: "Áp phích A3", Layout: "poster", TrimMM: []float64{297, 420},
				SafeMM: 5, MarksMM: 12, Pages: 1, Per: PerPage},
			{Name: "bang-ron", Title: "Băng rôn", Layout: "banner", TrimMM: []float64{5000, 800},
				BleedMM: 10, SafeMM: 50, MarksMM: 25, Pages: 1, Per: PerSlogan},
			{Name: "pano", Title: "Pa nô", Layout: "panel", TrimMM: []float64{2400, 1200},
				BleedMM: 10, SafeMM: 50, MarksMM: 25, Pages: 1, Per: PerSlogan},
		},
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

// mergePrint lays the file's [print] over the defaults: an entry with a
// default's name replaces it, others are added.
func mergePrint(def, file Print, md frontmatter.Meta) Print {
	out := def
	if md.IsDefined("print", "bleed_mm") {
		out.BleedMM = file.BleedMM
	}
	out.Imprint = file.Imprint
	out.Products = slices.Clone(defaultPrint().Products)
	for n, p := range file.Products {
		p.entry = n + 1
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

// fillProduct gives a product the defaults it leaves out.
func fillProduct(p *Product, bleed float64) {
	// Large formats (banners, panels) are hemmed and need more room than
	// paper: 10 mm of bleed, a 50 mm safe zone, 25 mm for marks.
	large := len(p.TrimMM) == 2 && max(p.TrimMM[0], p.TrimMM[1]) > 1000
	if p.BleedMM == 0 {
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
	if p.SafeMM == 0 {
		p.SafeMM = 5
		if large {
			p.SafeMM = 50
		}
	}
	if p.MarksMM == 0 {
		p.MarksMM = 12
		if large {
			p.MarksMM = 25
		}
	}
}

func (p Print) validate(data []byte) []diag.Diagnostic {
	var errs []diag.Diagnostic
	seen := map[string]bool{}
	for _, q := range p.Products {
		at := func(key, format string, args ...any) diag.Diagnostic {
			return productError(data, q.entry, key, fmt.Sprintf(format, args...))
		}
		name := fmt.Sprintf("print.product %q", q.Name)
		switch {
		case q.Name == "" || vntext.Slug(q.Name) != q.Name:
			errs = append(errs, at("name", "print.product name %q must be lower-case letters, digits and hyphens", q.Name))
		case seen[q.Name]:
			errs = append(errs, at("name", "%s is defined twice", name))
		}
		seen[q.Name] = true
		if q.Layout == "" || vntext.Slug(q.Layout) != q.Layout {
			errs = append(errs, at("layout", "%s: layout %q must name a file layouts/print/<layout>.html", name, q.Layout))
		}
		if len(q.TrimMM) != 2 || q.TrimMM[0] <= 0 || q.TrimMM[1] <= 0 {
			errs = append(errs, at("trim_mm", "%s: trim_mm must be [width, height] in millimetres, both positive", name))
		}
		if q.BleedMM < 0 || q.SafeMM < 0 || q.MarksMM < 0 {
			errs = append(errs, at("bleed_mm", "%s: bleed_mm, safe_mm and marks_mm must not be negative", name))
		}
		if q.Pages < 1 || q.Pages > 2 {
			errs = append(errs, at("pages", "%s: pages must be 1 or 2, not %d", name, q.Pages))
		}
		if q.Per != PerSlogan && q.Per != PerPage {
			errs = append(errs, at("per", "%s: per must be %q or %q, not %q", name, PerSlogan, PerPage, q.Per))
		}
	}
	return errs
}

// productError points at key inside the n-th [[print.product]] table of
// config.toml, or at the table itself when the key is not written there.
func productError(data []byte, n int, key, msg string) diag.Diagnostic {
	var header *frontmatter.KeyAt
	for _, k := range frontmatter.Keys(data) {
		if k.Elem != n || len(k.Path) < 2 || k.Path[0] != "print" || k.Path[1] != "product" {
			continue
		}
		switch {
		case k.Header && len(k.Path) == 2:
			header = &k
		case !k.Header && len(k.Path) == 3 && k.Path[2] == key:
			return diag.At(File, k.Line, k.Col, "%s", msg)
		}
	}
	if header != nil {
		return diag.At(File, header.Line, header.Col, "%s", msg)
	}
	return diag.At(File, 0, 0, "%s", msg)
}
