package vnbreak

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// randomText returns a text of n parts with random costs, a forced break
// now and then, and random widths for its parts and the spaces between.
func randomText(rng *rand.Rand, n int) (Text, func(s, e int) float64) {
	costs := []Cost{Ideal, Phrase, Word, Loose, Dangling, Term, Keep, Keep, Word, Forced}
	t := Text{Parts: make([]string, n), Costs: make([]Cost, n-1)}
	part := make([]float64, n)
	space := make([]float64, n)
	for i := range t.Parts {
		t.Parts[i] = "p" + string(rune('a'+i%26))
		part[i] = float64(1 + rng.IntN(9))
		space[i] = float64(rng.IntN(2))
		if i < n-1 {
			t.Costs[i] = costs[rng.IntN(len(costs))]
		}
	}
	width := func(s, e int) float64 {
		w := 0.0
		for i := s; i < e; i++ {
			w += part[i]
			if i > s {
				w += space[i]
			}
		}
		return w
	}
	return t, width
}

// allEnds returns every split of t into n lines that breaks only where
// usable and at every forced gap.
func allEnds(t Text, n int) [][]int {
	usable := t.usable()
	var out [][]int
	var try func(ends []int, gap int)
	try = func(ends []int, gap int) {
		if len(ends) > n-1 {
			return
		}
		if gap == len(t.Costs) {
			if len(ends) == n-1 {
				out = append(out, append(slices.Clone(ends), len(t.Parts)))
			}
			return
		}
		if t.Costs[gap] != Forced {
			try(ends, gap+1)
		}
		if usable[gap] {
			try(append(ends, gap+1), gap+1)
		}
	}
	try(nil, 0)
	return out
}

// measure returns the widest line, the cost and the sum of squares of a split.
func measure(t Text, width func(s, e int) float64, ends []int) (widest float64, cost int, squares float64) {
	s := 0
	for _, e := range ends {
		w := width(s, e)
		widest, squares = max(widest, w), squares+w*w
		if e < len(t.Parts) && t.Costs[e-1] != Forced {
			cost += int(t.Costs[e-1])
		}
		s = e
	}
	return widest, cost, squares
}

// TestLayoutOptimal compares Narrowest and Best with every split of random
// texts, with and without the early stops that Grows allows.
func TestLayoutOptimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(57, 2024))
	values := []func(widest float64, cost int) float64{
		func(w float64, c int) float64 { return -w * (1 + float64(c)/100) },
		func(w float64, c int) float64 { return min(1/12.0, 1/w) * 100 / float64(100+c) }, // capped, as fit
		func(w float64, c int) float64 { return -float64(c) - w },
	}
	for range 300 {
		text, width := randomText(rng, 1+rng.IntN(11))
		limit := math.Inf(1)
		if rng.IntN(3) == 0 {
			limit = float64(5 + rng.IntN(30))
		}
		for _, grows := range []bool{true, false} {
			l := Layout{Text: text, Width: width, Grows: grows}
			narrowest := l.Narrowest(len(text.Parts))
			for n := 1; n <= len(text.Parts); n++ {
				want := math.Inf(1)
				for _, ends := range allEnds(text, n) {
					w, _, _ := measure(text, width, ends)
					want = min(want, w)
				}
				if narrowest[n] != want {
					t.Fatalf("%v, %d lines: narrowest %g, want %g", text.Costs, n, narrowest[n], want)
				}
				for vi, value := range values {
					got, ok := l.Best(n, limit, value)
					best, bestSquares, found := math.Inf(-1), math.Inf(1), false
					for _, ends := range allEnds(text, n) {
						w, c, sq := measure(text, width, ends)
						if w > limit {
							continue
						}
						found = true
						if v := value(w, c); v > best || v == best && sq < bestSquares {
							best, bestSquares = v, sq
						}
					}
					if ok != found {
						t.Fatalf("%v, %d lines, limit %g: ok %v, want %v", text.Costs, n, limit, ok, found)
					}
					if !ok {
						continue
					}
					w, c, sq := measure(text, width, got.Ends)
					if w != got.Widest || c != got.Cost {
						t.Errorf("Best reports widest %g, cost %d; the split has %g, %d", got.Widest, got.Cost, w, c)
					}
					if v := value(w, c); v != best || sq != bestSquares || w > limit {
						t.Errorf("%v, %d lines, limit %g, value %d: split %v has value %g, squares %g; best %g, %g",
							text.Costs, n, limit, vi, got.Ends, v, sq, best, bestSquares)
					}
				}
			}
		}
	}
}

// TestLayoutBestOf compares BestOf with every split into any number of
// lines of random texts, for a value that falls with the line count as
// fit's does.
func TestLayoutBestOf(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 10))
	for range 300 {
		text, width := randomText(rng, 1+rng.IntN(11))
		height := float64(1 + rng.IntN(6))
		value := func(n int, w float64, c int) float64 {
			return min(height/float64(n), 30/max(w, 1)) * 100 / float64(100+c)
		}
		most := 1 + rng.IntN(len(text.Parts))
		got, ok := Layout{Text: text, Width: width, Grows: true}.BestOf(most, math.Inf(1), value)
		best, bestLines, bestSquares := math.Inf(-1), 0, math.Inf(1)
		for n := 1; n <= most; n++ {
			for _, ends := range allEnds(text, n) {
				w, c, sq := measure(text, width, ends)
				if v := value(n, w, c); v > best || v == best && (n < bestLines || n == bestLines && sq < bestSquares) {
					best, bestLines, bestSquares = v, n, sq
				}
			}
		}
		if ok != (bestLines > 0) {
			t.Fatalf("%v, at most %d lines: ok %v", text.Costs, most, ok)
		}
		if !ok {
			continue
		}
		w, c, sq := measure(text, width, got.Ends)
		if v := value(len(got.Ends), w, c); v != best || len(got.Ends) != bestLines || sq != bestSquares {
			t.Errorf("%v, at most %d lines: %v has value %g in %d lines, squares %g; best %g in %d, %g",
				text.Costs, most, got.Ends, v, len(got.Ends), sq, best, bestLines, bestSquares)
		}
	}
}

// TestLayoutRules checks the breaks a Layout may take.
func TestLayoutRules(t *testing.T) {
	width := func(s, e int) float64 { return float64(e - s) }
	cheap := func(w float64, c int) float64 { return -w - float64(c) }
	for _, tt := range []struct {
		costs []Cost
		lines int
		want  []int // nil: no split
	}{
		{[]Cost{Keep, Keep, Keep}, 2, []int{2, 4}},   // all Keep: the last resort
		{[]Cost{Keep, Word, Keep}, 2, []int{2, 4}},   // else never at Keep
		{[]Cost{Keep, Word, Keep}, 3, nil},           // so no split into 3
		{[]Cost{Forced, Keep, Keep}, 1, nil},         // a forced break is taken
		{[]Cost{Forced, Keep, Keep}, 2, []int{1, 4}}, // and not the Keeps, then
		{[]Cost{Word, Ideal, Word}, 2, []int{2, 4}},  // the cheaper break
		{[]Cost{Forced, Forced, Word}, 3, []int{1, 2, 4}},
	} {
		parts := make([]string, len(tt.costs)+1)
		for i := range parts {
			parts[i] = "x"
		}
		l := Layout{Text: Text{Parts: parts, Costs: tt.costs}, Width: width, Grows: true}
		s, ok := l.Best(tt.lines, math.Inf(1), cheap)
		if ok != (tt.want != nil) || ok && !slices.Equal(s.Ends, tt.want) {
			t.Errorf("%v in %d lines: %v, %v; want %v", tt.costs, tt.lines, s.Ends, ok, tt.want)
		}
	}
}

// TestLayoutEmpty checks a text without parts.
func TestLayoutEmpty(t *testing.T) {
	l := Layout{Width: func(s, e int) float64 { return 1 }}
	if n := l.Narrowest(3); !math.IsInf(n[1], 1) {
		t.Errorf("Narrowest of nothing: %v", n)
	}
	if _, ok := l.Best(1, 10, func(float64, int) float64 { return 0 }); ok {
		t.Error("Best of nothing: ok")
	}
	if got := Balance(func(string) float64 { return 1 }, " ", 10); got != nil {
		t.Errorf("Balance of a space: %q", got)
	}
}

// BenchmarkAnalyze analyses the longest slogan of the campaign.
func BenchmarkAnalyze(b *testing.B) {
	text := strings.ToUpper("Nhiệt liệt hưởng ứng Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia")
	Default()
	for b.Loop() {
		Analyze(text)
	}
}
