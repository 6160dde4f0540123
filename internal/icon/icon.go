// Package icon draws a site's icons from its brand colours and initials:
// a rounded square of one colour with the initials in another, set in the
// site's own bold font. One design gives all of them: the SVG icon (the
// letters as outlines, so that no font is needed to show it), the PNG
// touch icon that phones put on the home screen, and the PNG images inside
// favicon.ico. Only golang.org/x/image is used: sfnt for the outlines,
// vector to fill them.
//
// The design is drawn on a square of 64 units: corners of radius 12, the
// initials centred on their ink, as large as fits 46 units wide and 28
// high (so "57" and "ĐP" alike keep a margin a home screen's mask does not
// cut).
package icon

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"strconv"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// The design's square and the room for the initials, in its units.
const (
	side    = 64.0
	radius  = 12.0
	maxInkW = 46.0
	maxInkH = 28.0
)

// Badge is one icon design.
type Badge struct {
	Initials   string
	Back, Fore color.NRGBA // the square, the letters
	Font       *sfnt.Font
}

// ParseColor reads a CSS hex colour: #rgb or #rrggbb.
func ParseColor(s string) (color.NRGBA, error) {
	h := strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if len(h) != 6 || err != nil {
		return color.NRGBA{}, fmt.Errorf("%q is not a colour #rrggbb", s)
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}, nil
}

// op is one step of an outline in design units, y down: 'M' move, 'L'
// line, 'Q' quadratic, 'C' cubic to the last point of p.
type op struct {
	kind byte
	p    []float64 // x, y pairs
}

// outline returns the initials' outlines placed on the design square.
func (b Badge) outline() ([]op, error) {
	if b.Font == nil {
		return nil, errors.New("icon: no font")
	}
	if b.Initials == "" {
		return nil, nil
	}
	var buf sfnt.Buffer
	upem := b.Font.UnitsPerEm()
	ppem := fixed.I(int(upem)) // coordinates in font units, 26.6
	var ops []op
	x := 0.0
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, r := range b.Initials {
		gi, err := b.Font.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			return nil, fmt.Errorf("the font has no %q", r)
		}
		segs, err := b.Font.LoadGlyph(&buf, gi, ppem, nil)
		if err != nil {
			return nil, fmt.Errorf("glyph %q: %w", r, err)
		}
		for _, s := range segs {
			n := map[sfnt.SegmentOp]int{sfnt.SegmentOpMoveTo: 1, sfnt.SegmentOpLineTo: 1, sfnt.SegmentOpQuadTo: 2, sfnt.SegmentOpCubeTo: 3}[s.Op]
			o := op{kind: "MLQC"[s.Op]}
			for _, a := range s.Args[:n] {
				px, py := x+float64(a.X)/64, float64(a.Y)/64
				o.p = append(o.p, px, py)
				minX, maxX = math.Min(minX, px), math.Max(maxX, px)
				minY, maxY = math.Min(minY, py), math.Max(maxY, py)
			}
			ops = append(ops, o)
		}
		adv, err := b.Font.GlyphAdvance(&buf, gi, ppem, font.HintingNone)
		if err != nil {
			return nil, err
		}
		x += float64(adv) / 64
	}
	if len(ops) == 0 {
		return nil, nil
	}
	// Control points bound the ink from outside; for the letters of a
	// text face they are on it at the extremes, which is what centring
	// needs.
	w, h := maxX-minX, maxY-minY
	scale := math.Min(maxInkW/w, maxInkH/h)
	ox, oy := side/2-scale*(minX+w/2), side/2-scale*(minY+h/2)
	for _, o := range ops {
		for i := 0; i < len(o.p); i += 2 {
			o.p[i], o.p[i+1] = ox+scale*o.p[i], oy+scale*o.p[i+1]
		}
	}
	return ops, nil
}

// square is the rounded square's outline: cubic quarter circles.
func square() []op {
	const k = 0.5523 * radius // control distance of a cubic quarter circle
	s, r := side, radius
	return []op{
		{'M', []float64{r, 0}}, {'L', []float64{s - r, 0}}, {'C', []float64{s - r + k, 0, s, r - k, s, r}},
		{'L', []float64{s, s - r}}, {'C', []float64{s, s - r + k, s - r + k, s, s - r, s}},
		{'L', []float64{r, s}}, {'C', []float64{r - k, s, 0, s - r + k, 0, s - r}},
		{'L', []float64{0, r}}, {'C', []float64{0, r - k, r - k, 0, r, 0}},
	}
}

// SVG returns the icon as an SVG document.
func (b Badge) SVG() ([]byte, error) {
	text, err := b.outline()
	if err != nil {
		return nil, err
	}
	var w bytes.Buffer
	fmt.Fprintf(&w, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">`)
	fmt.Fprintf(&w, `<rect width="64" height="64" rx="%g" fill="%s"/>`, radius, hex(b.Back))
	if len(text) > 0 {
		fmt.Fprintf(&w, `<path fill="%s" d="%s"/>`, hex(b.Fore), pathData(text))
	}
	w.WriteString("</svg>\n")
	return w.Bytes(), nil
}

func pathData(ops []op) string {
	var b strings.Builder
	for i, o := range ops {
		if o.kind == 'M' && i > 0 {
			b.WriteByte('Z')
		}
		b.WriteByte(o.kind)
		for j, v := range o.p {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64))
		}
	}
	b.WriteByte('Z')
	return b.String()
}

func hex(c color.NRGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Image returns the icon drawn at size × size pixels, antialiased, with
// transparent corners.
func (b Badge) Image(size int) (*image.NRGBA, error) {
	text, err := b.outline()
	if err != nil {
		return nil, err
	}
	dst := image.NewNRGBA(image.Rect(0, 0, size, size))
	fill := func(ops []op, c color.NRGBA) {
		z := vector.NewRasterizer(size, size)
		k := float32(float64(size) / side)
		for i, o := range ops {
			if o.kind == 'M' && i > 0 {
				z.ClosePath()
			}
			p := make([]float32, len(o.p))
			for i, v := range o.p {
				p[i] = float32(v) * k
			}
			switch o.kind {
			case 'M':
				z.MoveTo(p[0], p[1])
			case 'L':
				z.LineTo(p[0], p[1])
			case 'Q':
				z.QuadTo(p[0], p[1], p[2], p[3])
			case 'C':
				z.CubeTo(p[0], p[1], p[2], p[3], p[4], p[5])
			}
		}
		z.ClosePath()
		z.Draw(dst, dst.Bounds(), image.NewUniform(c), image.Point{})
	}
	fill(square(), b.Back)
	if len(text) > 0 {
		fill(text, b.Fore)
	}
	return dst, nil
}

// PNG returns the icon as a PNG image of size × size pixels.
func (b Badge) PNG(size int) ([]byte, error) {
	img, err := b.Image(size)
	if err != nil {
		return nil, err
	}
	var w bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&w, img); err != nil {
		return nil, err
	}
	return w.Bytes(), nil
}

// ICO returns a favicon.ico holding the PNG images given, each named by
// the size in its header (Windows Vista and every browser since read PNG
// inside ICO).
func ICO(pngs ...[]byte) ([]byte, error) {
	var w bytes.Buffer
	binary.Write(&w, binary.LittleEndian, [3]uint16{0, 1, uint16(len(pngs))})
	offset := 6 + 16*len(pngs)
	for _, p := range pngs {
		cfg, err := png.DecodeConfig(bytes.NewReader(p))
		if err != nil {
			return nil, fmt.Errorf("ico: %w", err)
		}
		if cfg.Width > 256 || cfg.Height > 256 {
			return nil, fmt.Errorf("ico: a %d×%d image is larger than 256×256", cfg.Width, cfg.Height)
		}
		w.Write([]byte{uint8(cfg.Width), uint8(cfg.Height), 0, 0}) // 256 is written 0
		binary.Write(&w, binary.LittleEndian, [2]uint16{1, 32})
		binary.Write(&w, binary.LittleEndian, [2]uint32{uint32(len(p)), uint32(offset)})
		offset += len(p)
	}
	for _, p := range pngs {
		w.Write(p)
	}
	return w.Bytes(), nil
}
