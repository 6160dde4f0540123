package pdf

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"loa/internal/print"
)

// Overflow is a part of a sheet whose content does not fit it.
type Overflow struct {
	Sheet  int     `json:"sheet"`  // side, from 1
	Part   string  `json:"part"`   // the layout's data-part name: "front cover", "slogan"
	OverMM float64 `json:"overMM"` // how much too tall or too wide, in mm of the design
}

// OverflowError lists what does not fit in one piece.
type OverflowError struct {
	Entry print.Entry
	Parts []Overflow
}

func (e *OverflowError) Error() string {
	var b strings.Builder
	for i, o := range e.Parts {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%s: %s (%s, side %d) overflows by %.1f mm: the text does not fit",
			e.Entry.File, o.Part, e.Entry.Product, o.Sheet, o.OverMM)
		if e.Entry.Source != "" {
			fmt.Fprintf(&b, "; shorten %s", e.Entry.Source)
		}
	}
	return b.String()
}

// checkJS measures every part a layout marked with data-part, and the page
// itself: content wider than the sheet would make Chromium shrink the whole
// page without a word. Lengths come back in CSS pixels.
const checkJS = `(() => {
  const out = [];
  const mm = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--mm')) || 1;
  const pxPerMM = 96 / 25.4 * mm;
  document.querySelectorAll('.sheet').forEach((sheet, i) => {
    const parts = [sheet, ...sheet.querySelectorAll('[data-part]')];
    for (const p of parts) {
      const over = Math.max(p.scrollHeight - p.clientHeight, p.scrollWidth - p.clientWidth);
      if (over > 1) out.push({sheet: i + 1, part: p.dataset.part || 'sheet', overMM: over / pxPerMM});
    }
  });
  const sheet = document.querySelector('.sheet');
  const wide = document.documentElement.scrollWidth - window.innerWidth;
  if (sheet && wide > 1) {
    out.push({sheet: 1, part: 'the page (something is wider than the sheet)', overMM: wide / pxPerMM});
  }
  return out;
})()`

// fontsJS waits until every font of the page has loaded, and reports
// whether the family loa measures with (a JSON string) is there.
const fontsJS = `document.fonts.ready.then(() => document.fonts.check('700 16px ' + JSON.stringify(%s)))`

// fillJS lets the panels fill their sheet (print/partials/fill.html) once
// the fonts are there, and writes the date into the slug lines.
const fillJS = `(() => {
  const ok = window.loaFill ? window.loaFill() : true;
  document.querySelectorAll('[data-loa="made"]').forEach(el => { el.textContent = %s; });
  return ok;
})()`

// RefusedError lists what a piece asked for outside the site: images on
// other hosts, files that do not exist.
type RefusedError struct {
	Entry print.Entry
	URLs  []string
}

func (e *RefusedError) Error() string {
	var b strings.Builder
	src := e.Entry.Source
	if src == "" {
		src = e.Entry.File
	}
	for i, u := range e.URLs {
		if i > 0 {
			b.WriteByte('\n')
		}
		if name, ok := local(u); ok {
			fmt.Fprintf(&b, "%s: %s uses %s, which the site does not have", src, e.Entry.File, name)
		} else {
			fmt.Fprintf(&b, "%s: %s asks for %s, outside the site; loa pdf loads only the site's own files: put the file in static/ and link it from there", src, e.Entry.File, u)
		}
	}
	return b.String()
}

// Page says how to print one piece.
type Page struct {
	Family string // the font family the page must have loaded
	Date   string // written into the slug lines: "25/02/2025"
}

// Print makes the PDF of one piece in the tab t, as Chromium prints it:
// RGB, with its TrimBox and BleedBox set. It returns the PDF and the
// output files the piece loaded (its HTML, style sheets, fonts, images),
// or an *OverflowError, without printing, when a part overflows, or a
// *RefusedError when it asked for anything the site does not have.
func Print(t *tab, e print.Entry, pg Page) ([]byte, []string, error) {
	ctx := t.ctx
	t.start()
	// Lay the page out as it will print: print media, in a window exactly
	// one sheet wide, so that anything wider shows as overflow.
	px := func(mm float64) int64 { return int64(math.Ceil(mm * e.Scale * 96 / 25.4)) }
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(px(e.SheetMM[0]), px(e.SheetMM[1])),
		printMedia,
		chromedp.Navigate(origin+e.File),
	)
	if err != nil {
		return nil, nil, fmt.Errorf("open %s: %w", e.File, err)
	}
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(fontsJS, jsString(pg.Family)), chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: wait for fonts: %w", e.File, err)
	}
	used, refused := t.loaded()
	if len(refused) > 0 {
		return nil, nil, &RefusedError{Entry: e, URLs: refused}
	}
	if !ok {
		return nil, nil, fmt.Errorf("%s: the font %s did not load; check static/fonts, css/print.css and [print] font_family", e.File, pg.Family)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(fillJS, jsString(pg.Date)))); err != nil {
		return nil, nil, fmt.Errorf("%s: fill the sheet: %w", e.File, err)
	}
	over, err := chromedp.Run(ctx, chromedp.Evaluate[[]Overflow](checkJS))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: check overflow: %w", e.File, err)
	}
	if len(over) > 0 {
		return nil, nil, &OverflowError{Entry: e, Parts: over}
	}
	data, err := chromedp.Run(ctx, chromedp.PrintToPDF(
		chromedp.PDFPreferCSSPageSize(),
		chromedp.PDFPrintBackground(),
		chromedp.PDFMargin(0),
	))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: print: %w", e.File, err)
	}
	data, err = finish(data, e)
	return data, used, err
}

// jsString quotes s as a JavaScript string.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// printMedia makes CSS @media print rules apply on screen.
func printMedia(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
	_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	return chromedp.Void{}, err
}

// pt converts millimetres to PDF points.
func pt(mm float64) float64 { return mm * 72 / 25.4 }

var pdfcpuOnce sync.Once

// pdfcpuConfig returns pdfcpu's configuration without letting it write a
// configuration folder in the user's home, as it otherwise does.
func pdfcpuConfig() *model.Configuration {
	pdfcpuOnce.Do(func() { model.ConfigPath = "disable" })
	return model.NewDefaultConfiguration()
}

// finish checks the PDF Chromium made (it writes nothing past 65535 pt
// and may ignore a page size it can not honour) and sets its TrimBox and
// BleedBox.
func finish(data []byte, e print.Entry) ([]byte, error) {
	conf := pdfcpuConfig()
	dims, err := api.PageDims(bytes.NewReader(data), conf)
	if err != nil {
		return nil, fmt.Errorf("%s: read the PDF: %w", e.File, err)
	}
	if len(dims) != e.Pages {
		return nil, fmt.Errorf("%s: the PDF has %d pages, want %d: something in the layout spills onto another page", e.File, len(dims), e.Pages)
	}
	w, h := pt(e.SheetMM[0]*e.Scale), pt(e.SheetMM[1]*e.Scale)
	for i, d := range dims {
		if math.Abs(d.Width-w) > 1 || math.Abs(d.Height-h) > 1 {
			return nil, fmt.Errorf("%s: page %d is %.1f × %.1f pt, want %.1f × %.1f pt", e.File, i+1, d.Width, d.Height, w, h)
		}
	}
	h = dims[0].Height
	box := func(x, y, bw, bh float64) *model.Box {
		s := e.Scale
		return &model.Box{Rect: types.NewRectangle(pt(x*s), h-pt((y+bh)*s), pt((x+bw)*s), h-pt(y*s))}
	}
	t, b := e.TrimBox, e.BleedBox
	pb := &model.PageBoundaries{
		Trim:  box(t[0], t[1], t[2], t[3]),
		Bleed: box(b[0], b[1], b[2], b[3]),
	}
	var out bytes.Buffer
	if err := api.AddBoxes(bytes.NewReader(data), &out, nil, pb, conf); err != nil {
		return nil, fmt.Errorf("%s: set TrimBox and BleedBox: %w", e.File, err)
	}
	return out.Bytes(), nil
}

// writeFile writes data to path through a temporary file, so that a PDF
// is never seen half-written.
func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".loa-pdf-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}
