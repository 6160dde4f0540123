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

// PDF is where `loa pdf` writes the piece's PDF.
func (p Piece) PDF() string { return paths.PrintPDF(p.Product.Name, p.Name) }

// Pieces lists the pieces of every product of the site, in the order of
// the products in the configuration.
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
				if len(sl.Products) == 0 || slices.Contains(sl.Products, prod.Name) {
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

func lastSegment(url string) string {
	url = strings.TrimSuffix(url, "/")
	return url[strings.LastIndexByte(url, '/')+1:]
}

// Panel is a part of a side: a whole side, or one panel of a folded sheet.
// X and W are in millimetres from the trim's left edge.
type Panel struct {
	Index int // from 1, left to right
	X, W  float64
}

// sides returns the panels of each side of a product: folded products
// have Panels widths on the outside (side 1) and the same, mirrored, on
// the inside (side 2), because the sheet turns over.
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
		x := 0.0
		for j, w := range widths {
			out[i] = append(out[i], Panel{Index: j + 1, X: x, W: w})
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
