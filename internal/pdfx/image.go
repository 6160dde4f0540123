package pdfx

import (
	"fmt"
	"math"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// image converts an RGB image whose every pixel is a palette colour (a
// flat logo, a raster Chromium made of flat art) to a CMYK image, pixel by
// pixel through the palette. An RGB image with any other pixel, such as a
// photograph or anti-aliased art, is refused: its colours need a colour
// managed separation, which is the designer's job, not a press file's
// rewrite. Grey, CMYK and spot images, and stencil masks, stay as they are.
func (c *converter) image(page int, name string, o types.Object) error {
	ref, ok := o.(types.IndirectRef)
	if !ok {
		return nil
	}
	nr := ref.ObjectNumber.Value()
	if c.done[nr] {
		return nil
	}
	c.done[nr] = true
	d := c.dict(o)
	where := "image /" + name
	bad := func(msg string) error {
		c.probs.add(Problem{Page: page, Where: where, Msg: msg})
		return nil
	}
	if m, ok := d["SMask"]; ok && m != nil {
		return bad("an image with transparency (a soft mask: a PNG with alpha, or opacity): PDF/X-1a has no transparency; flatten it onto its background")
	}
	if b, ok := c.deref(d["ImageMask"]).(types.Boolean); ok && bool(b) {
		return nil // painted in the fill colour, which the content sets
	}
	cs := c.deref(d["ColorSpace"])
	kind := c.spaceKind(cs)
	var lookup []byte // the palette of an Indexed image
	if arr, ok := cs.(types.Array); ok && len(arr) == 4 && c.name(arr[0]) == "Indexed" {
		kind = c.spaceKind(arr[1])
		lookup = c.bytes(arr[3])
		if kind == csRGB && lookup == nil {
			return bad("an indexed image whose colour table can not be read")
		}
	}
	switch kind {
	case csGray, csCMYK, csSpot:
		return nil
	case csRGB:
	default:
		return bad("an image in a colour space PDF/X-1a refuses (only CMYK, grey and spot colours)")
	}
	for _, f := range c.filters(d) {
		if f != "FlateDecode" && f != "LZWDecode" && f != "ASCII85Decode" && f != "ASCIIHexDecode" && f != "RunLengthDecode" {
			return bad(fmt.Sprintf("an RGB image compressed with %s (a photograph?): give the layout a CMYK image, or draw it as SVG in palette colours", f))
		}
	}
	if _, ok := d["Decode"]; ok {
		return bad("an RGB image with a Decode array")
	}
	bpc, _ := c.number(d["BitsPerComponent"])
	if bpc != 8 {
		return bad(fmt.Sprintf("an RGB image of %g bits per component (loa maps 8-bit images only)", bpc))
	}
	sd, _, err := c.stream(o)
	if err != nil {
		return fmt.Errorf("page %d, %s: %w", page, where, err)
	}
	if lookup != nil {
		out, msg := c.mapPixels(lookup)
		if msg != "" {
			return bad(msg)
		}
		arr := cs.(types.Array)
		hival := arr[2]
		newCS := types.Array{types.Name("Indexed"), types.Name("DeviceCMYK"), hival, types.HexLiteral(fmt.Sprintf("%X", out))}
		d["ColorSpace"] = newCS
		sd.Dict["ColorSpace"] = newCS
		return nil
	}
	w, _ := c.number(d["Width"])
	h, _ := c.number(d["Height"])
	if int(w)*int(h)*3 != len(sd.Content) {
		return bad(fmt.Sprintf("an RGB image of %g × %g pixels with %d bytes of data", w, h, len(sd.Content)))
	}
	out, msg := c.mapPixels(sd.Content)
	if msg != "" {
		return bad(msg)
	}
	sd.Dict["ColorSpace"] = types.Name("DeviceCMYK")
	return c.setStream(nr, sd, out)
}

// mapPixels maps RGB pixels through the palette to CMYK pixels, or says
// which colours it could not map.
func (c *converter) mapPixels(rgb []byte) ([]byte, string) {
	out := make([]byte, 0, len(rgb)/3*4)
	cache := map[RGB][4]byte{}
	missing := map[RGB]int{}
	var order []RGB
	for i := 0; i+2 < len(rgb); i += 3 {
		px := RGB{rgb[i], rgb[i+1], rgb[i+2]}
		k, ok := cache[px]
		if !ok {
			ink, found := c.opts.ink(px)
			if !found || ink.Registration {
				if missing[px] == 0 {
					order = append(order, px)
				}
				missing[px]++
				continue
			}
			for j, v := range ink.CMYK {
				k[j] = byte(math.Round(v * 255 / 100))
			}
			cache[px] = k
		}
		out = append(out, k[:]...)
	}
	if len(order) > 0 {
		var ex []string
		for _, px := range order[:min(3, len(order))] {
			ex = append(ex, px.String())
		}
		return nil, fmt.Sprintf("an RGB image with %d colours that are not in the palette (e.g. %s): a photograph or anti-aliased art; give the layout a CMYK image, or draw it as SVG in palette colours",
			len(order), strings.Join(ex, ", "))
	}
	return out, ""
}

// filters lists the names of a stream's filters.
func (c *converter) filters(d types.Dict) []string {
	switch v := c.deref(d["Filter"]).(type) {
	case types.Name:
		return []string{string(v)}
	case types.Array:
		var out []string
		for _, f := range v {
			out = append(out, c.name(f))
		}
		return out
	}
	return nil
}

// bytes returns the bytes of a string or stream object.
func (c *converter) bytes(o types.Object) []byte {
	switch v := c.deref(o).(type) {
	case types.StringLiteral:
		b, err := types.Unescape(string(v))
		if err != nil {
			return nil
		}
		return b
	case types.HexLiteral:
		b, err := v.Bytes()
		if err != nil {
			return nil
		}
		return b
	case types.StreamDict:
		sd, _, err := c.stream(o)
		if err != nil {
			return nil
		}
		return sd.Content
	}
	return nil
}
