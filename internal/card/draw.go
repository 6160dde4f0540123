package card

import (
	"image"
	"math"
	"strings"

	"loa/internal/vnbreak"
)

// drawer draws one card.
type drawer struct {
	p     *Painter
	fonts Fonts
	d     design
	t     *table
	c     Card
	w, h  int
	safe  image.Rectangle
	cv    *canvas
	pic   *Picture
	faces map[faceKey]*face
}

type faceKey struct {
	f    *Font
	size float64
}

// colours of a card's parts.
type scheme struct {
	body, strip, foot                   role // backgrounds
	title, kind, brand, issuer, address role // texts
}

func (d *drawer) scheme() scheme {
	if d.c.Banner {
		return scheme{body: red, strip: redDark, foot: redDark,
			title: yellow, kind: paper, brand: yellow, issuer: paper, address: yellow}
	}
	return scheme{body: paper, strip: red, foot: paper,
		title: ink, kind: red, brand: yellow, issuer: muted, address: red}
}

func (d *drawer) face(f *Font, size float64) (*face, error) {
	k := faceKey{f, size}
	if fc, ok := d.faces[k]; ok {
		return fc, nil
	}
	fc, err := f.face(size)
	if err != nil {
		return nil, err
	}
	if d.faces == nil {
		d.faces = map[faceKey]*face{}
	}
	d.faces[k] = fc
	return fc, nil
}

// set is a line ready to draw.
type set struct {
	fc   *face
	r    run
	part string
}

func (d *drawer) line(f *Font, size float64, text, part string) (set, error) {
	fc, err := d.face(f, size)
	if err != nil {
		return set{}, err
	}
	return set{fc: fc, r: fc.layout(text), part: part}, nil
}

// put draws a line with its start at x and its baseline at y.
func (d *drawer) put(s set, x float64, y int, fg, bg role) {
	var ink image.Rectangle
	if tiled(s.part) {
		t, whole := d.p.tile(s, x, fg, bg)
		ink = t.blit(d.cv, whole, y)
	} else {
		ink = s.fc.draw(d.cv, s.r, x, y, fg, bg)
	}
	box := image.Rect(int(math.Floor(x)), y+int(math.Floor(s.r.top)), int(math.Ceil(x+s.r.width)), y+int(math.Ceil(s.r.bottom)))
	d.pic.Lines = append(d.pic.Lines, Line{Part: s.part, Text: s.r.text, Size: s.fc.size, Ink: ink, Box: box, Baseline: y})
}

// baseline returns the baseline that centres the ink of s on the line y.
func baseline(s set, y float64) int {
	return int(math.Round(y - (s.r.top+s.r.bottom)/2))
}

func (d *drawer) draw(img *image.Paletted) (*Picture, error) {
	sc := d.scheme()
	d.cv = newCanvas(d.w, d.h, d.t, sc.body, img)
	d.pic = &Picture{Image: d.cv.img}
	if err := d.strip(sc); err != nil {
		return nil, err
	}
	if err := d.footer(sc); err != nil {
		return nil, err
	}
	if err := d.body(sc); err != nil {
		return nil, err
	}
	return d.pic, nil
}

// strip draws the brand strip and the yellow band under it.
func (d *drawer) strip(sc scheme) error {
	dd := d.d
	d.cv.fill(image.Rect(0, 0, d.w, dd.strip), sc.strip)
	d.cv.fill(image.Rect(0, dd.strip, d.w, dd.strip+dd.accent), yellow)
	if d.c.Brand == "" {
		return nil
	}
	text := strings.ToUpper(d.c.Brand)
	size := shrink(d.fonts.Bold, text, dd.brand, float64(d.w-2*dd.pad))
	s, err := d.line(d.fonts.Bold, size, text, "brand")
	if err != nil {
		return err
	}
	d.put(s, float64(dd.pad), d.inside(s, baseline(s, float64(dd.strip)/2)), sc.brand, sc.strip)
	return nil
}

// shrink returns size, or the size at which text is width wide if it is
// wider at size, but no less than two thirds of size.
func shrink(f *Font, text string, size, width float64) float64 {
	if w := f.Width(text, size); w > width && w > 0 {
		return math.Max(math.Floor(size*width/w*4)/4, size*2/3)
	}
	return size
}

// footer draws the issuer on the left and the address on the right, or,
// where they do not fit side by side and the footer has room for two
// lines (the square format), the address under the issuer.
func (d *drawer) footer(sc scheme) error {
	dd := d.d
	top := d.h - dd.footer
	d.cv.fill(image.Rect(0, top, d.w, d.h), sc.foot)
	if !d.c.Banner {
		d.cv.fill(image.Rect(dd.pad, top, d.w-dd.pad, top+2), line)
	}
	mid := float64(top) + float64(dd.footer)/2
	if m := float64(d.safe.Max.Y); mid > m-dd.foot/2 {
		mid = m - dd.foot/2
	}
	width := float64(d.w - 2*dd.pad)
	var addr *set
	if d.c.Address != "" {
		s, err := d.line(d.fonts.Bold, shrink(d.fonts.Bold, d.c.Address, dd.foot, width), d.c.Address, "address")
		if err != nil {
			return err
		}
		addr = &s
	}
	if d.c.Issuer == "" && addr == nil {
		return nil
	}
	var issuer *set
	if d.c.Issuer != "" {
		s, err := d.line(d.fonts.Regular, dd.foot, d.c.Issuer, "issuer")
		if err != nil {
			return err
		}
		issuer = &s
	}
	gap := float64(dd.gap) * 1.5
	two := issuer != nil && addr != nil && issuer.r.width+gap+addr.r.width > width &&
		float64(dd.footer) >= 3*dd.foot*LineHeight
	switch {
	case two:
		b := stack([]set{*issuer, *addr}, dd.foot)
		y := math.Min(mid-b.height/2, float64(d.safe.Max.Y)-b.height-1)
		d.put(*issuer, float64(dd.pad), int(math.Round(y+b.baselines[0])), sc.issuer, sc.foot)
		d.put(*addr, float64(dd.pad), int(math.Round(y+b.baselines[1])), sc.address, sc.foot)
		return nil
	case addr != nil:
		x := float64(d.w-dd.pad) - addr.r.width
		d.put(*addr, x, d.inside(*addr, baseline(*addr, mid)), sc.address, sc.foot)
		width = x - gap - float64(dd.pad)
	}
	if issuer == nil {
		return nil
	}
	size := shrink(d.fonts.Regular, d.c.Issuer, dd.foot, width)
	s, err := d.line(d.fonts.Regular, size, cut(d.fonts.Regular, d.c.Issuer, size, width), "issuer")
	if err != nil {
		return err
	}
	d.put(s, float64(dd.pad), d.inside(s, baseline(s, mid)), sc.issuer, sc.foot)
	return nil
}

// inside returns the baseline nearest y at which the ink of s stays
// inside the safe area, top and bottom.
func (d *drawer) inside(s set, y int) int {
	y = min(y, d.safe.Max.Y-int(math.Ceil(s.r.bottom)))
	return max(y, d.safe.Min.Y-int(math.Floor(s.r.top)))
}

// cut shortens text, between words, with an ellipsis, until it is no
// wider than width at size.
func cut(f *Font, text string, size, width float64) string {
	if f.Width(text, size) <= width {
		return text
	}
	t := vnbreak.Analyze(text)
	for n := len(t.Parts) - 1; n > 0; n-- {
		if t.Costs[n-1] >= vnbreak.Keep && n > 1 {
			continue // inside a word
		}
		s := strings.TrimRight(t.Line(0, n), ",;:.–-") + "…"
		if f.Width(s, size) <= width {
			return s
		}
	}
	return "…"
}
