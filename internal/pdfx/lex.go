package pdfx

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// tokKind is the kind of a content-stream token.
type tokKind uint8

const (
	tokNumber  tokKind = iota + 1
	tokName            // /Name
	tokString          // (literal) or <hex>
	tokOpen            // [ or <<
	tokClose           // ] or >>
	tokKeyword         // an operator, or true, false, null
	tokInline          // the data of an inline image, from ID to EI included
)

// token is one token of a content stream, as a span of the source, so
// that a rewrite can copy what it leaves alone byte for byte.
type token struct {
	kind       tokKind
	start, end int
}

// lexer splits a content stream (ISO 32000-1, 7.2 and 8.9.7) into tokens.
// Comments and white space are skipped; they stay in the source between
// tokens.
type lexer struct {
	src []byte
	pos int
	// afterID is set when the keyword ID of an inline image was read:
	// the next token is the image data.
	afterID bool
}

func isSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func isRegular(c byte) bool { return !isSpace(c) && !isDelim(c) }

// next returns the next token; ok is false at the end of the stream.
func (l *lexer) next() (t token, ok bool, err error) {
	if l.afterID {
		l.afterID = false
		return l.inlineData()
	}
	src := l.src
	for l.pos < len(src) {
		c := src[l.pos]
		switch {
		case isSpace(c):
			l.pos++
			continue
		case c == '%':
			for l.pos < len(src) && src[l.pos] != '\n' && src[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		break
	}
	if l.pos >= len(src) {
		return token{}, false, nil
	}
	start := l.pos
	c := src[l.pos]
	switch {
	case c == '/':
		l.pos++
		for l.pos < len(src) && isRegular(src[l.pos]) {
			l.pos++
		}
		return token{tokName, start, l.pos}, true, nil
	case c == '(':
		if err := l.literal(); err != nil {
			return token{}, false, err
		}
		return token{tokString, start, l.pos}, true, nil
	case c == '<' && l.pos+1 < len(src) && src[l.pos+1] == '<':
		l.pos += 2
		return token{tokOpen, start, l.pos}, true, nil
	case c == '>' && l.pos+1 < len(src) && src[l.pos+1] == '>':
		l.pos += 2
		return token{tokClose, start, l.pos}, true, nil
	case c == '<':
		end := bytes.IndexByte(src[l.pos:], '>')
		if end < 0 {
			return token{}, false, fmt.Errorf("offset %d: unterminated hex string", start)
		}
		l.pos += end + 1
		return token{tokString, start, l.pos}, true, nil
	case c == '[' || c == '{':
		l.pos++
		return token{tokOpen, start, l.pos}, true, nil
	case c == ']' || c == '}':
		l.pos++
		return token{tokClose, start, l.pos}, true, nil
	case c == ')' || c == '>':
		return token{}, false, fmt.Errorf("offset %d: unexpected %q", start, c)
	}
	for l.pos < len(src) && isRegular(src[l.pos]) {
		l.pos++
	}
	word := src[start:l.pos]
	if isNumber(word) {
		return token{tokNumber, start, l.pos}, true, nil
	}
	if string(word) == "ID" {
		l.afterID = true
	}
	return token{tokKeyword, start, l.pos}, true, nil
}

// literal skips a literal string: balanced parentheses, backslash escapes.
func (l *lexer) literal() error {
	start := l.pos
	depth := 0
	for l.pos < len(l.src) {
		switch l.src[l.pos] {
		case '\\':
			l.pos++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				l.pos++
				return nil
			}
		}
		l.pos++
	}
	return fmt.Errorf("offset %d: unterminated string", start)
}

// inlineData reads an inline image's data, after the keyword ID and its
// one white-space byte, up to and including the keyword EI: the first EI
// with white space before it and white space or the end after it.
func (l *lexer) inlineData() (token, bool, error) {
	start := l.pos
	for i := l.pos + 1; i+1 < len(l.src); i++ {
		if l.src[i] == 'E' && l.src[i+1] == 'I' && isSpace(l.src[i-1]) &&
			(i+2 == len(l.src) || isSpace(l.src[i+2])) {
			l.pos = i + 2
			return token{tokInline, start, l.pos}, true, nil
		}
	}
	return token{}, false, fmt.Errorf("offset %d: inline image without EI", start)
}

// isNumber reports whether a word is a PDF number: an optional sign,
// digits, at most one point, at least one digit.
func isNumber(w []byte) bool {
	digits, points := 0, 0
	for i, c := range w {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			points++
		case (c == '+' || c == '-') && i == 0:
		default:
			return false
		}
	}
	return digits > 0 && points <= 1
}

// number returns the value of a number token.
func (l *lexer) number(t token) float64 {
	w := string(l.src[t.start:t.end])
	v, err := strconv.ParseFloat(w, 64)
	if err != nil {
		// "+.5", "-.5" and "5." parse; only overflow is left, which a
		// colour value never is.
		return 0
	}
	return v
}

// text returns a token's source text.
func (l *lexer) text(t token) string { return string(l.src[t.start:t.end]) }

// decodeName decodes the #xx escapes of a name's text.
func decodeName(s string) string {
	if !strings.Contains(s, "#") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}
