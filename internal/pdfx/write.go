package pdfx

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// write serialises the objects as a classic PDF file: the header of the
// standard's PDF version, every object on its own (no object streams and
// no cross-reference stream, which are PDF 1.5), a cross-reference table
// and the trailer. pdfcpu's own writer would stamp the current time into
// the dates and write a PDF 1.7 header, so loa writes the file itself,
// and the same input gives the same bytes.
func (c *converter) write() ([]byte, error) {
	var out bytes.Buffer
	fmt.Fprintf(&out, "%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n", c.opts.Standard.version())
	var nrs []int
	for nr, e := range c.ctx.Table {
		if nr > 0 && e != nil && !e.Free && e.Object != nil && !skipped(e.Object) {
			nrs = append(nrs, nr)
		}
	}
	slices.Sort(nrs)
	size := 1
	if len(nrs) > 0 {
		size = nrs[len(nrs)-1] + 1
	}
	offsets := make([]int, size)
	gens := make([]int, size)
	for _, nr := range nrs {
		e := c.ctx.Table[nr]
		gen := 0
		if e.Generation != nil {
			gen = *e.Generation
		}
		offsets[nr], gens[nr] = out.Len(), gen
		fmt.Fprintf(&out, "%d %d obj\n", nr, gen)
		switch o := e.Object.(type) {
		case types.StreamDict:
			d := o.Dict.Clone().(types.Dict)
			d["Length"] = types.Integer(len(o.Raw))
			out.WriteString(d.PDFString())
			out.WriteString("\nstream\n")
			out.Write(o.Raw)
			out.WriteString("\nendstream")
		case types.LazyObjectStreamObject:
			return nil, fmt.Errorf("object %d was not loaded", nr)
		default:
			out.WriteString(o.PDFString())
		}
		out.WriteString("\nendobj\n")
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n", size)
	for nr := range size {
		if offsets[nr] == 0 {
			// Free; the list of free objects is not kept, as allowed.
			out.WriteString("0000000000 65535 f\r\n")
			continue
		}
		fmt.Fprintf(&out, "%010d %05d n\r\n", offsets[nr], gens[nr])
	}
	trailer := types.Dict{"Size": types.Integer(size), "Root": *c.ctx.Root, "Info": *c.ctx.Info, "ID": c.ctx.ID}
	fmt.Fprintf(&out, "trailer\n%s\nstartxref\n%d\n%%%%EOF\n", trailer.PDFString(), xref)
	return out.Bytes(), nil
}

// skipped reports the objects that only carried the input's structure:
// object streams and cross-reference streams.
func skipped(o types.Object) bool {
	switch v := o.(type) {
	case types.ObjectStreamDict, *types.ObjectStreamDict, types.XRefStreamDict, *types.XRefStreamDict:
		return true
	case types.StreamDict:
		t := v.Dict.Type()
		return t != nil && (*t == "ObjStm" || *t == "XRef")
	}
	return false
}
