package pdfx

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// makePDF writes a small PDF by hand: object 1 is the catalog, 2 the
// page tree, 3 the page, whose dictionary entries and content are given;
// extra are objects 5, 6, ... (4 is the content stream); the Info
// dictionary comes last.
func makePDF(pageEntries, content string, extra ...string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R /Lang (vi) >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R " + pageEntries + " >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	objs = append(objs, extra...)
	objs = append(objs, "<< /Title (t) /CreationDate (D:20250101000000Z) >>")
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f\r\n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n\r\n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, len(objs), xref)
	return b.Bytes()
}

// boxes are the page boxes every synthetic page has unless a test says.
const boxes = "/TrimBox [20 20 180 80] /BleedBox [10 10 190 90]"

func testOptions() Options {
	cond, _ := KnownCondition("fogra39")
	return Options{Palette: testInks, Condition: cond, ID: "t"}
}

func TestConvertRefuses(t *testing.T) {
	font := func(sub string) string { return "/Resources << /Font << /F1 5 0 R >> >> " + boxes }
	for _, tc := range []struct {
		name, page, content string
		extra               []string
		want                string
	}{
		{"opacity", "/Resources << /ExtGState << /G1 5 0 R >> >> " + boxes, "/G1 gs 0 0 1 1 re f",
			[]string{"<< /ca 0.5 /BM /Normal >>"},
			"page 1, content, operator gs: ExtGState /G1: fill opacity 0.5 (CSS opacity, rgba() or fill-opacity): PDF/X-1a has no transparency"},
		{"blend mode", "/Resources << /ExtGState << /G1 5 0 R >> >> " + boxes, "/G1 gs",
			[]string{"<< /BM /Multiply >>"},
			"page 1, content, operator gs: ExtGState /G1: blend mode /Multiply (CSS mix-blend-mode): PDF/X-1a has no transparency"},
		{"Type 3 font", font("Type3"), "BT /F1 12 Tf (a) Tj ET",
			[]string{"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [1 0 0 1 0 0] /CharProcs << >> /Encoding << /Differences [] >> /FirstChar 0 /LastChar 0 /Widths [0] /FontDescriptor 6 0 R >>",
				"<< /Type /FontDescriptor /FontName /AAAAAA+NotoSans-Bold >>"},
			"page 1, font /F1: AAAAAA+NotoSans-Bold is a Type 3 font"},
		{"font not embedded", font("Type1"), "BT /F1 12 Tf (a) Tj ET",
			[]string{"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"},
			"page 1, font /F1: Helvetica is not embedded"},
		{"no TrimBox", "", "", nil,
			"page 1, page: no TrimBox"},
		{"boxes out of order", "/TrimBox [0 0 300 100] /BleedBox [10 10 190 90]", "", nil,
			"page 1, page: the TrimBox is not inside the BleedBox"},
		{"photograph", "/Resources << /XObject << /Im0 5 0 R >> >> " + boxes, "/Im0 Do",
			[]string{"<< /Type /XObject /Subtype /Image /Width 2 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length 6 >>\nstream\n\x12\x34\x56\xb5\x12\x1b\nendstream"},
			"page 1, image /Im0: an RGB image with 1 colours that are not in the palette (e.g. #123456)"},
		{"soft mask", "/Resources << /XObject << /Im0 5 0 R >> >> " + boxes, "/Im0 Do",
			[]string{"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /SMask 6 0 R /Length 1 >>\nstream\n\x00\nendstream",
				"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x00\nendstream"},
			"page 1, image /Im0: an image with transparency"},
		{"form field", "/Annots [5 0 R] " + boxes, "",
			[]string{"<< /Type /Annot /Subtype /Widget /Rect [0 0 1 1] >>"},
			"page 1, annotation 1 (/Widget): a form field, which PDF/X forbids"},
		{"colour in a form", "/Resources << /XObject << /X1 5 0 R >> >> " + boxes, "/X1 Do",
			[]string{"<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Length 10 >>\nstream\n0.8 0 0 rg\nendstream"},
			"page 1, form /X1, operator rg: colour #cc0000 is not in the palette"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Convert(makePDF(tc.page, tc.content, tc.extra...), testOptions())
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want an *Error", err)
			}
			if len(e.Problems) != 1 || !strings.HasPrefix(e.Problems[0].String(), tc.want) {
				t.Errorf("problems:\n%s\nwant one starting %q", err, tc.want)
			}
		})
	}
}

// read parses a converted file back with pdfcpu.
func read(t *testing.T, data []byte) (page types.Dict, obj func(types.Object) types.Object, info types.Dict) {
	t.Helper()
	ctx, err := api.ReadContext(bytes.NewReader(data), pdfcpuConfig())
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	c := &converter{ctx: ctx}
	if err := c.resolveAll(); err != nil {
		t.Fatal(err)
	}
	cat, _ := ctx.Catalog()
	kids := c.dict(cat["Pages"])["Kids"].(types.Array)
	return c.dict(kids[0]), c.deref, c.dict(*ctx.Info)
}

func TestConvertImage(t *testing.T) {
	img := "<< /Type /XObject /Subtype /Image /Width 2 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length 6 >>\nstream\n\xb5\x12\x1b\xff\xff\xff\nendstream"
	out, err := Convert(makePDF("/Resources << /XObject << /Im0 5 0 R >> >> "+boxes, "/Im0 Do", img), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	page, deref, _ := read(t, out)
	xo := deref(page["Resources"]).(types.Dict)["XObject"].(types.Dict)
	sd := deref(xo["Im0"]).(types.StreamDict)
	if err := sd.Decode(); err != nil {
		t.Fatal(err)
	}
	if cs := deref(sd.Dict["ColorSpace"]); cs != types.Name("DeviceCMYK") {
		t.Errorf("colour space %v, want DeviceCMYK", cs)
	}
	// Red is C0 M100 Y100 K10 (10 % of 255 rounds to 26), white no ink.
	if want := []byte{0, 255, 255, 26, 0, 0, 0, 0}; !bytes.Equal(sd.Content, want) {
		t.Errorf("pixels % x, want % x", sd.Content, want)
	}
}

func TestConvertCleans(t *testing.T) {
	out, err := Convert(makePDF(
		"/Group << /S /Transparency /CS /DeviceRGB >> /Annots [6 0 R] /Resources << /ExtGState << /G1 5 0 R >> /ColorSpace << /C 7 0 R >> >> "+boxes,
		"/G1 gs /C cs 1 1 1 sc 0 0 1 1 re f",
		"<< /ca 1 /CA 1 /BM /Normal /SMask /None >>",
		"<< /Type /Annot /Subtype /Link /Rect [30 30 40 40] /A << /S /URI /URI (https://example.vn/) >> >>",
		"[/CalRGB << /WhitePoint [0.95 1 1.09] >>]",
	), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	page, deref, info := read(t, out)
	for _, k := range []string{"Group", "Annots"} {
		if _, ok := page[k]; ok {
			t.Errorf("the page keeps /%s", k)
		}
	}
	res := deref(page["Resources"]).(types.Dict)
	gs := deref(deref(res["ExtGState"]).(types.Dict)["G1"]).(types.Dict)
	if len(gs) != 0 {
		t.Errorf("ExtGState keeps %v", gs)
	}
	if cs := deref(res["ColorSpace"]).(types.Dict); cs["C"] != nil {
		t.Errorf("the unused RGB colour space stays: %v", cs)
	}
	if !bytes.HasPrefix(out, []byte("%PDF-1.4\n")) {
		t.Errorf("header %q", out[:9])
	}
	if got := info["GTS_PDFXVersion"]; got != types.StringLiteral("PDF/X-1a:2003") {
		t.Errorf("GTS_PDFXVersion %v", got)
	}
	if _, ok := info["GTS_PDFXConformance"]; ok {
		t.Error("GTS_PDFXConformance in a PDF/X-1a:2003 file")
	}
	// The date Chromium wrote stays when Options.Date is zero.
	if got := info["CreationDate"]; got != types.StringLiteral("D:20250101000000+00'00'") {
		t.Errorf("CreationDate %v", got)
	}
}

func TestConvert2001(t *testing.T) {
	opts := testOptions()
	opts.Standard = X1a2001
	opts.Date = time.Date(2025, 2, 25, 0, 0, 0, 0, time.UTC)
	out, err := Convert(makePDF(boxes, "1 1 1 rg"), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out, []byte("%PDF-1.3\n")) {
		t.Errorf("header %q, want %%PDF-1.3", out[:9])
	}
	_, _, info := read(t, out)
	if info["GTS_PDFXVersion"] != types.StringLiteral("PDF/X-1:2001") || info["GTS_PDFXConformance"] != types.StringLiteral("PDF/X-1a:2001") {
		t.Errorf("Info %v", info)
	}
	again, err := Convert(makePDF(boxes, "1 1 1 rg"), opts)
	if err != nil || !bytes.Equal(out, again) {
		t.Errorf("two conversions of one input differ (err %v)", err)
	}
}

func TestOptionsCheck(t *testing.T) {
	cond, _ := KnownCondition("Japan Color 2001 Coated")
	for _, tc := range []struct {
		name string
		opts Options
		want string
	}{
		{"rich grey", Options{Condition: cond, Palette: map[RGB]Ink{{0x33, 0x33, 0x33}: {CMYK: CMYK{10, 10, 10, 80}}}},
			"palette #333333: a grey prints in black ink only; give it as [0, 0, 0, 80]"},
		{"too much ink", Options{Condition: cond, MaxInk: 300, Palette: map[RGB]Ink{{1, 2, 3}: {CMYK: CMYK{100, 100, 100, 100}}}},
			"palette #010203: 400% of ink is more than the 300% the paper takes"},
		{"out of range", Options{Condition: cond, Palette: map[RGB]Ink{{1, 2, 3}: {CMYK: CMYK{0, 120, 0, 0}}}},
			"palette #010203: M = 120 is not between 0 and 100"},
		{"custom without profile", Options{Condition: OutputCondition{Identifier: "Custom", Info: "x"}},
			`output condition "Custom" is not a registered one: it needs its ICC profile`},
	} {
		err := tc.opts.check()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
	if cond.Identifier != "JC200103" {
		t.Errorf("Japan Color 2001 Coated is %q, want JC200103", cond.Identifier)
	}
	if _, err := KnownCondition("SWOP"); err == nil || !strings.Contains(err.Error(), "FOGRA39") {
		t.Errorf("unknown condition: %v", err)
	}
}

func TestSubsetTags(t *testing.T) {
	prog := "<< /Length1 3 /Length 3 >>\nstream\nabc\nendstream"
	font := "<< /Type /Font /Subtype /TrueType /BaseFont /AAAAAA+NotoSans-Bold /FontDescriptor 6 0 R >>"
	desc := "<< /Type /FontDescriptor /FontName /AAAAAA+NotoSans-Bold /FontFile2 7 0 R >>"
	in := makePDF("/Resources << /Font << /F1 5 0 R >> >> "+boxes, "BT /F1 9 Tf (a) Tj ET", font, desc, prog)
	names := map[string]bool{}
	for _, id := range []string{"in/a.pdf", "in/b.pdf"} {
		opts := testOptions()
		opts.ID = id
		out, err := Convert(in, opts)
		if err != nil {
			t.Fatal(err)
		}
		page, deref, _ := read(t, out)
		f := deref(deref(deref(page["Resources"]).(types.Dict)["Font"]).(types.Dict)["F1"]).(types.Dict)
		base := string(f["BaseFont"].(types.Name))
		fd := deref(f["FontDescriptor"]).(types.Dict)
		if fd["FontName"] != f["BaseFont"] || !isSubsetName(base) || !strings.HasSuffix(base, "+NotoSans-Bold") || strings.HasPrefix(base, "AAAAAA") {
			t.Errorf("%s: BaseFont %s, FontName %v", id, base, fd["FontName"])
		}
		names[base] = true
	}
	if len(names) != 2 {
		t.Errorf("two files share a font name: %v", slices.Collect(func(yield func(string) bool) {
			for n := range names {
				yield(n)
			}
		}))
	}
}
