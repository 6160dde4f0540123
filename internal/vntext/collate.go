package vntext

import (
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Collator orders strings as a Vietnamese dictionary does: a < ă < â < b,
// d < đ, e < ê, o < ô < ơ, u < ư, and tones after the bare letter. It is not
// safe for concurrent use; make one per goroutine.
type Collator struct {
	c   *collate.Collator
	buf collate.Buffer
}

// NewCollator returns a Vietnamese collator. Case is ignored at the first
// level, as in a dictionary.
func NewCollator() *Collator {
	return &Collator{c: collate.New(language.Vietnamese, collate.IgnoreCase)}
}

// Compare returns -1, 0 or +1 as a sorts before, with or after b.
func (c *Collator) Compare(a, b string) int {
	return c.c.CompareString(a, b)
}

// Key returns a sort key for s: comparing keys with bytes.Compare gives the
// same order as Compare, which makes sorting many strings cheap.
func (c *Collator) Key(s string) []byte {
	k := c.c.KeyFromString(&c.buf, s)
	out := make([]byte, len(k))
	copy(out, k)
	c.buf.Reset()
	return out
}
