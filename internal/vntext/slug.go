package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
			base = Fold(r)
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
