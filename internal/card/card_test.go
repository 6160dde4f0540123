package card

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"loa/internal/vnbreak"
)

// eachSample draws every sample card in every format.
func eachSample(t *testing.T, fn func(t *testing.T, name string, c Card, f Format, pic *Picture)) {
	p := painter(t)
	for name, c := range samples {
		for _, f := range Formats {
			pic, err := p.Draw(f, c)
			if err != nil {
				t.Fatalf("%s %s: %v", name, f, err)
			}
			fn(t, name, c, f, pic)
		}
	}
}

// TestSafeMargin checks that nothing but the backgrounds is drawn in the
// margin: there, every pixel is the colour of its row's edge, a band of
// background that runs from edge to edge; and that every line's ink lies
// inside the safe rectangle.
func TestSafeMargin(t *testing.T) {
	eachSample(t, func(t *testing.T, name string, c Card, f Format, pic *Picture) {
		img, safe := pic.Image, f.Safe()
		b := img.Bounds()
		bad := 0
		for y := b.Min.Y; y < b.Max.Y; y++ {
			edge := img.ColorIndexAt(0, y)
			if img.ColorIndexAt(b.Max.X-1, y) != edge {
				t.Errorf("%s %s: row %d has two edge colours", name, f, y)
			}
			for x := b.Min.X; x < b.Max.X; x++ {
				if image.Pt(x, y).In(safe) {
					continue
				}
				if img.ColorIndexAt(x, y) != edge {
					bad++
					if bad < 4 {
						t.Errorf("%s %s: pixel (%d, %d) in the margin is drawn", name, f, x, y)
					}
				}
			}
		}
		for _, l := range pic.Lines {
			if !l.Ink.In(safe) {
				t.Errorf("%s %s: the ink of %s %q, %v, leaves the safe area %v", name, f, l.Part, l.Text, l.Ink, safe)
			}
		}
	})
}

// TestMarksNotClipped checks that stacked marks and descenders are drawn
// whole: each line's ink lies within the bounds of its glyphs' outlines
// (what the layout reserved), and the ink of a title's lines never meets
// the ink of the next; the lines are at least LineHeight apart.
func TestMarksNotClipped(t *testing.T) {
	eachSample(t, func(t *testing.T, name string, c Card, f Format, pic *Picture) {
		var prev *Line
		for i := range pic.Lines {
			l := &pic.Lines[i]
			if !l.Ink.In(l.Box.Inset(-1)) {
				t.Errorf("%s %s: the ink of %q, %v, leaves its glyphs' bounds %v", name, f, l.Text, l.Ink, l.Box)
			}
			if l.Part != "title" {
				continue
			}
			if prev != nil {
				if l.Ink.Min.Y <= prev.Ink.Max.Y {
					t.Errorf("%s %s: %q touches the line above, %q", name, f, l.Text, prev.Text)
				}
				if pitch := float64(l.Baseline - prev.Baseline); pitch < LineHeight*l.Size-1 {
					t.Errorf("%s %s: %q is %.0f px under the line above, less than %.2f em", name, f, l.Text, pitch, LineHeight)
				}
			}
			prev = l
		}
	})
}

// TestTitleBreaksBetweenWords checks that the title's lines, joined, are
// the title, and that each line ends at a gap where vnbreak allows a
// break: never inside a word.
func TestTitleBreaksBetweenWords(t *testing.T) {
	eachSample(t, func(t *testing.T, name string, c Card, f Format, pic *Picture) {
		title := c.Title
		if c.Banner {
			title = strings.ToUpper(title)
		}
		tx := vnbreak.Analyze(title)
		var lines []string
		for _, l := range pic.Lines {
			if l.Part == "title" {
				lines = append(lines, l.Text)
			}
		}
		if got := strings.Join(lines, " "); got != strings.Join(tx.Parts, " ") {
			t.Fatalf("%s %s: title lines %q, want the whole title", name, f, lines)
		}
		part := 0
		for _, l := range lines[:len(lines)-1] {
			part += len(strings.Fields(l))
			if tx.Costs[part-1] >= vnbreak.Keep {
				t.Errorf("%s %s: the line %q ends inside a word (%s | %s)", name, f, l, tx.Parts[part-1], tx.Parts[part])
			}
		}
	})
}

// TestPNG checks the files: PNG, paletted, the format's size, at most
// 150 KB, and the same bytes for the same card, from this painter and from
// another.
func TestPNG(t *testing.T) {
	p, q := painter(t), painter(t)
	for name, c := range samples {
		for _, f := range Formats {
			a, err := p.Render(f, c)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := p.Render(f, c)
			other, _ := q.Render(f, c)
			if !bytes.Equal(a, b) || !bytes.Equal(a, other) {
				t.Errorf("%s %s: two renderings differ", name, f)
			}
			if len(a) > 150<<10 {
				t.Errorf("%s %s: %d bytes, more than 150 KB", name, f, len(a))
			}
			img, err := png.Decode(bytes.NewReader(a))
			if err != nil {
				t.Fatalf("%s %s: %v", name, f, err)
			}
			w, h := f.Size()
			if _, ok := img.(*image.Paletted); !ok || img.Bounds() != image.Rect(0, 0, w, h) {
				t.Errorf("%s %s: %T of %v, want paletted %d × %d", name, f, img, img.Bounds(), w, h)
			}
		}
	}
}

// TestKey checks that the key changes with every field a card shows, and
// only with them.
func TestKey(t *testing.T) {
	p := painter(t)
	base := samples["goal"]
	k := p.Key(Wide, base)
	if p.Key(Wide, base) != k || painter(t).Key(Wide, base) != k {
		t.Fatal("the key of one card differs")
	}
	if p.Key(Square, base) == k {
		t.Error("the key does not change with the format")
	}
	change := []func(*Card){
		func(c *Card) { c.Brand += "x" }, func(c *Card) { c.Kind += "x" }, func(c *Card) { c.Title += "x" },
		func(c *Card) { c.Figures = c.Figures[:1] }, func(c *Card) { c.Figures = append([]Figure{{"1", "2"}}, c.Figures[1:]...) },
		func(c *Card) { c.Draft = true }, func(c *Card) { c.Banner = true }, func(c *Card) { c.Issuer += "x" },
		func(c *Card) { c.Address += "x" },
		func(c *Card) { c.Title, c.Kind = c.Kind, c.Title }, // the same strings in other fields
	}
	seen := map[string]int{k: -1}
	for i, fn := range change {
		c := base
		c.Figures = append([]Figure(nil), base.Figures...)
		fn(&c)
		key := p.Key(Wide, c)
		if j, ok := seen[key]; ok {
			t.Errorf("change %d gives the key of %d", i, j)
		}
		seen[key] = i
	}
	fonts, pal := loadFonts(t)
	pal.Red.R++
	other, _ := NewPainter(fonts, pal)
	if other.Key(Wide, base) == k {
		t.Error("the key does not change with the palette")
	}
}

func TestParsePalette(t *testing.T) {
	_, pal := loadFonts(t)
	want := map[string]color.RGBA{ // static/css/tokens.css
		"red": {0xa5, 0x0e, 0x0e, 255}, "yellow": {0xff, 0xd5, 0x4a, 255}, "ink": {0x1b, 0x1b, 0x1b, 255},
		"paper": {0xff, 0xff, 0xff, 255}, "muted": {0x54, 0x54, 0x54, 255}, "red-dark": {0x7a, 0x0a, 0x0a, 255},
	}
	got := map[string]color.RGBA{"red": pal.Red, "yellow": pal.Yellow, "ink": pal.Ink, "paper": pal.Paper, "muted": pal.Muted, "red-dark": pal.RedDark}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("--%s = %v, want %v", k, got[k], v)
		}
	}
	if problems := pal.Check(); len(problems) > 0 {
		t.Errorf("the site's palette fails AA: %v", problems)
	}
	css := ":root { /* --red: #000; */ --red: #a00; --red-dark:#700000; --yellow: #ff0; --ink: #111; --muted: #555;\n --paper: #fff; --line: #ddd; --red: #b00 }"
	p, err := ParsePalette([]byte(css))
	if err != nil || p.Red != (color.RGBA{0xbb, 0, 0, 255}) || p.RedDark != (color.RGBA{0x70, 0, 0, 255}) {
		t.Errorf("ParsePalette = %v, %v", p, err)
	}
	for _, bad := range []string{"--red: #a00;", strings.Replace(css, "#ff0", "yellow", 1), strings.Replace(css, "#ddd", "#dddd", 1)} {
		if _, err := ParsePalette([]byte(bad)); err == nil {
			t.Errorf("ParsePalette(%q) gave no error", bad)
		}
	}
	low := p
	low.Yellow = color.RGBA{0xc0, 0x40, 0x40, 255}
	if len(low.Check()) == 0 {
		t.Error("Check passes a yellow that is not readable on red")
	}
}

func TestContrast(t *testing.T) {
	black, white := color.RGBA{0, 0, 0, 255}, color.RGBA{255, 255, 255, 255}
	for _, tc := range []struct {
		a, b color.RGBA
		want float64
	}{
		{black, white, 21}, {white, white, 1},
		{color.RGBA{0x76, 0x76, 0x76, 255}, white, 4.54}, // the grey WCAG's examples put at AA
	} {
		if got := Contrast(tc.a, tc.b); got < tc.want-0.005 || got > tc.want+0.005 {
			t.Errorf("Contrast(%v, %v) = %.3f, want %.2f", tc.a, tc.b, got, tc.want)
		}
	}
}

func FuzzParsePalette(f *testing.F) {
	f.Add([]byte(":root{--red:#a50e0e;--paper:#fff}"))
	f.Add([]byte("/* x */ --red: #abc; /* unterminated"))
	f.Fuzz(func(t *testing.T, css []byte) {
		p, err := ParsePalette(css)
		if err == nil && p.Red.A != 255 {
			t.Fatal("a colour without opacity")
		}
	})
}
