package typeset

import (
	"math"
	"strings"

	"loa/internal/markdown"
	"loa/internal/vnbreak"
)

// Line is one line of a set paragraph.
type Line struct {
	Spans   []Span
	Width   float64 // natural width, mm, spaces included
	Justify bool    // spread to the measure: every line of a justified paragraph but its last
	First   bool    // the paragraph's first line (it takes the indent)
	Over    float64 // how much wider than the measure it is, mm (a word that does not fit)
}

// Span is text of a line in one style.
type Span struct {
	Text  string
	Style markdown.Style
}

// Text is the line's text.
func (l Line) Text() string {
	var b strings.Builder
	for _, s := range l.Spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// Safety is the part of the measure a line leaves free, for what
// separates Go's measure from the browser's layout (rounding to its
// sub-pixel units): 0.5 %.
const Safety = 0.005

// part is a run of text between spaces.
type part struct {
	spans []Span
	w     float64 // its width
	space float64 // the width of the space after it
	gap   markdown.Style
}

// Lines breaks text (runs as markdown.Blocks gives them) into lines of
// style s no wider than width. Line feeds in the text (a hard line break)
// end a line.
func Lines(s *Style, runs []markdown.Run, width float64) []Line {
	parts, forced := split(s, runs)
	if len(parts) == 0 {
		return nil
	}
	costs := breakCosts(s.Family.breaks, parts, forced)
	ends := bestSplit(s, parts, costs, width)
	var out []Line
	start := 0
	for i, end := range ends {
		ln := Line{First: i == 0}
		for k := start; k < end; k++ {
			ln.Width += parts[k].w
			ln.Spans = appendSpans(ln.Spans, parts[k].spans)
			if k < end-1 {
				ln.Width += parts[k].space
				ln.Spans = appendSpans(ln.Spans, []Span{{Text: " ", Style: parts[k].gap}})
			}
		}
		avail := width * (1 - s.safety())
		if ln.First {
			avail -= s.Indent
		}
		if ln.Width > avail {
			ln.Over = ln.Width - avail
		}
		last := end == len(parts) || costs[end-1] == vnbreak.Forced
		ln.Justify = s.Align == Justify && !last
		out = append(out, ln)
		start = end
	}
	return out
}

func appendSpans(spans, more []Span) []Span {
	for _, m := range more {
		if k := len(spans) - 1; k >= 0 && spans[k].Style == m.Style {
			spans[k].Text += m.Text
			continue
		}
		spans = append(spans, m)
	}
	return spans
}

// split cuts text into parts at ASCII white space, as vnbreak does, and
// measures them; forced[i] is true when a line feed follows part i.
func split(s *Style, runs []markdown.Run) ([]part, []bool) {
	var parts []part
	var forced []bool
	var cur part
	inGap, gapNL, started := false, false, false
	flush := func() {
		if len(cur.spans) > 0 {
			parts = append(parts, cur)
			forced = append(forced, false)
		}
		cur = part{}
	}
	for _, r := range runs {
		st := spanStyle(r.Style)
		text := r.Text
		if s.Upper {
			text = strings.ToUpper(text)
		}
		for len(text) > 0 {
			i := strings.IndexAny(text, " \t\n\r\f")
			if i != 0 {
				word := text
				if i > 0 {
					word = text[:i]
				}
				if inGap {
					inGap = false
					if gapNL && len(forced) > 0 {
						forced[len(forced)-1] = true
					}
					gapNL = false
				}
				cur.spans = appendSpans(cur.spans, []Span{{Text: word, Style: st}})
				cur.w += s.width(word, st)
				started = true
				if i < 0 {
					break
				}
				text = text[i:]
				continue
			}
			// White space: it ends the part.
			if started && !inGap {
				cur.space = s.width(" ", st)
				cur.gap = st
				flush()
				inGap = true
			}
			if text[0] == '\n' {
				gapNL = true
			}
			text = text[1:]
		}
	}
	flush()
	return parts, forced
}

// breakCosts asks vnbreak where the text may break; when its parts are
// not the same as ours (they always are for NFC text), every gap costs a
// break between words.
func breakCosts(memo *breakMemo, parts []part, forced []bool) []vnbreak.Cost {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			if forced[i-1] {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		for _, s := range p.spans {
			b.WriteString(s.Text)
		}
	}
	analysed := memo.get(b.String(), func() []vnbreak.Cost {
		t := vnbreak.Analyze(b.String())
		if len(t.Parts) != len(parts) {
			return nil
		}
		return t.Costs
	})
	costs := make([]vnbreak.Cost, len(parts))
	if analysed != nil {
		copy(costs, analysed)
	} else {
		for i := range costs {
			costs[i] = vnbreak.Word
		}
	}
	for i, f := range forced {
		if f {
			costs[i] = vnbreak.Forced
		}
	}
	if len(costs) > 0 {
		costs[len(costs)-1] = vnbreak.Forced // the end of the text
	}
	return costs
}

// Demerits of a break that vnbreak says must not happen: only taken when
// nothing else fits.
const keepDemerits = 1e4

// bestSplit returns where each line ends (an index into parts, exclusive)
// in the split of least total demerits: for each line that is not a
// paragraph's last, the square of its free space in percent of the
// measure, over ten, plus the cost of the break that ends it. A part wider
// than the measure stands alone.
func bestSplit(s *Style, parts []part, costs []vnbreak.Cost, width float64) []int {
	n := len(parts)
	best := make([]float64, n+1)
	from := make([]int, n+1)
	for i := 1; i <= n; i++ {
		best[i] = math.Inf(1)
	}
	avail := width * (1 - s.safety())
	for j := 0; j < n; j++ { // a line starting at part j
		if math.IsInf(best[j], 1) {
			continue
		}
		w := 0.0
		room := avail
		if j == 0 {
			room -= s.Indent
		}
		for i := j; i < n; i++ { // ... ending after part i
			w += parts[i].w
			if i > j {
				w += parts[i-1].space
			}
			if w > room && i > j {
				break
			}
			c := costs[i]
			var d float64
			if c == vnbreak.Forced {
				d = 0
			} else {
				free := max(room-w, 0) / width * 100
				d = free * free / 10
				if c >= vnbreak.Keep {
					d += keepDemerits
				} else {
					d += float64(c) / 3 // in body text a break inside a term is a small fault
				}
			}
			if w > room {
				d += keepDemerits * 10 // a lone part too wide
			}
			if v := best[j] + d; v < best[i+1] {
				best[i+1], from[i+1] = v, j
			}
			if c == vnbreak.Forced {
				break // a line can not run past a forced break
			}
		}
	}
	var ends []int
	for i := n; i > 0; i = from[i] {
		ends = append(ends, i)
	}
	for l, r := 0, len(ends)-1; l < r; l, r = l+1, r-1 {
		ends[l], ends[r] = ends[r], ends[l]
	}
	return ends
}
