package booklet

import (
	"fmt"
	"html/template"
	"strings"

	"loa/internal/config"
	"loa/internal/paged"
	"loa/internal/print"
	"loa/internal/typeset"
)

// Reading order: every page is the text area of a CSS page whose margins
// (A5 less the text area, the inner margin at the spine of each side)
// hold the running head and the page number as margin boxes.
func (b *book) readingCSS(sans string) string {
	p := a5Page
	var c strings.Builder
	fmt.Fprintf(&c, "@page{size:%s %s;margin:%s %s %s %s}\n", mm(p.W), mm(p.H), mm(p.Top), mm(p.Outer), mm(p.Bottom), mm(p.Inner))
	num := fmt.Sprintf("content:counter(page);font:400 9pt/1 %s;color:#1b1b1b", sans)
	fmt.Fprintf(&c, "@page :right{margin-left:%s;margin-right:%s;@bottom-right{%s;vertical-align:middle}}\n", mm(p.Inner), mm(p.Outer), num)
	fmt.Fprintf(&c, "@page :left{margin-left:%s;margin-right:%s;@bottom-left{%s;vertical-align:middle}}\n", mm(p.Outer), mm(p.Inner), num)
	fmt.Fprintf(&c, "@page plain{@bottom-right{content:none}@bottom-left{content:none}}\n")
	for i, ch := range b.Chapters {
		fmt.Fprintf(&c, "@page ch%d{@top-center{content:%s;font:italic 400 8pt/1 %s;color:#545454;vertical-align:middle}}\n",
			i, cssString(ch.Label+". "+ch.Title), `"Noto Serif", serif`)
		fmt.Fprintf(&c, ".pg-ch%d{page:ch%d}\n", i, i)
	}
	c.WriteString(".pg-plain{page:plain}\n")
	fmt.Fprintf(&c, ".sheet{width:%s;height:%s}\n", mm(textW()), mm(textH()))
	return c.String()
}

// reading returns the sheets of the booklet in reading order.
func (b *book) reading() []template.HTML {
	var out []template.HTML
	for i, pg := range b.Pages {
		out = append(out, template.HTML(fmt.Sprintf(`<section class="sheet %s" id="trang-%d"><div class="text" data-part="trang %d">%s</div></section>`,
			pageClass(pg), i+1, i+1, paged.Body(pg.Items))))
	}
	return out
}

// pageClass names a page's kind and its named CSS page: a chapter's, or
// "plain" for pages without a number (cover, inside cover, back cover).
func pageClass(pg page) string {
	kind := map[pageKind]string{coverPage: "cover", blankPage: "blank", tocPage: "toc", textPage: "body", notesPage: "notes", backPage: "back"}[pg.Kind]
	switch {
	case pg.Kind == coverPage || pg.Kind == blankPage || pg.Kind == backPage:
		return kind + " pg-plain"
	case pg.Chapter >= 0:
		return fmt.Sprintf("%s pg-ch%d", kind, pg.Chapter)
	}
	return kind
}

// numbered reports whether a page shows its number.
func numbered(pg page) bool {
	return pg.Kind != coverPage && pg.Kind != blankPage && pg.Kind != backPage
}

// Imposed: the pages on A4 sheets for saddle stitching.

// spread is the trim of an imposed sheet: two pages side by side.
func spread() print.Sheet {
	return print.NewSheet(config.Product{Name: "tai-lieu", TrimMM: []float64{2 * a5Page.W, a5Page.H}, BleedMM: 3, MarksMM: 12, SafeMM: 5})
}

// Order returns, for a booklet of n pages (a multiple of four), the
// pages on each side of each sheet, left then right, sides in printing
// order: sheet k's front holds n-2k and 2k+1, its back 2k+2 and n-2k-1.
func Order(n int) [][2]int {
	var out [][2]int
	for k := 0; k < n/4; k++ {
		out = append(out, [2]int{n - 2*k, 2*k + 1}, [2]int{2*k + 2, n - 2*k - 1})
	}
	return out
}

// imposedCSS is the geometry of the imposed sheets: the page cells and
// what the reading order's margin boxes hold, drawn in each cell.
func (b *book) imposedCSS(sans string) string {
	s := spread()
	p := a5Page
	tr := s.TrimBox()
	var c strings.Builder
	fmt.Fprintf(&c, "@page{size:%s %s;margin:0}\n", mm(s.Width()), mm(s.Height()))
	fmt.Fprintf(&c, ".sheet{width:%s;height:%s}\n", mm(s.Width()), mm(s.Height()))
	fmt.Fprintf(&c, ".trim{left:%s;top:%s;width:%s;height:%s}\n", mm(tr.X), mm(tr.Y), mm(tr.W), mm(tr.H))
	fmt.Fprintf(&c, ".cell{position:absolute;top:0;width:%s;height:%s;overflow:hidden}\n.cell.left{left:0}\n.cell.right{left:%s}\n", mm(p.W), mm(p.H), mm(p.W))
	fmt.Fprintf(&c, ".cell .text{position:absolute;overflow:hidden;top:%s;width:%s;height:%s}\n", mm(p.Top), mm(textW()), mm(textH()))
	// A left (even) page has its inner margin on the right.
	fmt.Fprintf(&c, ".cell.even .text{left:%s}\n.cell.odd .text{left:%s}\n", mm(p.Outer), mm(p.Inner))
	fmt.Fprintf(&c, ".cell .num{position:absolute;bottom:0;height:%s;display:flex;align-items:center;font:400 9pt/1 %s}\n", mm(p.Bottom), sans)
	fmt.Fprintf(&c, ".cell.even .num{left:%s}\n.cell.odd .num{right:%s}\n", mm(p.Outer), mm(p.Outer))
	fmt.Fprintf(&c, ".cell .head{position:absolute;top:0;height:%s;width:%s;display:flex;align-items:center;justify-content:center;font:italic 400 8pt/1 \"Noto Serif\",serif;color:#545454}\n",
		mm(p.Top), mm(textW()))
	fmt.Fprintf(&c, ".cell.even .head{left:%s}\n.cell.odd .head{left:%s}\n", mm(p.Outer), mm(p.Inner))
	return c.String()
}

// imposed returns the sides of the imposed sheets, with their marks.
func (b *book) imposed(file string, marks print.MarkStyle) []template.HTML {
	s := spread()
	n := len(b.Pages)
	order := Order(n)
	var out []template.HTML
	for i, side := range order {
		var cells strings.Builder
		for k, num := range side {
			pg := b.Pages[num-1]
			pos := "left"
			if k == 1 {
				pos = "right"
			}
			parity := "odd"
			if num%2 == 0 {
				parity = "even"
			}
			fmt.Fprintf(&cells, `<div class="cell %s %s %s">`, pos, parity, pageClass(pg))
			if pg.Kind == textPage && pg.Head != "" {
				fmt.Fprintf(&cells, `<div class="head">%s</div>`, template.HTMLEscapeString(pg.Head))
			}
			fmt.Fprintf(&cells, `<div class="text" data-part="trang %d">%s</div>`, num, paged.Body(pg.Items))
			if numbered(pg) {
				fmt.Fprintf(&cells, `<div class="num">%d</div>`, num)
			}
			cells.WriteString(`</div>`)
		}
		sheet, face := i/2+1, "mặt trước"
		if i%2 == 1 {
			face = "mặt sau"
		}
		label := fmt.Sprintf("%s · tờ %d/%d %s: trang %d | %d · thành phẩm %s × %s mm gấp đôi · bù xén %s mm · đóng ghim giữa",
			file, sheet, len(order)/2, face, side[0], side[1], typeset.Num(s.TrimW), typeset.Num(s.TrimH), typeset.Num(s.Bleed))
		out = append(out, template.HTML(fmt.Sprintf(`<section class="sheet imposed" id="mat-%d"><div class="trim">%s</div>%s</section>`,
			i+1, cells.String(), s.MarksSVG(print.Slug{Lines: [2]string{label}}, []float64{a5Page.W}, marks))))
	}
	return out
}

func mm(v float64) string { return typeset.MM(v) }

// cssString quotes s for a CSS content property.
func cssString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\A `)
	return `"` + r.Replace(s) + `"`
}
