package markdown

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Parts is a document written in parts separated by lines "---": the
// panels of an editor's leaflet, the sides of a flyer.
type Parts struct {
	// HTML holds each part, rendered: its footnotes follow it, numbered
	// from 1 within the part, and its ids start with "phan-N-" (N from 1)
	// so that the parts can stand side by side in one page.
	HTML [][]byte
	// Breaks holds the line, in src, of each break.
	Breaks []int
}

// RenderParts renders src as parts. A part ends at each thematic break of
// the document itself (a line "---", "***" or "___" that is not inside a
// list, a quotation or code): the Markdown, not the rendered <hr>, decides.
//
// A line "---" right under a line of text is a break too, where CommonMark
// would make the text a heading (a setext heading): editors separate parts
// without a blank line, as the README's example does, and a heading made
// of a leaflet's last line is never what they meant. "===" under text
// still makes a heading.
//
// A footnote goes with the part that refers to it (goldmark puts them all
// at the end of the document); one referred to from two parts is given in
// both. Links back from a footnote to its reference are left out: a
// printed page has none.
func (r *Renderer) RenderParts(src []byte) (Parts, error) {
	ids := &headingIDs{used: map[string]bool{}}
	doc := r.parts.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext(parser.WithIDs(ids))))
	notes := footnotes(doc)
	var (
		out   Parts
		nodes [][]ast.Node
		cur   []ast.Node
	)
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() == ast.KindThematicBreak {
			out.Breaks = append(out.Breaks, lineOf(src, n.Pos()))
			nodes, cur = append(nodes, cur), nil
			continue
		}
		cur = append(cur, n)
	}
	nodes = append(nodes, cur)
	for k, part := range nodes {
		var buf bytes.Buffer
		refs := numberNotes(part)
		for _, n := range part {
			if err := r.parts.Renderer().Render(&buf, src, n); err != nil {
				return Parts{}, fmt.Errorf("render markdown: %w", err)
			}
		}
		if len(refs) > 0 {
			buf.WriteString("<div class=\"footnotes\" role=\"doc-endnotes\">\n<ol>\n")
			for i, global := range refs {
				fn := notes[global]
				if fn == nil {
					continue
				}
				fn.Index = i + 1
				if err := r.parts.Renderer().Render(&buf, src, fn); err != nil {
					return Parts{}, fmt.Errorf("render markdown: %w", err)
				}
			}
			buf.WriteString("</ol>\n</div>\n")
		}
		out.HTML = append(out.HTML, Embed(buf.Bytes(), "phan-"+strconv.Itoa(k+1)+"-", 0))
	}
	return out, nil
}

// footnotes takes the footnote list off the end of doc and returns its
// footnotes by number, without their links back.
func footnotes(doc ast.Node) map[int]*east.Footnote {
	out := map[int]*east.Footnote{}
	for n := doc.LastChild(); n != nil; n = n.PreviousSibling() {
		if n.Kind() != east.KindFootnoteList {
			continue
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if fn, ok := c.(*east.Footnote); ok {
				var back []ast.Node
				ast.Walk(fn, func(m ast.Node, entering bool) (ast.WalkStatus, error) {
					if entering && m.Kind() == east.KindFootnoteBacklink {
						back = append(back, m)
					}
					return ast.WalkContinue, nil
				})
				for _, b := range back {
					b.Parent().RemoveChild(b.Parent(), b)
				}
				out[fn.Index] = fn
			}
		}
		doc.RemoveChild(doc, n)
		break
	}
	return out
}

// numberNotes numbers the footnote references of a part from 1, in the
// order they first appear, and returns the document-wide number of each.
func numberNotes(part []ast.Node) []int {
	var links []*east.FootnoteLink
	for _, n := range part {
		ast.Walk(n, func(m ast.Node, entering bool) (ast.WalkStatus, error) {
			if l, ok := m.(*east.FootnoteLink); ok && entering {
				links = append(links, l)
			}
			return ast.WalkContinue, nil
		})
	}
	var refs []int
	local := map[int]int{}
	count := map[int]int{}
	for _, l := range links {
		if local[l.Index] == 0 {
			refs = append(refs, l.Index)
			local[l.Index] = len(refs)
		}
		count[l.Index]++
	}
	seen := map[int]int{}
	for _, l := range links {
		g := l.Index
		l.RefIndex, l.RefCount = seen[g], count[g]
		seen[g]++
	}
	for _, l := range links {
		l.Index = local[l.Index]
	}
	return refs
}

// lineOf returns the line, from 1, of byte offset pos in src.
func lineOf(src []byte, pos int) int {
	return 1 + bytes.Count(src[:min(max(pos, 0), len(src))], []byte{'\n'})
}

// partsParser makes a line of three or more "-" under text a thematic
// break, not a setext heading underline (see RenderParts), at the top
// level of the document only.
func partsParser() parser.Option {
	return parser.WithBlockParsers(util.Prioritized(dashBreak{}, 99)) // before the setext heading parser (100)
}

// dashBreak is the block parser of partsParser.
type dashBreak struct{}

func (dashBreak) Trigger() []byte { return []byte{'-'} }

func (dashBreak) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if parent.Kind() != ast.KindDocument {
		return nil, parser.NoChildren
	}
	line, _ := reader.PeekLine()
	w, pos := util.IndentWidth(line, reader.LineOffset())
	if w > 3 {
		return nil, parser.NoChildren
	}
	dashes := 0
	for _, c := range line[pos:] {
		switch {
		case c == '-':
			dashes++
		case util.IsSpace(c):
		default:
			return nil, parser.NoChildren
		}
	}
	if dashes < 3 {
		return nil, parser.NoChildren
	}
	reader.AdvanceToEOL()
	return ast.NewThematicBreak(), parser.NoChildren
}

func (dashBreak) Continue(ast.Node, text.Reader, parser.Context) parser.State { return parser.Close }
func (dashBreak) Close(ast.Node, text.Reader, parser.Context)                 {}
func (dashBreak) CanInterruptParagraph() bool                                 { return true }
func (dashBreak) CanAcceptIndentedLine() bool                                 { return false }
