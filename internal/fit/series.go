package fit

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"loa/internal/vnbreak"
)

// Series fits texts to one box at one size: the largest at which every one
// of them fits, so that a series of banners looks alike by choice. Each
// text then takes, of its splits that fit at that size, the one whose
// breaks cost least; on a tie the fewer lines, then the most even. A
// MaxSize in opts caps the shared size. The errors are Fit's, with the
// number of the text (from 1).
func Series(f *Font, texts []string, box Box, opts Options) ([]Result, error) {
	opts, err := opts.resolve(box)
	if err != nil {
		return nil, err
	}
	if len(texts) == 0 {
		return nil, nil
	}
	planners := make([]*planner, len(texts))
	layouts := make([]vnbreak.Layout, len(texts))
	size := opts.MaxSize
	for i, text := range texts {
		t, err := analyze(f, text, opts)
		if err != nil {
			return nil, fmt.Errorf("text %d: %w", i+1, err)
		}
		p := newPlanner(f, t.Parts, box, opts)
		planners[i], layouts[i] = p, p.layout(t)
		narrowest := layouts[i].Narrowest(p.mostLines(t))
		largest := 0.0
		for n := 1; n < len(narrowest); n++ {
			if !math.IsInf(narrowest[n], 1) {
				largest = max(largest, p.sizeAt(int64(narrowest[n]), n))
			}
		}
		size = min(size, largest)
	}
	out := make([]Result, len(texts))
	for i, p := range planners {
		p.opts.MaxSize = size
		var best []int
		bestCost := math.MaxInt
		for n := 1; n <= p.mostLines(layouts[i].Text); n++ {
			s, ok := layouts[i].Best(n, math.Inf(1), func(widest float64, cost int) float64 {
				if p.sizeAt(int64(widest), n) < size {
					return math.Inf(-1)
				}
				return -float64(cost)
			})
			if ok && p.sizeAt(int64(s.Widest), n) >= size && s.Cost < bestCost {
				best, bestCost = s.Ends, s.Cost
			}
		}
		out[i] = p.result(best)
	}
	return out, nil
}

// analyze reads text as Fit does and checks that f can set it.
func analyze(f *Font, text string, opts Options) (vnbreak.Text, error) {
	t := opts.Lexicon.Analyze(text)
	if len(t.Parts) == 0 {
		return t, errors.New("empty text")
	}
	if missing := f.Missing(strings.Join(t.Parts, " ")); len(missing) > 0 {
		return t, fmt.Errorf("the font has no glyph for %s", describe(missing))
	}
	if fraction(t.Parts) {
		return t, errors.New("a fraction slash ⁄ (U+2044) next to a digit makes the browser set a fraction, which fit does not measure: write / instead")
	}
	return t, nil
}

// layout returns the layout of t with the planner's widths.
func (p *planner) layout(t vnbreak.Text) vnbreak.Layout {
	return vnbreak.Layout{Text: t, Grows: p.grows, Width: func(s, e int) float64 { return float64(p.width(s, e)) }}
}

// mostLines returns the most lines t may be broken into: MaxLines, or more
// when the editor forced more breaks.
func (p *planner) mostLines(t vnbreak.Text) int {
	forced := 1
	for _, c := range t.Costs {
		if c == vnbreak.Forced {
			forced++
		}
	}
	return min(max(p.opts.MaxLines, forced), len(t.Parts))
}
