package print

import (
	"html/template"
	"slices"
	"strings"

	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/fit"
	"loa/internal/maker"
	"loa/internal/paths"
	"loa/internal/view"
	"loa/internal/vnbreak"
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

	parts *pageParts // the editor's page in parts; nil when composed
	in    *maker.Input
	m     *Maker
	rec   *view.Recorder
	qr    *bool // set when the side draws the QR code
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

// PanelName names panel i (from 1) for overflow reports and for editors:
// on a folded leaflet by its place once folded, otherwise by its number.
func (s *Side) PanelName(i int) string { return s.Panels[i-1].Name }

// PartOf returns which part, in reading order, goes on panel i (from 1)
// of this side: for an editor's page, the part between its lines "---".
func (s *Side) PartOf(i int) int { return s.Panels[i-1].Part }

// URL is the absolute address the piece's QR code leads to.
func (s *Side) URL() string { return s.Site.Config().BaseURL + s.Target }

// QR draws the piece's QR code, sizeMM wide, in the ink colour.
func (s *Side) QR(sizeMM float64) (template.HTML, error) {
	*s.qr = true
	return QRSVG(s.URL(), sizeMM)
}

// Parts returns the parts of the editor's page of content/in/, split at
// its lines "---", in reading order (see PartOf).
func (s *Side) Parts() []template.HTML {
	if s.parts == nil {
		return nil
	}
	return s.parts.html
}

// Part returns part n (from 1) of the editor's page, or nothing.
func (s *Side) Part(n int) template.HTML {
	parts := s.Parts()
	if n < 1 || n > len(parts) {
		return ""
	}
	return parts[n-1]
}

// Fit sets text as large as it fits a box of wMM by hMM, on lines broken
// where Vietnamese allows (package vnbreak: never inside a word), measured
// with the font file of [print] fit_font.
func (s *Side) Fit(text string, wMM, hMM float64) (*Fitted, error) {
	return s.FitUpTo(text, wMM, hMM, 0)
}

// FitUpTo is Fit with a largest size, in mm (0 for none): for a title that
// should not outgrow the rest of its page.
func (s *Side) FitUpTo(text string, wMM, hMM, maxMM float64) (*Fitted, error) {
	f, err := s.m.font(s.in, s.rec, paths.StaticDir+"/"+s.Site.Config().Print.FitFont)
	if err != nil {
		return nil, err
	}
	res, err := fit.Fit(f, text, fit.Box{Width: wMM, Height: hMM}, fit.Options{LineHeight: LineHeight, MaxSize: maxMM})
	if err != nil {
		return nil, err
	}
	return &Fitted{Result: res, LineHeight: LineHeight}, nil
}

// DefaultFont is the default [print] fit_font: the font file, under
// static/, that fitted text is measured with and text is checked against.
const DefaultFont = "fonts/NotoSans-Bold.ttf"

// LineSize returns the size, at most maxMM, at which text fits on one
// line wMM wide, measured with the fit font (bold, so that a regular
// face fits too): the imprint along a banner's foot.
func (s *Side) LineSize(text string, wMM, maxMM float64) (float64, error) {
	f, err := s.m.font(s.in, s.rec, paths.StaticDir+"/"+s.Site.Config().Print.FitFont)
	if err != nil {
		return 0, err
	}
	w := f.Width(text, 1)
	if w <= 0 {
		return maxMM, nil
	}
	return min(maxMM, wMM*(1-fit.DefaultSafety)/w), nil
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

// Glue returns text for a title the browser breaks (with CSS text-wrap:
// balance): a no-break space in every gap where Vietnamese must not break
// (inside a word, a name, a number with its unit), and a line break
// where the editor typed one.
func (s *Side) Glue(text string) template.HTML {
	lines := strings.Split(vnbreak.Analyze(text).Glued(), "\n")
	for i, l := range lines {
		lines[i] = template.HTMLEscapeString(l)
	}
	return template.HTML(strings.Join(lines, "<br>"))
}

// Slogans returns the slogans for this piece's product, in order: those
// that name it in products, or else all but those that say products = []
// (on no product).
func (s *Side) Slogans() []*view.Page {
	var named, all []*view.Page
	for _, p := range s.Site.Items(config.KindSlogan) {
		products := p.Products()
		if products == nil || len(products) > 0 {
			all = append(all, p)
		}
		for _, q := range products {
			if q == s.Product.Name {
				named = append(named, p)
			}
		}
	}
	if len(named) > 0 {
		return named
	}
	return all
}

// Slogan returns the first of Slogans, or nil.
func (s *Side) Slogan() *view.Page {
	if all := s.Slogans(); len(all) > 0 {
		return all[0]
	}
	return nil
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

// Years returns the years the goals' key figures are for, earliest first:
// what a layout heads its figures with, instead of writing a year itself.
func (s *Side) Years() []int {
	var out []int
	for _, g := range s.Site.Items(config.KindGoal) {
		for _, f := range g.Figures() {
			if f.Year != 0 && !slices.Contains(out, f.Year) {
				out = append(out, f.Year)
			}
		}
	}
	slices.Sort(out)
	return out
}

// Brief returns a page's summary for print, whole and at most n
// characters: the summary its editor wrote, or else the whole sentences
// of its first paragraph that fit; "" when neither does. Print never
// cuts a text with "…": a quotation cut mid-sentence misquotes.
func (s *Side) Brief(p *view.Page, n int) string {
	// The first paragraph is read only when the summary will not do, so
	// that a piece is not made again for an edit of a body it does not
	// show.
	sum := p.Summary()
	if sum != "" && runeLen(sum) <= n && !strings.HasSuffix(sum, "…") {
		return sum
	}
	lead := p.Lead()
	if strings.HasSuffix(sum, "…") && !strings.HasPrefix(lead, strings.TrimRight(strings.TrimSuffix(sum, "…"), " ")) && runeLen(sum) <= n {
		return sum // the editor's own summary, which ends in "…"
	}
	return sentences(lead, n)
}

// sentences returns the longest run of whole sentences at the start of
// text with at most n characters.
func sentences(text string, n int) string {
	best := ""
	for i, r := range text {
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		end := i + 1
		if end < len(text) && text[end] != ' ' {
			continue // "57.2", "...)"
		}
		if runeLen(text[:end]) > n {
			break
		}
		best = text[:end]
	}
	return best
}

func runeLen(s string) int { return len([]rune(s)) }
