package fit

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"loa/internal/vntext"
)

// Defaults of Options.
const (
	// DefaultLineHeight is the smallest line height at which the stacked
	// marks of Vietnamese capitals (Ẫ, Ễ, Ộ) do not touch the line above.
	DefaultLineHeight = 1.35
	// DefaultMaxLines is the most lines a slogan is broken into.
	DefaultMaxLines = 6
	// DefaultSafety is the part of the width kept free on each line, for
	// the difference between the measured and the printed text.
	DefaultSafety = 0.01
)

// The sides of a Box lie between a micrometre and a thousand kilometres:
// far beyond print sizes, yet clear of the floating-point ranges where
// sizes round to zero or products overflow.
const minSide, maxSide = 1e-3, 1e9

// Box is the area a text must fit in, in mm: the safe area of a banner,
// panel or poster. Its sides must lie between 0.001 and 1e9.
type Box struct{ Width, Height float64 }

// Options tune Fit. The zero value asks for the defaults.
type Options struct {
	// LineHeight is the line box height as a multiple of the font size; at
	// least 1.35 (DefaultLineHeight, also the value used for 0), since
	// Vietnamese capitals stack two marks (Ẫ, Ễ, Ộ) and a tighter line
	// lets them touch the line above.
	LineHeight float64
	// MaxLines is the most lines the text may be broken into; 0 means
	// DefaultMaxLines.
	MaxLines int
	// MaxSize caps the font size, in the Box's unit, so a two-word slogan
	// does not become absurdly tall. 0 means Box.Height / (2 × LineHeight):
	// a one-line slogan is set no larger than two lines that fill the
	// height, so short slogans keep room above and below and a series of
	// banners looks alike. math.Inf(1) removes the cap.
	MaxSize float64
	// Safety is the fraction of Box.Width kept free on each line; 0 means
	// DefaultSafety (1 %). It must be below 0.5.
	Safety float64
}

// Result is a fitted text: its lines and font size; Widths[i] is the width of Lines[i] at Size.
type Result struct {
	Lines  []string
	Size   float64
	Widths []float64
}

// Fit breaks text into lines at spaces and picks the largest font size at which every line fits
// Box.Width*(1-Safety) and all lines (len(Lines)*Size*LineHeight) fit Box.Height, capped at MaxSize.
//
// For each line count N from 1 to MaxLines it finds the split whose widest
// line is narrowest (exact, by dynamic programming over the words, not
// greedy; among equally narrow splits the most even one), then keeps the N
// with the largest size; on a tie the fewer lines. A word is never split: a
// single word wider than the box just gets a smaller size.
//
// Text is normalised to NFC; it breaks only at ASCII white space (space,
// tab, line feed, carriage return, form feed), whose runs count as one
// space, as CSS collapses them; a no-break space (U+00A0) keeps "57-NQ/TW"
// or "Tô Lâm" together. Errors: empty text, characters the font lacks
// (named), a fraction slash (U+2044) next to a digit, a box or options out
// of range.
func Fit(f *Font, text string, box Box, opts Options) (Result, error) {
	opts, err := opts.resolve(box)
	if err != nil {
		return Result{}, err
	}
	words := strings.FieldsFunc(vntext.NFCString(text), isBreak)
	if len(words) == 0 {
		return Result{}, errors.New("empty text")
	}
	if missing := f.Missing(strings.Join(words, " ")); len(missing) > 0 {
		return Result{}, fmt.Errorf("the font has no glyph for %s", describe(missing))
	}
	if fraction(words) {
		return Result{}, errors.New("a fraction slash ⁄ (U+2044) next to a digit makes the browser set a fraction, which fit does not measure: write / instead")
	}
	p := newPlanner(f, words, box, opts)
	return p.result(p.best()), nil
}

// lineStart returns where line i of a split that ends at ends starts.
func lineStart(ends []int, i int) int {
	if i == 0 {
		return 0
	}
	return ends[i-1]
}

// resolve fills in the defaults of o and checks box and o.
func (o Options) resolve(box Box) (Options, error) {
	if !(box.Width >= minSide && box.Width <= maxSide && box.Height >= minSide && box.Height <= maxSide) {
		return o, fmt.Errorf("box %g × %g: width and height must be between %g and %g", box.Width, box.Height, minSide, maxSide)
	}
	if o.LineHeight == 0 {
		o.LineHeight = DefaultLineHeight
	}
	if !(o.LineHeight >= DefaultLineHeight) || math.IsInf(o.LineHeight, 0) {
		return o, fmt.Errorf("line height %g: it must be at least %g, or stacked Vietnamese marks (Ẫ, Ễ, Ộ) touch the line above", o.LineHeight, DefaultLineHeight)
	}
	if o.MaxLines == 0 {
		o.MaxLines = DefaultMaxLines
	}
	if o.MaxLines < 0 {
		return o, fmt.Errorf("max lines %d: it must be positive", o.MaxLines)
	}
	if o.MaxSize == 0 {
		o.MaxSize = box.Height / (2 * o.LineHeight)
	}
	if !(o.MaxSize > 0) {
		return o, fmt.Errorf("max size %g: it must be positive", o.MaxSize)
	}
	if o.Safety == 0 {
		o.Safety = DefaultSafety
	}
	if !(o.Safety > 0 && o.Safety < 0.5) {
		return o, fmt.Errorf("safety %g: it must be between 0 and 0.5", o.Safety)
	}
	return o, nil
}

// isBreak reports whether r is white space that CSS collapses and breaks at.
func isBreak(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

// fraction reports whether a word has a fraction slash next to a digit:
// HarfBuzz then sets the digits before it as numerators and those after it
// as denominators, glyphs that Width does not know.
func fraction(words []string) bool {
	for _, w := range words {
		rs := []rune(w)
		for i, r := range rs {
			if r != '⁄' {
				continue
			}
			if i > 0 && unicode.Is(unicode.Nd, rs[i-1]) || i+1 < len(rs) && unicode.Is(unicode.Nd, rs[i+1]) {
				return true
			}
		}
	}
	return false
}

// describe names characters for an error message: "中" (U+4E2D), "文" (U+6587).
func describe(rs []rune) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = fmt.Sprintf("%q (U+%04X)", string(r), r)
	}
	return strings.Join(parts, ", ")
}

// planner holds what the search for the best split needs: the words, and
// prefix sums of their widths in font units, so that the width of any run
// of words is two subtractions.
type planner struct {
	f     *Font
	words []string
	box   Box
	opts  Options
	inner []int64 // inner[k]: width of words[:k], each set alone
	join  []int64 // join[k]: what the spaces and kerning between words[:k+1] add
	// grows is true when no word and no join has a negative width, so that
	// a line only gets wider with each word it takes, and the searches may
	// stop early. (Only a broken font has negative advances.)
	grows bool
}

// newPlanner measures each word alone and each pair of neighbours with the
// space between them; the difference is what a join adds: the space and the
// kerning across it. Kerning reaches no further than the next glyph that a
// lookup does not skip, and a space is never skipped, so a run of words is
// exactly the sum of its words and joins. (Fit still measures the chosen
// lines whole.)
func newPlanner(f *Font, words []string, box Box, opts Options) *planner {
	p := &planner{f: f, words: words, box: box, opts: opts, grows: true,
		inner: make([]int64, len(words)+1), join: make([]int64, len(words))}
	alone := make([]int64, len(words))
	for i, w := range words {
		alone[i] = f.units(w)
		p.inner[i+1] = p.inner[i] + alone[i]
		p.grows = p.grows && alone[i] >= 0
	}
	for i := 1; i < len(words); i++ {
		join := f.units(words[i-1]+" "+words[i]) - alone[i-1] - alone[i]
		p.join[i] = p.join[i-1] + join
		p.grows = p.grows && join >= 0
	}
	return p
}

// width returns the width in font units of words[s:e] set as one line.
func (p *planner) width(s, e int) int64 {
	return p.inner[e] - p.inner[s] + p.join[e-1] - p.join[s]
}

// best returns where the lines end in the best split of the words: for
// each line count up to MaxLines, the split whose widest line is narrowest;
// of those, the one that allows the largest size, on a tie the fewer lines.
func (p *planner) best() []int {
	narrowest := p.narrowest(min(p.opts.MaxLines, len(p.words)))
	var best []int
	bestSize := 0.0
	for n := 1; n < len(narrowest); n++ {
		ends := p.split(n, narrowest[n])
		widths := make([]int64, n)
		for i, e := range ends {
			widths[i] = p.width(lineStart(ends, i), e)
		}
		if size := p.size(widths); size > bestSize || best == nil {
			best, bestSize = ends, size
		}
	}
	return best
}

// narrowest returns, for each n from 1 to most, the width of the widest
// line of the split of the words into n lines that makes it narrowest
// (index 0 is unused). It is a dynamic programme over the words:
// best[k][e], the narrowest widest line of k lines holding words[:e], is
// the least, over the start s of the last line, of best[k-1][s] and the
// width of words[s:e].
func (p *planner) narrowest(most int) []int64 {
	words := len(p.words)
	out := make([]int64, most+1)
	prev := make([]int64, words+1)
	best := make([]int64, words+1)
	for e := 1; e <= words; e++ {
		prev[e] = p.width(0, e)
	}
	out[1] = prev[words]
	for k := 2; k <= most; k++ {
		for e := k; e <= words; e++ {
			best[e] = math.MaxInt64
			for s := e - 1; s >= k-1; s-- {
				w := p.width(s, e)
				if p.grows && w >= best[e] {
					break // earlier starts only make the last line wider
				}
				best[e] = min(best[e], max(prev[s], w))
			}
		}
		prev, best = best, prev
		out[k] = prev[words]
	}
	return out
}

// split returns where the n lines of the best split end (indices into
// words, the last one len(words)). Of the splits whose widest line is
// widest wide, the narrowest possible, it picks the one whose line widths
// have the smallest sum of squares, so that the other lines are as even as
// they can be.
func (p *planner) split(n int, widest int64) []int {
	words := len(p.words)
	// cost[k][e]: least sum of squares of k lines holding words[:e], none
	// wider than widest; from[k][e]: where the last of them starts.
	cost := make([][]float64, n+1)
	from := make([][]int, n+1)
	for k := range cost {
		cost[k] = make([]float64, words+1)
		from[k] = make([]int, words+1)
		for e := range cost[k] {
			cost[k][e] = math.Inf(1)
		}
	}
	cost[0][0] = 0
	for k := 1; k <= n; k++ {
		for e := k; e <= words-(n-k); e++ {
			for s := e - 1; s >= k-1; s-- {
				w := p.width(s, e)
				if w > widest {
					if p.grows {
						break
					}
					continue
				}
				if c := cost[k-1][s] + float64(w)*float64(w); c < cost[k][e] {
					cost[k][e], from[k][e] = c, s
				}
			}
		}
	}
	ends := make([]int, n)
	for k, e := n, words; k > 0; k-- {
		ends[k-1] = e
		e = from[k][e]
	}
	return ends
}

// size returns the largest font size at which lines of the given widths
// (in font units) fit the box, capped at MaxSize.
func (p *planner) size(widths []int64) float64 {
	widest := max(int64(0), slices.Max(widths))
	lines := float64(len(widths))
	upem := float64(p.f.upem)
	avail := p.box.Width * (1 - p.opts.Safety)
	size := min(p.opts.MaxSize, p.box.Height/(lines*p.opts.LineHeight))
	if widest > 0 {
		size = min(size, avail*upem/float64(widest))
	}
	// Rounding may leave the product a hair over the limit: step down to
	// the next float until it is not.
	for size > 0 && (float64(widest)*size/upem > avail || lines*size*p.opts.LineHeight > p.box.Height) {
		size = math.Nextafter(size, 0)
	}
	return size
}

// result sets the lines that end at ends at the largest size that fits,
// measuring each line whole.
func (p *planner) result(ends []int) Result {
	r := Result{Lines: make([]string, len(ends)), Widths: make([]float64, len(ends))}
	units := make([]int64, len(ends))
	for i, e := range ends {
		r.Lines[i] = strings.Join(p.words[lineStart(ends, i):e], " ")
		units[i] = p.f.units(r.Lines[i])
	}
	r.Size = p.size(units)
	for i, u := range units {
		r.Widths[i] = float64(u) * r.Size / float64(p.f.upem)
	}
	return r
}
