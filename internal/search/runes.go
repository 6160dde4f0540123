package search

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"loa/internal/vntext"
)

// tableLimit is the end of the runes the tokenizer looks up in a table
// rather than asking package unicode: every script loa is likely to see
// in bulk (Latin with all Vietnamese letters, Greek, Cyrillic) and the
// combining marks are below it.
const tableLimit = 0x1F00

// Flags of a rune in the table.
const (
	flagWord   = 1 << iota // letter, number or mark: belongs in a token
	flagLetter             // unicode.IsLetter
	flagMark               // unicode.IsMark
	flagSpace              // keeps two tokens adjacent (isSpace)
	flagSlow               // its folded form is more than one rune: ask vntext
)

// runeInfo holds, for each rune below tableLimit, its lower case, its
// folded form (a rune, 0 to drop it) and its flags, all derived from the
// functions the slow path calls, so both give the same tokens.
type runeInfo struct {
	lower [tableLimit]uint16
	fold  [tableLimit]uint16
	flags [tableLimit]uint8
}

var runeTable = sync.OnceValue(func() *runeInfo {
	t := new(runeInfo)
	for r := rune(0); r < tableLimit; r++ {
		var f uint8
		if isWordRuneSlow(r) {
			f |= flagWord
		}
		if unicode.IsLetter(r) {
			f |= flagLetter
		}
		if unicode.IsMark(r) {
			f |= flagMark
		}
		if isSpaceSlow(r) {
			f |= flagSpace
		}
		lr := lowerSlow(r)
		t.lower[r] = uint16(lr)
		folded := foldSlow(r, lr)
		switch n := utf8.RuneCountInString(folded); {
		case n == 1:
			fr, _ := utf8.DecodeRuneInString(folded)
			if fr < 0x10000 {
				t.fold[r] = uint16(fr)
			} else {
				f |= flagSlow
			}
		case n > 1:
			f |= flagSlow
		}
		t.flags[r] = f
	}
	return t
})

// foldSlow is the folded form of r (lower-cased lr): its ASCII base, ""
// for a combining mark or an ASCII symbol, else lr without marks.
func foldSlow(r, lr rune) string {
	if c := vntext.Fold(r); c != 0 {
		return string(rune(c))
	}
	if r < utf8.RuneSelf || unicode.Is(unicode.Mn, r) {
		return ""
	}
	return vntext.FoldString(string(lr))
}

func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

func isSpaceSlow(r rune) bool { return r != '\n' && unicode.IsSpace(r) }

func lowerSlow(r rune) rune { return unicode.ToLower(r) }
