package print

import (
	"fmt"
	"html/template"
	"strings"

	"loa/internal/diag"
	"loa/internal/frontmatter"
	"loa/internal/maker"
	"loa/internal/view"
	"loa/internal/vntext"
)

// pageParts is an editor's page of content/in/ in parts, one per panel or
// side in reading order.
type pageParts struct {
	html []template.HTML
}

// parts reads the editor's page of a piece and renders it in parts,
// split at the thematic breaks of its Markdown (lines "---"), not at the
// <hr> of its rendered HTML, so that a footnote list or a setext heading
// can not move a part. A number of parts other than the product's is a
// mistake in the file, reported at its product key.
func (m *Maker) parts(in *maker.Input, rec *view.Recorder, pc Piece) (*pageParts, diag.List) {
	file := pc.Page.Path
	data, err := in.Read(rec, file)
	if err != nil {
		return nil, diag.List{diag.At(file, 0, 0, "cannot read: %v", err)}
	}
	doc, err := frontmatter.Split(file, vntext.NFC(frontmatter.Normalize(data)))
	if err != nil {
		return nil, nil // reported when the page was read
	}
	res, err := m.md.RenderParts(doc.Body)
	if err != nil {
		return nil, diag.List{diag.At(file, 0, 0, "%v", err)}
	}
	out := &pageParts{}
	for _, h := range res.HTML {
		out.html = append(out.html, template.HTML(h))
	}
	want, got := partCount(pc.Product), len(res.HTML)
	if got == want {
		return out, nil
	}
	line, col, ok := frontmatter.Find(doc.Front, doc.FrontLine, []string{"product"}, 1)
	if !ok {
		line, col = 1, 1
	}
	d := diag.At(file, line, col, "%s has %d %s; this file has %d", kindOf(pc.Product), want, plural(want, "part"), got)
	names := strings.Join(partNames(pc.Product), ", ")
	switch {
	case want == 1:
		d.Hint = "remove the lines --- that separate parts"
	case got > want:
		d.Hint = fmt.Sprintf("the parts after the %s would not be printed; its parts, in order: %s", ordinal(want), names)
	default:
		d.Hint = fmt.Sprintf("separate the parts with a line --- between them, in this order: %s", names)
	}
	if got > want && len(res.Breaks) >= want {
		d.Hint += fmt.Sprintf(" (the %s part starts after line %d)", ordinal(want+1), doc.BodyLine-1+res.Breaks[want-1])
	}
	return out, diag.List{d}
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func ordinal(n int) string {
	switch n {
	case 1:
		return "first"
	case 2:
		return "second"
	case 3:
		return "third"
	}
	return itoa(n) + "th"
}
