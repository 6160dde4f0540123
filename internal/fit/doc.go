// Package fit sets a slogan as big as it fits: on banners (5000 × 800 mm),
// panels (2400 × 1200 mm) and posters it picks the line breaks and the font
// size of one text so that every line fits the safe area. Where a line may
// break, and what each break costs, is package vnbreak's job: fit measures.
//
// The browser that prints the page (Chromium, which shapes text with
// HarfBuzz) must break the text where Go decided, so the measure is taken
// from the very font file the page embeds, with HarfBuzz's rules: NFC, one
// glyph per character (a letter the font lacks is built from its base and
// combining marks when the font has those), advances from hmtx, marks with
// no advance, and the pair kerning of the GPOS 'kern' feature summed over
// its lookups (a pair that one subtable does not list is 0 there, not the
// end of kerning). For Noto Sans this gives HarfBuzz's widths to the font
// unit; testdata/hb-widths.txt holds the numbers the tests compare with.
//
// The page must therefore carry the text in NFC, as loa writes it, and set
// it with kerning and without ligatures (static/css/print.css).
//
// Left out, because Vietnamese in NFC never needs them: glyph substitutions
// (GSUB: the dotless i and j that 'ccmp' puts before a combining mark above,
// the numerators and denominators HarfBuzz sets around a fraction slash,
// which Fit therefore refuses), contextual positioning (Noto Sans's one
// contextual kerning lookup moves only combining marks, whose advances
// HarfBuzz then zeroes), mark filtering sets, device tables and font
// variations.
package fit
