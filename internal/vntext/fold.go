package vntext

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the lower-case ASCII letter or digit that r is once its
// marks are removed: 'Ạ' and 'ạ' give 'a', 'Đ' and 'đ' give 'd', 'Q' gives
// 'q', '7' gives '7'. It returns 0 for a rune without such a base: spaces,
// punctuation, combining marks, and letters of other scripts (Greek,
// Chinese ...) or Latin letters that do not decompose (ø, ł).
//
// Fold is the one folding rule of loa: slugs (Slug) and search (which
// indexes every syllable as written and folded) both use it, so that
// "Đường" is "duong" in a URL and in a query typed without accents.
func Fold(r rune) byte {
	switch {
	case r < utf8.RuneSelf:
		return asciiSlugByte(byte(r))
	case r == 'đ' || r == 'Đ':
		return 'd'
	case r <= foldLimit:
		return foldTable()[r]
	}
	return 0
}

// FoldString returns s as search compares it: every rune that Fold maps
// to an ASCII letter or digit becomes that byte, combining marks are
// dropped, and any other rune is lower-cased and stripped of its marks
// (Greek ά becomes α) but kept. FoldString("Chuyển Đổi SỐ") is
// "chuyen doi so". NFC and NFD input give the same result.
func FoldString(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if c := Fold(r); c != 0 {
			b.WriteByte(c)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		for _, d := range norm.NFD.String(string(unicode.ToLower(r))) {
			if !unicode.Is(unicode.Mn, d) {
				b.WriteRune(d)
			}
		}
	}
	return b.String()
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
