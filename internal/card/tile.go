package card

import (
	"image"
	"math"
)

// A tile is a line of text drawn once, on its background, and copied onto
// every card that shows it: the brand, the kinds, the DỰ THẢO mark and the
// footer are the same on every card of a site, and drawing their glyphs
// again each time would cost as much as the title's.
type tile struct {
	img *image.Paletted
	// dx, dy place the tile: its pixel (0, 0) goes dx right of the line's
	// whole start and dy below its baseline (dy is negative).
	dx, dy int
	ink    image.Rectangle // in the tile's pixels
	bg     uint8
}

type tileKey struct {
	f       *Font
	size    float64
	text    string
	fg, bg  role
	quarter int // the start's fraction of a pixel, in quarters
}

// tiled reports whether a part of a card is the same on many cards.
func tiled(part string) bool {
	switch part {
	case "brand", "draft", "kind", "issuer", "address":
		return true
	}
	return false
}

// tile returns the tile of the line s starting at x (to a quarter of a
// pixel) in fg on bg, drawing it the first time.
func (pt *Painter) tile(s set, x float64, fg, bg role) (*tile, int) {
	whole := math.Floor(x)
	q := int(math.Round((x - whole) * 4))
	if q == 4 {
		whole, q = whole+1, 0
	}
	k := tileKey{f: s.fc.f, size: s.fc.size, text: s.r.text, fg: fg, bg: bg, quarter: q}
	if t, ok := pt.tiles.Load(k); ok {
		return t.(*tile), int(whole)
	}
	const pad = 2
	top := int(math.Floor(s.r.top)) - pad
	w := int(math.Ceil(s.r.width)) + 2*pad + 1
	h := int(math.Ceil(s.r.bottom)) + pad - top
	c := newCanvas(w, h, pt.t, bg, nil)
	ink := s.fc.draw(c, s.r, pad+float64(q)/4, -top, fg, bg)
	t := &tile{img: c.img, dx: -pad, dy: top, ink: ink, bg: uint8(bg)}
	v, _ := pt.tiles.LoadOrStore(k, t)
	return v.(*tile), int(whole)
}

// blit copies the tile's text onto the canvas for a line whose whole start
// is x and baseline y, and returns the rectangle of the pixels it painted.
func (t *tile) blit(c *canvas, x, y int) image.Rectangle {
	ox, oy := x+t.dx, y+t.dy
	r := t.ink.Add(image.Pt(ox, oy)).Intersect(c.img.Rect)
	for py := r.Min.Y; py < r.Max.Y; py++ {
		src := t.img.Pix[(py-oy)*t.img.Stride:]
		dst := c.img.Pix[py*c.img.Stride:]
		for px := r.Min.X; px < r.Max.X; px++ {
			if v := src[px-ox]; v != t.bg {
				dst[px] = v
			}
		}
	}
	return r
}
