package share_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"loa"
	"loa/internal/card"
	"loa/internal/config"
	"loa/internal/meta"
	"loa/internal/paths"
	"loa/internal/share"
	"loa/internal/view"
)

// TestSameBytes builds the campaign site twice from nothing, without a
// cache, and checks that every file, cards included, is byte for byte the
// same, and the same as a build whose cards came from the cache.
func TestSameBytes(t *testing.T) {
	if testing.Short() {
		t.Skip("draws every card twice")
	}
	a := build(t, loa.DefaultSite(), nil)
	b := build(t, loa.DefaultSite(), nil)
	c := campaignSite(t)
	for _, other := range []*built{b, c} {
		if !slices.Equal(slices.Sorted(maps.Keys(a.files)), slices.Sorted(maps.Keys(other.files))) {
			t.Fatal("two builds made different files")
		}
		for f, data := range a.files {
			if !bytes.Equal(data, other.files[f]) {
				t.Errorf("%s differs between two builds", f)
			}
		}
	}
}

// painter is the painter of the campaign site's fonts and tokens.
func painter(t *testing.T) *card.Painter {
	t.Helper()
	read := func(p string) []byte {
		data, err := os.ReadFile(filepath.Join("..", "..", p))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	bold, err1 := card.ParseFont(read(share.BoldFont))
	regular, err2 := card.ParseFont(read(share.RegularFont))
	pal, err3 := card.ParsePalette(read(share.Tokens))
	pt, err4 := card.NewPainter(card.Fonts{Bold: bold, Regular: regular}, pal)
	for _, err := range []error{err1, err2, err3, err4} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return pt
}

// TestDraftCards reads the DỰ THẢO mark back from the card of every draft
// slogan of the campaign site with Tesseract's Vietnamese model: the cards
// in the output are the ones meta describes, the mark is where the drawing
// put it, and says DỰ THẢO. Official slogans' cards have no mark.
func TestDraftCards(t *testing.T) {
	b := campaignSite(t)
	pt := painter(t)
	v := view.New(b.e.Site(), &view.Recorder{})
	drafts := 0
	for _, p := range b.e.Site().Items(config.KindSlogan) {
		vp := v.Page(p)
		c := meta.Of(v, vp, p.URL).Card()
		if c.Draft != !p.Official() {
			t.Errorf("%s: card draft %v, slogan official %v", p.Path, c.Draft, p.Official())
		}
		if !c.Draft {
			continue
		}
		drafts++
		pic, err := pt.Draw(card.Wide, c)
		if err != nil {
			t.Fatal(err)
		}
		file := b.files[paths.Card(p.URL)]
		if want, _ := pt.Render(card.Wide, c); !bytes.Equal(file, want) {
			t.Fatalf("%s: the card in the output is not the card meta describes", p.Path)
		}
		img, err := png.Decode(bytes.NewReader(file))
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range pic.Lines {
			if l.Part != "draft" {
				continue
			}
			if got := readLine(t, img, l.Box.Inset(-6)); !strings.Contains(got, card.DraftMark) {
				t.Errorf("%s: the mark reads %q", p.Path, got)
			}
		}
		if drafts >= 3 {
			break // a few are enough: each costs a Tesseract
		}
	}
	if drafts == 0 {
		t.Fatal("no draft slogan in the campaign site")
	}
}

// readLine reads one line of text of img, in r, with Tesseract: in shades
// of grey, negative where the background is darker than the text.
func readLine(t *testing.T, img image.Image, r image.Rectangle) string {
	t.Helper()
	if _, err := exec.LookPath("tesseract"); err != nil {
		if os.Getenv("LOA_REQUIRE_CHROMIUM") == "1" {
			t.Fatal("tesseract is not installed")
		}
		t.Skip("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)")
	}
	gray := image.NewGray(image.Rect(0, 0, r.Dx()+40, r.Dy()+40))
	lum := func(c color.Color) uint8 { return color.GrayModel.Convert(c).(color.Gray).Y }
	invert := lum(img.At(r.Min.X, r.Min.Y)) < 128
	for i := range gray.Pix {
		gray.Pix[i] = 255
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			g := lum(img.At(x, y))
			if invert {
				g = 255 - g
			}
			gray.SetGray(x-r.Min.X+20, y-r.Min.Y+20, color.Gray{Y: g})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, gray); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "line.png")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("tesseract", file, "-", "-l", "vie", "--psm", "7").Output()
	if err != nil {
		t.Skipf("tesseract -l vie: %v (apt-get install tesseract-ocr-vie)", err)
	}
	return strings.TrimSpace(string(out))
}

// TestCardMargins checks every card of the campaign site as the card
// package checks its samples: in the margin, each pixel is its row's edge
// colour, a background running from edge to edge, so that no text comes
// near an edge that a preview may crop.
func TestCardMargins(t *testing.T) {
	b := campaignSite(t)
	for file, data := range b.files {
		if !strings.HasSuffix(file, "/chia-se.png") && !strings.HasSuffix(file, "/chia-se-vuong.png") && file != "chia-se.png" && file != "chia-se-vuong.png" {
			continue // not a card: the icons
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		f := card.Wide
		if img.Bounds().Dx() == img.Bounds().Dy() {
			f = card.Square
		}
		p, ok := img.(*image.Paletted)
		if !ok {
			t.Fatalf("%s: not paletted", file)
		}
		safe, r := f.Safe(), p.Bounds()
		for y := r.Min.Y; y < r.Max.Y; y++ {
			edge := p.ColorIndexAt(0, y)
			for x := r.Min.X; x < r.Max.X; x++ {
				if !image.Pt(x, y).In(safe) && p.ColorIndexAt(x, y) != edge {
					t.Errorf("%s: pixel (%d, %d) in the margin is drawn", file, x, y)
					y, x = r.Max.Y, r.Max.X // one is enough
				}
			}
		}
	}
}
