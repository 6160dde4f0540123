package fit

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"loa/internal/vnbreak"
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
	// DefaultMaxLines. An editor's forced breaks may make more.
	MaxLines int
	// MaxSize caps the font size, in the Box's unit. 0 (or math.Inf(1))
	// means no cap: the text is as large as the box allows, a one-line
	// slogan as high as the box. A series of banners that should look alike
	// shares one size by choice: fit each, then fit all again with MaxSize
	// set to the smallest size (see Series).
	MaxSize float64
	// Safety is the fraction of Box.Width kept free on each line; 0 means
	// DefaultSafety (1 %). It must be below 0.5.
	Safety float64
	// Lexicon tells where the text may break; nil means vnbreak.Default().
	Lexicon *vnbreak.Lexicon
}

// Result is a fitted text: its lines and font size; Widths[i] is the width of Lines[i] at Size.
type Result struct {
	Lines  []string
	Size   float64
	Widths []float64
}

// Fit breaks text into lines and picks the largest font size at which every line fits
// Box.Width*(1-Safety) and all lines (len(Lines)*Size*LineHeight) fit Box.Height, capped at MaxSize.
//
// It breaks only where package vnbreak allows: between words, never inside
// a compound word, a name or a number with its unit, never before a last
// syllable that would stand alone, always at a line feed in the text (an
// editor's forced break; see vnbreak.Analyze). Of the splits into 1 to
// MaxLines lines (more if the editor forced more) it keeps the one whose
// size divided by 1 + C/100 is largest, where C is the sum of the costs of
// its breaks (a vnbreak.Cost is a percentage of the size): so a break after
// a comma (cost 0) wins over a break between two words (cost 4) unless
// that gives a size more than 4 % larger. On a tie it takes the fewer
// lines, then the most even ones. The search is exact, not greedy
// (vnbreak.Layout.BestOf): about a millisecond for a slogan of 40
// syllables, growing with the square of the parts and with the line count.
// A part wider than the box just gets a smaller size.
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
	t, err := analyze(f, text, opts)
	if err != nil {
		return Result{}, err
	}
	p := newPlanner(f, t.Parts, box, opts)
	return p.result(p.best(t)), nil
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
		o.MaxSize = math.Inf(1)
	}
	if !(o.MaxSize > 0) {
		return o, fmt.Errorf("max size %g: it must be positive", o.MaxSize)
	}
	if o.Lexicon == nil {
		o.Lexicon = vnbreak.Default()
	}
	if o.Safety == 0 {
		o.Safety = DefaultSafety
	}
	if !(o.Safety > 0 && o.Safety < 0.5) {
		return o, fmt.Errorf("safety %g: it must be between 0 and 0.5", o.Safety)
	}
	return o, nil
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

// best returns where the lines end in the best split of t: of the splits
// into 1 to mostLines lines, the one whose size divided by 1 + cost/100 is
// largest, on a tie the fewer lines, then the most even.
func (p *planner) best(t vnbreak.Text) []int {
	s, _ := p.layout(t).BestOf(p.mostLines(t), math.Inf(1), func(n int, widest float64, cost int) float64 {
		return p.sizeAt(int64(widest), n) * 100 / float64(100+cost)
	})
	return s.Ends
}

// size returns the largest font size at which lines of the given widths
// (in font units) fit the box, capped at MaxSize.
func (p *planner) size(widths []int64) float64 {
	return p.sizeAt(max(int64(0), slices.Max(widths)), len(widths))
}

// sizeAt returns the largest font size at which n lines, the widest of
// them widest font units wide, fit the box, capped at MaxSize.
func (p *planner) sizeAt(widest int64, n int) float64 {
	widest = max(widest, 0)
	lines := float64(n)
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
