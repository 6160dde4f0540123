package spoken

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Character classes and small scanners over the source text. Positions
// are byte offsets into the (NFC) source.

// isLetter reports letters and the combining marks that may follow them.
func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

// isDigit reports decimal digits of any script (0-9, ٣, ３...).
func isDigit(r rune) bool { return unicode.Is(unicode.Nd, r) }

// isAlnum reports letters, marks and decimal digits.
func isAlnum(r rune) bool { return isLetter(r) || isDigit(r) }

// isSpace reports white space, including the no-break spaces Word inserts.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00A0' || r == '\u202F' || r == '\u2009'
}

// isInlineSpace reports spaces that do not end a line.
func isInlineSpace(r rune) bool { return isSpace(r) && r != '\n' && r != '\r' }

// isGroupSpace reports the spaces that may separate thousands ("10 000").
func isGroupSpace(r rune) bool { return r == '\u00A0' || r == '\u202F' || r == '\u2009' }

// isDash reports the dashes of ranges: hyphen, en dash, em dash, figure dash.
func isDash(r rune) bool { return r == '-' || r == '–' || r == '—' || r == '‒' }

// digitValue returns the value of a decimal digit of any script. Unicode
// puts every script's digits in runs of ten starting at zero, so the value
// is the distance from the start of the Nd range, modulo ten.
func digitValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	for _, rg := range unicode.Nd.R16 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	return 0
}

// at returns the rune at byte offset i, or 0 past the end.
func at(s string, i int) rune {
	if i < 0 || i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// before returns the rune that ends just before byte offset i, or 0.
func before(s string, i int) rune {
	if i <= 0 || i > len(s) {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// digitsAt returns the run of decimal digits at i as ASCII digits, and the
// offset after it; "" when there is no digit at i.
func digitsAt(s string, i int) (string, int) {
	var b strings.Builder
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !isDigit(r) {
			break
		}
		b.WriteByte(byte('0' + digitValue(r)))
		j += size
	}
	return b.String(), j
}

// lettersAt returns the run of letters at i and the offset after it.
func lettersAt(s string, i int) (string, int) {
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !isLetter(r) {
			break
		}
		j += size
	}
	return s[i:j], j
}

// skipInlineSpace returns the offset after the spaces at i.
func skipInlineSpace(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isInlineSpace(r) {
			break
		}
		i += size
	}
	return i
}

// wordBefore returns the word that ends before i, skipping the spaces in
// between, in lower case, and its start offset; "" when the text before
// is not a word (start of text, punctuation, a number).
func wordBefore(s string, i int) (string, int) {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if !isInlineSpace(r) {
			break
		}
		j -= size
	}
	end := j
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if !isLetter(r) {
			break
		}
		j -= size
	}
	if j == end {
		return "", i
	}
	return strings.ToLower(s[j:end]), j
}

// wordAfter returns the word after i (spaces skipped), in lower case, and
// the offset after it.
func wordAfter(s string, i int) (string, int) {
	j := skipInlineSpace(s, i)
	w, end := lettersAt(s, j)
	return strings.ToLower(w), end
}

// atLineStart reports whether only spaces lie between the start of the
// line and i.
func atLineStart(s string, i int) bool {
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if r == '\n' {
			return true
		}
		if !isInlineSpace(r) {
			return false
		}
		i -= size
	}
	return true
}

// tail returns the last n bytes of s or a little more, starting at a
// character: the lookbehinds need only the last few words, and must not
// cost the length of the whole text.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[i:]
}

// upperFirst returns s with its first letter in upper case.
func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// isUpperInitial reports whether s starts with an upper-case letter.
func isUpperInitial(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
