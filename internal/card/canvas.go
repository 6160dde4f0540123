package card

import "image"

// canvas is a card being drawn: a paletted image and its table.
type canvas struct {
	img *image.Paletted
	t   *table
}

// newCanvas returns a canvas of w × h filled with bg, drawn into img if
// it is an image of that size (a card drawn before), else a new one.
func newCanvas(w, h int, t *table, bg role, img *image.Paletted) *canvas {
	if img == nil || img.Rect != image.Rect(0, 0, w, h) {
		img = image.NewPaletted(image.Rect(0, 0, w, h), t.colors)
	}
	img.Palette = t.colors
	c := &canvas{img: img, t: t}
	c.fill(img.Rect, bg)
	return c
}

// fill paints a rectangle in one colour.
func (c *canvas) fill(r image.Rectangle, col role) {
	r = r.Intersect(c.img.Rect)
	if r.Empty() {
		return
	}
	first := c.img.Pix[r.Min.Y*c.img.Stride+r.Min.X : r.Min.Y*c.img.Stride+r.Max.X]
	first[0] = uint8(col)
	for n := 1; n < len(first); n *= 2 {
		copy(first[n:], first[:n])
	}
	for y := r.Min.Y + 1; y < r.Max.Y; y++ {
		copy(c.img.Pix[y*c.img.Stride+r.Min.X:y*c.img.Stride+r.Max.X], first)
	}
}

// cover paints the coverage mask (at mp, for the pixels of r) in fg over
// bg: each pixel takes the step of the pair's ramp nearest its coverage.
// Where the pixel already holds a step of the same ramp (two glyphs that
// overlap), the greater coverage wins. It returns the rectangle of the
// pixels it changed.
func (c *canvas) cover(r image.Rectangle, mask *image.Alpha, mp image.Point, fg, bg role) image.Rectangle {
	r = r.Intersect(c.img.Rect)
	pi := c.t.of[fg][bg]
	if pi < 0 {
		panic("card: no ramp for this pair of colours") // the layout chose a pair the table lacks
	}
	ramp := &c.t.ramps[pi]
	x0, y0, x1, y1 := r.Max.X, r.Max.Y, r.Min.X, r.Min.Y
	for y := r.Min.Y; y < r.Max.Y; y++ {
		moff := (mp.Y+y-r.Min.Y-mask.Rect.Min.Y)*mask.Stride + (mp.X - mask.Rect.Min.X)
		mrow := mask.Pix[moff : moff+r.Dx()]
		row := c.img.Pix[y*c.img.Stride+r.Min.X : y*c.img.Stride+r.Max.X]
		for i, a := range mrow {
			if a < 255/(2*(steps-1)) {
				continue // rounds to no coverage
			}
			l := (int(a)*(steps-1) + 127) / 255
			cur := row[i]
			switch {
			case cur == uint8(bg):
			case c.t.pairOf[cur] == pi:
				l = max(l, int(c.t.level[cur]))
			case cur == uint8(fg):
				continue
			default: // another colour's pixel: the stronger one stays
				if l < steps/2 {
					continue
				}
				l = steps - 1
			}
			row[i] = ramp[l]
			x0, x1 = min(x0, r.Min.X+i), max(x1, r.Min.X+i+1)
			y0, y1 = min(y0, y), max(y1, y+1)
		}
	}
	if x0 >= x1 {
		return image.Rectangle{}
	}
	return image.Rect(x0, y0, x1, y1)
}
