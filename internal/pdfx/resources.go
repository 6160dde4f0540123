package pdfx

import (
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// content rewrites one content stream (a page's or a form's) whose
// resources are res, after converting what the resources hold: forms,
// images, fonts and graphics states.
func (c *converter) content(page int, where string, form bool, src []byte, res types.Dict) ([]byte, error) {
	sc := &scope{page: page, where: where, form: form,
		spaces: map[string]csKind{}, states: map[string]gsInfo{}, images: map[string]bool{}}
	spaces := c.dict(res["ColorSpace"])
	for name, o := range spaces {
		sc.spaces[name] = c.spaceKind(o)
		if sc.spaces[name] == csRGB {
			c.rgbSpaces = append(c.rgbSpaces, namedEntry{spaces, name})
		}
	}
	states := c.dict(res["ExtGState"])
	for name, o := range states {
		sc.states[name] = c.stateInfo(o)
	}
	for name, o := range c.dict(res["XObject"]) {
		switch c.name(c.dict(o)["Subtype"]) {
		case "Image":
			sc.images[name] = true
			if err := c.image(page, name, o); err != nil {
				return nil, err
			}
		case "Form":
			if err := c.form(page, "form /"+name, o, res); err != nil {
				return nil, err
			}
		}
	}
	for name, o := range c.dict(res["Font"]) {
		if ref, ok := o.(types.IndirectRef); ok {
			if _, seen := c.fonts[ref.ObjectNumber.Value()]; !seen {
				c.fonts[ref.ObjectNumber.Value()] = fontUse{page: page, name: name}
			}
		} else {
			c.probs.add(Problem{Page: page, Where: "font /" + name, Msg: "a font that is not an indirect object"})
		}
	}
	sc.names = addedNames{
		all:       uniqueName(spaces, "LoaAll"),
		overprint: uniqueName(states, "LoaOP"),
		knockout:  uniqueName(states, "LoaKO"),
	}
	r, err := rewrite(src, sc, c.opts.ink, &c.probs)
	if err != nil {
		if page > 0 {
			return nil, fmt.Errorf("page %d, %w", page, err)
		}
		return nil, err
	}
	if r.usedAll {
		c.resource(res, "ColorSpace")[sc.names.all] = c.registration()
	}
	if r.usedOP {
		c.resource(res, "ExtGState")[sc.names.overprint] = c.overprintState(true)
	}
	if r.usedKO {
		c.resource(res, "ExtGState")[sc.names.knockout] = c.overprintState(false)
	}
	return r.out, nil
}

// namedEntry is an entry of a resource dictionary.
type namedEntry struct {
	d    types.Dict
	name string
}

// resource returns the resource dictionary of a kind, made if missing.
func (c *converter) resource(res types.Dict, kind string) types.Dict {
	if d := c.dict(res[kind]); d != nil {
		return d
	}
	d := types.NewDict()
	res[kind] = d
	return d
}

// registration returns the Registration colour space, which paints on
// every plate: [/Separation /All /DeviceCMYK f] with f giving 100 % of
// each process ink at tint 1.
func (c *converter) registration() types.IndirectRef {
	if c.allRef == nil {
		fn := types.Dict{
			"FunctionType": types.Integer(2),
			"Domain":       types.Array{types.Integer(0), types.Integer(1)},
			"C0":           types.Array{types.Integer(0), types.Integer(0), types.Integer(0), types.Integer(0)},
			"C1":           types.Array{types.Integer(1), types.Integer(1), types.Integer(1), types.Integer(1)},
			"N":            types.Integer(1),
		}
		c.allRef = c.newObject(types.Array{types.Name("Separation"), types.Name("All"), types.Name("DeviceCMYK"), fn})
	}
	return *c.allRef
}

// overprintState returns the ExtGState that turns overprint on (with
// /OPM 1, so that the zero components of a CMYK colour leave the plates
// under it alone) or off.
func (c *converter) overprintState(on bool) types.IndirectRef {
	p := &c.koRef
	if on {
		p = &c.opRef
	}
	if *p == nil {
		opm := 0
		if on {
			opm = 1
		}
		*p = c.newObject(types.Dict{
			"Type": types.Name("ExtGState"),
			"OP":   types.Boolean(on),
			"op":   types.Boolean(on),
			"OPM":  types.Integer(opm),
		})
	}
	return **p
}

// spaceKind classifies a colour space resource.
func (c *converter) spaceKind(o types.Object) csKind {
	switch v := c.deref(o).(type) {
	case types.Name:
		switch v {
		case "DeviceRGB":
			return csRGB
		case "DeviceGray":
			return csGray
		case "DeviceCMYK":
			return csCMYK
		case "Pattern":
			return csPattern
		}
	case types.Array:
		if len(v) == 0 {
			return csBad
		}
		switch c.name(v[0]) {
		case "ICCBased":
			if len(v) < 2 {
				return csBad
			}
			n, _ := c.number(c.dict(v[1])["N"])
			switch n {
			case 1:
				return csGray
			case 3:
				return csRGB
			}
		case "CalRGB":
			return csRGB
		case "CalGray":
			return csGray
		case "Separation", "DeviceN":
			if len(v) >= 3 {
				if k := c.spaceKind(v[2]); k == csCMYK || k == csGray {
					return csSpot
				}
			}
		case "Pattern":
			return csPattern
		}
	}
	return csBad
}

// stateInfo looks at an ExtGState: what PDF/X-1a refuses in it, and
// whether it sets overprint.
func (c *converter) stateInfo(o types.Object) gsInfo {
	d := c.dict(o)
	if d == nil {
		return gsInfo{}
	}
	c.states = append(c.states, d)
	var info gsInfo
	if v, ok := c.number(d["ca"]); ok && v < 1 {
		info.refuse = append(info.refuse, fmt.Sprintf("fill opacity %s (CSS opacity, rgba() or fill-opacity): PDF/X-1a has no transparency", fmtNum(v)))
	}
	if v, ok := c.number(d["CA"]); ok && v < 1 {
		info.refuse = append(info.refuse, fmt.Sprintf("stroke opacity %s (CSS opacity, rgba() or stroke-opacity): PDF/X-1a has no transparency", fmtNum(v)))
	}
	if m, ok := d["SMask"]; ok && c.name(m) != "None" {
		info.refuse = append(info.refuse, "a soft mask (CSS mask, opacity on a group, a shadow): PDF/X-1a has no transparency")
	}
	if bm := c.deref(d["BM"]); bm != nil {
		name := c.name(bm)
		if arr, ok := bm.(types.Array); ok && len(arr) > 0 {
			name = c.name(arr[0])
		}
		if name != "Normal" && name != "Compatible" {
			info.refuse = append(info.refuse, fmt.Sprintf("blend mode /%s (CSS mix-blend-mode): PDF/X-1a has no transparency", name))
		}
	}
	if _, ok := d["TR"]; ok {
		info.refuse = append(info.refuse, "a transfer function, which PDF/X forbids")
	}
	if tr2, ok := d["TR2"]; ok && c.name(tr2) != "Default" {
		info.refuse = append(info.refuse, "a transfer function, which PDF/X forbids")
	}
	for _, k := range []string{"OP", "op", "OPM"} {
		if _, ok := d[k]; ok {
			info.overprint = true
		}
	}
	return info
}

// cleanStates removes from every graphics state the transparency keys
// that say "opaque", and the colour spaces nothing names any more: once
// the conversion has succeeded no state in use is transparent, and no
// content stream sets an RGB colour space.
func (c *converter) cleanStates() {
	for _, d := range c.states {
		for _, k := range []string{"ca", "CA", "BM", "SMask", "AIS", "TR", "TR2"} {
			delete(d, k)
		}
	}
	for _, e := range c.rgbSpaces {
		delete(e.d, e.name)
	}
}

// form converts a form XObject once, wherever it is drawn.
func (c *converter) form(page int, where string, o types.Object, parent types.Dict) error {
	sd, nr, err := c.stream(o)
	if err != nil {
		return fmt.Errorf("page %d, %s: %w", page, where, err)
	}
	if c.done[nr] {
		return nil
	}
	c.done[nr] = true
	res := c.dict(sd.Dict["Resources"])
	if res == nil {
		if parent == nil {
			parent = types.NewDict()
		}
		res = parent
	}
	out, err := c.content(page, where, true, sd.Content, res)
	if err != nil {
		return err
	}
	c.removeGroup(sd.Dict)
	return c.setStream(nr, sd, out)
}

// annotations removes link annotations, which do nothing on paper and
// which PDF/X-1a allows no more than any other annotation inside the
// bleed, and converts the appearance of the others that lie outside it.
func (c *converter) annotations(page int, d types.Dict) error {
	annots, ok := c.deref(d["Annots"]).(types.Array)
	if !ok {
		return nil
	}
	bleed, ok := c.rect(d["BleedBox"])
	if !ok {
		bleed, _ = c.rect(d["MediaBox"])
	}
	var keep types.Array
	for i, o := range annots {
		a := c.dict(o)
		sub := c.name(a["Subtype"])
		where := fmt.Sprintf("annotation %d (/%s)", i+1, sub)
		switch sub {
		case "Link":
			continue
		case "Widget":
			c.probs.add(Problem{Page: page, Where: where, Msg: "a form field, which PDF/X forbids"})
			continue
		}
		if r, ok := c.rect(a["Rect"]); ok && sub != "PrinterMark" &&
			r[0] < bleed[2] && r[2] > bleed[0] && r[1] < bleed[3] && r[3] > bleed[1] {
			c.probs.add(Problem{Page: page, Where: where, Msg: "an annotation inside the bleed, which PDF/X forbids"})
			continue
		}
		for _, o := range c.dict(a["AP"]) {
			if _, isStream := c.deref(o).(types.StreamDict); isStream {
				if err := c.form(page, where+" appearance", o, nil); err != nil {
					return err
				}
				continue
			}
			for _, s := range c.dict(o) {
				if err := c.form(page, where+" appearance", s, nil); err != nil {
					return err
				}
			}
		}
		keep = append(keep, o)
	}
	if len(keep) == 0 {
		delete(d, "Annots")
	} else {
		d["Annots"] = keep
	}
	return nil
}
