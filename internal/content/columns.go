package content

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"loa/internal/diag"
	"loa/internal/frontmatter"
	"loa/internal/vntext"
)

// Columns turns the columns of a content file's text as loa reads it (NFC,
// LF line endings, no byte order mark) into the columns of the file as
// written, which is what the editor's editor shows. They differ in a file
// saved decomposed (NFD, as macOS and some PDFs give Vietnamese), where
// "ệ" is three characters: e and two combining marks. Lines are the same
// in both.
type Columns struct {
	lines map[int][]segment // only the lines that NFC changed
}

// segment is where one NFC segment of a changed line starts: at column
// nfc of the normalised line and column file of the line as written.
type segment struct{ nfc, file int }

// NewColumns returns the Columns of a content file's bytes. It is cheap
// for a file that is already NFC, which has nothing to map.
func NewColumns(data []byte) *Columns {
	src := frontmatter.Normalize(data)
	if bytes.Equal(vntext.NFC(src), src) {
		return &Columns{}
	}
	c := &Columns{lines: map[int][]segment{}}
	for n, line := 1, src; len(line) > 0 || n == 1; n++ {
		l, rest, found := bytes.Cut(line, []byte("\n"))
		if !norm.NFC.IsNormal(l) {
			c.lines[n] = segments(l)
		}
		if !found {
			break
		}
		line = rest
	}
	return c
}

// segments lists where each NFC segment of line starts, in both forms.
func segments(line []byte) []segment {
	var out []segment
	var it norm.Iter
	it.Init(norm.NFC, line)
	nfc, file := 1, 1
	for !it.Done() {
		start := it.Pos()
		composed := it.Next()
		out = append(out, segment{nfc, file})
		nfc += utf8.RuneCount(composed)
		file += utf8.RuneCount(line[start:it.Pos()])
	}
	return append(out, segment{nfc, file}) // the end of the line
}

// Col returns the column, in the file as written, of column col of line
// in the normalised text; a column inside a composed character maps to
// where that character starts.
func (c *Columns) Col(line, col int) int {
	segs, ok := c.lines[line]
	if !ok || col < 1 {
		return col
	}
	prev := segs[0]
	for _, s := range segs {
		if s.nfc > col {
			break
		}
		prev = s
	}
	return prev.file + (col - prev.nfc)
}

// Fix returns ds with their columns in the file as written.
func (c *Columns) Fix(ds []diag.Diagnostic) []diag.Diagnostic {
	if len(c.lines) == 0 {
		return ds
	}
	for i := range ds {
		ds[i].Col = c.Col(ds[i].Line, ds[i].Col)
	}
	return ds
}
