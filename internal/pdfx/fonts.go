package pdfx

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// checkFonts reports the fonts PDF/X-1a refuses: Type 3 fonts (glyphs
// drawn as content streams, which Chromium makes for outlined or stroked
// text: SVG text with a stroke, -webkit-text-stroke) and fonts whose
// program is not embedded.
func (c *converter) checkFonts() {
	for _, nr := range c.fontNumbers() {
		use := c.fonts[nr]
		d := c.dict(types.IndirectRef{ObjectNumber: types.Integer(nr)})
		where := "font /" + use.name
		base := c.name(d["BaseFont"])
		switch c.name(d["Subtype"]) {
		case "Type3":
			if fd := c.dict(d["FontDescriptor"]); fd != nil {
				base = c.name(fd["FontName"])
			}
			c.probs.add(Problem{Page: use.page, Where: where, Msg: fmt.Sprintf(
				"%s is a Type 3 font, which a RIP may not render as text: Chromium makes one for stroked or outlined text "+
					"(SVG <text> with a stroke, paint-order, -webkit-text-stroke); fill the text without a stroke", base)})
			continue
		}
		if fd := c.descriptor(d); fd == nil || (fd["FontFile"] == nil && fd["FontFile2"] == nil && fd["FontFile3"] == nil) {
			c.probs.add(Problem{Page: use.page, Where: where, Msg: fmt.Sprintf(
				"%s is not embedded: PDF/X requires every font in the file; give the layout a font from static/fonts", base)})
		}
	}
}

// fontNumbers returns the object numbers of the fonts met, sorted, so
// that problems and names come out the same on every run.
func (c *converter) fontNumbers() []int {
	nrs := make([]int, 0, len(c.fonts))
	for nr := range c.fonts {
		nrs = append(nrs, nr)
	}
	slices.Sort(nrs)
	return nrs
}

// descriptor returns a font's descriptor: its own, or for a composite
// (Type 0) font its descendant's.
func (c *converter) descriptor(d types.Dict) types.Dict {
	if c.name(d["Subtype"]) == "Type0" {
		kids, _ := c.deref(d["DescendantFonts"]).(types.Array)
		if len(kids) != 1 {
			return nil
		}
		return c.dict(c.dict(kids[0])["FontDescriptor"])
	}
	return c.dict(d["FontDescriptor"])
}

// renameFonts gives every subset font a subset tag of this file's own.
// Chromium names the subsets of each file AAAAAA+, BAAAAA+, ... so every
// file has the same names for different subsets, and one file may even
// have two different programs of one name; a RIP that caches fonts by
// name then prints the glyphs of another subset. The tag is six capital
// letters from a hash of the file's identity and the font program, so
// that it differs between programs and between files, and stays the same
// when the same file is made again.
func (c *converter) renameFonts() {
	for _, nr := range c.fontNumbers() {
		d := c.dict(types.IndirectRef{ObjectNumber: types.Integer(nr)})
		fd := c.descriptor(d)
		if fd == nil {
			continue
		}
		var program []byte
		for _, k := range []string{"FontFile", "FontFile2", "FontFile3"} {
			if o, ok := fd[k]; ok {
				program = c.bytes(o)
			}
		}
		h := sha256.New()
		h.Write([]byte(c.identity))
		h.Write([]byte{0})
		h.Write(program)
		sum := h.Sum(nil)
		tag := make([]byte, 6)
		for i := range tag {
			tag[i] = 'A' + sum[i]%26
		}
		rename := func(d types.Dict, key string) {
			if n := c.name(d[key]); isSubsetName(n) {
				d[key] = types.Name(string(tag) + n[6:])
			}
		}
		rename(fd, "FontName")
		rename(d, "BaseFont")
		if kids, ok := c.deref(d["DescendantFonts"]).(types.Array); ok {
			for _, k := range kids {
				if kd := c.dict(k); kd != nil {
					rename(kd, "BaseFont")
				}
			}
		}
	}
}

// isSubsetName reports whether a font name starts with a subset tag: six
// capital letters and a plus.
func isSubsetName(n string) bool {
	if len(n) < 7 || n[6] != '+' {
		return false
	}
	return strings.Trim(n[:6], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}
