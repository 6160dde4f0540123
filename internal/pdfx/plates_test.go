package pdfx_test

import (
	"image"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/tiff"
)

// dpi is the resolution the plates are rendered at: 0.25 mm a pixel.
const dpi = 101.6

// plates are the four separations of a page as Ghostscript's tiffsep
// device renders them, each the ink per pixel from 0 to 255.
type plates struct {
	c, m, y, k *image.Gray
}

// separate renders page 1 of a PDF into its plates.
func separate(t *testing.T, file string) plates {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "p.tif")
	cmd := exec.Command("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep",
		"-r"+strconv.FormatFloat(dpi, 'f', -1, 64), "-o", out, file)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gs tiffsep: %v\n%s", err, msg)
	}
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
		g, ok := img.(*image.Gray)
		if !ok {
			t.Fatalf("%s plate is %T, want 8-bit grey", name, img)
		}
		return g
	}
	return plates{read("Cyan"), read("Magenta"), read("Yellow"), read("Black")}
}

// ink returns the ink of each plate at a pixel: tiffsep writes 0 for full
// ink (BlackIsZero), so ink is 255 minus the value.
func (p plates) ink(x, y int) [4]int {
	at := func(g *image.Gray) int { return 255 - int(g.GrayAt(x, y).Y) }
	return [4]int{at(p.c), at(p.m), at(p.y), at(p.k)}
}

// px converts millimetres on the sheet to pixels.
func px(mm float64) int { return int(math.Round(mm * dpi / 25.4)) }

// area calls f for every pixel of a rectangle given in millimetres.
func area(x0, y0, x1, y1 float64, f func(x, y int)) {
	for y := px(y0); y < px(y1); y++ {
		for x := px(x0); x < px(x1); x++ {
			f(x, y)
		}
	}
}

// want8 is a per cent of ink as an 8-bit plate value: exact where the
// product is whole, either neighbour where it ends in .5 (10 % is 25.5).
func want8(t *testing.T, what string, got int, percent float64) {
	t.Helper()
	if v := percent * 255 / 100; math.Abs(float64(got)-v) > 0.5 {
		t.Errorf("%s: plate value %d, want %g %% = %.1f", what, got, percent, v)
	}
}

func TestConvertPlates(t *testing.T) {
	file := writeTemp(t, "a.pdf", convert(t, "a"))
	p := separate(t, file)

	// The red ground, away from its words: C0 M100 Y100 K10, as configured.
	got := p.ink(px(20), px(45))
	for i, pc := range []float64{0, 100, 100, 10} {
		want8(t, "red ground "+"CMYK"[i:i+1], got[i], pc)
	}
	// The yellow box: C0 M10 Y100 K0.
	got = p.ink(px(85), px(25))
	for i, pc := range []float64{0, 10, 100, 0} {
		want8(t, "yellow box "+"CMYK"[i:i+1], got[i], pc)
	}
	// Black text, the table and the QR code print in black ink only, and
	// at full strength.
	for _, r := range []struct {
		what           string
		x0, y0, x1, y1 float64
	}{
		{"black text", 70, 36, 110, 50},
		{"table", 70, 52, 110, 62},
		{"QR code", 100, 18, 114, 32},
	} {
		maxK, inked := 0, 0
		area(r.x0, r.y0, r.x1, r.y1, func(x, y int) {
			v := p.ink(x, y)
			if v[0] != 0 || v[1] != 0 || v[2] != 0 {
				t.Fatalf("%s: pixel %d,%d has ink %v, want black only", r.what, x, y, v)
			}
			maxK = max(maxK, v[3])
			if v[3] > 0 {
				inked++
			}
		})
		if maxK != 255 || inked < 50 {
			t.Errorf("%s: %d pixels of black, strongest %d; want solid 100 %% K", r.what, inked, maxK)
		}
	}
	// Black words on the red ground overprint: the red stays whole under
	// them, magenta and yellow at 100 % on every pixel.
	blackOnRed := 0
	area(16, 52, 60, 66, func(x, y int) {
		v := p.ink(x, y)
		if v[1] != 255 || v[2] != 255 || v[0] != 0 {
			t.Fatalf("black on red: pixel %d,%d has ink %v: the red is knocked out", x, y, v)
		}
		if v[3] == 255 {
			blackOnRed++
		}
	})
	if blackOnRed < 50 {
		t.Errorf("black on red: %d pixels of 100 %% K, want the word", blackOnRed)
	}
	// Crop marks are in the Registration colour: every plate at 100 %.
	all := 0
	area(14, 1, 16, 9, func(x, y int) {
		if p.ink(x, y) == [4]int{255, 255, 255, 255} {
			all++
		}
	})
	if all == 0 {
		t.Error("crop mark: no pixel on all four plates")
	}
	// Nothing uses cyan inside the bleed: only the marks are on that plate.
	area(12, 12, 118, 78, func(x, y int) {
		if v := p.ink(x, y); v[0] != 0 {
			t.Fatalf("cyan at %d,%d inside the bleed: %v", x, y, v)
		}
	})
}

// TestConvertInkCoverage checks with Ghostscript's ink_cov device, which
// measures the ink of each plate over the page, that the cyan plate
// carries next to nothing (the marks), where the default RGB to CMYK
// conversion of the same page puts cyan into every colour.
func TestConvertInkCoverage(t *testing.T) {
	cov := func(file string) []float64 {
		out, err := exec.Command("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=ink_cov", "-o", "-", file).Output()
		if err != nil {
			t.Fatalf("gs ink_cov: %v", err)
		}
		f := strings.Fields(string(out))
		if len(f) < 4 {
			t.Fatalf("gs ink_cov: %q", out)
		}
		v := make([]float64, 4)
		for i := range v {
			v[i], _ = strconv.ParseFloat(f[i], 64)
		}
		return v
	}
	got := cov(writeTemp(t, "a.pdf", convert(t, "a")))
	rgb := cov(writeTemp(t, "in.pdf", pressPDF(t)))
	t.Logf("ink coverage C M Y K: press file %v, RGB input through Ghostscript's default profile %v", got, rgb)
	if got[0] > 1 || rgb[0] < 5 {
		t.Errorf("cyan coverage %.2f %% (press file), %.2f %% (RGB input): want under 1 %% (marks only) and over 5 %%", got[0], rgb[0])
	}
}
