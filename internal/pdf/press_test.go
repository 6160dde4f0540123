package pdf

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"image"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/tiff"

	"loa"
	"loa/internal/config"
	"loa/internal/print"
)

// The press checks read the files with tools of their own: pikepdf
// (qpdf) for the structure, Ghostscript for the plates and ink coverage,
// poppler for fonts and text.

// python is the interpreter with pikepdf: Debian's, which has the package.
const python = "/usr/bin/python3"

// needPress skips the test when a press tool is missing, or fails it with
// LOA_REQUIRE_CHROMIUM=1 (as in CI).
func needPress(t testing.TB) string {
	t.Helper()
	chromium := needTools(t, "gs", "pdffonts", "pdftotext", "pdftoppm")
	if exec.Command(python, "-c", "import pikepdf").Run() != nil {
		msg := "pikepdf is not installed (apt-get install -y python3-pikepdf)"
		if os.Getenv("LOA_REQUIRE_CHROMIUM") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return chromium
}

// pressReport is what testdata/presscheck.py says of a press file.
type pressReport struct {
	Version       string              `json:"version"`
	OutputIntents []map[string]string `json:"output_intents"`
	Info          map[string]string   `json:"info"`
	XMPPDFX       string              `json:"xmp_pdfx"`
	XMPTrapped    string              `json:"xmp_trapped"`
	Lang          string              `json:"lang"`
	StructTree    bool                `json:"struct_tree"`
	TrailerID     bool                `json:"trailer_id"`
	Transparency  []string            `json:"transparency"`
	Fonts         []struct {
		Name     string `json:"name"`
		Subtype  string `json:"subtype"`
		Embedded bool   `json:"embedded"`
		Hash     string `json:"hash"`
	} `json:"fonts"`
	Colours struct {
		Text   map[string]int `json:"text"`
		Paint  map[string]int `json:"paint"`
		Images []string       `json:"images"`
	} `json:"colours"`
}

func inspectPress(t *testing.T, file string) pressReport {
	t.Helper()
	out, err := exec.Command(python, "testdata/presscheck.py", file).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("presscheck.py %s: %v\n%s", file, err, msg)
	}
	var r pressReport
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("presscheck.py: %v\n%s", err, out)
	}
	return r
}

// inks are the colours of a palette as presscheck.py writes them: "cmyk
// 0 1 1 0.1", "sep All 1" for the registration colour.
func inks(c *config.Config) map[string]bool {
	out := map[string]bool{"cmyk 0 0 0 0": true} // paper: white text, the QR code's quiet zone
	for _, col := range c.Print.Colors {
		if col.Registration {
			out["sep All 1"] = true
			continue
		}
		var v []string
		for _, x := range col.CMYK {
			v = append(v, strconv.FormatFloat(x/100, 'g', -1, 64))
		}
		out["cmyk "+strings.Join(v, " ")] = true
	}
	return out
}

var subsetRE = regexp.MustCompile(`^[A-Z]{6}\+Noto(Sans|Serif)-[A-Za-z]+$`)

// checkPress checks one press file against PDF/X-1a:2003 for FOGRA39 as
// a preflight would, and records its fonts in seen (subset name → font
// program), so that two files never give two programs one name.
func checkPress(t *testing.T, file string, c *config.Config, seen map[string]string) pressReport {
	t.Helper()
	r := inspectPress(t, file)
	if r.Version != "1.4" {
		t.Errorf("PDF version %s, want 1.4 (PDF/X-1a:2003)", r.Version)
	}
	if len(r.OutputIntents) != 1 {
		t.Fatalf("output intents %v, want one", r.OutputIntents)
	}
	oi := r.OutputIntents[0]
	if oi["S"] != "/GTS_PDFX" || oi["OutputConditionIdentifier"] != "FOGRA39" || oi["RegistryName"] != "http://www.color.org" || oi["Info"] == "" {
		t.Errorf("output intent %v", oi)
	}
	if r.Info["GTS_PDFXVersion"] != "PDF/X-1a:2003" || r.Info["Trapped"] != "/False" || r.Info["Title"] == "" || r.Info["CreationDate"] == "" {
		t.Errorf("Info %v", r.Info)
	}
	if r.XMPPDFX != "PDF/X-1a:2003" || r.XMPTrapped != "False" {
		t.Errorf("XMP says %q, trapped %q", r.XMPPDFX, r.XMPTrapped)
	}
	if !r.TrailerID || r.Lang != "vi" || !r.StructTree {
		t.Errorf("trailer ID %v, /Lang %q, tags %v", r.TrailerID, r.Lang, r.StructTree)
	}
	if len(r.Transparency) > 0 {
		t.Errorf("transparency: %v", r.Transparency)
	}
	if len(r.Fonts) == 0 {
		t.Error("no fonts")
	}
	for _, f := range r.Fonts {
		if f.Subtype == "Type3" || !f.Embedded || !subsetRE.MatchString(f.Name) {
			t.Errorf("font %s (%s, embedded %v): want an embedded subset of the site's Noto fonts, never Type 3", f.Name, f.Subtype, f.Embedded)
		}
		if h, ok := seen[f.Name]; ok && h != f.Hash {
			t.Errorf("two font programs are named %s", f.Name)
		}
		seen[f.Name] = f.Hash
	}
	pal := inks(c)
	for what, m := range map[string]map[string]int{"text": r.Colours.Text, "paint": r.Colours.Paint} {
		for key := range m {
			ink, over := strings.CutSuffix(key, " overprint")
			if !pal[ink] {
				t.Errorf("%s in %q, which is not a palette ink", what, key)
			}
			if what == "text" && ink == "cmyk 0 0 0 1" && !over {
				t.Errorf("black text that does not overprint")
			}
		}
	}
	if len(r.Colours.Images) > 0 {
		t.Errorf("images %v", r.Colours.Images)
	}
	return r
}

// checkSystemFonts checks with poppler that every font of a PDF is one of
// the site's, embedded: never one of the building machine.
func checkSystemFonts(t *testing.T, file string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(run(t, "pdffonts", file)), "\n")
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if !subsetRE.MatchString(f[0]) || f[len(f)-5] != "yes" {
			t.Errorf("%s: font %s is not an embedded subset of the site's fonts", filepath.Base(file), f[0])
		}
	}
}

// plates are the four separations of a page as Ghostscript's tiffsep
// device renders them, ink per pixel from 0 to 255.
type plates struct {
	c, m, y, k *image.Gray
	dpi        float64
}

// separate renders page n of a PDF into its plates.
func separate(t *testing.T, file string, page int, dpi float64) plates {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "p.tif")
	run(t, "gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep", "-dFirstPage="+strconv.Itoa(page), "-dLastPage="+strconv.Itoa(page),
		"-r"+strconv.FormatFloat(dpi, 'f', -1, 64), "-o", out, file)
	read := func(name string) *image.Gray {
		f, err := os.Open(filepath.Join(dir, "p("+name+").tif"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		img, err := tiff.Decode(f)
		if err != nil {
			t.Fatalf("%s plate: %v", name, err)
		}
		return img.(*image.Gray)
	}
	return plates{read("Cyan"), read("Magenta"), read("Yellow"), read("Black"), dpi}
}

// at returns the ink of each plate at a point given in mm of the page.
func (p plates) at(xmm, ymm float64) [4]int {
	x, y := int(xmm*p.dpi/25.4), int(ymm*p.dpi/25.4)
	g := func(img *image.Gray) int { return 255 - int(img.GrayAt(x, y).Y) }
	return [4]int{g(p.c), g(p.m), g(p.y), g(p.k)}
}

// count counts the pixels of each ink combination inside a rectangle of
// the page, in mm.
func (p plates) count(x0, y0, x1, y1 float64) map[[4]int]int {
	out := map[[4]int]int{}
	px := func(mm float64) int { return int(mm * p.dpi / 25.4) }
	for y := px(y0); y < px(y1); y++ {
		for x := px(x0); x < px(x1); x++ {
			g := func(img *image.Gray) int { return 255 - int(img.GrayAt(x, y).Y) }
			out[[4]int{g(p.c), g(p.m), g(p.y), g(p.k)}]++
		}
	}
	return out
}

// plate8 is a palette colour as tiffsep writes it: 8 bits an ink.
func plate8(cmyk []float64) [4]int {
	var out [4]int
	for i, v := range cmyk {
		out[i] = int(math.Round(v * 255 / 100))
	}
	return out
}

// near reports whether a plate value is the palette's, within the
// rounding of a per cent that ends in .5 (10 % is 25.5).
func near(got, want [4]int) bool {
	for i := range got {
		if got[i] < want[i]-1 || got[i] > want[i]+1 {
			return false
		}
	}
	return true
}

// inkCoverage returns Ghostscript's ink_cov figures of each page: the
// per cent of the page each plate covers.
func inkCoverage(t *testing.T, file string) [][4]float64 {
	t.Helper()
	var out [][4]float64
	for _, line := range strings.Split(strings.TrimSpace(run(t, "gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=ink_cov", "-o", "-", file)), "\n") {
		f := strings.Fields(line)
		if len(f) < 4 {
			continue
		}
		var v [4]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(f[i], 64)
		}
		out = append(out, v)
	}
	return out
}

// textIn returns the text pdftotext finds on page n inside a rectangle of
// the page in mm, at full size (scale 1).
func textIn(t *testing.T, file string, page int, x, y, w, h float64) string {
	t.Helper()
	pt := func(mm float64) string { return strconv.Itoa(int(mm * 72 / 25.4)) }
	return run(t, "pdftotext", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), "-x", pt(x), "-y", pt(y), "-W", pt(w), "-H", pt(h), "-layout", file, "-")
}

// panelText returns the text of each panel of each side of a piece.
func panelText(t *testing.T, file string, e print.Entry) map[string]string {
	out := map[string]string{}
	tx, ty := e.TrimBox[0], e.TrimBox[1]
	for _, s := range e.Sides {
		for _, p := range s.Panels {
			out[p.Name] = textIn(t, file, s.Side, tx+p.XMM, ty, p.WMM, e.TrimMM[1])
		}
	}
	return out
}

func describe(m map[[4]int]int) string {
	keys := make([][4]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [4]int) int { return m[b] - m[a] })
	var b strings.Builder
	for i, k := range keys {
		if i == 8 {
			break
		}
		fmt.Fprintf(&b, "%v×%d ", k, m[k])
	}
	return b.String()
}

// TestCampaignPress prints every piece of the campaign site as loa pdf
// does and checks each press file as a print shop's preflight would: the
// PDF/X-1a structure, fonts, inks; the plates of a banner and a leaflet,
// pixel by pixel; DỰ THẢO on every face of the folded leaflet, whose
// slogans are drafts; slogans broken between words only.
func TestCampaignPress(t *testing.T) {
	if testing.Short() {
		t.Skip("prints the whole campaign")
	}
	chromium := needPress(t)
	site := buildFS(t, loa.DefaultSite())
	res, err := Run(context.Background(), site.options(t, chromium))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Failed {
		t.Error(f)
	}
	seen := map[string]string{}
	for _, e := range site.entries {
		t.Run(strings.TrimSuffix(e.PDF, ".pdf"), func(t *testing.T) {
			file := filepath.Join(site.dest, e.PDF)
			checkPress(t, file, site.cfg, seen)
			checkSystemFonts(t, file)
			checkBoxes(t, file, e)
			for i, c := range inkCoverage(t, file) {
				t.Logf("side %d: ink coverage C %.2f %% M %.2f %% Y %.2f %% K %.2f %%", i+1, c[0], c[1], c[2], c[3])
			}
			if !e.Draft {
				t.Errorf("the campaign's slogans are drafts, but %s is not stamped", e.File)
			}
			for name, text := range panelText(t, file, e) {
				if !strings.Contains(text, "DỰ THẢO") {
					t.Errorf("%s: no DỰ THẢO on the %s", e.File, name)
				}
			}
			// The DỰ THẢO mark's letters mix with the slogan's in the
			// PDF's text, so the lines are read from the page the PDF
			// was printed from; TestNoWordSplit reads official ones from
			// the PDF itself.
			if e.Layout == "banner" || e.Layout == "panel" {
				checkBreaks(t, e.File, htmlLines(t, filepath.Join(site.dest, e.File)))
			}
		})
	}
	banner := find(site.entries, "bang-ron")
	leaflet := find(site.entries, "to-gap-a4")
	if banner == nil || leaflet == nil {
		t.Fatal("no banner or leaflet")
	}
	t.Run("plates of a banner", func(t *testing.T) {
		p := separate(t, filepath.Join(site.dest, banner.PDF), 1, 10)
		tb := banner.TrimBox
		red, yellow := plate8(site.cfg.Print.Colors["red"].CMYK), plate8(site.cfg.Print.Colors["yellow"].CMYK)
		// The ground, inside the trim and in the bleed, is the brand red.
		for _, pt := range [][2]float64{{tb[0] + 8, tb[1] + tb[3] - 8}, {tb[0] - banner.BleedMM/2, tb[1] + tb[3]/2}} {
			if got := p.at(pt[0], pt[1]); !near(got, red) {
				t.Errorf("ground at %v mm: plates %v, want the red %v", pt, got, red)
			}
		}
		// Every pixel inside the trim is one palette ink, exactly: the
		// red, the yellow letters, the DỰ THẢO tint, paper.
		want := map[[4]int]bool{red: true, yellow: true, {}: true,
			plate8(site.cfg.Print.Colors["draft-on-red"].CMYK): true}
		counts := p.count(tb[0], tb[1], tb[0]+tb[2], tb[1]+tb[3])
		total, off := 0, 0
		for ink, n := range counts {
			total += n
			ok := false
			for w := range want {
				ok = ok || near(ink, w)
			}
			if !ok {
				off += n
			}
		}
		t.Logf("banner plates inside the trim: %s", describe(counts))
		if off > 0 {
			t.Errorf("%d of %d pixels are in no palette ink: %s", off, total, describe(counts))
		}
		if counts[yellow] == 0 && !anyNear(counts, yellow) {
			t.Error("no pixel of the brand yellow")
		}
	})
	t.Run("plates of a leaflet", func(t *testing.T) {
		for side := 1; side <= 2; side++ {
			p := separate(t, filepath.Join(site.dest, leaflet.PDF), side, 100)
			tb := leaflet.TrimBox
			counts := p.count(tb[0], tb[1], tb[0]+tb[2], tb[1]+tb[3])
			black := 0
			for ink, n := range counts {
				if ink[0] != 0 {
					t.Errorf("side %d: %d pixels of cyan inside the trim %v: no colour of the palette has cyan", side, n, ink)
				}
				if ink == [4]int{0, 0, 0, 255} {
					black += n
				}
			}
			if black == 0 {
				t.Errorf("side %d: no text in black ink only: %s", side, describe(counts))
			}
			// The marks print on every plate.
			if got := p.at(tb[0], 2); got != [4]int{255, 255, 255, 255} {
				t.Errorf("side %d: crop mark at the top left is %v, want all four plates", side, got)
			}
		}
	})
}

func anyNear(m map[[4]int]int, want [4]int) bool {
	for k := range m {
		if near(k, want) {
			return true
		}
	}
	return false
}

// checkSloganLines checks that the slogan of a banner or panel is printed
// on lines that break between words only: each line end falls on a gap
// package vnbreak lets break.
func checkSloganLines(t *testing.T, file string, e print.Entry) {
	t.Helper()
	tb := e.TrimBox
	safe := e.SafeMM
	text := textIn(t, file, 1, tb[0]+safe, tb[1]+safe, tb[2]-2*safe, tb[3]-2*safe-0.06*tb[3])
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" || strings.Contains(l, "DỰ THẢO") || l == "DỰ" || l == "THẢO" {
			continue
		}
		lines = append(lines, l)
	}
	if len(lines) == 0 {
		t.Fatalf("no slogan text in %s", e.File)
	}
	t.Logf("%s: %q", e.File, lines)
	checkBreaks(t, e.File, lines)
}

var lineRE = regexp.MustCompile(`<span class="line">([^<]*)</span>`)

// htmlLines returns the lines of the fitted slogan of a print page.
func htmlLines(t *testing.T, file string) []string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range lineRE.FindAllStringSubmatch(string(data), -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	if len(out) == 0 {
		t.Fatalf("%s has no fitted lines", file)
	}
	return out
}
