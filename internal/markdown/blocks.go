package markdown

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Blocks are a document as the outputs that set text themselves see it
// (a bulletin read aloud, a slide, a booklet page): blocks of styled plain
// text, no HTML, each run of text with its place in the source, so that a
// problem found in it can be reported at its file, line and column. They
// come from the same parse as the web page (Render), so a thematic break
// ("---" on a line of its own, after a blank line) is one here exactly
// when the web page shows a rule.
type Block struct {
	Kind  BlockKind
	Level int    // Heading: 1 to 6; Item: depth of its list, from 1
	Mark  string // Item: "–" or "3."; "" for an item's second paragraph
	Quote int    // depth of block quotes around it
	Runs  []Run  // the text; a Table's is empty
	Rows  []Row  // Table: the header row first
	Info  string // Code: the fence's info string ("ghi-chu")
	URL   string // Image: the address; Runs hold its alternative text
	// Setext marks a heading underlined with "---" or "===": a writer of
	// slides who forgot the blank line before a "---" gets one.
	Setext bool
	Start  int // byte offset of the block's first line in the source
}

// BlockKind says what a Block is.
type BlockKind uint8

// The kinds of blocks.
const (
	Paragraph BlockKind = iota + 1
	Heading
	Item  // a paragraph of a list item
	Code  // an indented or fenced code block, its lines as one run
	Table // a table (Rows)
	Image // an image standing alone in its paragraph
	Break // a thematic break: "---", "***" or "___" on a line of its own
)

// Row is a table row: one list of runs per cell.
type Row struct {
	Cells  [][]Run
	Header bool
}

// Style is how a run of text is set.
type Style uint8

// The styles, combined as bits.
const (
	Bold Style = 1 << iota
	Italic
	Mono // code spans
	Linked
	Strike
	// Added marks text a page adds to the writer's (a bulletin's pause
	// marks); Blocks never returns it.
	Added
	// Raw marks raw HTML in the source, shown as text as the web page
	// shows it; what is read aloud leaves it out.
	Raw
)

// Run is text in one style. Start is the byte offset in the source of its
// first byte; text the source does not hold as such (the space of a soft
// line break) starts where the run before it ends.
type Run struct {
	Text  string
	Style Style
	Start int
}

// Blocks parses src (a page's Markdown body) into blocks, in order.
func (r *Renderer) Blocks(src []byte) []Block {
	ids := &headingIDs{used: map[string]bool{}}
	doc := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext(parser.WithIDs(ids))))
	c := &collector{src: src}
	c.blocks(doc, 0, 0)
	return c.out
}

type collector struct {
	src []byte
	out []Block
}

func (c *collector) blocks(parent ast.Node, depth, quote int) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		c.block(n, depth, quote)
	}
}

func (c *collector) block(n ast.Node, depth, quote int) {
	switch x := n.(type) {
	case *ast.Heading:
		start := c.start(x)
		for start > 0 && c.src[start-1] != '\n' {
			start-- // an ATX heading starts at its "#"
		}
		c.add(Block{Kind: Heading, Level: x.Level, Quote: quote, Runs: c.runs(x), Start: start, Setext: c.setext(x)})
	case *ast.Paragraph, *ast.TextBlock:
		c.paragraph(x, Block{Kind: Paragraph, Quote: quote, Start: c.start(x)})
	case *ast.List:
		c.list(x, depth+1, quote)
	case *ast.Blockquote:
		c.blocks(x, depth, quote+1)
	case *ast.FencedCodeBlock:
		info := ""
		if x.Info != nil {
			info = strings.TrimSpace(string(x.Info.Segment.Value(c.src)))
		}
		c.code(x, info, quote)
	case *ast.CodeBlock:
		c.code(x, "", quote)
	case *ast.ThematicBreak:
		c.add(Block{Kind: Break, Quote: quote, Start: c.breakStart(x)})
	case *ast.HTMLBlock:
		// Shown as text, as the web page shows it.
		var b strings.Builder
		lines := x.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			b.Write(seg.Value(c.src))
		}
		if x.HasClosure() {
			cl := x.ClosureLine
			b.Write(cl.Value(c.src))
		}
		start := c.start(x)
		c.add(Block{Kind: Paragraph, Quote: quote, Runs: []Run{{Text: strings.TrimRight(b.String(), "\n"), Style: Raw, Start: start}}, Start: start})
	case *east.Table:
		c.table(x, quote)
	default:
		c.blocks(x, depth, quote)
	}
}

// paragraph adds a paragraph, or an image when it holds nothing else.
func (c *collector) paragraph(n ast.Node, b Block) {
	if img, ok := n.FirstChild().(*ast.Image); ok && img.NextSibling() == nil {
		b.Kind, b.URL = Image, string(img.Destination)
		b.Runs = c.runs(img)
		c.add(b)
		return
	}
	b.Runs = c.runs(n)
	if len(b.Runs) > 0 || b.Kind == Item {
		c.add(b)
	}
}

func (c *collector) list(l *ast.List, depth, quote int) {
	num := l.Start
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		mark := "–"
		if l.IsOrdered() {
			mark = itoa(num) + string(l.Marker)
			num++
		}
		first := true
		for n := it.FirstChild(); n != nil; n = n.NextSibling() {
			switch n.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				m := ""
				if first {
					m = mark
				}
				c.paragraph(n, Block{Kind: Item, Level: depth, Mark: m, Quote: quote, Start: c.start(n)})
			case *ast.List:
				if first { // an item that starts with a list of its own
					c.add(Block{Kind: Item, Level: depth, Mark: mark, Quote: quote, Start: c.start(n)})
				}
				c.list(n.(*ast.List), depth+1, quote)
			default:
				c.block(n, depth, quote)
			}
			first = false
		}
		if first { // an empty item
			c.add(Block{Kind: Item, Level: depth, Mark: mark, Quote: quote, Start: c.start(it)})
		}
	}
}

func (c *collector) code(n ast.Node, info string, quote int) {
	var b strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(c.src))
	}
	start := c.start(n)
	c.add(Block{Kind: Code, Quote: quote, Info: info, Runs: []Run{{Text: strings.TrimRight(b.String(), "\n"), Style: Mono, Start: start}}, Start: start})
}

func (c *collector) table(t *east.Table, quote int) {
	b := Block{Kind: Table, Quote: quote, Start: c.start(t)}
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		row := Row{Header: r.Kind() == east.KindTableHeader}
		for cell := r.FirstChild(); cell != nil; cell = cell.NextSibling() {
			row.Cells = append(row.Cells, c.runs(cell))
		}
		b.Rows = append(b.Rows, row)
	}
	c.add(b)
}

func (c *collector) add(b Block) { c.out = append(c.out, b) }

// start is the offset of a block's first line, or of its first text.
func (c *collector) start(n ast.Node) int {
	if l := n.Lines(); l != nil && l.Len() > 0 {
		return l.At(0).Start
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.FirstChild() {
		if t, ok := ch.(*ast.Text); ok {
			return t.Segment.Start
		}
		if l := ch.Lines(); l != nil && l.Len() > 0 {
			return l.At(0).Start
		}
	}
	return 0
}

// breakStart finds the line of a thematic break, which goldmark does not
// keep: the first line after the block before it that is a rule.
func (c *collector) breakStart(n ast.Node) int {
	from := 0
	if p := n.PreviousSibling(); p != nil {
		from = c.end(p)
	}
	for off := from; off < len(c.src); {
		end := bytes.IndexByte(c.src[off:], '\n')
		if end < 0 {
			end = len(c.src) - off
		}
		if isRule(c.src[off : off+end]) {
			return off
		}
		off += end + 1
	}
	return from
}

// end is the offset just past the last line a node holds.
func (c *collector) end(n ast.Node) int {
	last := 0
	_ = ast.Walk(n, func(m ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if m.Type() == ast.TypeBlock {
			if l := m.Lines(); l != nil && l.Len() > 0 {
				last = max(last, l.At(l.Len()-1).Stop)
			}
		} else if t, ok := m.(*ast.Text); ok {
			last = max(last, t.Segment.Stop)
		}
		return ast.WalkContinue, nil
	})
	return last
}

// isRule reports whether a line is a thematic break.
func isRule(line []byte) bool {
	line = bytes.TrimSpace(line)
	if len(line) < 3 {
		return false
	}
	ch, n := line[0], 0
	if ch != '-' && ch != '*' && ch != '_' {
		return false
	}
	for _, b := range line {
		switch b {
		case ch:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// setext reports whether a heading is underlined ("---", "===") rather
// than opened with "#".
func (c *collector) setext(h *ast.Heading) bool {
	l := h.Lines()
	if l == nil || l.Len() == 0 {
		return false
	}
	off := l.At(0).Start
	for off > 0 && c.src[off-1] != '\n' {
		off--
	}
	return !bytes.HasPrefix(bytes.TrimLeft(c.src[off:], " "), []byte("#"))
}

// runs collects the inline text of n.
func (c *collector) runs(n ast.Node) []Run {
	var rs runs
	c.inline(&rs, n, 0)
	return rs.trim()
}

type runs struct{ out []Run }

func (rs *runs) add(s string, st Style, start int) {
	if s == "" {
		return
	}
	if k := len(rs.out) - 1; k >= 0 && rs.out[k].Style == st && rs.out[k].Start+len(rs.out[k].Text) == start {
		rs.out[k].Text += s
		return
	}
	rs.out = append(rs.out, Run{Text: s, Style: st, Start: start})
}

// end is where the last run ends in the source.
func (rs *runs) end() int {
	if k := len(rs.out) - 1; k >= 0 {
		return rs.out[k].Start + len(rs.out[k].Text)
	}
	return 0
}

// trim drops the spaces at both ends.
func (rs *runs) trim() []Run {
	out := rs.out
	for len(out) > 0 {
		t := strings.TrimLeft(out[0].Text, " \t")
		if t != "" {
			out[0].Start += len(out[0].Text) - len(t)
			out[0].Text = t
			break
		}
		out = out[1:]
	}
	for len(out) > 0 {
		k := len(out) - 1
		t := strings.TrimRight(out[k].Text, " \t\n")
		if t != "" {
			out[k].Text = t
			break
		}
		out = out[:k]
	}
	return out
}

func (c *collector) inline(rs *runs, n ast.Node, st Style) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch x := ch.(type) {
		case *ast.Text:
			v := x.Segment.Value(c.src)
			if !x.IsRaw() {
				v = unescape(v)
			}
			rs.add(string(v), st, x.Segment.Start)
			switch {
			case x.HardLineBreak():
				rs.add("\n", st, rs.end())
			case x.SoftLineBreak():
				rs.add(" ", st, rs.end())
			}
		case *ast.String:
			rs.add(string(x.Value), st, rs.end())
		case *ast.Emphasis:
			s := Italic
			if x.Level >= 2 {
				s = Bold
			}
			c.inline(rs, x, st|s)
		case *ast.CodeSpan:
			c.inline(rs, x, st|Mono)
		case *ast.Link:
			c.inline(rs, x, st|Linked)
		case *ast.AutoLink:
			rs.add(string(x.Label(c.src)), st|Linked, rs.end())
		case *ast.Image:
			c.inline(rs, x, st) // its alternative text
		case *ast.RawHTML:
			for i := range x.Segments.Len() {
				s := x.Segments.At(i)
				rs.add(string(s.Value(c.src)), st|Raw, s.Start)
			}
		case *east.Strikethrough:
			c.inline(rs, x, st|Strike)
		case *east.FootnoteLink, *east.FootnoteBacklink:
			// the reference number is the web page's
		default:
			c.inline(rs, x, st)
		}
	}
}

func unescape(v []byte) []byte {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return v
	}
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// Plain returns the text of runs as one string.
func Plain(rs []Run) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// SourceOffset returns where byte i of Plain(rs) comes from in the
// source: a run's own bytes map one to one (an escape or entity may shift
// the column of what follows it by a character or two).
func SourceOffset(rs []Run, i int) int {
	for _, r := range rs {
		if i < len(r.Text) {
			return r.Start + i
		}
		i -= len(r.Text)
	}
	if k := len(rs) - 1; k >= 0 {
		return rs[k].Start + len(rs[k].Text)
	}
	return 0
}

// LineCol returns the 1-based line and column (in characters) of byte
// offset off of src.
func LineCol(src []byte, off int) (line, col int) {
	off = min(max(off, 0), len(src))
	before := src[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return line, utf8.RuneCount(before) + 1
}
