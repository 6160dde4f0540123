package search

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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
	count         int       // tokens so far
	hash          uint64    // FNV-1a of exact, for Build's dictionary
	tab           *runeInfo // runeTable, looked up once
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
// It is the hot loop of Build: runes below tableLimit are looked up in
// runeTable, ASCII without decoding.
func (t *tokenizer) scan() bool {
	t.exact, t.folded = t.exact[:0], t.folded[:0]
	s := t.text
	if t.tab == nil {
		t.tab = runeTable()
	}
	tab := t.tab
	i := t.i
	for i < len(s) {
		// A rune and its flags, read in line: as a function (it is too
		// big to inline) the tokenizer is 20 % slower (BenchmarkTokenizer).
		var r rune
		var fl uint8
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			r, fl = rune(c), tab.flags[c]
		} else if r, size = decode(s, i); r < tableLimit {
			fl = tab.flags[r]
		} else {
			fl = flagsSlow(r)
		}
		if fl&flagWord != 0 && fl&flagMark == 0 {
			break
		}
		if fl&flagSpace == 0 {
			t.joined = false
		}
		i += size
	}
	if i >= len(s) {
		t.i = i
		return false
	}
	t.start = i
	var prev rune
	marks := false
	for i < len(s) {
		var r rune
		var fl uint8
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			r, fl = rune(c), tab.flags[c]
		} else if r, size = decode(s, i); r < tableLimit {
			fl = tab.flags[r]
		} else {
			fl = flagsSlow(r)
		}
		switch {
		case fl&flagWord != 0:
			marks = marks || fl&flagMark != 0
		case (r == '.' || r == ',') && isASCIIDigit(prev) && i+1 < len(s) && isASCIIDigit(rune(s[i+1])):
		case r == '&' && flagsOf(tab, prev)&flagLetter != 0 && i+1 < len(s) && nextIsLetter(tab, s, i+1):
		case r == '%' && isASCIIDigit(prev):
			t.add(tab, r, fl)
			i += size
			t.i, t.end = i, i
			t.compose(marks)
			return true
		default:
			t.i, t.end = i, i
			t.compose(marks)
			return true
		}
		if len(t.exact) < maxTokenBytes {
			switch {
			case r < utf8.RuneSelf:
				t.exact = append(t.exact, byte(tab.lower[r]))
				if f := tab.fold[r]; f != 0 {
					t.folded = append(t.folded, byte(f))
				}
			case r < tableLimit && fl&flagSlow == 0:
				t.exact = utf8.AppendRune(t.exact, rune(tab.lower[r]))
				if f := tab.fold[r]; f >= utf8.RuneSelf {
					t.folded = utf8.AppendRune(t.folded, rune(f))
				} else if f != 0 {
					t.folded = append(t.folded, byte(f))
				}
			default:
				t.add(tab, r, fl)
			}
		}
		prev = r
		i += size
	}
	t.i, t.end = i, i
	t.compose(marks)
	return true
}

// compose puts the token as written in NFC when it holds combining marks
// (text typed or pasted decomposed; its folded form drops them anyway),
// and hashes it.
func (t *tokenizer) compose(marks bool) {
	if marks {
		t.exact = norm.NFC.Append(nil, t.exact...)
	}
	h := uint64(14695981039346656037)
	for _, c := range t.exact {
		h = (h ^ uint64(c)) * 1099511628211
	}
	t.hash = h
}

// add appends r to the current token, lower-cased and folded.
func (t *tokenizer) add(tab *runeInfo, r rune, fl uint8) {
	if len(t.exact) >= maxTokenBytes {
		return
	}
	if r < tableLimit && fl&flagSlow == 0 {
		if lr := rune(tab.lower[r]); lr < utf8.RuneSelf {
			t.exact = append(t.exact, byte(lr))
		} else {
			t.exact = utf8.AppendRune(t.exact, lr)
		}
		if fr := rune(tab.fold[r]); fr == 0 {
		} else if fr < utf8.RuneSelf {
			t.folded = append(t.folded, byte(fr))
		} else {
			t.folded = utf8.AppendRune(t.folded, fr)
		}
		return
	}
	lr := lowerSlow(r)
	t.exact = utf8.AppendRune(t.exact, lr)
	t.folded = append(t.folded, foldSlow(r, lr)...)
}

// flagsOf returns the table's flags of r, or works them out.
func flagsOf(tab *runeInfo, r rune) uint8 {
	if r >= 0 && r < tableLimit {
		return tab.flags[r]
	}
	return flagsSlow(r)
}

// flagsSlow works out the flags of a rune above the table.
func flagsSlow(r rune) uint8 {
	var f uint8 = flagSlow
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
	return f
}

// decode decodes the rune at s[i], inline for the one-, two- and
// three-byte sequences of Vietnamese text.
func decode(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xC2 && c < 0xE0 && i+1 < len(s) {
		if c1 := s[i+1]; c1&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(c1&0x3F), 2
		}
	}
	if c >= 0xE1 && c < 0xED && i+2 < len(s) {
		c1, c2 := s[i+1], s[i+2]
		if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			return rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

func nextIsLetter(tab *runeInfo, s string, i int) bool {
	r, _ := decode(s, i)
	return flagsOf(tab, r)&flagLetter != 0
}

func isASCIIDigit(r rune) bool { return '0' <= r && r <= '9' }
