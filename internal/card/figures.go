package card

import (
	"image"
	"math"
	"strings"

	"loa/internal/vnbreak"
)

// figure is one key figure laid out: its value, and its label on one or
// two lines.
type figure struct {
	value set
	label []set
	x, y  float64 // where the value starts, from the figures' left and top
	lx    float64 // where the label starts
	ly    float64 // the top of the label
	h     float64 // the height of the figure
}

// figureSet is the figures of a card laid out in the box below the title.
type figureSet struct {
	figs   []figure
	height float64
}

// figures lays out up to MaxFigures figures: on a wide card side by side,
// each value above its label; on a square one, one under the other, each
// value left of its label.
func (d *drawer) figures(width float64) (figureSet, error) {
	figs := d.c.Figures
	if len(figs) > MaxFigures {
		figs = figs[:MaxFigures]
	}
	if len(figs) == 0 {
		return figureSet{}, nil
	}
	if d.w == d.h {
		return d.figureRows(figs, width)
	}
	return d.figureColumns(figs, width)
}

// bar is the width of the rule left of each figure, and the space after it.
func (d *drawer) bar() (w, space float64) { return float64(max(4, d.d.gap/5)), float64(d.d.gap) }

func (d *drawer) figureColumns(figs []Figure, width float64) (figureSet, error) {
	dd := d.d
	colGap := float64(dd.gap) * 1.5
	colW := (width - colGap*float64(len(figs)-1)) / float64(len(figs))
	_, space := d.bar()
	inner := colW - space
	var fs figureSet
	lsize := d.labelSize(figs, func(int) float64 { return inner })
	for i, fg := range figs {
		v, err := d.line(d.fonts.Bold, shrink(d.fonts.Bold, fg.Value, dd.figValue, inner), fg.Value, "figure")
		if err != nil {
			return figureSet{}, err
		}
		ls, err := d.label(fg.Label, lsize, inner)
		if err != nil {
			return figureSet{}, err
		}
		f := figure{value: v, label: ls, x: float64(i)*(colW+colGap) + space, y: -v.r.top}
		f.lx, f.ly = f.x, v.r.bottom-v.r.top+v.fc.size*0.25
		f.h = f.ly
		if len(ls) > 0 {
			f.h += stack(ls, ls[0].fc.size).height
		}
		fs.figs = append(fs.figs, f)
		fs.height = math.Max(fs.height, f.h)
	}
	return fs, nil
}

func (d *drawer) figureRows(figs []Figure, width float64) (figureSet, error) {
	dd := d.d
	_, space := d.bar()
	var values []set
	valueW := 0.0
	for _, fg := range figs {
		v, err := d.line(d.fonts.Bold, shrink(d.fonts.Bold, fg.Value, dd.figValue, width/3), fg.Value, "figure")
		if err != nil {
			return figureSet{}, err
		}
		values = append(values, v)
		valueW = math.Max(valueW, v.r.width)
	}
	lx := space + valueW + float64(dd.gap)
	var fs figureSet
	y := 0.0
	lsize := d.labelSize(figs, func(int) float64 { return width - lx })
	for i, fg := range figs {
		v := values[i]
		ls, err := d.label(fg.Label, lsize, width-lx)
		if err != nil {
			return figureSet{}, err
		}
		vh := v.r.bottom - v.r.top
		lh := 0.0
		if len(ls) > 0 {
			lh = stack(ls, ls[0].fc.size).height
		}
		h := math.Max(vh, lh)
		f := figure{value: v, label: ls, x: space, y: y + (h-vh)/2 - v.r.top, lx: lx, ly: y + (h-lh)/2, h: h}
		fs.figs = append(fs.figs, f)
		y += h + float64(dd.gap)*0.8
	}
	fs.height = y - float64(dd.gap)*0.8
	return fs, nil
}

// labelSize is the size of the figures' labels: the largest of the sizes
// tried at which each label fits width on two lines, one for all.
func (d *drawer) labelSize(figs []Figure, width func(i int) float64) float64 {
	var size float64
	for _, k := range []float64{1, 0.92, 0.85} {
		size = math.Round(d.d.figLbl * k)
		ok := true
		for i, fg := range figs {
			ls := vnbreak.Balance(func(l string) float64 { return d.fonts.Regular.Width(l, size) }, fg.Label, width(i))
			ok = ok && fits(d.fonts.Regular, ls, size, width(i), 2)
		}
		if ok {
			break
		}
	}
	return size
}

// label sets a figure's label at size on two lines at most: where it
// takes more, the first line and the rest cut to fit.
func (d *drawer) label(text string, size, width float64) ([]set, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	ls := vnbreak.Balance(func(l string) float64 { return d.fonts.Regular.Width(l, size) }, text, width)
	if len(ls) > 2 {
		ls = []string{ls[0], strings.Join(ls[1:], " ")}
	}
	var out []set
	for _, l := range ls {
		s, err := d.line(d.fonts.Regular, size, cut(d.fonts.Regular, l, size, width), "label")
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// fits reports whether lines are at most most and none wider than width.
func fits(f *Font, lines []string, size, width float64, most int) bool {
	if len(lines) > most {
		return false
	}
	for _, l := range lines {
		if f.Width(l, size) > width {
			return false
		}
	}
	return true
}

// drawFigures draws the figures with their top at top, each with a rule on
// its left.
func (d *drawer) drawFigures(fs figureSet, top float64, sc scheme) {
	left := float64(d.d.pad)
	valueCol, labelCol := red, muted
	if d.c.Banner {
		valueCol, labelCol = yellow, paper
	}
	bw, space := d.bar()
	for _, f := range fs.figs {
		x := left + f.x - space
		y0 := top + f.y + f.value.r.top
		if d.w != d.h {
			y0 = top
		}
		bar := image.Rect(int(x), int(math.Floor(y0)), int(x+bw), int(math.Ceil(y0+f.h)))
		if d.w == d.h {
			bar.Max.Y = int(math.Ceil(y0 + f.value.r.bottom - f.value.r.top))
		}
		d.cv.fill(bar, valueCol)
		d.put(f.value, left+f.x, int(math.Round(top+f.y)), valueCol, sc.body)
		if len(f.label) > 0 {
			b := stack(f.label, f.label[0].fc.size)
			for j, l := range f.label {
				d.put(l, left+f.lx, int(math.Round(top+f.ly+b.baselines[j])), labelCol, sc.body)
			}
		}
	}
}
