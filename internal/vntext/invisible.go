package vntext

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Invisible is a character that a reader does not see but that changes
// the text: it reverses what follows (U+202E), glues or splits words for
// search and line breaking (U+200B, U+2060), or is a space that is not
// one (U+00A0 in a TOML key). Text pasted from the web, from PDFs and from
// Word brings them along.
type Invisible struct {
	Rune rune
	Name string // what it is, in an editor's words: "a zero-width space"
}

// String names the character with its code: "a zero-width space (U+200B)".
func (c Invisible) String() string { return fmt.Sprintf("%s (U+%04X)", c.Name, c.Rune) }

// invisibleNames names the invisible characters editors meet; any other
// format or control character is named by its category.
var invisibleNames = map[rune]string{
	'\u00A0': "a no-break space",
	'\u00AD': "a soft hyphen",
	'\u061C': "an Arabic letter mark",
	'\u180E': "a Mongolian vowel separator",
	'\u2007': "a figure space",
	'\u200B': "a zero-width space",
	'\u200C': "a zero-width non-joiner",
	'\u200D': "a zero-width joiner",
	'\u200E': "a left-to-right mark",
	'\u200F': "a right-to-left mark",
	'\u2028': "a line separator",
	'\u2029': "a paragraph separator",
	'\u202A': "a left-to-right embedding",
	'\u202B': "a right-to-left embedding",
	'\u202C': "a pop directional formatting",
	'\u202D': "a left-to-right override",
	'\u202E': "a right-to-left override",
	'\u202F': "a narrow no-break space",
	'\u2060': "a word joiner",
	'\u2061': "an invisible function application",
	'\u2062': "an invisible times",
	'\u2063': "an invisible separator",
	'\u2064': "an invisible plus",
	'\u2066': "a left-to-right isolate",
	'\u2067': "a right-to-left isolate",
	'\u2068': "a first strong isolate",
	'\u2069': "a pop directional isolate",
	'\u3000': "an ideographic space",
	'\uFEFF': "a zero-width no-break space (byte order mark)",
}

// InvisibleRune reports whether r is an invisible character, and names it.
// Spaces that look like a space (U+00A0, U+202F...) are only named here;
// FindInvisible leaves them out of running text, where they are fine.
func InvisibleRune(r rune) (Invisible, bool) {
	if name, ok := invisibleNames[r]; ok {
		return Invisible{r, name}, true
	}
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return Invisible{}, false
	case unicode.IsControl(r):
		return Invisible{r, "a control character"}, true
	case unicode.Is(unicode.Cf, r):
		return Invisible{r, "an invisible format character"}, true
	}
	return Invisible{}, false
}

// InvisibleAt is an invisible character found in a text.
type InvisibleAt struct {
	Invisible
	Offset int // byte offset in the text
}

// FindInvisible returns the invisible characters of s that do not belong
// in published text: control and format characters, but not the spaces
// that look like spaces (no-break spaces), nor a zero-width joiner between
// two symbols (emoji sequences such as 👩‍💻 need it), nor the soft hyphen,
// which is TCVN3's code for "ư" in pasted legacy text and is reported as
// such. Tabs and line ends are text.
func FindInvisible(s string) []InvisibleAt {
	var out []InvisibleAt
	prev := rune(0)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		c, ok := InvisibleRune(r)
		switch {
		case !ok, unicode.Is(unicode.Zs, r), r == '\u00AD':
		case r == '\u200D' && isSymbol(prev) && isSymbol(nextRune(s, i+size)):
		default:
			out = append(out, InvisibleAt{c, i})
		}
		prev = r
		i += size
	}
	return out
}

func nextRune(s string, i int) rune {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// isSymbol reports whether r may be part of an emoji sequence.
func isSymbol(r rune) bool {
	return r > 0x2000 && (unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || r == '\uFE0F')
}
