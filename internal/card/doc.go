// Package card draws share cards: the picture a link preview shows when a
// page of the site is shared on Zalo or Facebook (1200 × 630), and a square
// one for feed posts (1080 × 1080).
//
// A card is drawn in Go from the site's own font files and colours, with no
// browser and no network. What it shows is a Card value (the brand strip,
// the kind of item in words, the title, a goal's key figures, the issuer and
// the site's short address, a DỰ THẢO mark for unapproved wording), and
// Draw turns a Card into pixels by the same rules every time:
//
//   - The title is set as large as it fits its box, on balanced lines
//     that break only between words (package vnbreak), measured with the
//     font's own advances and kerning as HarfBuzz sets them (package fit),
//     and drawn glyph by glyph at the positions that measure gives, so the
//     lines drawn are the lines measured.
//   - Lines are at least 1.35 em apart and placed by the ink bounds of
//     their glyphs, so stacked Vietnamese marks (Ẫ, Ễ, Ộ) never touch the
//     line above nor leave the box; no ink falls outside the format's safe
//     margin (Format.Safe).
//   - Colours come from the site's design tokens (ParsePalette reads the
//     custom properties of css/tokens.css); every pair of text and
//     background colours a card uses is checked for WCAG AA contrast.
//   - The image is paletted: the brand colours plus, for each pair of text
//     and background colours, a ramp of anti-aliasing steps between them.
//     Glyph coverage is quantized onto those ramps, which keeps files small
//     (tens of kilobytes) and the bytes identical for identical cards.
//
// Key names a card by the hash of everything that decides its pixels, so
// that a cache (package cache) can keep cards across builds.
package card
