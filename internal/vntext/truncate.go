package vntext

import (
	"strings"
	"unicode/utf8"
)

// Truncate shortens plain text to at most n characters, "…" included,
// for summaries and share descriptions. It cuts at the last space that
// keeps at least half the text, so that no word is cut in two; a text
// whose first half is one word is cut inside it. Punctuation left at the
// cut goes.
func Truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n < 1 {
		return ""
	}
	runes := []rune(s)
	t := string(runes[:n-1])
	// Cut back to the last space unless the cut already falls on one.
	if runes[n-1] != ' ' {
		if i := strings.LastIndexByte(t, ' '); i > len(t)/2 {
			t = t[:i]
		}
	}
	return strings.TrimRight(t, " ,;:.–-") + "…"
}
