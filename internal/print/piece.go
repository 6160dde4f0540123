package print

import (
	"path"
	"slices"
	"strings"

	"loa/internal/config"
	"loa/internal/paths"
	"loa/internal/site"
)

// DefaultName is the name of the piece composed from the site's content
// for a product that no file of content/in/ names.
const DefaultName = "mac-dinh"

// Piece is one print-ready file: a product and what it carries.
type Piece struct {
	Product config.Product
	Sheet   Sheet
	Name    string     // file name without extension
	Page    *site.Page // the slogan, or the editor's page of content/in/; nil when composed
	Target  string     // site path the QR code leads to ("" = the home page)
}

// File is the piece's HTML, relative to the output folder.
func (p Piece) File() string { return paths.PrintFile(p.Product.Name, p.Name) }

// Dir is the output folder of the piece's HTML.
func (p Piece) Dir() string { return path.Dir(p.File()) + "/" }

// PDF is where `loa pdf` writes the piece's press file.
func (p Piece) PDF() string { return paths.PrintPDF(p.Product.Name, p.Name) }

// Proof is where `loa pdf` writes the piece's screen proof, in RGB.
func (p Piece) Proof() string { return paths.PrintProof(p.Product.Name, p.Name) }

// Pieces lists the pieces of every product of the site, in the order of
// the products in the configuration. A slogan goes on the products it
// names in products, or on every product made per slogan when it has no
// products at all; products = [] puts it on none.
func Pieces(s *site.Site) []Piece {
	var out []Piece
	for _, prod := range s.Config.Print.Products {
		sheet := NewSheet(prod)
		add := func(name string, p *site.Page, target string) {
			out = append(out, Piece{Product: prod, Sheet: sheet, Name: name, Page: p, Target: target})
		}
		switch prod.Per {
		case config.PerSlogan:
			for _, sl := range s.Items(config.KindSlogan) {
				if Carries(sl.Products, prod.Name) {
					add(lastSegment(sl.URL), sl, sl.URL)
				}
			}
		default:
			n := 0
			for _, p := range s.Print {
				if p.Product == prod.Name {
					add(lastSegment(p.URL), p, "")
					n++
				}
			}
			if n == 0 {
				add(DefaultName, nil, "")
			}
		}
	}
	return out
}

// Carries reports whether a slogan with the given products goes on the
// product: nil (no products key) means every product, an empty list none.
func Carries(products []string, product string) bool {
	return products == nil || slices.Contains(products, product)
}

func lastSegment(url string) string {
	url = strings.TrimSuffix(url, "/")
	return url[strings.LastIndexByte(url, '/')+1:]
}

// Panel is a part of a side: a whole side, or one panel of a folded sheet.
// X and W are in millimetres from the trim's left edge.
type Panel struct {
	Index int     // from 1, left to right
	X, W  float64 // from the trim's left edge
	Part  int     // which part of the piece it carries, in reading order, from 1
	Name  string  // its place, for printers and overflow reports: "front cover", "inside left"
}

// Panel names of folded sheets, by fold type and side, left to right.
var panelNames = map[string][2][]string{
	config.FoldRoll: {{"flap (folds in)", "back cover", "front cover"}, {"inside left", "inside middle", "inside right"}},
	config.FoldHalf: {{"back cover", "front cover"}, {"inside left", "inside right"}},
}

// Reading order of the panels of folded sheets: the part each carries.
// A roll fold reads front cover, flap, the three inside panels left to
// right, back cover; a half fold front, inside left, inside right, back.
var panelParts = map[string][2][]int{
	config.FoldRoll: {{2, 6, 1}, {3, 4, 5}},
	config.FoldHalf: {{4, 1}, {2, 3}},
}

// sides returns the panels of each side of a product: folded products
// have Panels widths on the outside (side 1) and the same, mirrored, on
// the inside (side 2), because the sheet turns over left to right.
func sides(p config.Product) [][]Panel {
	out := make([][]Panel, p.Pages)
	for i := range out {
		widths := p.Panels
		if len(widths) == 0 {
			widths = []float64{p.TrimMM[0]}
		}
		if i%2 == 1 {
			widths = slices.Clone(widths)
			slices.Reverse(widths)
		}
		names, folded := panelNames[p.Fold]
		folded = folded && len(names[i%2]) == len(widths) && p.Pages == 2
		x := 0.0
		for j, w := range widths {
			pn := Panel{Index: j + 1, X: x, W: w, Part: i*len(widths) + j + 1}
			switch {
			case folded:
				pn.Name, pn.Part = names[i%2][j], panelParts[p.Fold][i%2][j]
			case len(widths) == 1:
				pn.Name = "side " + itoa(i+1)
			default:
				pn.Name = "side " + itoa(i+1) + " panel " + itoa(j+1)
			}
			out[i] = append(out[i], pn)
			x += w
		}
	}
	return out
}

// folds returns the fold positions of a side: the edges between panels.
func folds(panels []Panel) []float64 {
	var f []float64
	for _, p := range panels[1:] {
		f = append(f, p.X)
	}
	return f
}

// partCount is the number of parts a piece of the product has: one per
// panel of each side.
func partCount(p config.Product) int {
	n := 0
	for _, s := range sides(p) {
		n += len(s)
	}
	return n
}

// partNames returns the names of a product's parts in reading order.
func partNames(p config.Product) []string {
	names := make([]string, partCount(p))
	for _, s := range sides(p) {
		for _, pn := range s {
			names[pn.Part-1] = pn.Name
		}
	}
	return names
}

// kindOf describes a product for an editor: "a tri-fold leaflet".
func kindOf(p config.Product) string {
	switch {
	case p.Fold == config.FoldRoll:
		return "a tri-fold leaflet"
	case p.Fold == config.FoldHalf:
		return "a folded leaflet"
	case p.Pages == 2:
		return "a two-sided " + p.Layout
	}
	return "a one-sided " + p.Layout
}

func itoa(n int) string { return num(float64(n)) }
