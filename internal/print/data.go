package print

import (
	"fmt"
	"html/template"
	"strings"

	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/fit"
	"loa/internal/maker"
	"loa/internal/paths"
	"loa/internal/view"
)

// Side is what a print layout's "side" template sees as ".": one side of
// one piece.
type Side struct {
	Piece
	Site   *view.Site
	Page   *view.Page // the piece's slogan or editor's page; nil when composed
	Number int        // side number, from 1
	Of     int        // number of sides
	Panels []Panel    // this side's panels, left to right

	in  *maker.Input
	m   *Maker
	rec *view.Recorder
}

// TrimW and TrimH are the size of the finished piece, in millimetres.
func (s *Side) TrimW() float64 { return s.Sheet.TrimW }
func (s *Side) TrimH() float64 { return s.Sheet.TrimH }

// Safe is the safe zone: keep text this far inside the trim and folds.
func (s *Side) Safe() float64 { return s.Sheet.Safe }

// Imprint is the line that says who made the piece, from config.toml; the
// law on advertising asks banners to carry it.
func (s *Side) Imprint() string { return imprint(s.Site.Config()) }

func imprint(c *config.Config) string {
	switch {
	case c.Print.Imprint != "":
		return c.Print.Imprint
	case c.Campaign.Issuer != "":
		return c.Campaign.Issuer
	}
	return "[Chưa ghi đơn vị thực hiện: đặt print.imprint trong config.toml]"
}

// PanelName names a panel for overflow reports and for editors: on a
// tri-fold leaflet by its place once folded, otherwise by its number.
func (s *Side) PanelName(i int) string {
	if len(s.Panels) == 3 && s.Of == 2 {
		names := [2][3]string{{"flap (folds in)", "back cover", "front cover"}, {"inside left", "inside middle", "inside right"}}
		return names[(s.Number-1)%2][i-1]
	}
	if len(s.Panels) == 1 {
		return fmt.Sprintf("side %d", s.Number)
	}
	return fmt.Sprintf("side %d panel %d", s.Number, i)
}

// PartOf returns which part of the editor's page (see Parts) goes on panel
// i of this side. A tri-fold leaflet is read cover, flap, the three inside
// panels, back; other pieces in order.
func (s *Side) PartOf(i int) int {
	if len(s.Panels) == 3 && s.Of == 2 {
		order := [2][3]int{{2, 6, 1}, {3, 4, 5}}
		return order[(s.Number-1)%2][i-1]
	}
	return (s.Number-1)*len(s.Panels) + i
}

// URL is the absolute address the piece's QR code leads to.
func (s *Side) URL() string { return s.Site.Config().BaseURL + s.Target }

// QR draws the piece's QR code, sizeMM wide.
func (s *Side) QR(sizeMM float64) (template.HTML, error) { return QRSVG(s.URL(), sizeMM) }

// Parts splits the editor's page of content/in/ at its horizontal rules
// (a line "---" in Markdown): one part per panel or side, in order.
func (s *Side) Parts() []template.HTML {
	if s.Page == nil {
		return nil
	}
	var parts []template.HTML
	for _, p := range strings.Split(string(s.Page.Content()), "<hr>\n") {
		parts = append(parts, template.HTML(p))
	}
	return parts
}

// Part returns part n (from 1) of the editor's page, or nothing.
func (s *Side) Part(n int) template.HTML {
	parts := s.Parts()
	if n < 1 || n > len(parts) {
		return ""
	}
	return parts[n-1]
}

// DefaultFont is the font file, under static/, that fitted text is
// measured with; the print style sheet must set text in the same file.
const DefaultFont = "fonts/NotoSans-Bold.ttf"

// Fit sets text as large as it fits a box of wMM by hMM, breaking it into
// balanced lines, measured with DefaultFont.
func (s *Side) Fit(text string, wMM, hMM float64) (*Fitted, error) {
	return s.FitFont(DefaultFont, text, wMM, hMM)
}

// FitFont is Fit with another font file of static/.
func (s *Side) FitFont(font, text string, wMM, hMM float64) (*Fitted, error) {
	f, err := s.m.font(s.in, s.rec, paths.StaticDir+"/"+font)
	if err != nil {
		return nil, err
	}
	res, err := fit.Fit(f, text, fit.Box{Width: wMM, Height: hMM}, fit.Options{LineHeight: LineHeight})
	if err != nil {
		return nil, err
	}
	return &Fitted{Result: res, LineHeight: LineHeight}, nil
}

// LineHeight of fitted text: stacked Vietnamese marks on capitals (Ẫ, Ễ,
// Ộ) need at least 1.35, and Noto Sans's ascent and descent span 1.362 em:
// a smaller line box lets the last line's glyphs stick out of their box.
const LineHeight = 1.4

// Fitted is text set by Fit.
type Fitted struct {
	fit.Result
	LineHeight float64
}

// Slogans returns the site's slogans for a product, in order: those that
// name it in products, or else all.
func (s *Side) Slogans(product string) []*view.Page {
	var named, all []*view.Page
	for _, p := range s.Site.Items(config.KindSlogan) {
		all = append(all, p)
		for _, q := range p.Products() {
			if q == product {
				named = append(named, p)
			}
		}
	}
	if len(named) > 0 {
		return named
	}
	return all
}

// Figures returns up to n key figures of the site's goals for the given
// year (0 for any), in the goals' order.
func (s *Side) Figures(year, n int) []content.Figure {
	var out []content.Figure
	for _, g := range s.Site.Items(config.KindGoal) {
		for _, f := range g.Figures() {
			if len(out) < n && (year == 0 || f.Year == year) {
				out = append(out, f)
			}
		}
	}
	return out
}
