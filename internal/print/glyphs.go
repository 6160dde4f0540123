package print

import (
	"html"
	"regexp"
	"strings"
	"unicode/utf8"

	"loa/internal/config"
	"loa/internal/diag"
	"loa/internal/fit"
	"loa/internal/maker"
	"loa/internal/view"
)

// tagRE matches the markup of a made piece, and the style and script
// elements whole, to leave the text it shows.
var tagRE = regexp.MustCompile(`(?s)<style.*?</style>|<script.*?</script>|<[^>]*>`)

// checkGlyphs reports each character that a piece shows and the font
// lacks, where it was written: a print layout (its own words, not the
// content it shows) or config.toml (the imprint, the issuer). Characters
// of content files are reported at their file by the content check, so a
// character found in none of these is not reported again. Without it,
// Chromium would set the character in a font of the building machine.
func (m *Maker) checkGlyphs(in *maker.Input, rec *view.Recorder, f *fit.Font, page []byte, files []string) diag.List {
	if m.covers(f, page) {
		return nil
	}
	text := html.UnescapeString(tagRE.ReplaceAllString(string(page), " "))
	missing := f.Missing(text)
	if len(missing) == 0 {
		return nil
	}
	var ds diag.List
	for _, r := range missing {
		if r < 0x20 || r == 0x7F {
			continue
		}
		for _, file := range append(files, config.File) {
			data, err := in.Read(rec, file)
			if err != nil {
				continue
			}
			if line, col := position(data, r); line > 0 {
				d := diag.At(file, line, col, "the site's font has no character %q (U+%04X): printers would see it in another font, or not at all", r, r)
				d.Hint = "replace it with a character of Vietnamese or Latin text, or remove it"
				ds.Add(d)
				break
			}
		}
	}
	return ds
}

// covers reports whether the font draws every character of page one by
// one, which it learns once per character: a quick answer for the pieces
// (nearly all) whose every character is a Vietnamese or Latin letter of
// the font. A page it does not cover is checked character by character
// in context by checkGlyphs.
func (m *Maker) covers(f *fit.Font, page []byte) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.coverage == nil || m.coverageOf != f {
		m.coverage, m.coverageOf = map[rune]bool{}, f
	}
	for _, r := range string(page) {
		if r < 0x80 {
			continue // markup and ASCII text: every font loa ships has them
		}
		ok, seen := m.coverage[r]
		if !seen {
			ok = len(f.Missing(string(r))) == 0
			m.coverage[r] = ok
		}
		if !ok {
			return false
		}
	}
	return true
}

// position returns the line and column, in characters, of the first r in
// text; 0, 0 when there is none.
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
