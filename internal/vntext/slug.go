package vntext

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Slug turns Vietnamese text into the lower-case ASCII form used for URLs and
// heading IDs: diacritics are removed, đ becomes d, and every run of other
// characters becomes a single hyphen, with none at either end.
//
//	Slug("Nghị quyết 57 là gì?") == "nghi-quyet-57-la-gi"
//	Slug("Đổi mới sáng tạo")     == "doi-moi-sang-tao"
//
// NFC and NFD input give the same slug. Letters of scripts with no ASCII
// base (Chinese, Cyrillic, ...) count as separators, so Slug may return ""
// for a text that has no Latin letters or digits; callers must check.
// Slug is idempotent: Slug(Slug(s)) == Slug(s).
func Slug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pendingDash := false
	for i := 0; i < len(s); {
		c := s[i]
		var base byte
		if c < utf8.RuneSelf {
			i++
			base = asciiSlugByte(c)
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			base = foldRune(r)
			if base == 0 && unicode.Is(unicode.Mn, r) {
				// A combining mark (NFD input) belongs to the letter
				// before it: drop it without breaking the word.
				continue
			}
		}
		if base == 0 {
			pendingDash = b.Len() > 0
			continue
		}
		if pendingDash {
			b.WriteByte('-')
			pendingDash = false
		}
		b.WriteByte(base)
	}
	return b.String()
}

// asciiSlugByte maps an ASCII byte to its slug form, or 0 for a separator.
func asciiSlugByte(c byte) byte {
	switch {
	case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		return c
	case 'A' <= c && c <= 'Z':
		return c + ('a' - 'A')
	}
	return 0
}

// foldRune maps a non-ASCII letter to its lower-case ASCII base letter, or 0
// when it has none.
func foldRune(r rune) byte {
	switch r {
	case 'đ', 'Đ':
		return 'd'
	}
	if r <= foldLimit {
		return foldTable()[r]
	}
	return 0
}

// foldLimit is the last code point of Latin Extended Additional, the block
// that holds the Vietnamese letters with two marks (ậ, ễ, ở ...).
const foldLimit = 0x1EFF

// foldTable is built once from the Unicode decompositions, so that every
// Latin letter with marks, Vietnamese or not, folds to its base.
var foldTable = sync.OnceValue(func() []byte {
	t := make([]byte, foldLimit+1)
	for r := rune(0x80); r <= foldLimit; r++ {
		d := norm.NFD.String(string(r))
		if d == "" || d[0] >= utf8.RuneSelf {
			continue
		}
		t[r] = asciiSlugByte(d[0])
	}
	return t
})
