package frontmatter

import (
	"strings"
	"unicode/utf8"
)

// KeyAt is one key written in a TOML text, where it is written.
type KeyAt struct {
	Path []string // the full key: table headers, dotted keys, inline tables ("print", "product", "name")
	Line int      // 1-based line in the text
	Col  int      // 1-based column, in characters
	// Header is set on the table headers themselves ([home], [[print.product]]).
	Header bool
	// Elem is, for a key inside an array of tables ([[print.product]]), which
	// element of the innermost one it is in, from 1; 0 otherwise.
	Elem int
}

// Keys lists every key of a TOML text in the order written, with its full
// path and position, including the keys of inline tables (also inside
// arrays: figures = [{value = "30%"}] gives "figures.value") and the table
// headers. It reads TOML well enough to place keys, not to check it: on
// malformed text it returns what it could read, and never fails.
func Keys(data []byte) []KeyAt {
	s := &keyScanner{src: string(data), line: 1, counts: map[string]int{}}
	s.document()
	return s.out
}

type keyScanner struct {
	items     []itemAt // elements of arrays, for FindItem
	src       string
	i         int
	line      int
	lineStart int
	table     []string
	elem      int
	counts    map[string]int // array-of-tables header → elements seen
	out       []KeyAt
}

func (s *keyScanner) eof() bool { return s.i >= len(s.src) }

func (s *keyScanner) col() int { return utf8.RuneCountInString(s.src[s.lineStart:s.i]) + 1 }

// advance moves past one byte, keeping the line count.
func (s *keyScanner) advance() {
	if s.src[s.i] == '\n' {
		s.line++
		s.lineStart = s.i + 1
	}
	s.i++
}

// blank skips spaces and tabs; with newlines, also line ends and comments.
func (s *keyScanner) blank(newlines bool) {
	for !s.eof() {
		switch c := s.src[s.i]; {
		case c == ' ' || c == '\t' || c == '\r':
			s.i++
		case c == '#':
			for !s.eof() && s.src[s.i] != '\n' {
				s.i++
			}
		case c == '\n' && newlines:
			s.advance()
		default:
			return
		}
	}
}

func (s *keyScanner) skipLine() {
	for !s.eof() && s.src[s.i] != '\n' {
		s.advance()
	}
}

func (s *keyScanner) document() {
	for {
		s.blank(true)
		if s.eof() {
			return
		}
		start := s.i
		switch s.src[s.i] {
		case '[':
			s.header()
		case '=', ']', '}', ',':
			s.skipLine() // malformed: go on with the next line
		default:
			s.keyValue(s.table, s.elem)
		}
		if s.i == start { // never loop on text the scanner can not read
			s.advance()
		}
	}
}

// header reads [a.b] or [[a.b]].
func (s *keyScanner) header() {
	line, col := s.line, s.col()
	s.i++
	array := !s.eof() && s.src[s.i] == '['
	if array {
		s.i++
	}
	path := s.dotted()
	s.skipLine()
	if path == nil {
		return
	}
	s.table, s.elem = path, 0
	if array {
		key := strings.Join(path, "\x00")
		s.counts[key]++
		s.elem = s.counts[key]
	}
	s.out = append(s.out, KeyAt{Path: path, Line: line, Col: col, Header: true, Elem: s.elem})
	if array {
		s.items = append(s.items, itemAt{path: path, n: s.elem, line: line, col: col})
	}
}

// itemAt is where one element of an array is written: a [[table]] header,
// or a value inside key = [ ... ].
type itemAt struct {
	path      []string
	n         int // from 1
	line, col int
}

// keyValue reads key = value under the table prefix.
func (s *keyScanner) keyValue(prefix []string, elem int) {
	line, col := s.line, s.col()
	key := s.dotted()
	if key == nil {
		s.skipLine()
		return
	}
	path := append(append([]string(nil), prefix...), key...)
	s.out = append(s.out, KeyAt{Path: path, Line: line, Col: col, Elem: elem})
	s.blank(false)
	if s.eof() || s.src[s.i] != '=' {
		return
	}
	s.i++
	s.blank(false)
	s.value(path, elem, true)
}

// dotted reads a key of bare and quoted parts separated by dots, and
// stops before "=", "]" or the end of the line.
func (s *keyScanner) dotted() []string {
	var parts []string
	for {
		s.blank(false)
		if s.eof() {
			return parts
		}
		switch c := s.src[s.i]; c {
		case '"', '\'':
			parts = append(parts, s.quoted(c))
		default:
			start := s.i
			for !s.eof() && !strings.ContainsRune(" \t\r\n=.]}#,\"'", rune(s.src[s.i])) {
				s.i++
			}
			if s.i == start {
				return parts
			}
			parts = append(parts, s.src[start:s.i])
		}
		s.blank(false)
		if s.eof() || s.src[s.i] != '.' {
			return parts
		}
		s.i++
	}
}

// quoted reads a one-line quoted key or string and returns its text
// (escapes kept as written: keys that need them are rare).
func (s *keyScanner) quoted(q byte) string {
	s.i++
	start := s.i
	for !s.eof() && s.src[s.i] != q && s.src[s.i] != '\n' {
		if q == '"' && s.src[s.i] == '\\' && s.i+1 < len(s.src) {
			s.i++
		}
		s.i++
	}
	text := s.src[start:s.i]
	if !s.eof() && s.src[s.i] == q {
		s.i++
	}
	return text
}

// value skips a value, reading the keys of inline tables in it. top says
// the value is the key's own, not an element inside it, so that the
// elements of its array are recorded.
func (s *keyScanner) value(path []string, elem int, top bool) {
	if s.eof() {
		return
	}
	switch c := s.src[s.i]; {
	case c == '"' || c == '\'':
		if strings.HasPrefix(s.src[s.i:], strings.Repeat(string(c), 3)) {
			s.multiline(c)
		} else {
			s.quoted(c)
		}
	case c == '[':
		s.i++
		n := 0
		for {
			s.blank(true)
			if s.eof() {
				return
			}
			if s.src[s.i] == ']' {
				s.i++
				return
			}
			if s.src[s.i] == ',' {
				s.i++
				continue
			}
			start := s.i
			if top {
				n++
				s.items = append(s.items, itemAt{path: path, n: n, line: s.line, col: s.col()})
			}
			s.value(path, elem, false)
			if s.i == start {
				s.advance()
			}
		}
	case c == '{':
		s.i++
		for {
			s.blank(false)
			if s.eof() || s.src[s.i] == '\n' {
				return
			}
			switch s.src[s.i] {
			case '}':
				s.i++
				return
			case ',':
				s.i++
				continue
			}
			start := s.i
			s.keyValue(path, elem)
			if s.i == start {
				s.advance()
			}
		}
	default:
		for !s.eof() && !strings.ContainsRune(",]}\n#", rune(s.src[s.i])) {
			s.i++
		}
	}
}

// multiline skips a """ or ”' string.
func (s *keyScanner) multiline(q byte) {
	delim := strings.Repeat(string(q), 3)
	s.i += 3
	for !s.eof() {
		if strings.HasPrefix(s.src[s.i:], delim) {
			s.i += 3
			for !s.eof() && s.src[s.i] == q { // """" ends with a quote in the text
				s.i++
			}
			return
		}
		if q == '"' && s.src[s.i] == '\\' && s.i+1 < len(s.src) {
			s.advance()
		}
		s.advance()
	}
}

// Find returns the position of the nth (from 1) place where the key path
// (or the table header of that path)
// is written in data, which starts at line firstLine of its file; ok is
// false when it is written fewer times.
func Find(data []byte, firstLine int, path []string, nth int) (line, col int, ok bool) {
	for _, k := range Keys(data) {
		if equal(k.Path, path) {
			if nth--; nth == 0 {
				return firstLine + k.Line - 1, k.Col, true
			}
		}
	}
	return 0, 0, false
}

// FindItem returns the position of the nth element (from 1) of the array
// at the key path in data, which starts at line firstLine of its file: its
// [[path]] header, or where it is written in path = [ ... ]. ok is false
// when the array has fewer elements written.
func FindItem(data []byte, firstLine int, path []string, nth int) (line, col int, ok bool) {
	s := &keyScanner{src: string(data), line: 1, counts: map[string]int{}}
	s.document()
	for _, it := range s.items {
		if it.n == nth && equal(it.path, path) {
			return firstLine + it.line - 1, it.col, true
		}
	}
	return 0, 0, false
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
