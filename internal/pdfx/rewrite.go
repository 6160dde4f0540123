package pdfx

import (
	"bytes"
	"fmt"
	"math"
	"strings"
)

// csKind is what the rewriter knows of a colour space.
type csKind uint8

const (
	csGray    csKind = iota // DeviceGray, CalGray, ICCBased with one component: mapped as a grey
	csRGB                   // DeviceRGB, CalRGB, ICCBased with three: mapped through the palette
	csCMYK                  // DeviceCMYK: kept
	csSpot                  // Separation or DeviceN over DeviceCMYK: kept
	csPattern               // refused: gradients and tiles
	csBad                   // refused: Lab, ICCBased CMYK, anything else
)

// gsInfo is what the rewriter knows of an ExtGState resource.
type gsInfo struct {
	refuse    []string // why PDF/X-1a refuses it: "fill opacity 0.28", ...
	overprint bool     // it sets OP, op or OPM itself
}

// scope is what one content stream may name: its resources, already
// looked at by the converter, and the names of the resources the rewrite
// adds.
type scope struct {
	page   int    // for problems
	where  string // "content", "form /X5"
	form   bool   // a form XObject: the overprint state it starts with is unknown
	spaces map[string]csKind
	states map[string]gsInfo
	images map[string]bool // XObject names that are images
	names  addedNames
}

// addedNames are the resource names of what the rewrite adds; the
// converter chooses names that the resources do not use.
type addedNames struct {
	all       string // ColorSpace: [/Separation /All /DeviceCMYK ...]
	overprint string // ExtGState: << /OP true /op true /OPM 1 >>
	knockout  string // ExtGState: << /OP false /op false /OPM 0 >>
}

// rewritten is the result of rewriting one content stream.
type rewritten struct {
	out                     []byte
	changed                 bool
	usedAll, usedOP, usedKO bool
	usedStates              map[string]bool
}

// tri is a state that may be unknown.
type tri uint8

const (
	off tri = iota
	on
	unknown
)

// paint is the colour state of filling or stroking.
type paint struct {
	space csKind
	ink   *Ink // the ink of the current colour; nil when not known
}

// gstate is the part of the graphics state the rewriter follows.
type gstate struct {
	fill, stroke paint
	overprint    tri // what the output's graphics state has
	render       int // text rendering mode
}

// pathOps construct or clip a path: nothing else may come between them
// and the operator that paints the path.
var pathOps = map[string]bool{"m": true, "l": true, "c": true, "v": true, "y": true, "h": true, "re": true, "W": true, "W*": true}

// rewriter rewrites one content stream.
type rewriter struct {
	lx     lexer
	sc     *scope
	inks   func(RGB) (Ink, bool)
	probs  *problems
	out    bytes.Buffer
	copied int
	st     []gstate
	res    rewritten
	// path is where the path being built began, or -1: an ExtGState
	// for the painting must go before it.
	path int
}

// rewrite maps every colour operator of a content stream to CMYK or the
// Registration colour through the palette, sets overprint for text whose
// ink asks for it, and reports what PDF/X-1a refuses. A stream without
// colour operators comes back unchanged, byte for byte.
func rewrite(src []byte, sc *scope, inks func(RGB) (Ink, bool), probs *problems) (rewritten, error) {
	r := &rewriter{lx: lexer{src: src}, sc: sc, inks: inks, probs: probs, path: -1}
	r.res.usedStates = map[string]bool{}
	first := gstate{fill: paint{space: csGray}, stroke: paint{space: csGray}}
	if sc.form {
		first.overprint = unknown
	}
	r.st = []gstate{first}
	var operands []token
	for {
		t, ok, err := r.lx.next()
		if err != nil {
			return rewritten{}, fmt.Errorf("%s: content stream: %w", sc.where, err)
		}
		if !ok {
			break
		}
		if t.kind == tokInline {
			// The data of an inline image ends the operation BI ... ID.
			operands = operands[:0]
			continue
		}
		if t.kind != tokKeyword || isOperandKeyword(r.lx.text(t)) {
			operands = append(operands, t)
			continue
		}
		start := t.start
		if len(operands) > 0 {
			start = operands[0].start
		}
		r.op(r.lx.text(t), operands, start, t.end)
		operands = operands[:0]
	}
	if !r.res.changed {
		r.res.out = src
		return r.res, nil
	}
	r.out.Write(src[r.copied:])
	r.res.out = r.out.Bytes()
	return r.res, nil
}

func isOperandKeyword(w string) bool { return w == "true" || w == "false" || w == "null" }

// cur is the current graphics state.
func (r *rewriter) cur() *gstate { return &r.st[len(r.st)-1] }

// replace writes repl in place of the source from start to end, with a
// space on either side where the source has a token right against it.
func (r *rewriter) replace(start, end int, repl string) {
	src := r.lx.src
	r.out.Write(src[r.copied:start])
	if start > 0 && !isSpace(src[start-1]) {
		r.out.WriteByte(' ')
	}
	r.out.WriteString(repl)
	if end < len(src) && !isSpace(src[end]) {
		r.out.WriteByte(' ')
	}
	r.copied = end
	r.res.changed = true
}

// insert writes s, which ends in a newline, before the source at start.
func (r *rewriter) insert(start int, s string) {
	src := r.lx.src
	start = max(start, r.copied) // only in a broken stream: a colour inside a path
	r.out.Write(src[r.copied:start])
	if start > 0 && !isSpace(src[start-1]) {
		r.out.WriteByte(' ')
	}
	r.out.WriteString(s)
	r.copied = start
	r.res.changed = true
}

func (r *rewriter) problem(op, color, msg string) {
	r.probs.add(Problem{Page: r.sc.page, Where: r.sc.where, Op: op, Color: color, Msg: msg})
}

// op handles one operator with its operands, which span start to end.
func (r *rewriter) op(name string, operands []token, start, end int) {
	g := r.cur()
	if pathOps[name] {
		if r.path < 0 {
			r.path = start
		}
		return
	}
	switch name {
	case "q":
		r.st = append(r.st, *g)
	case "Q":
		if len(r.st) > 1 {
			r.st = r.st[:len(r.st)-1]
		}
	case "Tr":
		if n, ok := r.numbers(operands, 1); ok {
			g.render = int(n[0])
		}
	case "rg", "RG":
		if n, ok := r.numbers(operands, 3); ok {
			r.color(name, name == "RG", csRGB, rgbOf(n[0], n[1], n[2]), start, end)
		} else {
			r.problem(name, "", "malformed colour operator")
		}
	case "g", "G":
		if n, ok := r.numbers(operands, 1); ok {
			r.color(name, name == "G", csGray, rgbOf(n[0], n[0], n[0]), start, end)
		} else {
			r.problem(name, "", "malformed colour operator")
		}
	case "k", "K":
		p := &g.fill
		if name == "K" {
			p = &g.stroke
		}
		p.space, p.ink = csCMYK, nil
		if n, ok := r.numbers(operands, 4); ok {
			p.ink = &Ink{CMYK: CMYK{n[0] * 100, n[1] * 100, n[2] * 100, n[3] * 100}}
		}
	case "cs", "CS":
		r.setSpace(name, operands, start, end)
	case "sc", "scn", "SC", "SCN":
		r.setComponents(name, operands, start, end)
	case "gs":
		if len(operands) == 1 && r.lx.src[operands[0].start] == '/' {
			n := decodeName(r.lx.text(operands[0])[1:])
			r.res.usedStates[n] = true
			info := r.sc.states[n]
			for _, why := range info.refuse {
				r.problem(name, "", fmt.Sprintf("ExtGState /%s: %s", n, why))
			}
			if info.overprint {
				g.overprint = unknown
			}
		}
	case "Tj", "TJ", "'", `"`:
		want := g.fill.ink != nil && g.fill.ink.Overprint && (g.render == 0 || g.render == 4 ||
			(g.stroke.ink != nil && g.stroke.ink.Overprint))
		r.overprint(want, start)
	case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "BI":
		at := start
		if r.path >= 0 {
			at = r.path
		}
		r.overprint(false, at)
	case "Do":
		if len(operands) == 1 && r.sc.images[decodeName(strings.TrimPrefix(r.lx.text(operands[0]), "/"))] {
			r.overprint(false, start)
		}
	case "ID":
		r.inlineImage(operands)
	case "sh":
		r.problem(name, "", "a shading (gradient): PDF/X-1a files from loa use flat palette colours; remove the CSS gradient")
	}
	r.path = -1
}

// overprint makes the output's overprint state what painting at start
// needs, with an ExtGState of its own.
func (r *rewriter) overprint(want bool, start int) {
	g := r.cur()
	w := off
	if want {
		w = on
	}
	if g.overprint == w {
		return
	}
	if want {
		r.insert(start, "/"+r.sc.names.overprint+" gs\n")
		r.res.usedOP = true
	} else {
		r.insert(start, "/"+r.sc.names.knockout+" gs\n")
		r.res.usedKO = true
	}
	g.overprint = w
}

// numbers returns the last n operands as numbers, if they are exactly n
// numbers.
func (r *rewriter) numbers(operands []token, n int) ([]float64, bool) {
	if len(operands) != n {
		return nil, false
	}
	out := make([]float64, n)
	for i, t := range operands {
		if t.kind != tokNumber {
			return nil, false
		}
		out[i] = r.lx.number(t)
	}
	return out, true
}

// rgbOf turns colour components from 0 to 1 into 8-bit values, as
// Chromium wrote them from CSS (it prints 181/255 as 0.7098).
func rgbOf(r, g, b float64) RGB {
	c := func(v float64) uint8 { return uint8(math.Round(min(1, max(0, v)) * 255)) }
	return RGB{c(r), c(g), c(b)}
}

// color replaces a colour operator by the ink of colour c.
func (r *rewriter) color(op string, stroke bool, space csKind, c RGB, start, end int) {
	g := r.cur()
	p := &g.fill
	if stroke {
		p = &g.stroke
	}
	p.space = space
	ink, ok := r.inks(c)
	if !ok {
		p.ink = nil
		r.problem(op, c.String(), fmt.Sprintf("colour %s is not in the palette", c))
		return
	}
	p.ink = &ink
	r.replace(start, end, r.inkOps(ink, stroke))
}

// inkOps writes the operators that set an ink.
func (r *rewriter) inkOps(ink Ink, stroke bool) string {
	if ink.Registration {
		r.res.usedAll = true
		if stroke {
			return "/" + r.sc.names.all + " CS 1 SCN"
		}
		return "/" + r.sc.names.all + " cs 1 scn"
	}
	k := ink.CMYK
	op := "k"
	if stroke {
		op = "K"
	}
	return fmt.Sprintf("%s %s %s %s %s", fmtNum(k[0]/100), fmtNum(k[1]/100), fmtNum(k[2]/100), fmtNum(k[3]/100), op)
}
