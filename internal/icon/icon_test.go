package icon

import (
	"bytes"
	"encoding/xml"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
)

var (
	red    = color.NRGBA{0xa5, 0x0e, 0x0e, 0xff}
	yellow = color.NRGBA{0xff, 0xd5, 0x4a, 0xff}
)

func bold(t *testing.T) *sfnt.Font {
	t.Helper()
	data, err := os.ReadFile("../../static/fonts/NotoSans-Bold.ttf")
	if err != nil {
		t.Fatal(err)
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestParseColor(t *testing.T) {
	for in, want := range map[string]color.NRGBA{"#a50e0e": red, "#FFD54A": yellow, " #fff ": {255, 255, 255, 255}} {
		if got, err := ParseColor(in); err != nil || got != want {
			t.Errorf("ParseColor(%q) = %v, %v", in, got, err)
		}
	}
	for _, bad := range []string{"red", "#12345", "#gggggg", "", "#1234567"} {
		if _, err := ParseColor(bad); err == nil {
			t.Errorf("ParseColor(%q) succeeded", bad)
		}
	}
}

// TestSVGLayout checks the rule of the design on the outlines: the
// initials' control points are centred on the square, and fill the box of
// 46 × 28 units in one direction.
func TestSVGLayout(t *testing.T) {
	for _, initials := range []string{"57", "ĐP", "NQ57", "A"} {
		svg, err := Badge{Initials: initials, Back: red, Fore: yellow, Font: bold(t)}.SVG()
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			ViewBox string `xml:"viewBox,attr"`
			Rect    struct {
				Fill string `xml:"fill,attr"`
			} `xml:"rect"`
			Path struct {
				Fill string `xml:"fill,attr"`
				D    string `xml:"d,attr"`
			} `xml:"path"`
		}
		if err := xml.Unmarshal(svg, &doc); err != nil {
			t.Fatalf("%s: %v", initials, err)
		}
		if doc.ViewBox != "0 0 64 64" || doc.Rect.Fill != "#a50e0e" || doc.Path.Fill != "#ffd54a" {
			t.Errorf("%s: %+v", initials, doc)
		}
		nums := regexp.MustCompile(`-?[0-9.]+`).FindAllString(doc.Path.D, -1)
		minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for i := 0; i+1 < len(nums); i += 2 {
			x, _ := strconv.ParseFloat(nums[i], 64)
			y, _ := strconv.ParseFloat(nums[i+1], 64)
			minX, maxX, minY, maxY = math.Min(minX, x), math.Max(maxX, x), math.Min(minY, y), math.Max(maxY, y)
		}
		const eps = 0.011 // the path's numbers have two decimals
		if cx, cy := (minX+maxX)/2, (minY+maxY)/2; math.Abs(cx-32) > eps || math.Abs(cy-32) > eps {
			t.Errorf("%s: centred at %.3f, %.3f", initials, cx, cy)
		}
		if fill := math.Max((maxX-minX)/46, (maxY-minY)/28); math.Abs(fill-1) > eps/28 {
			t.Errorf("%s: fills %.4f of its box", initials, fill)
		}
	}
}

// TestPNG checks the drawn pixels: transparent corners, the square's
// colour, and the letters' ink centred, as large as the box allows.
func TestPNG(t *testing.T) {
	const size = 180
	data, err := Badge{Initials: "57", Back: red, Fore: yellow, Font: bold(t)}.PNG(size)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	at := func(x, y int) color.NRGBA { return color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA) }
	if c := at(0, 0); c.A != 0 {
		t.Errorf("corner is %v, want transparent", c)
	}
	if c := at(size/2, 3); c != red {
		t.Errorf("top edge is %v, want %v", c, red)
	}
	minX, minY, maxX, maxY := size, size, -1, -1
	for y := range size {
		for x := range size {
			if c := at(x, y); c.A == 255 && c.R == 255 && c.G >= 0xd0 { // yellow, or nearly on an edge
				minX, minY, maxX, maxY = min(minX, x), min(minY, y), max(maxX, x), max(maxY, y)
			}
		}
	}
	w, h := float64(maxX-minX+1), float64(maxY-minY+1)
	if left, right := minX, size-1-maxX; abs(left-right) > 1 {
		t.Errorf("ink from x %d to %d: margins %d and %d", minX, maxX, left, right)
	}
	if top, bottom := minY, size-1-maxY; abs(top-bottom) > 1 {
		t.Errorf("ink from y %d to %d: margins %d and %d", minY, maxY, top, bottom)
	}
	wantW, wantH := 46.0*size/64, 28.0*size/64
	if math.Max(w/wantW, h/wantH) < 1-2/wantH || w > wantW+1 || h > wantH+1 {
		t.Errorf("ink is %g × %g px, want %g wide or %g high at most, one of them reached", w, h, wantW, wantH)
	}
}

func abs(n int) int { return max(n, -n) }

// TestICO checks favicon.ico with file(1), which knows the format.
func TestICO(t *testing.T) {
	b := Badge{Initials: "57", Back: red, Fore: yellow, Font: bold(t)}
	var pngs [][]byte
	for _, s := range []int{16, 32, 48} {
		p, err := b.PNG(s)
		if err != nil {
			t.Fatal(err)
		}
		pngs = append(pngs, p)
	}
	ico, err := ICO(pngs...)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ICO(mustPNG(t, b, 300)); err == nil {
		t.Error("ICO took a 300 px image")
	}
	file, err := exec.LookPath("file")
	if err != nil {
		if os.Getenv("LOA_REQUIRE_CHROMIUM") == "1" {
			t.Fatal("file(1) is needed: apt-get install file")
		}
		t.Skip("file(1) is not installed")
	}
	p := filepath.Join(t.TempDir(), "favicon.ico")
	os.WriteFile(p, ico, 0o644)
	out, err := exec.Command(file, "-b", p).Output()
	if err != nil {
		t.Fatal(err)
	}
	got := strings.TrimSpace(string(out))
	if !strings.HasPrefix(got, "MS Windows icon resource - 3 icons, 16x16 with PNG image data, 16 x 16") ||
		!strings.Contains(got, "PNG image data, 32 x 32") {
		t.Errorf("file says %q", got)
	}
}

func mustPNG(t *testing.T, b Badge, size int) []byte {
	p, err := b.PNG(size)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestMissingGlyph(t *testing.T) {
	if _, err := (Badge{Initials: "中", Back: red, Fore: yellow, Font: bold(t)}).SVG(); err == nil || !strings.Contains(err.Error(), `the font has no '中'`) {
		t.Errorf("err = %v", err)
	}
}
