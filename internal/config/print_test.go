package config

import (
	"strings"
	"testing"

	"loa/internal/pdfx"
)

// TestPrintErrors checks that each mistake in [print] is reported once,
// at the line of config.toml that makes it.
func TestPrintErrors(t *testing.T) {
	leaflet := "[[print.product]]\nname = \"to-gap\"\nlayout = \"leaflet\"\ntrim_mm = [297, 210]\npages = 2\n"
	tests := []struct {
		name, src string
		want      []string // "file:line:col: message" prefixes, sorted
	}{
		{"panels do not add up", leaflet + "panels_mm = [100, 100, 100]\n",
			[]string{`config.toml:6:1: print.product "to-gap": panels_mm adds up to 300 mm, but the trim is 297 mm wide`}},
		{"panels fit", leaflet + "panels_mm = [97, 100, 100]\n", nil},
		{"four panels", leaflet + "panels_mm = [70, 77, 75, 75]\n",
			[]string{`config.toml:6:1: print.product "to-gap": loa folds two panels (fold = "half") or three (fold = "roll"); panels_mm lists 4`}},
		{"unknown fold", leaflet + "panels_mm = [97, 100, 100]\nfold = \"gate\"\n",
			[]string{`config.toml:7:1: print.product "to-gap": fold must be "roll" (three panels) or "half" (two), not "gate"`}},
		{"one side", "[[print.product]]\nname = \"gap\"\nlayout = \"leaflet\"\ntrim_mm = [297, 210]\npanels_mm = [97, 100, 100]\n",
			[]string{`config.toml:1:1: print.product "gap": a folded product has two sides (outside, inside): pages = 2`}},
		{"safe zone larger than the trim", "[[print.product]]\nname = \"the\"\nlayout = \"poster\"\ntrim_mm = [90, 50]\nsafe_mm = 30\n",
			[]string{`config.toml:5:1: print.product "the": a safe zone of 30 mm on each side leaves no room inside a 90 × 50 mm trim`}},
		{"safe zone of a panel", leaflet + "panels_mm = [97, 100, 100]\nsafe_mm = 50\n",
			[]string{`config.toml:6:1: print.product "to-gap": a panel of 97 mm leaves no room inside safe zones of 50 mm by its folds`}},
		{"two products, one name", "[[print.product]]\nname = \"co\"\nlayout = \"banner\"\ntrim_mm = [800, 2500]\n[[print.product]]\nname = \"co\"\nlayout = \"panel\"\ntrim_mm = [800, 2500]\n",
			[]string{`config.toml:6:1: print.product "co" is defined twice`}},
		{"bleed too large", "[[print.product]]\nname = \"b\"\nlayout = \"banner\"\ntrim_mm = [5000, 800]\nbleed_mm = 500\n",
			[]string{`config.toml:5:1: print.product "b": bleed_mm must be between 0 and 25 mm, not 500`}},
		// A negative default bleed is one mistake, at its own line, not
		// one per product that inherits it.
		{"negative print bleed", "[print]\nbleed_mm = -3\n",
			[]string{`config.toml:2:1: print.bleed_mm must be between 0 and 25 mm, not -3`}},
		{"hem over the safe zone", "[[print.product]]\nname = \"b\"\nlayout = \"banner\"\ntrim_mm = [5000, 800]\nsafe_mm = 30\n",
			[]string{`config.toml:5:1: print.product "b": safe_mm (30 mm) is less than hem_mm (40 mm): text would be sewn into the hem`}},
		{"unknown condition", "[print]\noutput_condition = \"FOGRA99\"\n",
			[]string{`config.toml:2:1: print.output_condition: unknown output condition "FOGRA99"`}},
		{"Japan Color", "[print]\noutput_condition = \"Japan Color 2001 Coated\"\npdfx = \"PDF/X-1a:2001\"\n", nil},
		{"unknown standard", "[print]\npdfx = \"PDF/X-4\"\n",
			[]string{`config.toml:2:1: print.pdfx: unknown PDF/X standard "PDF/X-4"`}},
		{"bad colour", "[print.colors]\nred = {rgb = \"a50e0e0\", cmyk = [0, 100, 100, 10]}\n",
			[]string{`config.toml:2:8: print.colors.red: rgb must be a colour #rrggbb, not "a50e0e0"`}},
		{"grey in four inks", "[print.colors]\nink = {rgb = \"#1b1b1b\", cmyk = [70, 67, 66, 78]}\n",
			[]string{`config.toml:2:25: print.colors.ink: #1b1b1b is a grey, which prints in black ink only: cmyk = [0, 0, 0, K]`}},
		{"too much ink", "[print]\nmax_ink = 280\n[print.colors]\nred-dark = {rgb = \"#7a0a0a\", cmyk = [0, 100, 100, 90]}\n",
			[]string{`config.toml:4:30: print.colors.red-dark: 290 % of ink is more than print.max_ink (280 %)`}},
		{"two inks for one colour", "[print.colors]\nbrand = {rgb = \"#a50e0e\", cmyk = [0, 95, 100, 10]}\n",
			[]string{`config.toml:2:10: print.colors.brand has the colour #a50e0e of print.colors.red`}},
		{"cmyk of three", "[print.colors]\nteal = {rgb = \"#008080\", cmyk = [100, 0, 0]}\n",
			[]string{`config.toml:2:26: print.colors.teal: cmyk must be [cyan, magenta, yellow, black] in per cent`}},
		{"no registration colour", "[print.colors]\nregistration = {rgb = \"#000002\", cmyk = [0, 0, 0, 100]}\n",
			[]string{`config.toml:1:1: [print.colors] has no colour with registration = true`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ds := Parse([]byte(tt.src), Overrides{Preview: true})
			var got []string
			for _, d := range ds.Sort() {
				got = append(got, d.String())
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d diagnostics:\n%s\nwant %d", len(got), strings.Join(got, "\n"), len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("got  %q\nwant %q", got[i], w)
				}
			}
		})
	}
}

func TestPrintDefaults(t *testing.T) {
	c, ds := Parse([]byte("base_url = \"https://a.vn/\"\n[[print.product]]\nname = \"co-phuon\"\nlayout = \"banner\"\ntrim_mm = [800, 2500]\n[[print.product]]\nname = \"gap-doi\"\nlayout = \"leaflet\"\ntrim_mm = [210, 148]\npages = 2\npanels_mm = [105, 105]\n"), Overrides{Preview: true})
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	flag, _ := c.Print.Product("co-phuon")
	if flag.HemMM != 40 || flag.EyeletMM != 500 || flag.Fold != "" {
		t.Errorf("banner finishing = hem %v, eyelets %v, fold %q", flag.HemMM, flag.EyeletMM, flag.Fold)
	}
	if half, _ := c.Print.Product("gap-doi"); half.Fold != FoldHalf || !half.Folded() {
		t.Errorf("two panels fold %q", half.Fold)
	}
	if a4, _ := c.Print.Product("to-gap-a4"); a4.Fold != FoldRoll || a4.HemMM != 0 {
		t.Errorf("leaflet = %+v", a4)
	}
	var names []string
	for _, p := range c.Print.WithLayout("banner") {
		names = append(names, p.Name)
	}
	if strings.Join(names, " ") != "bang-ron co-phuon" {
		t.Errorf("banners = %v", names)
	}
	if c.Print.OutputCondition != "FOGRA39" || c.Print.PDFX != "PDF/X-1a:2003" || c.Print.MaxInk != 300 || c.Print.FontFamily != "Noto Sans" {
		t.Errorf("press defaults = %q %q %v %q", c.Print.OutputCondition, c.Print.PDFX, c.Print.MaxInk, c.Print.FontFamily)
	}
	// A zero written in the file is kept, not replaced by a default.
	c, ds = Parse([]byte("base_url = \"https://a.vn/\"\n[[print.product]]\nname = \"bang-ron\"\nlayout = \"banner\"\ntrim_mm = [3000, 700]\nhem_mm = 0\neyelet_mm = 0\nbleed_mm = 0\n"), Overrides{Preview: true})
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	if b, _ := c.Print.Product("bang-ron"); b.HemMM != 0 || b.EyeletMM != 0 || b.BleedMM != 0 {
		t.Errorf("zeros replaced: %+v", b)
	}
}

// TestPalette checks that the colours of config.toml reach pdfx as they
// are written, over the defaults.
func TestPalette(t *testing.T) {
	c, ds := Parse([]byte("base_url = \"https://a.vn/\"\n[print.colors]\nred = {rgb = \"#b5121b\", cmyk = [0, 95, 90, 5]}\ngreen = {rgb = \"#00703c\", cmyk = [90, 0, 90, 20]}\n"), Overrides{Preview: true})
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	pal := c.Print.Palette()
	for hex, want := range map[string]pdfx.Ink{
		"#b5121b": {CMYK: pdfx.CMYK{0, 95, 90, 5}},
		"#00703c": {CMYK: pdfx.CMYK{90, 0, 90, 20}},
		"#ffd54a": {CMYK: pdfx.CMYK{0, 10, 100, 0}},
		"#1b1b1b": {CMYK: pdfx.CMYK{0, 0, 0, 100}, Overprint: true},
		"#000001": {Registration: true},
	} {
		rgb, _ := pdfx.ParseRGB(hex)
		if got, ok := pal[rgb]; !ok || got != want {
			t.Errorf("%s: %+v (%v), want %+v", hex, got, ok, want)
		}
	}
	if rgb, _ := pdfx.ParseRGB("#a50e0e"); pal[rgb] != (pdfx.Ink{}) {
		t.Errorf("the replaced red is still in the palette")
	}
	if c.Print.RegistrationRGB() != "#000001" {
		t.Errorf("registration = %s", c.Print.RegistrationRGB())
	}
}
