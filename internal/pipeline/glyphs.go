package pipeline

import (
	"strings"
	"unicode/utf8"

	"loa/internal/diag"
	"loa/internal/fit"
	"loa/internal/frontmatter"
	"loa/internal/paths"
	"loa/internal/vntext"
)

// fontFile is the font whose characters the site's text must stay within,
// the one print measures with ([print] fit_font): every face loa ships
// covers the same characters, so that no reader's browser and no
// printer's RIP falls back to a font of its own.
func (e *Engine) fontFile() string { return paths.StaticDir + "/" + e.cfg.Print.FitFont }

// loadFont reads the font text is checked against; a site whose font can
// not be read is checked against nothing, and says so.
func (e *Engine) loadFont() diag.List {
	e.font = nil
	file := e.fontFile()
	data, err := e.readFile(file)
	if err != nil {
		return diag.List{diag.At(file, 0, 0, "the site's font is missing: %v", err)}
	}
	f, err := fit.Parse(data)
	if err != nil {
		return diag.List{diag.At(file, 0, 0, "the site's font can not be read: %v", err)}
	}
	e.font = newCoverage(f)
	return nil
}

// coverage is a font and, one bit each, the characters it draws among
// those Vietnamese text uses (Latin letters and marks, punctuation,
// arrows, mathematical signs), so that checking ten thousand pages costs
// a table look-up per character instead of a shaping of every text. A
// text with any other character is checked the slow way.
type coverage struct {
	font *fit.Font
	bits []uint64
}

// coverageLimit is the end of the characters the table holds: up to the
// Mathematical Operators block.
const coverageLimit = 0x2300

func newCoverage(f *fit.Font) *coverage {
	c := &coverage{font: f, bits: make([]uint64, coverageLimit/64)}
	for r := rune(0); r < coverageLimit; r++ {
		if len(f.Missing(string(r))) == 0 {
			c.bits[r/64] |= 1 << (r % 64)
		}
	}
	return c
}

// covers reports whether the font surely draws every character of text.
func (c *coverage) covers(text []byte) bool {
	for _, r := range string(text) {
		if r >= coverageLimit || c.bits[r/64]&(1<<(r%64)) == 0 {
			return false
		}
	}
	return true
}

// checkGlyphs reports, at its first place in a content file, each
// character that the site's font can not draw.
func checkGlyphs(c *coverage, file string, data []byte) []diag.Diagnostic {
	if c == nil || !utf8.Valid(data) || c.covers(data) {
		return nil // an encoding problem is reported as such
	}
	raw := frontmatter.Normalize(data)
	missing := c.font.Missing(string(raw))
	if len(missing) == 0 {
		return nil
	}
	var ds []diag.Diagnostic
	for _, r := range missing {
		if r < 0x20 || r == 0x7F {
			continue // line ends and tabs: not drawn
		}
		// Columns count the file's own characters, as the editor's editor
		// shows them; a character that only NFC composes is found there.
		line, col := position(raw, r)
		if line == 0 {
			line, col = position(vntext.NFC(raw), r)
		}
		d := diag.At(file, line, col, "the site's font has no character %q (U+%04X): readers and printers would see it in another font, or not at all", r, r)
		d.Hint = "replace it with a character of Vietnamese or Latin text, or remove it"
		ds = append(ds, d)
	}
	return ds
}

// position returns the line and column, in characters, of the first r in
// text.
func position(text []byte, r rune) (line, col int) {
	i := strings.IndexRune(string(text), r)
	if i < 0 {
		return 0, 0
	}
	before := text[:i]
	line = 1 + strings.Count(string(before), "\n")
	start := strings.LastIndexByte(string(before), '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}
