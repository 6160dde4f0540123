package pdfx_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"loa/internal/pdf"
)

// need skips the test when a tool is missing, or fails it with
// LOA_REQUIRE_CHROMIUM=1 (as in CI, which installs them all).
func need(t testing.TB, what string, ok bool) {
	t.Helper()
	if ok {
		return
	}
	msg := what + " is not installed (apt-get install -y chromium ghostscript poppler-utils python3-pikepdf)"
	if os.Getenv("LOA_REQUIRE_CHROMIUM") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

func haveTool(name string) bool {
	_, err := exec.LookPath(name)
	return err == nil
}

// python is the interpreter with pikepdf: Debian's, which has the package.
const python = "/usr/bin/python3"

func havePikepdf() bool {
	return exec.Command(python, "-c", "import pikepdf").Run() == nil
}

// needAll checks for every tool the end-to-end tests use.
func needAll(t testing.TB) {
	t.Helper()
	_, err := pdf.FindChromium()
	need(t, "Chromium", err == nil)
	for _, tool := range []string{"gs", "pdffonts", "pdftotext"} {
		need(t, tool, haveTool(tool))
	}
	need(t, "pikepdf", havePikepdf())
}

var (
	printOnce sync.Once
	printed   []byte
	printErr  error
)

// pressPDF prints testdata/press.html with Chromium, as loa pdf does,
// and sets its TrimBox and BleedBox: a 100 × 60 mm piece, 3 mm bleed,
// 12 mm of marks around. It is printed once for all the tests.
func pressPDF(t testing.TB) []byte {
	t.Helper()
	needAll(t)
	printOnce.Do(func() { printed, printErr = printHTML("testdata/press.html") })
	if printErr != nil {
		t.Fatal(printErr)
	}
	return printed
}

func printHTML(file string) ([]byte, error) {
	path, err := pdf.FindChromium()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	b, err := pdf.Start(ctx, path)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	tab, closeTab := b.Tab()
	defer closeTab()
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	if err := chromedp.Do(tab, chromedp.Navigate(u.String())); err != nil {
		return nil, err
	}
	if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		return nil, err
	}
	data, err := chromedp.Run(tab, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground(), chromedp.PDFMargin(0)))
	if err != nil {
		return nil, err
	}
	return setBoxes(data, 100, 60, 3, 12)
}

// setBoxes sets the TrimBox and BleedBox of every page, as package pdf
// does after printing.
func setBoxes(data []byte, w, h, bleed, marks float64) ([]byte, error) {
	model.ConfigPath = "disable"
	conf := model.NewDefaultConfiguration()
	dims, err := api.PageDims(bytes.NewReader(data), conf)
	if err != nil {
		return nil, err
	}
	pt := func(mm float64) float64 { return mm * 72 / 25.4 }
	ph := dims[0].Height
	box := func(x, y, bw, bh float64) *model.Box {
		return &model.Box{Rect: types.NewRectangle(pt(x), ph-pt(y+bh), pt(x+bw), ph-pt(y))}
	}
	pb := &model.PageBoundaries{
		Trim:  box(marks+bleed, marks+bleed, w, h),
		Bleed: box(marks, marks, w+2*bleed, h+2*bleed),
	}
	var out bytes.Buffer
	if err := api.AddBoxes(bytes.NewReader(data), &out, nil, pb, conf); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// writeTemp writes data to a file in the test's folder.
func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// inspect runs testdata/pdfxreport.py (pikepdf) on a PDF and decodes its
// JSON report.
func inspect(t testing.TB, file string) report {
	t.Helper()
	out, err := exec.Command(python, "testdata/pdfxreport.py", file).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("pdfxreport.py %s: %v\n%s", file, err, msg)
	}
	var r report
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("pdfxreport.py: %v\n%s", err, out)
	}
	return r
}

// report is what pdfxreport.py says of a PDF.
type report struct {
	Version       string            `json:"version"`
	OutputIntents []map[string]any  `json:"output_intents"`
	Info          map[string]string `json:"info"`
	XMP           map[string]string `json:"xmp"`
	Lang          string            `json:"lang"`
	StructTree    bool              `json:"struct_tree"`
	MarkInfo      bool              `json:"mark_info"`
	Transparency  []string          `json:"transparency"`
	Fonts         []reportFont      `json:"fonts"`
	Pages         []reportPage      `json:"pages"`
	ColorOps      []string          `json:"color_ops"`
	TrailerID     bool              `json:"trailer_id"`
	ObjectStreams bool              `json:"object_streams"`
}

type reportFont struct {
	Name    string `json:"name"`
	Subtype string `json:"subtype"`
	Hash    string `json:"hash"`
}

type reportPage struct {
	TrimBox  []float64 `json:"trim_box"`
	BleedBox []float64 `json:"bleed_box"`
	MediaBox []float64 `json:"media_box"`
}
