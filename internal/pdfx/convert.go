package pdfx

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"fmt"
	"strconv"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Convert turns an RGB PDF that Chromium printed into a PDF/X-1a press
// file: every colour through the palette into CMYK or the Registration
// colour, overprinting black text, no transparency, fonts with subset
// names of this file's own, an output intent, and Info and XMP metadata
// that say so. Tags, /Lang and the page boxes stay as they are.
//
// When the input has anything PDF/X-1a can not carry (a colour outside
// the palette, opacity, a Type 3 font, a gradient...), Convert returns an
// *Error that lists each problem with its page and operator.
func Convert(pdf []byte, opts Options) ([]byte, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	ctx, err := api.ReadContext(bytes.NewReader(pdf), pdfcpuConfig())
	if err != nil {
		return nil, fmt.Errorf("read the PDF: %w", err)
	}
	if ctx.Encrypt != nil {
		return nil, fmt.Errorf("the PDF is encrypted, which PDF/X forbids")
	}
	c := &converter{ctx: ctx, opts: &opts, done: map[int]bool{}, fonts: map[int]fontUse{}}
	if err := c.resolveAll(); err != nil {
		return nil, err
	}
	c.input = sha256.Sum256(pdf)
	c.identity = opts.ID
	if c.identity == "" {
		c.identity = fmt.Sprintf("%x", c.input)
	}
	if err := c.pages(); err != nil {
		return nil, err
	}
	c.checkFonts()
	if err := c.probs.err(); err != nil {
		return nil, err
	}
	c.renameFonts()
	c.cleanStates()
	if err := c.document(); err != nil {
		return nil, err
	}
	return c.write()
}

var pdfcpuOnce sync.Once

// pdfcpuConfig returns pdfcpu's configuration without letting it write a
// configuration folder in the user's home, as it otherwise does.
func pdfcpuConfig() *model.Configuration {
	pdfcpuOnce.Do(func() { model.ConfigPath = "disable" })
	return model.NewDefaultConfiguration()
}

// converter holds one conversion.
type converter struct {
	ctx      *model.Context
	opts     *Options
	identity string
	input    [32]byte // the input's hash: this version of the file
	probs    problems
	// done holds the object numbers of the form XObjects and images
	// already converted: a form drawn on two pages is rewritten once.
	done map[int]bool
	// fonts are the fonts met, by object number, with where first met.
	fonts map[int]fontUse
	// states are the ExtGState dictionaries met, refused ones included.
	states []types.Dict
	// rgbSpaces are the RGB colour space resources, which the rewrite
	// leaves unused.
	rgbSpaces []namedEntry
	// shared objects the rewrite adds, made on first use.
	allRef, opRef, koRef *types.IndirectRef
}

type fontUse struct {
	page int
	name string
}

// resolveAll loads every object out of the object streams, which the
// output does not have (PDF/X-1a is PDF 1.3 or 1.4).
func (c *converter) resolveAll() error {
	for nr, e := range c.ctx.Table {
		if e == nil || e.Free {
			continue
		}
		if _, ok := e.Object.(types.LazyObjectStreamObject); ok {
			gen := 0
			if e.Generation != nil {
				gen = *e.Generation
			}
			if _, err := c.ctx.Dereference(*types.NewIndirectRef(nr, gen)); err != nil {
				return fmt.Errorf("read object %d: %w", nr, err)
			}
		}
	}
	return nil
}

// deref resolves an indirect reference.
func (c *converter) deref(o types.Object) types.Object {
	v, err := c.ctx.Dereference(o)
	if err != nil {
		return nil
	}
	return v
}

func (c *converter) dict(o types.Object) types.Dict {
	switch v := c.deref(o).(type) {
	case types.Dict:
		return v
	case types.StreamDict:
		return v.Dict
	}
	return nil
}

func (c *converter) name(o types.Object) string {
	if n, ok := c.deref(o).(types.Name); ok {
		return string(n)
	}
	return ""
}

func (c *converter) number(o types.Object) (float64, bool) {
	switch v := c.deref(o).(type) {
	case types.Integer:
		return float64(v), true
	case types.Float:
		return float64(v), true
	}
	return 0, false
}

// stream returns the stream an indirect reference points to, decoded,
// with its object number.
func (c *converter) stream(o types.Object) (*types.StreamDict, int, error) {
	ref, ok := o.(types.IndirectRef)
	if !ok {
		return nil, 0, fmt.Errorf("a stream that is not an indirect object")
	}
	sd, ok := c.deref(ref).(types.StreamDict)
	if !ok {
		return nil, 0, fmt.Errorf("object %d is not a stream", ref.ObjectNumber)
	}
	if sd.Content == nil {
		if err := sd.Decode(); err != nil {
			return nil, 0, fmt.Errorf("decode object %d: %w", ref.ObjectNumber, err)
		}
	}
	return &sd, ref.ObjectNumber.Value(), nil
}

// setStream stores a stream with new content, Flate-compressed.
func (c *converter) setStream(nr int, sd *types.StreamDict, content []byte) error {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	if _, err := w.Write(content); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	sd.Content = content
	sd.Raw = b.Bytes()
	sd.FilterPipeline = []types.PDFFilter{{Name: "FlateDecode"}}
	sd.Dict["Filter"] = types.Name("FlateDecode")
	delete(sd.Dict, "DecodeParms")
	sd.Dict["Length"] = types.Integer(len(sd.Raw))
	c.ctx.Table[nr].Object = *sd
	return nil
}

// newObject adds an object to the file.
func (c *converter) newObject(o types.Object) *types.IndirectRef {
	ref, err := c.ctx.IndRefForNewObject(o)
	if err != nil {
		// Only a nil object fails.
		panic(err)
	}
	return ref
}

// pages converts every page, in order.
func (c *converter) pages() error {
	root, err := c.ctx.Catalog()
	if err != nil {
		return fmt.Errorf("read the catalog: %w", err)
	}
	n := 0
	return c.pageTree(root["Pages"], nil, nil, &n, 0)
}

// pageTree walks the page tree, carrying the inherited attributes.
func (c *converter) pageTree(o types.Object, res types.Object, media types.Object, n *int, depth int) error {
	d := c.dict(o)
	if d == nil || depth > 64 {
		return fmt.Errorf("broken page tree")
	}
	if r, ok := d["Resources"]; ok {
		res = r
	}
	if m, ok := d["MediaBox"]; ok {
		media = m
	}
	if c.name(d["Type"]) == "Pages" || d["Kids"] != nil && c.name(d["Type"]) != "Page" {
		kids, _ := c.deref(d["Kids"]).(types.Array)
		for _, k := range kids {
			if err := c.pageTree(k, res, media, n, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	*n++
	if _, ok := d["Resources"]; !ok && res != nil {
		d["Resources"] = res // the page's own, so that additions stay on it
	}
	if _, ok := d["MediaBox"]; !ok && media != nil {
		d["MediaBox"] = media
	}
	return c.page(*n, d)
}

// page converts one page: its boxes, content, annotations and group.
func (c *converter) page(n int, d types.Dict) error {
	c.checkBoxes(n, d)
	res := c.dict(d["Resources"])
	if res == nil {
		res = types.NewDict()
		d["Resources"] = res
	}
	var content []byte
	var nr int
	var sd *types.StreamDict
	switch v := d["Contents"].(type) {
	case types.IndirectRef:
		if arr, ok := c.deref(v).(types.Array); ok {
			for _, o := range arr {
				s, _, err := c.stream(o)
				if err != nil {
					return fmt.Errorf("page %d: %w", n, err)
				}
				content = append(append(content, s.Content...), '\n')
			}
		} else {
			s, num, err := c.stream(v)
			if err != nil {
				return fmt.Errorf("page %d: %w", n, err)
			}
			sd, nr, content = s, num, s.Content
		}
	case types.Array:
		for _, o := range v {
			s, _, err := c.stream(o)
			if err != nil {
				return fmt.Errorf("page %d: %w", n, err)
			}
			content = append(append(content, s.Content...), '\n')
		}
	}
	if content != nil || sd != nil {
		out, err := c.content(n, "content", false, content, res)
		if err != nil {
			return err
		}
		if sd == nil {
			// Several streams become one: a rewrite may not split.
			s := types.StreamDict{Dict: types.NewDict()}
			ref := c.newObject(s)
			nr = ref.ObjectNumber.Value()
			sd = &s
			d["Contents"] = *ref
		}
		if err := c.setStream(nr, sd, out); err != nil {
			return err
		}
	}
	c.removeGroup(d)
	return c.annotations(n, d)
}

// checkBoxes reports a page without the boxes PDF/X requires: a TrimBox
// (or ArtBox), inside the BleedBox, inside the MediaBox.
func (c *converter) checkBoxes(n int, d types.Dict) {
	media, ok := c.rect(d["MediaBox"])
	if !ok {
		c.probs.add(Problem{Page: n, Where: "page", Msg: "no MediaBox"})
		return
	}
	trim, ok := c.rect(d["TrimBox"])
	if !ok {
		if trim, ok = c.rect(d["ArtBox"]); !ok {
			c.probs.add(Problem{Page: n, Where: "page", Msg: "no TrimBox: PDF/X requires one; set TrimBox and BleedBox before converting"})
			return
		}
	}
	bleed, ok := c.rect(d["BleedBox"])
	if !ok {
		bleed = media
	}
	const eps = 0.01 // points: what printing decimals may leave
	inside := func(a, b [4]float64) bool {
		return a[0] >= b[0]-eps && a[1] >= b[1]-eps && a[2] <= b[2]+eps && a[3] <= b[3]+eps
	}
	if !inside(trim, bleed) || !inside(bleed, media) {
		c.probs.add(Problem{Page: n, Where: "page", Msg: "the TrimBox is not inside the BleedBox, or the BleedBox not inside the MediaBox"})
	}
}

// rect reads a rectangle, normalised to lower left, upper right.
func (c *converter) rect(o types.Object) ([4]float64, bool) {
	arr, ok := c.deref(o).(types.Array)
	if !ok || len(arr) != 4 {
		return [4]float64{}, false
	}
	var r [4]float64
	for i, v := range arr {
		f, ok := c.number(v)
		if !ok {
			return r, false
		}
		r[i] = f
	}
	return [4]float64{min(r[0], r[2]), min(r[1], r[3]), max(r[0], r[2]), max(r[1], r[3])}, true
}

// removeGroup removes a transparency group from a page or form: nothing
// transparent is left once the conversion succeeds.
func (c *converter) removeGroup(d types.Dict) {
	if g := c.dict(d["Group"]); g != nil && c.name(g["S"]) == "Transparency" {
		delete(d, "Group")
	}
}

// uniqueName returns base, or base with a number, that dict d lacks.
func uniqueName(d types.Dict, base string) string {
	name := base
	for i := 2; d != nil && d[name] != nil; i++ {
		name = base + strconv.Itoa(i)
	}
	return name
}
