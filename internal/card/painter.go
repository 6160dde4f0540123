package card

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"strings"
	"sync"
)

// Painter draws cards with one pair of fonts and one palette. It keeps
// what cards have in common (the image palette, the lines every card
// repeats: the brand, the kinds, the footer) and the buffers of the PNG
// encoder from one card to the next. It is safe for concurrent use.
type Painter struct {
	fonts   Fonts
	palette Palette
	t       *table
	tiles   sync.Map // tileKey → *tile
	images  [len(Formats)]sync.Pool
	png     sync.Pool // *png.EncoderBuffer
}

// NewPainter returns a painter of cards in these fonts and colours.
func NewPainter(fonts Fonts, p Palette) (*Painter, error) {
	if fonts.Bold == nil || fonts.Regular == nil {
		return nil, fmt.Errorf("card painter: fonts missing")
	}
	return &Painter{fonts: fonts, palette: p, t: p.table()}, nil
}

// Draw draws the card c in the format f.
func (pt *Painter) Draw(f Format, c Card) (*Picture, error) {
	return pt.draw(f, c, nil)
}

func (pt *Painter) draw(f Format, c Card, img *image.Paletted) (*Picture, error) {
	for _, s := range []string{c.Brand, c.Kind, c.Title, c.Issuer, c.Address} {
		for _, fn := range []*Font{pt.fonts.Bold, pt.fonts.Regular} {
			for _, r := range fn.Missing(strings.ToUpper(s) + s) {
				if r >= 0x20 { // line feeds are breaks, not glyphs
					return nil, fmt.Errorf("draw card: the font has no glyph for %q (U+%04X)", r, r)
				}
			}
		}
	}
	d := &drawer{p: pt, fonts: pt.fonts, d: designOf(f), t: pt.t, c: c}
	d.w, d.h = f.Size()
	d.safe = f.Safe()
	return d.draw(img)
}

// Render draws the card c in the format f and encodes it as PNG: paletted,
// 8 bits per pixel, compressed for speed (the flat colours of a card
// compress well anyway). The same card always gives the same bytes.
func (pt *Painter) Render(f Format, c Card) ([]byte, error) {
	pool := &pt.images[f]
	img, _ := pool.Get().(*image.Paletted)
	pic, err := pt.draw(f, c, img)
	if err != nil {
		return nil, err
	}
	defer pool.Put(pic.Image)
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: (*encoderPool)(&pt.png)}
	if err := enc.Encode(&b, pic.Image); err != nil {
		return nil, fmt.Errorf("encode card: %w", err)
	}
	return b.Bytes(), nil
}

// encoderPool keeps the PNG encoder's buffers between cards.
type encoderPool sync.Pool

func (p *encoderPool) Get() *png.EncoderBuffer {
	b, _ := (*sync.Pool)(p).Get().(*png.EncoderBuffer)
	return b
}

func (p *encoderPool) Put(b *png.EncoderBuffer) { (*sync.Pool)(p).Put(b) }
