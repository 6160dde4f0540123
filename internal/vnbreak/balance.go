package vnbreak

import "math"

// Balance breaks text into lines no wider than width, for a renderer that
// sets text at a size chosen beforehand: a share card drawn with
// golang.org/x/image, a slide, a title. It takes the fewest lines that fit,
// breaking only where Analyze allows; of those splits, the one whose
// widest line, lengthened by the cost of its breaks (Cost percent each),
// is shortest, then the most even. So the lines come out balanced, as with
// CSS text-wrap: balance, and a break after a comma wins over one between
// two words unless it makes the widest line more than 4 % wider.
//
// measure returns the width of a line of text, in the unit of width; it is
// called once for each line a split could make, and a line must be no
// narrower than any line it holds. A part wider than width stands on a line
// of its own, and that line is wider than width. Balance returns nil for a
// text without parts.
func Balance(measure func(line string) float64, text string, width float64) []string {
	return BalanceText(measure, Analyze(text), width)
}

// BalanceText is Balance for a text already analysed, by a lexicon of
// one's own or with breaks an editor marked.
func BalanceText(measure func(line string) float64, t Text, width float64) []string {
	n := len(t.Parts)
	if n == 0 {
		return nil
	}
	memo := make(map[[2]int]float64)
	l := Layout{Text: t, Grows: true, Width: func(s, e int) float64 {
		w, ok := memo[[2]int{s, e}]
		if !ok {
			w = measure(t.Line(s, e))
			memo[[2]int{s, e}] = w
		}
		return w
	}}
	narrowest := l.Narrowest(n)
	lines, limit := 0, math.Inf(1)
	for k := 1; k <= n; k++ {
		if narrowest[k] <= width {
			lines, limit = k, width
			break
		}
		if narrowest[k] < limit { // nothing fits: the narrowest there is
			lines, limit = k, narrowest[k]
		}
	}
	if lines == 0 { // widths that are not numbers
		return t.Lines(l.fallback())
	}
	s, ok := l.Best(lines, limit, func(widest float64, cost int) float64 {
		return -widest * (1 + float64(cost)/100)
	})
	if !ok {
		return t.Lines(l.fallback())
	}
	return t.Lines(s.Ends)
}

// fallback returns the split that breaks at every gap that may break.
func (l Layout) fallback() []int {
	ls := l.prepare()
	var ends []int
	for e := 1; e <= ls.n; e++ {
		if ls.canEnd(e) {
			ends = append(ends, e)
		}
	}
	return ends
}
