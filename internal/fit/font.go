package fit

import (
	"fmt"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"

	"loa/internal/vntext"
)

// denseRunes is the end of the range of characters whose glyphs Parse looks
// up once, into a table: Latin, Vietnamese, punctuation, currency (₫) and
// the common symbols. Other characters ask the font's cmap on each use.
const denseRunes = 0x2500

// Font is a parsed font file: advances from hmtx, pair kerning from GPOS.
//
// It measures text as HarfBuzz (and so Chromium) sets it with the font's
// default features for Latin script, except ligatures: one glyph per
// character after NFC, the advance of each, plus the XAdvance adjustments
// of the GPOS 'kern' feature. golang.org/x/image/font/sfnt reads cmap and
// hmtx. GPOS and GDEF are read here, because the kerning must follow
// HarfBuzz's rules to the unit for the page to break where Go predicted:
// sfnt's Kern looks at one pair of glyphs and stops at the first lookup
// that has a value, where HarfBuzz sums the lookups, looks past combining
// marks and lets a pair use up its second glyph.
//
// A Font is immutable after Parse and safe for concurrent use.
type Font struct {
	sf      *sfnt.Font
	upem    int
	dense   []uint16 // glyph of each rune below denseRunes, 0 when missing
	advance []int32  // advance width of each glyph, in font units
	class   []uint8  // GDEF class of each glyph; nil when the font has none
	kern    []kernLookup
	bufs    sync.Pool // of *sfnt.Buffer, for runes past the dense table
}

// glyph is one glyph of shaped text.
type glyph struct {
	id    uint16
	class uint8 // GDEF glyph class: classBase, classMark ...; 0 when unclassed
}

// Parse parses an OpenType font file with TrueType or CFF outlines. data
// must not be modified afterwards: the Font reads its tables in place.
func Parse(data []byte) (*Font, error) {
	sf, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("parse font: %w", err)
	}
	tables, err := tableDir(data)
	if err != nil {
		return nil, fmt.Errorf("parse font: %w", err)
	}
	f := &Font{sf: sf, upem: int(sf.UnitsPerEm())}
	if f.upem <= 0 {
		return nil, fmt.Errorf("parse font: units per em is %d", f.upem)
	}
	var buf sfnt.Buffer
	n := sf.NumGlyphs()
	f.advance = make([]int32, n)
	for g := range n {
		// At ppem = units per em, unhinted, the 26.6 result counts font units.
		a, err := sf.GlyphAdvance(&buf, sfnt.GlyphIndex(g), fixed.Int26_6(f.upem), font.HintingNone)
		if err != nil {
			return nil, fmt.Errorf("parse font: advance of glyph %d: %w", g, err)
		}
		f.advance[g] = int32(a)
	}
	f.dense = make([]uint16, denseRunes)
	for r := range rune(denseRunes) {
		f.dense[r] = f.lookup(&buf, r)
	}
	if f.class, err = glyphClasses(tables["GDEF"], n); err != nil {
		return nil, fmt.Errorf("parse font: %w", err)
	}
	if f.kern, err = parseKern(tables["GPOS"]); err != nil {
		return nil, fmt.Errorf("parse font: %w", err)
	}
	return f, nil
}

// UnitsPerEm returns the size of the font's design grid: Width(s,
// UnitsPerEm) is the width of s in font units.
func (f *Font) UnitsPerEm() int { return f.upem }

// Width returns the advance width of s set at size (any unit: the result is
// in the same unit), with GPOS pair kerning, no ligatures, s normalised to NFC first.
//
// Characters the font lacks count as its .notdef glyph; see Missing.
func (f *Font) Width(s string, size float64) float64 {
	return float64(f.units(s)) * size / float64(f.upem)
}

// Missing returns the characters of s that the font has no glyph for.
//
// s is normalised to NFC first, as Width does, so a decomposed "ệ" asks for
// the precomposed letter; a letter that the font builds from a base letter
// and combining marks (Ǹ from N and a combining grave) is not missing. Each
// character is listed once, in order of first appearance. Invisible format
// characters (soft hyphen, zero-width space, joiners, variation selectors,
// byte order mark) are never missing: a shaper hides them whatever the font
// has.
func (f *Font) Missing(s string) []rune {
	var missing []rune
	for _, r := range vntext.NFCString(s) {
		if f.glyphIndex(r) == 0 && !ignorable(r) && f.decompose(r) == nil && !contains(missing, r) {
			missing = append(missing, r)
		}
	}
	return missing
}

// contains reports whether rs holds r; the lists it searches are short.
func contains(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// units returns the width of s in font units.
func (f *Font) units(s string) int64 {
	var stack [64]glyph
	gs := f.shape(vntext.NFCString(s), stack[:0])
	var w int64
	for _, g := range gs {
		if g.class != classMark {
			w += int64(f.advance[g.id])
		}
	}
	for i := range f.kern {
		w += f.kern[i].apply(gs)
	}
	return w
}

// shape appends the glyphs of the NFC text s to gs: one glyph per character,
// leaving out the default-ignorable characters, which HarfBuzz hides with a
// zero advance and which pair kerning looks through. A character that the
// font lacks but can build from a base letter and combining marks becomes
// those glyphs, as HarfBuzz builds it; otherwise it is .notdef (glyph 0).
func (f *Font) shape(s string, gs []glyph) []glyph {
	for _, r := range s {
		if ignorable(r) {
			continue
		}
		if id := f.glyphIndex(r); id != 0 {
			gs = append(gs, f.glyphOf(id, r))
			continue
		}
		parts := f.decompose(r)
		if parts == nil {
			gs = append(gs, f.glyphOf(0, r))
			continue
		}
		for _, p := range parts {
			gs = append(gs, f.glyphOf(f.glyphIndex(p), p))
		}
	}
	return gs
}

// glyphOf returns glyph id, which stands for r, with its GDEF class.
func (f *Font) glyphOf(id uint16, r rune) glyph {
	switch {
	case f.class != nil:
		return glyph{id, f.class[id]}
	case unicode.Is(unicode.Mn, r):
		return glyph{id, classMark} // HarfBuzz's guess for a font without GDEF classes
	}
	return glyph{id, classBase}
}

// decompose returns the characters that HarfBuzz sets for r when the font
// has no glyph for r: its canonical decomposition, with each mark composed
// back into the base where the font has the composed letter (ệ without a
// glyph becomes ẹ and a combining circumflex). It returns nil when r does
// not decompose or the font lacks one of the parts.
func (f *Font) decompose(r rune) []rune {
	d := []rune(norm.NFD.String(string(r)))
	if len(d) < 2 {
		return nil
	}
	parts := []rune{d[0]}
	blocked := uint8(0) // combining class of the last mark left uncomposed
	for _, m := range d[1:] {
		ccc := norm.NFD.PropertiesString(string(m)).CCC()
		if blocked == 0 || blocked < ccc {
			if c, ok := compose(parts[0], m); ok && f.glyphIndex(c) != 0 {
				parts[0] = c
				continue
			}
		}
		parts, blocked = append(parts, m), ccc
	}
	for _, p := range parts {
		if f.glyphIndex(p) == 0 {
			return nil
		}
	}
	return parts
}

// compose returns the letter that base and mark compose into under NFC.
func compose(base, mark rune) (rune, bool) {
	s := norm.NFC.String(string(base) + string(mark))
	c, size := utf8.DecodeRuneInString(s)
	return c, size == len(s)
}

// apply returns the sum of the advance adjustments that the lookup makes to
// gs, stepping through the glyphs as HarfBuzz does: each glyph that the
// lookup does not skip is paired with the next one it does not skip; the
// first subtable that applies to the pair wins; a pair whose ValueRecord2
// is not empty uses up its second glyph. Adjustments to marks are dropped,
// since HarfBuzz zeroes the advances of marks after positioning.
func (l *kernLookup) apply(gs []glyph) int64 {
	if len(l.subs) == 0 {
		return 0
	}
	var w int64
	for i := 0; i < len(gs); {
		if l.skips(gs[i].class) {
			i++
			continue
		}
		j := i + 1
		for j < len(gs) && l.skips(gs[j].class) {
			j++
		}
		if j == len(gs) {
			break
		}
		next := j
		for k := range l.subs {
			a1, a2, ok := l.subs[k].apply(gs[i].id, gs[j].id)
			if !ok {
				continue
			}
			if gs[i].class != classMark {
				w += int64(a1)
			}
			if gs[j].class != classMark {
				w += int64(a2)
			}
			if l.subs[k].second {
				next++
			}
			break
		}
		i = next
	}
	return w
}

// ignorable reports whether r is default ignorable; see defaultIgnorable.
func ignorable(r rune) bool {
	return r >= 0xAD && unicode.Is(defaultIgnorable, r)
}

// glyphIndex returns the glyph of r, 0 (.notdef) when the font has none.
func (f *Font) glyphIndex(r rune) uint16 {
	if r >= 0 && r < denseRunes {
		return f.dense[r]
	}
	buf, _ := f.bufs.Get().(*sfnt.Buffer)
	if buf == nil {
		buf = new(sfnt.Buffer)
	}
	g := f.lookup(buf, r)
	f.bufs.Put(buf)
	return g
}

// lookup asks the font's cmap for the glyph of r.
func (f *Font) lookup(buf *sfnt.Buffer, r rune) uint16 {
	g, err := f.sf.GlyphIndex(buf, r)
	if err != nil || int(g) >= len(f.advance) {
		return 0
	}
	return uint16(g)
}

// glyphClasses returns the GDEF glyph class of each of the n glyphs, or nil
// when the font has no GDEF table or no glyph classes in it.
func glyphClasses(gdef []byte, n int) ([]uint8, error) {
	if len(gdef) == 0 {
		return nil, nil
	}
	r := &reader{b: gdef}
	off := int(r.u16(4))
	if r.err != nil {
		return nil, fmt.Errorf("GDEF: %w", r.err)
	}
	if off == 0 {
		return nil, nil
	}
	cd, err := parseClassDef(r, off)
	if err != nil {
		return nil, fmt.Errorf("GDEF: %w", err)
	}
	classes := make([]uint8, n)
	for g := range classes {
		classes[g] = uint8(min(cd.class(uint16(g)), 255))
	}
	return classes, nil
}

// defaultIgnorable lists the characters that HarfBuzz treats as default
// ignorable (hb-unicode.hh, is_default_ignorable): Unicode's
// Default_Ignorable_Code_Point without the Hangul fillers. HarfBuzz shapes
// them as invisible glyphs with no advance.
var defaultIgnorable = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x00AD, Hi: 0x00AD, Stride: 1},
		{Lo: 0x034F, Hi: 0x034F, Stride: 1},
		{Lo: 0x061C, Hi: 0x061C, Stride: 1},
		{Lo: 0x17B4, Hi: 0x17B5, Stride: 1},
		{Lo: 0x180B, Hi: 0x180E, Stride: 1},
		{Lo: 0x200B, Hi: 0x200F, Stride: 1},
		{Lo: 0x202A, Hi: 0x202E, Stride: 1},
		{Lo: 0x2060, Hi: 0x206F, Stride: 1},
		{Lo: 0xFE00, Hi: 0xFE0F, Stride: 1},
		{Lo: 0xFEFF, Hi: 0xFEFF, Stride: 1},
		{Lo: 0xFFF0, Hi: 0xFFF8, Stride: 1},
	},
	R32: []unicode.Range32{
		{Lo: 0x1BCA0, Hi: 0x1BCA3, Stride: 1},
		{Lo: 0x1D173, Hi: 0x1D17A, Stride: 1},
		{Lo: 0xE0000, Hi: 0xE0FFF, Stride: 1},
	},
}
