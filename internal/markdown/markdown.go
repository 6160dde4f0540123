// Package markdown owns loa's one goldmark configuration: CommonMark plus
// tables, strikethrough, footnotes and links from typed web addresses; heading IDs made with the
// same slug function as URLs (goldmark's own drop every Vietnamese letter);
// typographer off, because it would turn Vietnamese quotation into English
// curly quotes; and raw HTML shown as text, never passed through, so that
// nothing an editor pastes can run in a reader's browser.
package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Renderer converts Markdown to HTML. It is safe for concurrent use.
type Renderer struct {
	md    goldmark.Markdown
	parts goldmark.Markdown // the same, for documents in parts (parts.go)
}

// New returns a Renderer with loa's Markdown configuration.
func New() *Renderer {
	return &Renderer{md: newGoldmark(), parts: newGoldmark(partsParser())}
}

// newGoldmark returns loa's goldmark configuration, with more parser
// options.
func newGoldmark(more ...parser.Option) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.Table,
			extension.Strikethrough,
			extension.Footnote,
		),
		goldmark.WithParserOptions(append([]parser.Option{
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(autolinker{}, 100)),
		}, more...)...),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(escapedHTML{}, 100)),
		),
	)
}

// Result is a rendered document.
type Result struct {
	HTML []byte
	// Lead is the plain text of the first paragraph, for summaries and
	// share previews when the page has no summary of its own.
	Lead string
}

// Render converts src, running the options' hooks on the parsed document
// first. Errors come only from the writer and mean a bug.
func (r *Renderer) Render(src []byte, opts ...Option) (Result, error) {
	ids := &headingIDs{used: map[string]bool{}}
	doc := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext(parser.WithIDs(ids))))
	for _, o := range opts {
		o(doc, src)
	}
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/4)
	if err := r.md.Renderer().Render(&buf, src, doc); err != nil {
		return Result{}, fmt.Errorf("render markdown: %w", err)
	}
	return Result{HTML: buf.Bytes(), Lead: lead(doc, src)}, nil
}

// lead returns the plain text of the first paragraph of doc.
func lead(doc ast.Node, src []byte) string {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() == ast.KindParagraph {
			var b strings.Builder
			plainText(&b, n, src)
			return strings.Join(strings.Fields(b.String()), " ")
		}
	}
	return ""
}

func plainText(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(src))
		default:
			plainText(b, c, src)
		}
	}
}
