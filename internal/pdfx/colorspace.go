package pdfx

import "fmt"

// setSpace handles cs and CS.
func (r *rewriter) setSpace(op string, operands []token, start, end int) {
	g := r.cur()
	p := &g.fill
	stroke := op == "CS"
	if stroke {
		p = &g.stroke
	}
	if len(operands) != 1 || r.lx.src[operands[0].start] != '/' {
		r.problem(op, "", "malformed colour operator")
		return
	}
	name := decodeName(r.lx.text(operands[0])[1:])
	kind, ok := r.space(name)
	if !ok {
		r.problem(op, "", fmt.Sprintf("colour space /%s is not in the resources", name))
		return
	}
	switch kind {
	case csRGB, csGray:
		// The initial colour of the space is black.
		r.color(op, stroke, kind, RGB{}, start, end)
	case csCMYK:
		p.space, p.ink = kind, &Ink{CMYK: CMYK{0, 0, 0, 100}}
	case csSpot:
		p.space, p.ink = kind, nil
	case csPattern:
		p.space, p.ink = kind, nil
		r.problem(op, "", "a pattern fill (a CSS gradient or repeated background): use a flat palette colour")
	default:
		p.space, p.ink = kind, nil
		r.problem(op, "", fmt.Sprintf("colour space /%s is not allowed in PDF/X-1a (only CMYK, grey and spot colours)", name))
	}
}

// space resolves a colour space name.
func (r *rewriter) space(name string) (csKind, bool) {
	switch name {
	case "DeviceRGB", "RGB":
		return csRGB, true
	case "DeviceGray", "G":
		return csGray, true
	case "DeviceCMYK", "CMYK":
		return csCMYK, true
	case "Pattern":
		return csPattern, true
	}
	k, ok := r.sc.spaces[name]
	return k, ok
}

// setComponents handles sc, scn, SC and SCN.
func (r *rewriter) setComponents(op string, operands []token, start, end int) {
	g := r.cur()
	stroke := op == "SC" || op == "SCN"
	p := &g.fill
	if stroke {
		p = &g.stroke
	}
	switch p.space {
	case csRGB:
		if n, ok := r.numbers(operands, 3); ok {
			r.color(op, stroke, csRGB, rgbOf(n[0], n[1], n[2]), start, end)
		} else {
			r.problem(op, "", "malformed colour operator")
		}
	case csGray:
		if n, ok := r.numbers(operands, 1); ok {
			r.color(op, stroke, csGray, rgbOf(n[0], n[0], n[0]), start, end)
		} else {
			r.problem(op, "", "malformed colour operator")
		}
	case csCMYK:
		p.ink = nil
		if n, ok := r.numbers(operands, 4); ok {
			p.ink = &Ink{CMYK: CMYK{n[0] * 100, n[1] * 100, n[2] * 100, n[3] * 100}}
		}
	}
}

// inlineImage checks the colour space of an inline image, whose
// dictionary is operands (BI's keys and values).
func (r *rewriter) inlineImage(operands []token) {
	for i := 0; i+1 < len(operands); i++ {
		key := r.lx.text(operands[i])
		if key != "/CS" && key != "/ColorSpace" {
			continue
		}
		v := operands[i+1]
		if v.kind != tokName {
			r.problem("BI", "", "an inline image with an indexed or unusual colour space")
			return
		}
		name := decodeName(r.lx.text(v)[1:])
		kind, ok := r.space(name)
		if name == "I" || name == "Indexed" {
			kind, ok = csBad, true
		}
		if !ok || (kind != csGray && kind != csCMYK) {
			r.problem("BI", "", fmt.Sprintf("an inline image in colour space /%s: PDF/X-1a takes CMYK or grey images only", name))
		}
		return
	}
}
