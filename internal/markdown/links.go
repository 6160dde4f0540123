package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Option is a hook on a parsed document, run before it is rendered: it may
// read the tree or change it. Options are how a caller asks more of Render
// than HTML (the links a page holds) or adapts it to the site (the path
// of its base_url), without a Renderer per page.
type Option func(doc ast.Node, src []byte)

// Link is a link or an image of a document, as written.
type Link struct {
	Dest   string // the address as written: "../x/", "/img/a.jpg", "https://..."
	Image  bool
	Offset int // byte offset in the source of its "[" ("![" for an image)
}

// CollectLinks records the links and images of the document in dst, in
// the order written; autolinks (typed addresses) are left out, as they
// always lead out of the site. The addresses are recorded before
// WithBasePath rewrites them, if it comes later in the options.
func CollectLinks(dst *[]Link) Option {
	return func(doc ast.Node, src []byte) {
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *ast.Link:
				*dst = append(*dst, Link{Dest: string(n.Destination), Offset: opening(n, src, "[")})
			case *ast.Image:
				*dst = append(*dst, Link{Dest: string(n.Destination), Image: true, Offset: opening(n, src, "![")})
			}
			return ast.WalkContinue, nil
		})
	}
}

// opening returns the offset of the bracket that opens the link or image
// n: just before its first text, or the start of its block's line when it
// has no text ("[](x)").
func opening(n ast.Node, src []byte, bracket string) int {
	start := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering && start < 0 {
			start = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if start >= 0 {
		if i := bytes.LastIndex(src[:start], []byte(bracket)); i >= 0 && start-i <= len(bracket) {
			return i
		}
		return start
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// WithBasePath makes the root-relative addresses of links and images
// ("/hoi-dap/x/", "/img/a.jpg") start with base, the path of the site's
// base_url ("/nq57/"), so that they keep working when the site is
// published in a folder of a web server. With base "/" or "" it does
// nothing.
func WithBasePath(base string) Option {
	base = "/" + strings.Trim(base, "/")
	return func(doc ast.Node, _ []byte) {
		if base == "/" {
			return
		}
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *ast.Link:
				n.Destination = underBase(n.Destination, base)
			case *ast.Image:
				n.Destination = underBase(n.Destination, base)
			}
			return ast.WalkContinue, nil
		})
	}
}

// underBase puts a root-relative address under base; other addresses
// (relative, absolute, protocol-relative "//host/") stay.
func underBase(dest []byte, base string) []byte {
	if len(dest) == 0 || dest[0] != '/' || len(dest) > 1 && (dest[1] == '/' || dest[1] == '\\') {
		return dest
	}
	if bytes.Equal(dest, []byte(base)) || bytes.HasPrefix(dest, []byte(base+"/")) {
		return dest // already under it
	}
	return append([]byte(base), dest...)
}
