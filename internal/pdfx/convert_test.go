package pdfx_test

import (
	"bytes"
	"errors"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"loa/internal/pdfx"
)

// The colours of testdata/press.html and what the test's configuration
// says they print as. The expected plate values below are worked out from
// these per cents, not taken from the package.
var (
	red    = pdfx.RGB{0xb5, 0x12, 0x1b}
	yellow = pdfx.RGB{0xff, 0xd4, 0x00}
	ink    = pdfx.RGB{0x1a, 0x1a, 0x1a}
	black  = pdfx.RGB{0, 0, 0}
	marks  = pdfx.RGB{0, 0, 1}
)

func options(t testing.TB, id string) pdfx.Options {
	t.Helper()
	cond, err := pdfx.KnownCondition("FOGRA39")
	if err != nil {
		t.Fatal(err)
	}
	return pdfx.Options{
		Palette: map[pdfx.RGB]pdfx.Ink{
			red:    {CMYK: pdfx.CMYK{0, 100, 100, 10}},
			yellow: {CMYK: pdfx.CMYK{0, 10, 100, 0}},
			ink:    {CMYK: pdfx.CMYK{0, 0, 0, 100}, Overprint: true},
			black:  {CMYK: pdfx.CMYK{0, 0, 0, 100}, Overprint: true},
			marks:  {Registration: true},
		},
		Condition: cond,
		Title:     "Tờ thử in",
		Date:      time.Date(2025, 2, 25, 8, 30, 0, 0, time.FixedZone("ICT", 7*3600)),
		ID:        id,
		MaxInk:    300,
	}
}

// convert prints the test page and converts it.
func convert(t testing.TB, id string) []byte {
	t.Helper()
	out, err := pdfx.Convert(pressPDF(t), options(t, id))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestConvertStructure(t *testing.T) {
	out := convert(t, "in/to-thu/a.pdf")
	r := inspect(t, writeTemp(t, "a.pdf", out))
	other := inspect(t, writeTemp(t, "b.pdf", convert(t, "in/to-thu/b.pdf")))
	in := inspect(t, writeTemp(t, "in.pdf", pressPDF(t)))

	if r.Version != "1.4" {
		t.Errorf("PDF version %s, want 1.4 (PDF/X-1a:2003)", r.Version)
	}
	if bytes.Contains(out, []byte("/ObjStm")) || bytes.Contains(out, []byte("/XRef")) {
		t.Error("the file has object streams or a cross-reference stream (PDF 1.5)")
	}
	if len(r.OutputIntents) != 1 {
		t.Fatalf("%d output intents, want 1: %v", len(r.OutputIntents), r.OutputIntents)
	}
	oi := r.OutputIntents[0]
	for k, want := range map[string]string{
		"S": "/GTS_PDFX", "OutputConditionIdentifier": "FOGRA39",
		"RegistryName": "http://www.color.org", "Info": "Coated FOGRA39 (ISO 12647-2:2004)",
	} {
		if oi[k] != want {
			t.Errorf("OutputIntent %s = %v, want %q", k, oi[k], want)
		}
	}
	for k, want := range map[string]string{
		"GTS_PDFXVersion": "PDF/X-1a:2003", "Trapped": "/False", "Title": "Tờ thử in",
		"CreationDate": "D:20250225083000+07'00'", "ModDate": "D:20250225083000+07'00'", "Producer": "loa",
	} {
		if r.Info[k] != want {
			t.Errorf("Info %s = %q, want %q", k, r.Info[k], want)
		}
	}
	for k, want := range map[string]string{
		"pdfx:GTS_PDFXVersion": "PDF/X-1a:2003", "pdfxid:GTS_PDFXVersion": "PDF/X-1a:2003",
		"dc:title": "Tờ thử in", "xmp:CreateDate": "2025-02-25T08:30:00+07:00",
		"xmp:ModifyDate": "2025-02-25T08:30:00+07:00", "pdf:Trapped": "False", "pdf:Producer": "loa",
	} {
		if r.XMP[k] != want {
			t.Errorf("XMP %s = %q, want %q", k, r.XMP[k], want)
		}
	}
	if !r.TrailerID {
		t.Error("no /ID in the trailer")
	}
	if len(r.Transparency) > 0 {
		t.Errorf("transparency left: %v", r.Transparency)
	}
	if r.Lang != "vi" || !r.StructTree || !r.MarkInfo {
		t.Errorf("Lang %q, StructTreeRoot %v, MarkInfo %v: want vi, true, true (as in the input: %q %v %v)",
			r.Lang, r.StructTree, r.MarkInfo, in.Lang, in.StructTree, in.MarkInfo)
	}
	if len(r.Pages) != 1 || !slices.Equal(r.Pages[0].TrimBox, in.Pages[0].TrimBox) ||
		!slices.Equal(r.Pages[0].BleedBox, in.Pages[0].BleedBox) || len(r.Pages[0].TrimBox) != 4 {
		t.Errorf("boxes %+v, want those of the input %+v", r.Pages, in.Pages)
	}
	// Every colour operator is CMYK or the Registration colour.
	for _, op := range r.ColorOps {
		f := strings.Fields(op)
		switch f[0] {
		case "k", "K":
		case "cs", "CS":
			if f[1] != "/LoaAll" {
				t.Errorf("colour space operator %q", op)
			}
		case "scn", "SCN":
			if f[1] != "1" {
				t.Errorf("tint operator %q", op)
			}
		default:
			t.Errorf("colour operator %q left", op)
		}
	}
	checkFonts(t, r, other, in)
}

// checkFonts checks that no font is Type 3, that two font programs never
// share a name, and that no name is shared with another file.
func checkFonts(t *testing.T, r, other, in report) {
	t.Helper()
	if len(r.Fonts) == 0 {
		t.Fatal("no fonts")
	}
	byName := map[string]string{}
	for _, f := range r.Fonts {
		if f.Subtype == "/Type3" {
			t.Errorf("Type 3 font %s", f.Name)
		}
		if len(f.Name) < 8 || f.Name[7] != '+' {
			t.Errorf("font %s is not a subset with a tag", f.Name)
		}
		if strings.HasPrefix(f.Name, "/AAAAAA+") || strings.HasPrefix(f.Name, "/BAAAAA+") {
			t.Errorf("font %s keeps Chromium's tag", f.Name)
		}
		if h, ok := byName[f.Name]; ok && h != f.Hash {
			t.Errorf("two font programs named %s", f.Name)
		}
		byName[f.Name] = f.Hash
	}
	for _, f := range other.Fonts {
		if _, ok := byName[f.Name]; ok {
			t.Errorf("font name %s is in two files", f.Name)
		}
	}
	if len(in.Fonts) != len(r.Fonts) {
		t.Errorf("%d fonts, the input has %d", len(r.Fonts), len(in.Fonts))
	}
}

func TestConvertPoppler(t *testing.T) {
	file := writeTemp(t, "a.pdf", convert(t, "a"))
	out, err := exec.Command("pdffonts", file).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no font:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type [encoding...] emb sub uni object ID
		if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" {
			t.Errorf("font not embedded as a subset: %s", l)
		}
		if strings.Contains(l, "Type 3") {
			t.Errorf("Type 3 font: %s", l)
		}
	}
	text, err := exec.Command("pdftotext", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"ĐỔI MỚI", "Nghị quyết số 57", "Kinh tế số", "thành phẩm 100 × 60 mm"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("pdftotext lost %q:\n%s", want, text)
		}
	}
}

func TestConvertUnmappedColour(t *testing.T) {
	opts := options(t, "a")
	delete(opts.Palette, yellow)
	_, err := pdfx.Convert(pressPDF(t), opts)
	var e *pdfx.Error
	if !errors.As(err, &e) {
		t.Fatalf("got %v, want a *pdfx.Error", err)
	}
	if got := e.Colors(); !slices.Equal(got, []string{"#ffd400"}) {
		t.Errorf("colours %v, want [#ffd400]", got)
	}
	for _, p := range e.Problems {
		if p.Page != 1 || p.Op != "rg" && p.Op != "RG" {
			t.Errorf("problem %+v: want page 1, operator rg or RG", p)
		}
	}
}
