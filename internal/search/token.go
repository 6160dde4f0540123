package search

import (
	"unicode"
	"unicode/utf8"

	"loa/internal/vntext"
)

// maxTokenBytes caps the length of one token as written; the rest of a
// longer run of letters (a pasted web address) is skipped, so that no key
// of the index is long.
const maxTokenBytes = 40

// Token is one syllable, number or other word of a text, as the index and
// the query see it.
type Token struct {
	Exact  string // lower-case, as written: "đường"
	Folded string // letters and digits of Exact without marks (vntext.Fold): "duong", "30" for "30%"
	Start  int    // byte offsets of the token in the text
	End    int
	// Joined reports that only white space separates the token from the
	// one before it, so the two are adjacent syllables (a bigram of the
	// index). Punctuation between them breaks the phrase.
	Joined bool
}

// Tokens splits text into tokens. The rules, which search.js repeats
// (its function tokens), are:
//   - a token is a run of letters, numbers and combining marks;
//   - inside a token, '.' or ',' between two ASCII digits stays ("4.0",
//     "10.000", "0,7"), '&' between two letters stays ("r&d"), and '%'
//     right after a digit ends the token and belongs to it ("30%");
//   - everything else separates tokens; two tokens are Joined when only
//     spaces or tabs (no newline, no punctuation) separate them;
//   - a token is lower-cased; its folded form drops the marks and the
//     symbols ('%', '.', ',', '&'), so "10.000" folds to "10000";
//   - a token longer than maxTokenBytes is cut.
//
// Text should be NFC; Build and the query normalise it.
func Tokens(text string) []Token {
	var out []Token
	t := tokenizer{text: text}
	for t.next() {
		out = append(out, Token{
			Exact: string(t.exact), Folded: string(t.folded),
			Start: t.start, End: t.end, Joined: t.joined,
		})
	}
	return out
}

// tokenizer walks a text token by token, reusing its buffers: Build calls
// it for every word of every page.
type tokenizer struct {
	text          string
	i             int
	exact, folded []byte
	start, end    int
	joined        bool
	count         int // tokens so far
}

// next moves to the next token and reports whether there was one.
func (t *tokenizer) next() bool {
	t.joined = t.count > 0
	for t.scan() {
		if len(t.folded) > 0 {
			t.count++
			return true
		}
		t.joined = false // a token with nothing to fold, skipped
	}
	return false
}

// scan reads the next run of word runes into the buffers, and clears
// joined when what separates it from the last token is not white space.
func (t *tokenizer) scan() bool {
	t.exact, t.folded = t.exact[:0], t.folded[:0]
	s := t.text
	for t.i < len(s) {
		r, size := decode(s, t.i)
		if isWordRune(r) && !unicode.IsMark(r) {
			break
		}
		if !isSpace(r) {
			t.joined = false
		}
		t.i += size
	}
	if t.i >= len(s) {
		return false
	}
	t.start = t.i
	var prev rune
	for t.i < len(s) {
		r, size := decode(s, t.i)
		switch {
		case isWordRune(r):
		case (r == '.' || r == ',') && isASCIIDigit(prev) && t.i+1 < len(s) && isASCIIDigit(rune(s[t.i+1])):
		case r == '&' && unicode.IsLetter(prev) && t.i+1 < len(s) && nextIsLetter(s, t.i+1):
		case r == '%' && isASCIIDigit(prev):
			t.add(r)
			t.i += size
			t.end = t.i
			return true
		default:
			t.end = t.i
			return true
		}
		t.add(r)
		prev = r
		t.i += size
	}
	t.end = t.i
	return true
}

// add appends r to the current token, lower-cased and folded.
func (t *tokenizer) add(r rune) {
	if len(t.exact) >= maxTokenBytes {
		return
	}
	lr := lower(r)
	t.exact = utf8.AppendRune(t.exact, lr)
	if c := vntext.Fold(r); c != 0 {
		t.folded = append(t.folded, c)
	} else if r >= utf8.RuneSelf && !unicode.Is(unicode.Mn, r) {
		t.folded = append(t.folded, vntext.FoldString(string(lr))...)
	}
}

func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func nextIsLetter(s string, i int) bool {
	r, _ := decode(s, i)
	return unicode.IsLetter(r)
}

func isASCIIDigit(r rune) bool { return '0' <= r && r <= '9' }

// isWordRune reports whether r belongs in a token: a letter, a number or a
// combining mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// isSpace reports white space other than a newline: the only separator
// that keeps two tokens adjacent. A newline ends a phrase, as HTMLText
// writes one between blocks.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t' || r == '\r' || r == '\f' || r == '\v'
	}
	return unicode.IsSpace(r)
}

// lower lower-cases r, quickly for ASCII.
func lower(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}
	return unicode.ToLower(r)
}
