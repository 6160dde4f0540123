package vnbreak

import (
	"math"
	"slices"
)

// Layout chooses where the lines of a text end, given the width of every
// line it could make. It breaks only where the Text allows (a gap whose
// cost is below Keep, or any gap when all are Keep), always at a Forced
// gap, and weighs the width of the lines against the costs of the breaks.
type Layout struct {
	Text Text
	// Width returns the width of Parts[s:e] set as one line, in any unit;
	// it is called only for lines a split can make.
	Width func(s, e int) float64
	// Grows promises that a line never gets narrower when it takes one more
	// part at either end, which lets the searches stop early. It holds for
	// any font whose advances are not negative.
	Grows bool
}

// Split is one way to break a text into lines.
type Split struct {
	// Ends[i] is where line i ends: it holds Parts[Ends[i-1]:Ends[i]]
	// (from 0 for the first line); the last end is len(Parts).
	Ends []int
	// Widest is the width of the widest line.
	Widest float64
	// Cost is the sum of the costs of the gaps it breaks at (a Forced gap
	// costs 0).
	Cost int
}

// lines holds what the searches need: which gaps break, and where the next
// forced break is.
type lines struct {
	Layout
	n      int    // parts
	usable []bool // usable[i]: a line may end after part i (i < n-1)
	fence  []int  // fence[s]: the first forced gap at or after s, or n-1
	// Buffers of split, kept from one call to the next.
	off, from        []int
	wide, sq, widest []float64
	costs, back      []int
}

// prepare returns the lines of l.
func (l Layout) prepare() *lines {
	n := len(l.Text.Parts)
	ls := &lines{Layout: l, n: n, usable: l.Text.usable(), fence: make([]int, n+1)}
	ls.fence[n] = max(n-1, 0)
	for s := n - 1; s >= 0; s-- {
		ls.fence[s] = ls.fence[s+1]
		if s < n-1 && l.Text.Costs[s] == Forced {
			ls.fence[s] = s
		}
	}
	return ls
}

// canEnd reports whether a line may end after e parts: at the end, or at a
// usable gap.
func (ls *lines) canEnd(e int) bool { return e == ls.n || e > 0 && ls.usable[e-1] }

// cost returns the cost of a break after e parts (0 at the end).
func (ls *lines) cost(e int) int {
	if e == ls.n || ls.Text.Costs[e-1] == Forced {
		return 0
	}
	return int(ls.Text.Costs[e-1])
}

// starts calls f for each start s of a line that ends at e, from the
// nearest: a line starts at 0 or after a usable gap and holds no forced
// gap. f returns false to stop.
func (ls *lines) starts(e int, f func(s int) bool) {
	for s := e - 1; s >= 0; s-- {
		if ls.fence[s] < e-1 {
			return // the line would hold a forced break
		}
		if (s == 0 || ls.usable[s-1]) && !f(s) {
			return
		}
	}
}

// Narrowest returns, for each n from 1 to most, the width of the widest
// line of the split into n lines whose widest line is narrowest; +Inf where
// no split into n lines exists (too few gaps that break, or more forced
// breaks). Index 0 is unused.
func (l Layout) Narrowest(most int) []float64 {
	ls := l.prepare()
	out := make([]float64, most+1)
	for i := range out {
		out[i] = math.Inf(1)
	}
	if ls.n == 0 || most < 1 {
		return out
	}
	// prev[e], cur[e]: the narrowest widest line of k-1 and k lines that
	// hold Parts[:e].
	prev := make([]float64, ls.n+1)
	cur := make([]float64, ls.n+1)
	for i := range prev {
		prev[i] = math.Inf(1)
	}
	prev[0] = 0
	for k := 1; k <= most; k++ {
		for e := range cur {
			cur[e] = math.Inf(1)
			if e < k || !ls.canEnd(e) {
				continue
			}
			ls.starts(e, func(s int) bool {
				if math.IsInf(prev[s], 1) {
					return true
				}
				w := l.Width(s, e)
				if l.Grows && w >= cur[e] {
					return false // earlier starts only make the line wider
				}
				cur[e] = min(cur[e], max(prev[s], w))
				return true
			})
		}
		prev, cur = cur, prev
		out[k] = prev[ls.n]
	}
	return out
}

// Best returns the best split into n lines none wider than limit: the one
// with the largest value(widest, cost), where widest is its widest line and
// cost the sum of its break costs; of splits of equal value, the one whose
// line widths have the least sum of squares (the most even). value must
// not grow with widest and must fall as cost grows. ok is false when no
// split into n lines fits the limit.
//
// It walks the splits that no other beats on both width and cost: from the
// narrowest, each time to the narrowest split that costs less, until no
// cheaper split could be worth more. Each step is a dynamic programme over
// the parts, found by bisection over the widths lines can have.
func (l Layout) Best(n int, limit float64, value func(widest float64, cost int) float64) (Split, bool) {
	ls := l.prepare()
	return ls.best(n, l.Narrowest(n)[n], limit, value, math.Inf(-1))
}

// BestOf returns the best split into 1 to most lines none wider than
// limit: the one with the largest value(lines, widest, cost); on a tie the
// fewer lines, then the most even. value must not grow with lines or
// widest and must fall as cost grows. ok is false when no split fits.
func (l Layout) BestOf(most int, limit float64, value func(lines int, widest float64, cost int) float64) (best Split, ok bool) {
	ls := l.prepare()
	narrowest := l.Narrowest(most)
	bestValue := math.Inf(-1)
	for n := 1; n <= most; n++ {
		if math.IsInf(narrowest[n], 1) || value(n, narrowest[n], 0) <= bestValue {
			continue // no split into n lines can be worth more
		}
		v := func(widest float64, cost int) float64 { return value(n, widest, cost) }
		if s, found := ls.best(n, narrowest[n], limit, v, bestValue); found {
			best, bestValue, ok = s, v(s.Widest, s.Cost), true
		}
	}
	return best, ok
}

// best is Best for the narrowest widest line of n lines, and only for a
// split worth more than floor: ok is false when there is none.
func (ls *lines) best(n int, narrowest, limit float64, value func(widest float64, cost int) float64, floor float64) (best Split, ok bool) {
	if math.IsInf(narrowest, 1) || !(narrowest <= limit) || !(value(narrowest, 0) > floor) {
		return Split{}, false // value(narrowest, 0) bounds every split's value
	}
	s, _ := ls.split(n, narrowest)
	// Only lines worth as much as s, or more than floor, at no cost matter.
	bound := max(value(s.Widest, s.Cost), floor)
	widths := ls.widths(narrowest, limit, func(w float64) bool { return value(w, 0) >= bound })
	cheapest, _ := ls.split(n, widths[len(widths)-1])
	type candidate struct {
		at    int // index in widths of its widest line
		split Split
	}
	walked := []candidate{{0, s}}
	bestValue := value(s.Widest, s.Cost)
	for at := 0; s.Cost > cheapest.Cost; {
		// The first width at which a split costs less than s: galloping
		// from at, then bisecting, as the next step is most often near.
		cheaper := func(i int) bool {
			c, _ := ls.split(n, widths[i])
			return c.Cost < s.Cost
		}
		lo, hi := at+1, at+1
		for step := 1; hi < len(widths) && value(widths[lo], cheapest.Cost) >= max(bestValue, floor) && !cheaper(hi); step *= 2 {
			lo, hi = hi+1, hi+step
		}
		hi = min(hi, len(widths))
		i := lo + sortSearch(hi-lo, func(j int) bool { return cheaper(lo + j) })
		if i >= len(widths) || value(widths[i], cheapest.Cost) < max(bestValue, floor) {
			break // nothing cheaper and wider can be worth as much
		}
		at = i
		s, _ = ls.split(n, widths[i])
		walked = append(walked, candidate{i, s})
		bestValue = max(bestValue, value(s.Widest, s.Cost))
	}
	if !(bestValue > floor) {
		return Split{}, false
	}
	// Of the splits worth bestValue, the most even. Those of a walked
	// split's cost may be wider, up to the widest line at which that cost
	// is still worth as much.
	bestSquares := math.Inf(1)
	for _, c := range walked {
		if value(c.split.Widest, c.split.Cost) != bestValue {
			continue
		}
		s := c.split
		i := c.at + sortSearch(len(widths)-c.at, func(i int) bool { return value(widths[c.at+i], s.Cost) < bestValue })
		if i-1 > c.at {
			if r, _ := ls.split(n, widths[i-1]); value(r.Widest, r.Cost) == bestValue {
				s = r
			}
		}
		if sq := ls.squares(s.Ends); sq < bestSquares {
			best, bestSquares = s, sq
		}
	}
	return best, true
}

// squares returns the sum of the squares of the widths of the lines that
// end at ends.
func (ls *lines) squares(ends []int) float64 {
	sq, s := 0.0, 0
	for _, e := range ends {
		w := ls.Width(s, e)
		sq += w * w
		s = e
	}
	return sq
}

// sortSearch returns the smallest i in [0, n) for which f is true, or n;
// f must be false and then true.
func sortSearch(n int, f func(int) bool) int {
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if f(m) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// widths returns, sorted and without repeats, the widths between lo and hi
// of the lines a split can make, as far as keep holds; keep must hold for
// lo and, once false, stay false for wider lines.
func (ls *lines) widths(lo, hi float64, keep func(float64) bool) []float64 {
	var out []float64
	for e := 1; e <= ls.n; e++ {
		if !ls.canEnd(e) {
			continue
		}
		ls.starts(e, func(s int) bool {
			w := ls.Width(s, e)
			if w > hi || !keep(w) {
				return !ls.Grows
			}
			if w >= lo {
				out = append(out, w)
			}
			return true
		})
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// split returns, of the splits into n lines none wider than limit, the one
// of least cost, and of those the most even (least sum of squares of the
// line widths); ok is false when there is none.
func (ls *lines) split(n int, limit float64) (Split, bool) {
	// The lines no wider than limit, by where they end: starts[off[e]:off[e+1]]
	// and their widths, measured once for all line counts.
	ls.off = append(ls.off[:0], 0)
	ls.from, ls.wide = ls.from[:0], ls.wide[:0]
	for e := 0; e <= ls.n; e++ {
		if e > 0 && ls.canEnd(e) {
			ls.starts(e, func(s int) bool {
				w := ls.Width(s, e)
				if w > limit {
					return !ls.Grows
				}
				ls.from, ls.wide = append(ls.from, s), append(ls.wide, w)
				return true
			})
		}
		ls.off = append(ls.off, len(ls.from))
	}
	// cost[k][e], squares[k][e], back[k][e], widest[k][e]: the best k lines
	// that hold Parts[:e], and where the last starts; flat, row k at k*m.
	m := ls.n + 1
	size := (n + 1) * m
	ls.costs = grow(ls.costs, size)
	ls.sq = grow(ls.sq, size)
	ls.back = grow(ls.back, size)
	ls.widest = grow(ls.widest, size)
	for i := range size {
		ls.costs[i] = math.MaxInt
	}
	ls.costs[0], ls.sq[0], ls.widest[0] = 0, 0, 0
	for k := 1; k <= n; k++ {
		row, prev := k*m, (k-1)*m
		for e := k; e <= ls.n-(n-k); e++ {
			best := row + e
			for i := ls.off[e]; i < ls.off[e+1]; i++ {
				s, w := ls.from[i], ls.wide[i]
				pc := ls.costs[prev+s]
				if pc == math.MaxInt {
					continue
				}
				c, sq := pc+ls.cost(e), ls.sq[prev+s]+w*w
				if c < ls.costs[best] || c == ls.costs[best] && sq < ls.sq[best] {
					ls.costs[best], ls.sq[best], ls.back[best], ls.widest[best] = c, sq, s, max(ls.widest[prev+s], w)
				}
			}
		}
	}
	last := n*m + ls.n
	if ls.costs[last] == math.MaxInt {
		return Split{}, false
	}
	ends := make([]int, n)
	for k, e := n, ls.n; k > 0; k-- {
		ends[k-1] = e
		e = ls.back[k*m+e]
	}
	return Split{Ends: ends, Widest: ls.widest[last], Cost: ls.costs[last]}, true
}

// grow returns s with at least n elements, reusing its array.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
