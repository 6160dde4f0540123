package diag

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Printable returns s as a terminal may show it: every character that a
// terminal would act on instead of drawing, or that hides or reorders the
// text around it, is written as its escape, the way Go quotes strings
// ("\x1b", "\r", "\u202e"). Those are the C0 and C1 control characters
// (ESC, CR, BEL, NUL, DEL, the CSI 0x9B...), the invisible format
// characters (U+202E right-to-left override, U+200B zero-width space, a
// byte order mark...), the line and paragraph separators, and bytes that
// are not UTF-8. Printable text, Vietnamese included, is kept as it is.
//
// A file named "\x1b[31m.md" or a title holding U+202E can therefore
// neither colour the terminal nor turn the rest of a message around.
// Diagnostic.String applies it to every part of a diagnostic, so every
// printer of diagnostics (loa build, check, serve) shows the same safe
// text; keepLines keeps newlines and tabs, which messages and hints use
// for their layout.
func Printable(s string) string { return printable(s, false) }

func printable(s string, keepLines bool) string {
	if isPrintable(s, keepLines) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case keepLines && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case hidden(r) && r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case hidden(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isPrintable reports whether s needs no escape: the common case, checked
// without allocating.
func isPrintable(s string, keepLines bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		if keepLines && (c == '\n' || c == '\t') {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || hidden(r) {
			return false
		}
		i += size
	}
	return true
}

// hidden reports whether r is a character a terminal does not draw as
// itself: a control character, a format character, or a line or
// paragraph separator.
func hidden(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}
