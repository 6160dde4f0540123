package typeset

import (
	"fmt"
	"html/template"
	"strings"

	"loa/internal/markdown"
	"loa/internal/vnbreak"
)

// rule is the width of a table's lines: 0.2 mm.
const rule = 0.2

// table sets a table width wide: columns as wide as their text on one
// line when all fit, otherwise each gets its longest word and shares the
// rest in proportion to what it lacks (the browsers' automatic table
// layout). Each row is one item; the header row keeps with the first.
func (t *Theme) table(sh *Sheet, b markdown.Block, width, left float64) []Item {
	if len(b.Rows) == 0 {
		return nil
	}
	cols := 0
	for _, r := range b.Rows {
		cols = max(cols, len(r.Cells))
	}
	pad := 2 * t.CellPad
	minW, maxW := make([]float64, cols), make([]float64, cols)
	for _, r := range b.Rows {
		st := &t.Cell
		if r.Header {
			st = &t.HeadCell
		}
		for k, cell := range r.Cells {
			parts, _ := split(st, cell)
			line := 0.0
			for i, p := range parts {
				minW[k] = max(minW[k], p.w+pad)
				line += p.w
				if i < len(parts)-1 {
					line += p.space
				}
			}
			maxW[k] = max(maxW[k], line/(1-st.safety())+pad+0.01)
		}
	}
	widths := columns(minW, maxW, width)
	sh.Rule(".tr", "display:flex;box-sizing:border-box;border-top:"+sh.L(rule)+" solid currentColor;overflow:hidden")
	sh.Rule(".tr.end", "border-bottom:"+sh.L(rule)+" solid currentColor")
	sh.Rule(".td", "box-sizing:border-box;flex:none;border-left:"+sh.L(rule)+" solid currentColor;padding:"+sh.L(t.CellPad))
	sh.Rule(".td.end", "border-right:"+sh.L(rule)+" solid currentColor")
	var out []Item
	for ri, r := range b.Rows {
		st := &t.Cell
		if r.Header {
			st = &t.HeadCell
		}
		var cells []string
		var texts []string
		rowLines := 1
		for k := range cols {
			var runs []markdown.Run
			if k < len(r.Cells) {
				runs = r.Cells[k]
			}
			lines := Lines(st, runs, widths[k]-pad)
			rowLines = max(rowLines, len(lines))
			var cb strings.Builder
			cw := "cw-" + strings.ReplaceAll(Num(widths[k]), ".", "_")
			sh.Rule("."+cw, "width:"+sh.L(widths[k]))
			cls := "td " + cw
			if k == cols-1 {
				cls += " end"
			}
			fmt.Fprintf(&cb, `<div class="%s">`, cls)
			for _, ln := range lines {
				ln.Justify = false
				cb.WriteString(string(lineItem(sh, st, ln, 0, "").HTML))
				texts = append(texts, ln.Text())
			}
			cb.WriteString(`</div>`)
			cells = append(cells, cb.String())
		}
		h := float64(rowLines)*st.Leading + pad + rule
		last := ri == len(b.Rows)-1
		if last {
			h += rule
		}
		rh := "rh-" + strings.ReplaceAll(Num(h), ".", "_")
		sh.Rule("."+rh, "height:"+sh.L(h))
		cls := "tr " + rh
		if last {
			cls += " end"
		}
		if left > 0 {
			c := "in-" + strings.ReplaceAll(Num(left), ".", "_")
			sh.Rule("."+c, "margin-left:"+sh.L(left)+";width:calc(100% - "+sh.L(left)+")")
			cls += " " + c
		}
		html := fmt.Sprintf(`<div class="%s">%s</div>`, cls, strings.Join(cells, ""))
		out = append(out, Item{H: h, HTML: template.HTML(html), Keep: r.Header, Text: strings.Join(texts, " | ")})
	}
	return out
}

// columns shares width among columns that need at least minW and at most
// maxW each.
func columns(minW, maxW []float64, width float64) []float64 {
	out := make([]float64, len(minW))
	sumMin, sumMax := 0.0, 0.0
	for k := range minW {
		maxW[k] = max(maxW[k], minW[k])
		sumMin += minW[k]
		sumMax += maxW[k]
	}
	switch {
	case sumMax <= width:
		// Everything fits on one line: spread the rest evenly.
		extra := (width - sumMax) / float64(len(out))
		for k := range out {
			out[k] = maxW[k] + extra
		}
	case sumMin >= width:
		for k := range out {
			out[k] = minW[k] * width / sumMin
		}
	default:
		rest := width - sumMin
		for k := range out {
			out[k] = minW[k] + rest*(maxW[k]-minW[k])/(sumMax-sumMin)
		}
	}
	// Round down to a tenth of a millimetre so the classes stay few and the
	// row never exceeds the measure.
	for k := range out {
		out[k] = float64(int(out[k]*10)) / 10
	}
	return out
}

// balance is vnbreak's balanced breaking of a short text.
func balance(measure func(string) float64, text string, width float64) []string {
	return vnbreak.Balance(measure, text, width)
}
