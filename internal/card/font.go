package card

import (
	"crypto/sha256"
	"fmt"
	"image"
	"math"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"loa/internal/fit"
	"loa/internal/vntext"
)

// Font is one font file, read twice: for measuring, with package fit (the
// advances and GPOS kerning HarfBuzz would apply), and for its outlines,
// with golang.org/x/image/font/opentype. A Font is immutable and safe for
// concurrent use.
type Font struct {
	measure *fit.Font
	outline *opentype.Font
	sum     [sha256.Size]byte
}

// ParseFont parses a TrueType or OpenType font file. data must not be
// changed afterwards.
func ParseFont(data []byte) (*Font, error) {
	m, err := fit.Parse(data)
	if err != nil {
		return nil, err
	}
	o, err := opentype.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("parse font outlines: %w", err)
	}
	return &Font{measure: m, outline: o, sum: sha256.Sum256(data)}, nil
}

// Fonts are the two weights a card uses.
type Fonts struct {
	Bold, Regular *Font
}

// Width returns the width of s set at size, in pixels.
func (f *Font) Width(s string, size float64) float64 { return f.measure.Width(s, size) }

// Missing returns the characters of s the font has no glyph for.
func (f *Font) Missing(s string) []rune { return f.measure.Missing(s) }

// face is a Font at one size, for drawing. It is not safe for concurrent
// use: each drawing makes its own.
type face struct {
	f    *Font
	size float64
	of   font.Face
}

func (f *Font) face(size float64) (*face, error) {
	of, err := opentype.NewFace(f.outline, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("font face at %.1f px: %w", size, err)
	}
	return &face{f: f, size: size, of: of}, nil
}

// run is a line of text laid out in one face: where each character's
// glyph starts, from the line's start, and how wide the line is.
type run struct {
	text  string // NFC
	x     []float64
	width float64
	// top and bottom are the extent of the glyphs' ink from the baseline,
	// in pixels: top is negative (above), bottom positive (below).
	top, bottom float64
}

// layout lays out one line. Each glyph starts where the measure of the
// text before it ends (pair kerning included), so the line drawn is as
// wide as the line measured.
func (fc *face) layout(text string) run {
	text = vntext.NFCString(text)
	r := run{text: text, x: make([]float64, 0, utf8.RuneCountInString(text))}
	for i, c := range text {
		end := i + utf8.RuneLen(c)
		r.x = append(r.x, fc.f.measure.Width(text[:end], fc.size)-fc.f.measure.Width(text[i:end], fc.size))
		b, _, ok := fc.of.GlyphBounds(c)
		if ok && b.Max.X > b.Min.X {
			r.top = math.Min(r.top, float64(b.Min.Y)/64)
			r.bottom = math.Max(r.bottom, float64(b.Max.Y)/64)
		}
	}
	r.width = fc.f.measure.Width(text, fc.size)
	return r
}

// draw draws the run with its start at x and its baseline at y, in the
// colour fg over the background bg, and returns the rectangle of pixels
// it touched.
func (fc *face) draw(c *canvas, r run, x float64, y int, fg, bg role) image.Rectangle {
	var touched image.Rectangle
	i := 0
	for _, ch := range r.text {
		dot := fixed.Point26_6{X: fixed.Int26_6(math.Round((x + r.x[i]) * 64)), Y: fixed.I(y)}
		i++
		dr, mask, mp, _, ok := fc.of.Glyph(dot, ch)
		if !ok || dr.Empty() {
			continue
		}
		alpha, isAlpha := mask.(*image.Alpha)
		if !isAlpha {
			continue
		}
		touched = touched.Union(c.cover(dr, alpha, mp, fg, bg))
	}
	return touched
}
