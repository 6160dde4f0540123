package card

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"loa/internal/vntext"
)

// ocr reads lines of the picture with Tesseract's Vietnamese model. The
// rectangles of the lines are cut out, each as dark text on light (in
// shades of grey, turned negative where its background is dark: a
// slogan's card, the DỰ THẢO mark), and stacked one under the other, so
// that Tesseract reads one plain column. It skips the test when Tesseract
// or its Vietnamese model is missing, and fails instead when
// LOA_REQUIRE_CHROMIUM=1 (CI, which installs it).
func ocr(t *testing.T, pic *Picture, lines []Line) string {
	t.Helper()
	if _, err := exec.LookPath("tesseract"); err != nil {
		missing(t, "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)")
	}
	out, err := exec.Command("tesseract", "--list-langs").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "\nvie") {
		missing(t, "tesseract has no Vietnamese model (apt-get install tesseract-ocr-vie)")
	}
	if len(lines) == 0 {
		return ""
	}
	const pad = 12
	w, h := 0, pad
	for _, l := range lines {
		w = max(w, l.Box.Dx()+2*pad)
		h += l.Box.Dy() + 2*pad
	}
	col := image.NewGray(image.Rect(0, 0, w, h))
	for i := range col.Pix {
		col.Pix[i] = 255
	}
	y := pad
	for _, l := range lines {
		r := l.Box.Inset(-pad / 2).Intersect(pic.Image.Rect)
		bg := luminance(rgba(pic.Image.At(r.Min.X, r.Min.Y)))
		for py := r.Min.Y; py < r.Max.Y; py++ {
			for px := r.Min.X; px < r.Max.X; px++ {
				v := luminance(rgba(pic.Image.At(px, py)))
				if bg < 0.5 {
					v = 1 - v
				}
				col.SetGray(pad+px-r.Min.X, y+py-r.Min.Y, color.Gray{Y: uint8(v*255 + 0.5)})
			}
		}
		y += r.Dy() + pad
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, col); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "lines.png")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("tesseract", file, "-", "-l", "vie", "--psm", "6").Output()
	if err != nil {
		t.Fatalf("tesseract: %v", err)
	}
	return vntext.NFCString(string(text))
}

func missing(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("LOA_REQUIRE_CHROMIUM") == "1" {
		t.Fatal(why)
	}
	t.Skip(why)
}

func rgba(c color.Color) color.RGBA {
	r, g, b, a := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

// words returns the words of s, lower-case, without punctuation.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

// TestOCR reads every sample card back with Tesseract and checks that
// the words of the title are read, in order: every word with its letters
// (tone marks aside, which Tesseract confuses now and then: "chuyển" read
// "chuyền"), and at least 95 % of them exactly; and that a draft's card
// reads DỰ THẢO.
func TestOCR(t *testing.T) {
	p := painter(t)
	total, exact := 0, 0
	for name, c := range samples {
		if name == "stacked" {
			continue // letters, not words: Tesseract reads them as it likes
		}
		for _, f := range Formats {
			pic, err := p.Draw(f, c)
			if err != nil {
				t.Fatal(err)
			}
			got := ocr(t, pic, parts(pic, "title"))
			read := words(got)
			at := 0
			for _, w := range words(c.Title) {
				total++
				i := index(read[at:], w, toneless)
				if i < 0 {
					t.Errorf("%s %s: the word %q of the title is not read back; Tesseract read:\n%s", name, f, w, got)
					break
				}
				if read[at+i] == w {
					exact++
				} else {
					t.Logf("%s %s: %q read as %q", name, f, w, read[at+i])
				}
				at += i + 1
			}
			// The mark is read on its own: Tesseract takes a short line
			// among big ones for noise.
			if got := ocr(t, pic, parts(pic, "draft")); c.Draft && !strings.Contains(got, DraftMark) {
				t.Errorf("%s %s: %q is not read back; Tesseract read:\n%s", name, f, DraftMark, got)
			}
		}
	}
	if float64(exact) < 0.95*float64(total) {
		t.Errorf("%d of %d words read exactly, fewer than 95 %%", exact, total)
	}
	t.Logf("%d of %d words read exactly", exact, total)
}

// toneless returns a word without its tone marks (acute, grave, hook,
// tilde, dot below), keeping the letters' own marks (ă â ê ô ơ ư đ).
func toneless(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		switch r {
		case '\u0301', '\u0300', '\u0309', '\u0303', '\u0323':
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// parts returns the lines of a part of the picture.
func parts(pic *Picture, part string) []Line {
	var out []Line
	for _, l := range pic.Lines {
		if l.Part == part {
			out = append(out, l)
		}
	}
	return out
}

// index returns where w is in list, comparing words by key.
func index(list []string, w string, key func(string) string) int {
	for i, v := range list {
		if key(v) == key(w) {
			return i
		}
	}
	return -1
}
