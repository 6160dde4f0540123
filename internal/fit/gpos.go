package fit

import (
	"fmt"
	"math/bits"
	"slices"
)

// Lookup types and flags of the GPOS table that pair kerning needs.
const (
	lookupPair      = 2
	lookupExtension = 9

	flagIgnoreBase      = 0x2
	flagIgnoreLigatures = 0x4
	flagIgnoreMarks     = 0x8

	// maxSubtables bounds the work Parse does on a hostile file whose
	// offsets point many times at the same large lookup. Real fonts have a
	// handful of kerning subtables (Noto Sans has 2).
	maxSubtables = 1 << 12
)

// Glyph classes of the GDEF table.
const (
	classBase     = 1
	classLigature = 2
	classMark     = 3
)

// kernLookup is one lookup of the 'kern' feature. Only pair adjustment
// (type 2, possibly inside a type 9 extension) is applied; a lookup of
// another type keeps subs empty and is listed so that tests see what was
// left out (Noto Sans has one, contextual, that moves only combining marks).
type kernLookup struct {
	index int    // position in the LookupList
	typ   int    // lookup type, after unwrapping extensions
	flag  uint16 // LookupFlag: which glyph classes the lookup skips
	subs  []pairPos
}

// skips reports whether the lookup passes over a glyph of GDEF class c, as
// LookupFlag's IgnoreBaseGlyphs, IgnoreLigatures and IgnoreMarks ask.
// Mark attachment classes and mark filtering sets are not supported: they
// only concern combining marks, which NFC text in Vietnamese does not have.
func (l *kernLookup) skips(c uint8) bool {
	switch c {
	case classBase:
		return l.flag&flagIgnoreBase != 0
	case classLigature:
		return l.flag&flagIgnoreLigatures != 0
	case classMark:
		return l.flag&flagIgnoreMarks != 0
	}
	return false
}

// pairPos is one validated PairPos subtable, format 1 (pairs of glyphs) or
// format 2 (pairs of glyph classes). It keeps offsets into the GPOS table
// rather than copies, so a font costs no memory beyond its bytes.
type pairPos struct {
	b      []byte // the GPOS table
	off    int    // where the subtable starts in b
	format uint16
	cov    coverage
	len1   int  // bytes of ValueRecord1
	x1, x2 int  // offset of XAdvance in ValueRecord1 and 2, -1 when absent
	second bool // ValueRecord2 is not empty: the second glyph is used up
	rec    int  // bytes of one pair record (format 1) or class record (format 2)

	sets, nSets int // format 1: offset and count of the PairSet offsets

	cd1, cd2 classDef // format 2
	n1, n2   int
	matrix   int // format 2: offset of the Class1Records
}

// valueRecord returns the size in bytes of a ValueRecord of the given
// ValueFormat and the offset of its XAdvance, -1 when it has none. Every set
// bit adds one 16-bit field, in bit order.
func valueRecord(format uint16) (size, xAdvance int) {
	xAdvance = -1
	if format&0x4 != 0 {
		xAdvance = 2 * bits.OnesCount16(format&0x3)
	}
	return 2 * bits.OnesCount16(format), xAdvance
}

// apply returns the advance adjustments of the pair (g1, g2), for g1 and for
// g2, and whether the subtable applies to the pair at all. As in HarfBuzz, a
// format 1 subtable applies only when it lists g2 for g1, so that the next
// subtable may still kern the pair; a format 2 subtable applies as soon as
// it covers g1, even with a zero value, and so ends the search.
func (p *pairPos) apply(g1, g2 uint16) (a1, a2 int, ok bool) {
	ci := p.cov.index(g1)
	if ci < 0 {
		return 0, 0, false
	}
	var at int
	if p.format == 1 {
		if ci >= p.nSets {
			return 0, 0, false
		}
		set := p.off + int(u16(p.b, p.sets+2*ci))
		if set+2 > len(p.b) {
			return 0, 0, false
		}
		n := int(u16(p.b, set))
		if set+2+n*p.rec > len(p.b) {
			return 0, 0, false
		}
		i := search(p.b, set+2, p.rec, n, g2)
		if i == n || u16(p.b, set+2+i*p.rec) != g2 {
			return 0, 0, false
		}
		at = set + 2 + i*p.rec + 2
	} else {
		c1, c2 := p.cd1.class(g1), p.cd2.class(g2)
		if c1 >= p.n1 || c2 >= p.n2 {
			return 0, 0, false
		}
		at = p.matrix + (c1*p.n2+c2)*p.rec
	}
	if p.x1 >= 0 {
		a1 = int(i16(p.b, at+p.x1))
	}
	if p.x2 >= 0 {
		a2 = int(i16(p.b, at+p.len1+p.x2))
	}
	return a1, a2, true
}

// parseKern returns the lookups of the 'kern' feature of the GPOS table, in
// LookupList order, which is the order a shaper applies them in. The
// feature comes from the default language system of the script 'latn',
// else 'DFLT' (HarfBuzz's choice for Latin text without a language that the
// font knows). A font without GPOS has no kerning.
func parseKern(gpos []byte) ([]kernLookup, error) {
	if len(gpos) == 0 {
		return nil, nil
	}
	r := &reader{b: gpos}
	if major := r.u16(0); major != 1 && r.err == nil {
		return nil, fmt.Errorf("GPOS version %d is not supported", major)
	}
	scriptList, featureList, lookupList := int(r.u16(4)), int(r.u16(6)), int(r.u16(8))
	features := langSysFeatures(r, scriptList)
	indices := kernLookupIndices(r, featureList, features)
	if r.err != nil {
		return nil, fmt.Errorf("GPOS: %w", r.err)
	}
	var lookups []kernLookup
	subtables := 0
	for _, i := range indices {
		l, err := parseLookup(r, lookupList, i)
		if err != nil {
			return nil, fmt.Errorf("GPOS lookup %d: %w", i, err)
		}
		if subtables += len(l.subs); subtables > maxSubtables {
			return nil, fmt.Errorf("GPOS: more than %d kerning subtables", maxSubtables)
		}
		lookups = append(lookups, l)
	}
	return lookups, nil
}

// langSysFeatures returns the feature indices of the default language system
// of the first script among latn, DFLT and dflt that the font has.
func langSysFeatures(r *reader, scriptList int) []int {
	n := int(r.u16(scriptList))
	for _, want := range []uint32{0x6C61746E, 0x44464C54, 0x64666C74} { // latn DFLT dflt
		for i := range n {
			rec := scriptList + 2 + 6*i
			if r.u32(rec) != want {
				continue
			}
			script := scriptList + int(r.u16(rec+4))
			langSys := int(r.u16(script))
			if langSys == 0 {
				return nil
			}
			langSys += script
			var features []int
			if req := r.u16(langSys + 2); req != 0xFFFF {
				features = append(features, int(req))
			}
			for j := range int(r.u16(langSys + 4)) {
				features = append(features, int(r.u16(langSys+6+2*j)))
			}
			return features
		}
	}
	return nil
}

// kernLookupIndices returns the lookup indices of those of features that are
// tagged 'kern', sorted and without duplicates.
func kernLookupIndices(r *reader, featureList int, features []int) []int {
	n := int(r.u16(featureList))
	var indices []int
	for _, fi := range features {
		if fi >= n {
			continue // HarfBuzz ignores an index past the list, so do we
		}
		rec := featureList + 2 + 6*fi
		if r.u32(rec) != 0x6B65726E { // kern
			continue
		}
		feature := featureList + int(r.u16(rec+4))
		for j := range int(r.u16(feature + 2)) {
			indices = append(indices, int(r.u16(feature+4+2*j)))
		}
	}
	slices.Sort(indices)
	return slices.Compact(indices)
}

// parseLookup reads lookup i of the LookupList: its flag and, when it
// adjusts pairs, its subtables.
func parseLookup(r *reader, lookupList, i int) (kernLookup, error) {
	if n := int(r.u16(lookupList)); i >= n {
		return kernLookup{}, fmt.Errorf("index beyond the %d lookups", n)
	}
	lookup := lookupList + int(r.u16(lookupList+2+2*i))
	l := kernLookup{index: i, typ: int(r.u16(lookup)), flag: r.u16(lookup + 2)}
	for j := range int(r.u16(lookup + 4)) {
		sub, typ := lookup+int(r.u16(lookup+6+2*j)), l.typ
		if typ == lookupExtension {
			if format := r.u16(sub); format != 1 && r.err == nil {
				return l, fmt.Errorf("extension format %d is not supported", format)
			}
			typ, sub = int(r.u16(sub+2)), sub+int(r.u32(sub+4))
			l.typ = typ
		}
		if typ != lookupPair {
			continue
		}
		p, err := parsePairPos(r, sub)
		if err != nil {
			return l, fmt.Errorf("subtable %d: %w", j, err)
		}
		l.subs = append(l.subs, p)
	}
	return l, r.err
}

// parsePairPos reads and checks the PairPos subtable at off.
func parsePairPos(r *reader, off int) (pairPos, error) {
	p := pairPos{b: r.b, off: off, format: r.u16(off)}
	vf1, vf2 := r.u16(off+4), r.u16(off+6)
	var len2 int
	p.len1, p.x1 = valueRecord(vf1)
	len2, p.x2 = valueRecord(vf2)
	p.second = len2 > 0
	cov, err := parseCoverage(r, off+int(r.u16(off+2)))
	if err != nil {
		return p, err
	}
	p.cov = cov
	switch p.format {
	case 1:
		p.rec = 2 + p.len1 + len2
		p.nSets = int(r.u16(off + 8))
		p.sets = off + 10
		r.has(p.sets, 2*p.nSets)
	case 2:
		p.rec = p.len1 + len2
		if p.cd1, err = parseClassDef(r, off+int(r.u16(off+8))); err != nil {
			return p, err
		}
		if p.cd2, err = parseClassDef(r, off+int(r.u16(off+10))); err != nil {
			return p, err
		}
		p.n1, p.n2 = int(r.u16(off+12)), int(r.u16(off+14))
		p.matrix = off + 16
		r.has(p.matrix, p.n1*p.n2*p.rec)
	default:
		if r.err == nil {
			return p, fmt.Errorf("PairPos format %d is not supported", p.format)
		}
	}
	return p, r.err
}
