package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// autolinker turns web addresses typed as plain text ("https://...",
// "www....") into links. goldmark's Linkify extension does the same from an
// inline parser that wakes up at every space and costs a third more time on
// Vietnamese prose; this transformer looks only inside the text nodes that
// contain an address, found with one bytes.Index each.
type autolinker struct{}

var urlStarts = [][]byte{[]byte("https://"), []byte("http://"), []byte("www.")}

func (autolinker) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var found []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindLink, ast.KindAutoLink, ast.KindImage, ast.KindCodeSpan, ast.KindRawHTML:
			return ast.WalkSkipChildren, nil
		}
		if t, ok := n.(*ast.Text); ok && !t.IsRaw() {
			if start, _ := findURL(t.Segment.Value(src)); start >= 0 {
				found = append(found, t)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, t := range found {
		link(t, src)
	}
}

// link splits the text node t around each address it holds.
func link(t *ast.Text, src []byte) {
	parent := t.Parent()
	mergeFollowing(t)
	for {
		seg := t.Segment
		start, end := findURL(seg.Value(src))
		if start < 0 {
			return
		}
		if start > 0 {
			parent.InsertBefore(parent, t, ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+start)))
		}
		url := text.NewSegment(seg.Start+start, seg.Start+end)
		a := ast.NewAutoLink(ast.AutoLinkURL, ast.NewTextSegment(url))
		if bytes.HasPrefix(url.Value(src), []byte("www.")) {
			a.Protocol = []byte("https")
		}
		parent.InsertBefore(parent, t, a)
		t.Segment = text.NewSegment(seg.Start+end, seg.Stop)
	}
}

// mergeFollowing joins to t the text nodes that follow it on the same line
// without a gap: goldmark cuts text at every character that might start
// emphasis, so "https://example.vn/a_(b)" arrives in two pieces.
func mergeFollowing(t *ast.Text) {
	for {
		next, ok := t.NextSibling().(*ast.Text)
		if !ok || next.IsRaw() || t.SoftLineBreak() || t.HardLineBreak() || next.Segment.Start != t.Segment.Stop {
			return
		}
		t.Segment = text.NewSegment(t.Segment.Start, next.Segment.Stop)
		t.SetSoftLineBreak(next.SoftLineBreak())
		t.SetHardLineBreak(next.HardLineBreak())
		t.Parent().RemoveChild(t.Parent(), next)
	}
}

// findURL returns where the first web address in b starts and ends, or
// -1, -1. An address starts at the beginning of a word and ends before a
// space or a character that can not end one (a final period, comma, or an
// unbalanced closing parenthesis belong to the sentence).
func findURL(b []byte) (start, end int) {
	start = -1
	for _, prefix := range urlStarts {
		from := 0
		for {
			i := bytes.Index(b[from:], prefix)
			if i < 0 {
				break
			}
			i += from
			if i == 0 || !isWordByte(b[i-1]) {
				if start < 0 || i < start {
					start = i
				}
				break
			}
			from = i + 1
		}
	}
	if start < 0 {
		return -1, -1
	}
	end = start
	for end < len(b) && !isURLStop(b[end]) {
		end++
	}
	for end > start {
		switch c := b[end-1]; {
		case bytes.IndexByte([]byte(".,:;!?'\"*_~"), c) >= 0:
			end--
			continue
		case c == ')' && bytes.Count(b[start:end], []byte("(")) < bytes.Count(b[start:end], []byte(")")):
			end--
			continue
		}
		break
	}
	// An address must have something after its prefix.
	for _, prefix := range urlStarts {
		if bytes.HasPrefix(b[start:end], prefix) && end-start <= len(prefix) {
			return -1, -1
		}
	}
	return start, end
}

func isWordByte(c byte) bool {
	return c >= 0x80 || c == '/' || c == '@' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isURLStop(c byte) bool {
	return c <= ' ' || c == '<' || c == '>' || c == '"' || c >= 0x80
}
