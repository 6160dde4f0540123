package fit

import (
	"encoding/binary"
	"fmt"
)

// reader reads big-endian numbers from one table at offsets relative to the
// table's start. The first read that falls outside the table sets err and
// every later read returns 0, so a parser can read a whole structure and
// check err once, without a panic on a truncated or hostile file.
type reader struct {
	b   []byte
	err error
}

// u16 returns the uint16 at off.
func (r *reader) u16(off int) uint16 {
	if !r.has(off, 2) {
		return 0
	}
	return binary.BigEndian.Uint16(r.b[off:])
}

// u32 returns the uint32 at off.
func (r *reader) u32(off int) uint32 {
	if !r.has(off, 4) {
		return 0
	}
	return binary.BigEndian.Uint32(r.b[off:])
}

// has reports whether n bytes at off lie inside the table, and records an
// error when they do not.
func (r *reader) has(off, n int) bool {
	if r.err != nil {
		return false
	}
	if off < 0 || n < 0 || off > len(r.b)-n {
		r.err = fmt.Errorf("offset %d+%d beyond the table's %d bytes", off, n, len(r.b))
		return false
	}
	return true
}

// u16 and i16 read without checks, for lookups in structures that Parse has
// already validated.
func u16(b []byte, off int) uint16 { return binary.BigEndian.Uint16(b[off:]) }
func i16(b []byte, off int) int16  { return int16(binary.BigEndian.Uint16(b[off:])) }

// tableDir returns the tables of an OpenType (sfnt) file by tag. Only the
// tables that this package parses itself are needed; the rest goes through
// golang.org/x/image/font/sfnt.
func tableDir(data []byte) (map[string][]byte, error) {
	r := &reader{b: data}
	n := int(r.u16(4))
	tables := make(map[string][]byte, n)
	for i := range n {
		rec := 12 + 16*i
		if !r.has(rec, 16) {
			return nil, fmt.Errorf("table directory: %w", r.err)
		}
		tag := string(data[rec : rec+4])
		off, length := int64(r.u32(rec+8)), int64(r.u32(rec+12))
		if off+length > int64(len(data)) {
			return nil, fmt.Errorf("table %q: %d+%d beyond the file's %d bytes", tag, off, length, len(data))
		}
		tables[tag] = data[off : off+length]
	}
	return tables, nil
}

// coverage is a validated OpenType Coverage table: the set of glyphs a
// subtable applies to, each with its coverage index.
type coverage struct {
	b   []byte // the table that holds it
	off int
}

// parseCoverage checks the Coverage table at off: format 1 (a sorted glyph
// array) or format 2 (glyph ranges).
func parseCoverage(r *reader, off int) (coverage, error) {
	format, n := r.u16(off), int(r.u16(off+2))
	switch format {
	case 1:
		r.has(off+4, 2*n)
	case 2:
		r.has(off+4, 6*n)
	default:
		if r.err == nil {
			return coverage{}, fmt.Errorf("coverage at %d: unknown format %d", off, format)
		}
	}
	if r.err != nil {
		return coverage{}, fmt.Errorf("coverage at %d: %w", off, r.err)
	}
	return coverage{r.b, off}, nil
}

// index returns the coverage index of g, or -1 when g is not covered.
func (c coverage) index(g uint16) int {
	b, off := c.b, c.off
	n := int(u16(b, off+2))
	if u16(b, off) == 1 {
		if i := search(b, off+4, 2, n, g); i < n && u16(b, off+4+2*i) == g {
			return i
		}
		return -1
	}
	if i := search(b, off+6, 6, n, g); i < n { // the first range that ends at g or later
		rec := off + 4 + 6*i
		if start := u16(b, rec); start <= g {
			return int(u16(b, rec+4)) + int(g-start)
		}
	}
	return -1
}

// search returns the first of the n records of size bytes at off whose
// first field (a uint16) is g or more, n when there is none. Written out
// rather than with sort.Search: it runs for every pair of glyphs measured.
func search(b []byte, off, size, n int, g uint16) int {
	lo, hi := 0, n
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if u16(b, off+mid*size) < g {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// classDef is a validated OpenType ClassDef table: a class for each glyph,
// 0 for the glyphs it does not list.
type classDef struct {
	b   []byte
	off int
}

// parseClassDef checks the ClassDef table at off: format 1 (a class array
// from a start glyph) or format 2 (ranges of glyphs with one class each).
func parseClassDef(r *reader, off int) (classDef, error) {
	switch format := r.u16(off); format {
	case 1:
		r.has(off+6, 2*int(r.u16(off+4)))
	case 2:
		r.has(off+4, 6*int(r.u16(off+2)))
	default:
		if r.err == nil {
			return classDef{}, fmt.Errorf("class definition at %d: unknown format %d", off, format)
		}
	}
	if r.err != nil {
		return classDef{}, fmt.Errorf("class definition at %d: %w", off, r.err)
	}
	return classDef{r.b, off}, nil
}

// class returns the class of g.
func (c classDef) class(g uint16) int {
	b, off := c.b, c.off
	if u16(b, off) == 1 {
		start, n := u16(b, off+2), int(u16(b, off+4))
		if g < start || int(g-start) >= n {
			return 0
		}
		return int(u16(b, off+6+2*int(g-start)))
	}
	n := int(u16(b, off+2))
	if i := search(b, off+6, 6, n, g); i < n {
		rec := off + 4 + 6*i
		if u16(b, rec) <= g {
			return int(u16(b, rec+4))
		}
	}
	return 0
}
