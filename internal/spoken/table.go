package spoken

import (
	"cmp"
	"maps"
	"slices"
	"unicode/utf8"
)

// Table maps a written form to its reading: "UBND" → "Ủy ban nhân dân".
// Keys match whole words only and are case-sensitive ("AI" is trí tuệ nhân
// tạo, "Ai" at the start of a question is the word ai). A reading equal to
// its key keeps the form as written without a warning, for names the
// announcer reads as they are ("YouTube").
type Table map[string]string

// With returns a new table holding t's entries overridden and extended by
// u's; neither t nor u changes. It is how a site's configuration adds to
// the defaults: DefaultAbbrev().With(fromConfig).
func (t Table) With(u Table) Table {
	out := maps.Clone(t)
	if out == nil {
		out = Table{}
	}
	maps.Copy(out, u)
	return out
}

// index groups the keys by their first rune, longest first, so a lookup
// tries the longest key that matches ("KH&CN" before "KH").
func (t Table) index() map[rune][]string {
	idx := map[rune][]string{}
	for k := range t {
		r, _ := utf8.DecodeRuneInString(k)
		idx[r] = append(idx[r], k)
	}
	for _, keys := range idx {
		slices.SortFunc(keys, func(a, b string) int {
			return cmp.Or(cmp.Compare(len(b), len(a)), cmp.Compare(a, b))
		})
	}
	return idx
}
