package markdown

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"loa/internal/vntext"
)

// headingIDs makes heading IDs with vntext.Slug, so that "## Chương trình"
// gets id="chuong-trinh", unique within the document ("-1", "-2" ...). It
// is also where one document's options travel to the AST transformer.
type headingIDs struct {
	prefix string
	shift  int
	used   map[string]bool
}

// fallbackID is the ID of a heading with no letters or digits.
const fallbackID = "muc"

func (ids *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := vntext.Slug(string(value))
	if base == "" {
		base = fallbackID
	}
	base = ids.prefix + base
	id := base
	for n := 1; ids.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	ids.used[id] = true
	return []byte(id)
}

func (ids *headingIDs) Put(value []byte) { ids.used[string(value)] = true }

// prefixAttr is the document attribute that carries the ID prefix to the
// footnote extension, which asks for it node by node.
const prefixAttr = "loa-id-prefix"

// headingShifter applies a document's heading shift and records its ID
// prefix on the document.
type headingShifter struct{}

func (headingShifter) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	ids, ok := pc.IDs().(*headingIDs)
	if !ok {
		return
	}
	if ids.prefix != "" {
		doc.SetAttributeString(prefixAttr, []byte(ids.prefix))
	}
	if ids.shift == 0 {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			h.Level = min(h.Level+ids.shift, 6)
		}
		return ast.WalkContinue, nil
	})
}

func footnotePrefix(n ast.Node) []byte {
	doc := n.OwnerDocument()
	if doc == nil {
		return nil
	}
	if v, ok := doc.AttributeString(prefixAttr); ok {
		return v.([]byte)
	}
	return nil
}
