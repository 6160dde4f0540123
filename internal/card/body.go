package card

import (
	"image"
	"math"
	"strings"

	"loa/internal/vnbreak"
)

// block is lines laid out one under the other, from a top of 0: each
// line's baseline, and the height of the ink.
type block struct {
	lines     []set
	baselines []float64
	height    float64
}

// stack lays lines out at least LineHeight apart and further where their
// ink would touch: the first line's ink starts at 0.
func stack(lines []set, size float64) block {
	b := block{lines: lines}
	if len(lines) == 0 {
		return b
	}
	pitch := size * LineHeight
	clear := size * 0.06 // the least space between the ink of two lines
	y := -lines[0].r.top
	for i, l := range lines {
		if i > 0 {
			prev := lines[i-1]
			y += math.Max(pitch, prev.r.bottom-l.r.top+clear)
		}
		b.baselines = append(b.baselines, y)
	}
	last := lines[len(lines)-1]
	b.height = y + last.r.bottom
	return b
}

// title is the title fitted to its box.
type title struct {
	b    block
	size float64
}

// figureGap is the space above the figures, in gaps.
const figureGap = 1.6

// linePenalty is what each line beyond the first costs a title, as a
// factor of its size: a title set 8 % smaller on one line less looks
// better, with fewer breaks.
const linePenalty = 0.92

// fitTitle sets text as large as it fits width × height on balanced lines
// (vnbreak.BalanceText) of at most d.maxLines, between d.titleMin and
// d.titleMax: of the largest size for each number of lines it keeps the
// one whose size, times linePenalty for each line after the first and
// times the square root of its shortest line's share of its widest (the
// last line aside), is largest. At the smallest size it may take more lines, and a text that
// does not fit even so is shortened between words.
func (d *drawer) fitTitle(text string, f *Font, width, height float64) (title, error) {
	tx := vnbreak.Analyze(text)
	unit := map[string]float64{}
	measure := func(l string) float64 {
		w, ok := unit[l]
		if !ok {
			w = f.Width(l, 1)
			unit[l] = w
		}
		return w
	}
	lines := func(t vnbreak.Text, size float64, most int) []string {
		ls := vnbreak.BalanceText(func(l string) float64 { return measure(l) * size }, t, width)
		if len(ls) == 0 || len(ls) > most {
			return nil
		}
		for _, l := range ls {
			if measure(l)*size > width {
				return nil
			}
		}
		// The ink of a line of capitals with stacked marks spans about
		// 1.3 em; the exact test follows with the glyphs' bounds.
		if (float64(len(ls)-1)*LineHeight+1.3)*size > height {
			return nil
		}
		return ls
	}
	// largest is the largest whole size from lo to hi at which t fits on
	// at most most lines, by bisection; 0 for none.
	largest := func(t vnbreak.Text, lo, hi, most int) int {
		if lo > hi || lines(t, float64(lo), most) == nil {
			return 0
		}
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if lines(t, float64(mid), most) != nil {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		return lo
	}
	try := func(t vnbreak.Text, size float64, most int) (title, bool, error) {
		ls := lines(t, size, most)
		if ls == nil {
			return title{}, false, nil
		}
		sets := make([]set, len(ls))
		for i, l := range ls {
			s, err := d.line(f, size, l, "title")
			if err != nil {
				return title{}, false, err
			}
			sets[i] = s
		}
		b := stack(sets, size)
		return title{b: b, size: size}, b.height <= height, nil
	}
	minSize, maxSize := int(d.d.titleMin), int(d.d.titleMax)
	// score is what a size is worth with the lines it gives: the size,
	// less linePenalty for each line after the first, less for lines much
	// shorter than the widest (a title of short lines after commas).
	score := func(size int, ls []string) float64 {
		v := float64(size) * math.Pow(linePenalty, float64(len(ls)-1))
		if len(ls) > 1 {
			widest, shortest := 0.0, math.Inf(1)
			for i, l := range ls {
				w := measure(l)
				widest = math.Max(widest, w)
				if i < len(ls)-1 {
					shortest = math.Min(shortest, w)
				}
			}
			v *= math.Sqrt(math.Min(1, shortest/widest))
		}
		return v
	}
	if size := largest(tx, minSize, maxSize, d.d.maxLines); size > 0 {
		ls := lines(tx, float64(size), d.d.maxLines)
		best, most, top, hi := size, len(ls), score(size, ls), size
		// On fewer lines the size is smaller; only sizes that could
		// score more are worth a look.
		for k := len(ls) - 1; k >= 1; k-- {
			lo := max(minSize, int(math.Floor(top/math.Pow(linePenalty, float64(k-1))))+1)
			s := largest(tx, lo, hi, k)
			if s == 0 {
				continue
			}
			hi = s
			if v := score(s, lines(tx, float64(s), k)); v > top {
				best, most, top = s, k, v
			}
		}
		for s := best; s >= int(d.d.titleMin); s-- {
			t, ok, err := try(tx, float64(s), most)
			if err != nil || ok {
				return t, err
			}
		}
	}
	// Too long for the box at the smallest size: more lines, then less
	// text.
	size := d.d.titleMin
	most := int(height / (size * LineHeight))
	for n := len(tx.Parts); n > 0; n-- {
		t := tx
		if n < len(tx.Parts) {
			if tx.Costs[n-1] >= vnbreak.Keep && n > 1 {
				continue
			}
			t = vnbreak.Analyze(strings.TrimRight(tx.Line(0, n), ",;:.–-") + "…")
		}
		tt, ok, err := try(t, size, most)
		if err != nil || ok {
			return tt, err
		}
	}
	t, _, err := try(vnbreak.Analyze("…"), size, 1)
	return t, err
}

// head is the line above the title: the kind of item, and the DỰ THẢO
// mark in a box of its own.
type head struct {
	kind, draft *set
	pillPad     float64
	width       float64 // from the start of the kind to the end of the box
	top, bottom float64 // the extent of the ink and the box, from the baseline
}

func (d *drawer) head(width float64) (*head, error) {
	dd := d.d
	h := &head{pillPad: float64(dd.pill) * 1.6}
	room := width
	if d.c.Draft {
		s, err := d.line(d.fonts.Bold, math.Round(dd.kind*1.2), DraftMark, "draft")
		if err != nil {
			return nil, err
		}
		h.draft = &s
		room -= s.r.width + 2*h.pillPad + float64(dd.gap)
	}
	if d.c.Kind != "" {
		text := strings.ToUpper(d.c.Kind)
		size := shrink(d.fonts.Bold, text, dd.kind, room)
		s, err := d.line(d.fonts.Bold, size, cut(d.fonts.Bold, text, size, room), "kind")
		if err != nil {
			return nil, err
		}
		h.kind = &s
	}
	if h.kind == nil && h.draft == nil {
		return nil, nil
	}
	if h.kind != nil {
		h.width = h.kind.r.width
		h.top, h.bottom = h.kind.r.top, h.kind.r.bottom
	}
	if h.draft != nil {
		if h.kind != nil {
			h.width += float64(dd.gap)
		}
		h.width += h.draft.r.width + 2*h.pillPad
		h.top = math.Min(h.top, h.draft.r.top-h.pillPad)
		h.bottom = math.Max(h.bottom, h.draft.r.bottom+h.pillPad)
	}
	return h, nil
}

// draw draws the head with its start at x and its baseline at y.
func (h *head) draw(d *drawer, x float64, y int, sc scheme) {
	if h.kind != nil {
		d.put(*h.kind, x, y, sc.kind, sc.body)
		x += h.kind.r.width + float64(d.d.gap)
	}
	if h.draft != nil {
		// A stamp, as on a draft document: the words in a frame, red on
		// paper, yellow on a slogan's red.
		col := red
		if sc.body == red {
			col = yellow
		}
		s := *h.draft
		box := image.Rect(int(math.Floor(x)), y+int(math.Floor(s.r.top-h.pillPad)),
			int(math.Ceil(x+s.r.width+2*h.pillPad)), y+int(math.Ceil(s.r.bottom+h.pillPad)))
		t := max(3, int(s.fc.size/9)) // the frame's width
		inner := box.Inset(t)
		for _, r := range []image.Rectangle{
			{box.Min, image.Pt(box.Max.X, inner.Min.Y)}, {image.Pt(box.Min.X, inner.Max.Y), box.Max},
			{image.Pt(box.Min.X, inner.Min.Y), image.Pt(inner.Min.X, inner.Max.Y)},
			{image.Pt(inner.Max.X, inner.Min.Y), image.Pt(box.Max.X, inner.Max.Y)},
		} {
			d.cv.fill(r, col)
		}
		d.put(s, x+h.pillPad, y, col, sc.body)
	}
}

// body draws the head, the title and the figures, as a group centred
// between the strip and the footer.
func (d *drawer) body(sc scheme) error {
	dd := d.d
	top := float64(dd.strip + dd.accent + dd.gap)
	bottom := float64(d.h - dd.footer - dd.gap)
	width := float64(d.w - 2*dd.pad)
	gap := float64(dd.gap)

	hd, err := d.head(width)
	if err != nil {
		return err
	}
	figs, err := d.figures(width)
	if err != nil {
		return err
	}
	room := bottom - top
	if hd != nil {
		room -= hd.bottom - hd.top + gap
	}
	if figs.height > 0 {
		room -= figs.height + gap*figureGap
	}
	text := d.c.Title
	if d.c.Banner {
		text = strings.ToUpper(text)
	}
	var t title
	if strings.TrimSpace(text) != "" {
		if figs.height > 0 {
			d.d.titleMax = math.Round(d.d.titleMax * 0.8) // the figures are the news
		}
		if t, err = d.fitTitle(text, d.fonts.Bold, width, room); err != nil {
			return err
		}
		d.pic.TitleSize = t.size
	}
	// The group's height, then its top so that it is centred.
	h := t.b.height
	if hd != nil {
		h += hd.bottom - hd.top + gap
	}
	if figs.height > 0 {
		h += figs.height + gap*figureGap
	}
	y := top + math.Max(0, (bottom-top-h)/2)
	x := func(w float64) float64 {
		if d.c.Banner {
			return float64(dd.pad) + (width-w)/2
		}
		return float64(dd.pad)
	}
	if hd != nil {
		hd.draw(d, x(hd.width), int(math.Round(y-hd.top)), sc)
		y += hd.bottom - hd.top + gap
	}
	for i, l := range t.b.lines {
		d.put(l, x(l.r.width), int(math.Round(y+t.b.baselines[i])), sc.title, sc.body)
	}
	y += t.b.height
	if figs.height > 0 {
		y += gap * figureGap
		d.drawFigures(figs, y, sc)
	}
	return nil
}
