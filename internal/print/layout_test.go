package print_test

import (
	"encoding/json"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"loa"
	"loa/internal/config"
	"loa/internal/print"
)

func manifest(t *testing.T, out *memory) map[string]print.Entry {
	t.Helper()
	var entries []print.Entry
	if err := json.Unmarshal([]byte(out.files["in/manifest.json"]), &entries); err != nil {
		t.Fatal(err)
	}
	m := map[string]print.Entry{}
	for _, e := range entries {
		m[e.File] = e
	}
	return m
}

// TestPrinterInfo checks what the manifest and the slug lines tell a
// printer: colour and profile, version, sides and how the sheet turns,
// folds, finishing.
func TestPrinterInfo(t *testing.T) {
	files := map[string]string{
		"content/khau-hieu/a.md": "+++\ntitle = \"Đổi mới để vươn mình\"\nstatus = \"official\"\n+++\n",
	}
	out, rep := build(t, files)
	if rep.Failed() {
		t.Fatal(rep.Problems)
	}
	m := manifest(t, out)
	leaflet, banner := m["in/to-gap-a4/mac-dinh.html"], m["in/bang-ron/a.html"]
	if leaflet.Color != (print.Color{Mode: "CMYK", Standard: "PDF/X-1a:2003", Condition: "FOGRA39", Name: "Coated FOGRA39"}) {
		t.Errorf("colour %+v", leaflet.Color)
	}
	if leaflet.Fold != "roll" || len(leaflet.FoldsMM) != 2 || leaflet.FoldsMM[0] != 97 || leaflet.FoldsMM[1] != 197 || leaflet.SafeMM != 5 {
		t.Errorf("leaflet folds %q %v, safe %v", leaflet.Fold, leaflet.FoldsMM, leaflet.SafeMM)
	}
	if len(leaflet.Sides) != 2 || leaflet.Sides[0].Name != "outside" || leaflet.Sides[1].Name != "inside" || leaflet.Sides[1].Turn != print.Turn {
		t.Fatalf("sides %+v", leaflet.Sides)
	}
	if f := leaflet.Sides[1].FoldsMM; len(f) != 2 || f[0] != 100 || f[1] != 200 {
		t.Errorf("inside folds %v", f)
	}
	if p := leaflet.Sides[0].Panels[2]; p.Name != "front cover" || p.Part != 1 || p.XMM != 197 || p.WMM != 100 {
		t.Errorf("front cover %+v", p)
	}
	if len(leaflet.Finishing) != 1 || !strings.Contains(leaflet.Finishing[0], "Gấp cuốn") {
		t.Errorf("leaflet finishing %q", leaflet.Finishing)
	}
	if banner.HemMM != 40 || banner.EyeletMM != 500 || len(banner.Finishing) != 2 || banner.QR != "" {
		t.Errorf("banner hem %v, eyelets %v, finishing %q, QR %q", banner.HemMM, banner.EyeletMM, banner.Finishing, banner.QR)
	}
	if leaflet.QR != "https://thu.vn/" || leaflet.QRBase != "" {
		t.Errorf("QR %q (%q)", leaflet.QR, leaflet.QRBase)
	}
	if len(leaflet.Version) != 8 || leaflet.Version == banner.Version {
		t.Errorf("versions %q %q", leaflet.Version, banner.Version)
	}
	html := out.files[leaflet.File]
	for _, want := range []string{
		"in/to-gap-a4/mac-dinh.html · Tờ gấp A4 (gấp ba) · mặt 1/2: mặt ngoài · thành phẩm 297 × 210 mm · bù xén 3 mm · vùng an toàn 5 mm · tỉ lệ 1:1 · nếp gấp 97, 197 mm",
		"mặt 2/2: mặt trong",
		"nếp gấp 100, 200 mm",
		"CMYK FOGRA39 · PDF/X-1a:2003 · bản " + leaflet.Version + " · in hai mặt, lật trái sang phải, đầu trang cùng phía · ngày <tspan data-loa=\"made\">",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("slug line lacks %q", want)
		}
	}
	// The same site gives the same version; a changed slogan another.
	again, _ := build(t, files)
	if manifest(t, again)[leaflet.File].Version != leaflet.Version {
		t.Error("the version changed without a change")
	}
	files["content/khau-hieu/a.md"] = strings.Replace(files["content/khau-hieu/a.md"], "vươn mình", "phát triển", 1)
	changed, _ := build(t, files)
	if manifest(t, changed)[leaflet.File].Version == leaflet.Version {
		t.Error("the version did not change with the slogan")
	}
}

// TestQRBase checks what the manifest says of the address QR codes lead
// to, and that the printers' index warns of a placeholder.
func TestQRBase(t *testing.T) {
	for _, tt := range []struct{ config, want string }{
		{"", "unset"},
		{"base_url = \"http://localhost:1313/\"\n", "local"},
		{"base_url = \"https://nq57.example.vn/\"\n", "placeholder"},
		{"base_url = \"https://nq57.hungyen.gov.vn/\"\n", ""},
	} {
		out, _ := buildConfig(t, tt.config, nil)
		e := manifest(t, out)["in/to-roi-a5/mac-dinh.html"]
		if e.QRBase != tt.want {
			t.Errorf("%q: qr_base %q, want %q", tt.config, e.QRBase, tt.want)
		}
		if got := strings.Contains(out.files["in/index.html"], "địa chỉ giữ chỗ"); got != (tt.want == "placeholder") {
			t.Errorf("%q: the index warns of a placeholder: %v", tt.config, got)
		}
	}
}

var wordRE = regexp.MustCompile(`<text class="du-thao-word"`)
var bandRE = regexp.MustCompile(`<text class="du-thao-band"`)

// TestDraftOnEveryPanel checks that a draft leaflet carries the DỰ THẢO
// mark on each of its six panels, so that every face of it once folded
// (front cover, back cover, flap, inside) shows it whole, and a one-panel
// piece once on each side.
func TestDraftOnEveryPanel(t *testing.T) {
	out, rep := build(t, map[string]string{
		"content/khau-hieu/a.md": "+++\ntitle = \"Đổi mới để vươn mình\"\n+++\n",
	})
	if rep.Failed() {
		t.Fatal(rep.Problems)
	}
	for file, want := range map[string]int{"in/to-gap-a4/mac-dinh.html": 6, "in/to-roi-a5/mac-dinh.html": 2, "in/bang-ron/a.html": 1} {
		html := out.files[file]
		if n, b := len(wordRE.FindAllString(html, -1)), len(bandRE.FindAllString(html, -1)); n != want || b != want {
			t.Errorf("%s: %d marks and %d band lines, want %d", file, n, b, want)
		}
		for _, mark := range regexp.MustCompile(`(?s)<svg class="du-thao".*?</svg>`).FindAllString(html, -1) {
			for _, bad := range []string{"opacity", "stroke", "paint-order"} {
				if strings.Contains(mark, bad) {
					t.Errorf("%s: the mark uses %s, which PDF/X-1a can not carry", file, bad)
				}
			}
		}
		if m, sides := strings.Count(html, `data-loa="du-thao"`), strings.Count(html, `<section class="sheet `); m != sides {
			t.Errorf("%s: %d marks on %d sides", file, m, sides)
		}
	}
}

// TestEditorParts checks that an editor's leaflet is split on its own
// lines "---" (the README's example, with "---" right under text), and
// that a wrong number of parts is an error at the file's product key.
func TestEditorParts(t *testing.T) {
	six := "+++\ntitle = \"Tờ gấp\"\nproduct = \"to-gap-a4\"\n+++\n## Bìa\nMột[^1].\n---\n## Gấp vào\nHai.\n---\nBa.\n---\nBốn.\n---\nNăm.\n---\nSáu.\n\n[^1]: Chú thích.\n"
	out, rep := buildConfig(t, "base_url = \"https://thu.vn/\"\n", map[string]string{"content/in/to-gap.md": six})
	if rep.Failed() {
		t.Fatal(rep.Problems)
	}
	html := out.files["in/to-gap-a4/to-gap.html"]
	cover := html[strings.Index(html, `data-part="front cover"`):]
	cover = cover[:strings.Index(cover, "</div>\n")]
	if !strings.Contains(cover, "Bìa") || !strings.Contains(cover, "Chú thích.") || strings.Contains(cover, "Gấp vào") {
		t.Errorf("front cover:\n%s", cover)
	}
	if strings.Contains(html, "<hr>") {
		t.Error("a part break reached the page as <hr>")
	}
	for _, tt := range []struct{ product, body, want string }{
		{"to-gap-a4", "Chỉ một phần.\n", "content/in/x.md:3:1: a tri-fold leaflet has 6 parts; this file has 1"},
		{"to-roi-a5", "Một\n---\nHai\n---\nBa\n", "content/in/x.md:3:1: a two-sided flyer has 2 parts; this file has 3"},
		{"ap-phich-a3", "Một\n\n---\n\nHai\n", "content/in/x.md:3:1: a one-sided poster has 1 part; this file has 2"},
	} {
		_, rep := buildConfig(t, "base_url = \"https://thu.vn/\"\n", map[string]string{"content/in/x.md": "+++\ntitle = \"X\"\nproduct = \"" + tt.product + "\"\n+++\n" + tt.body})
		ds := rep.Problems.ErrorsOnly()
		if len(ds) != 1 || !strings.HasPrefix(ds[0].String(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.product, rep.Problems, tt.want)
		}
	}
}

// TestGlyphsOfLayouts checks that a character the font lacks, written by
// a print layout or in config.toml, is an error where it is written.
func TestGlyphsOfLayouts(t *testing.T) {
	layout, err := fs.ReadFile(loa.DefaultSite(), "layouts/print/flyer.html")
	if err != nil {
		t.Fatal(err)
	}
	own := strings.Replace(string(layout), "{{define \"side\"}}", "{{define \"side\"}}<p>★</p>", 1)
	_, rep := buildConfig(t, "base_url = \"https://thu.vn/\"\n[print]\nimprint = \"Xưởng in ☎ Hưng Yên\"\n", map[string]string{"layouts/print/flyer.html": own})
	got := rep.Problems.ErrorsOnly()
	var msgs []string
	for _, d := range got {
		msgs = append(msgs, d.String())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		"layouts/print/flyer.html:5:21: the site's font has no character '★' (U+2605)",
		"config.toml:3:21: the site's font has no character '☎' (U+260E)",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in\n%s", want, all)
		}
	}
}

// TestOneSetOfTokens checks that print uses the design tokens only, and
// that each has its CMYK: tokens.css and config's default palette agree
// on every colour, and the print style sheet and layouts write no colour
// of their own.
func TestOneSetOfTokens(t *testing.T) {
	site := loa.DefaultSite()
	tokens, err := fs.ReadFile(site, "static/css/tokens.css")
	if err != nil {
		t.Fatal(err)
	}
	defined := map[string]string{}
	for _, m := range regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-f]{6})`).FindAllStringSubmatch(string(tokens), -1) {
		defined[m[1]] = m[2]
	}
	palette := config.DefaultColors()
	for name, c := range palette {
		if name == config.Registration {
			continue
		}
		if defined[name] != c.RGB {
			t.Errorf("print.colors.%s is %s, tokens.css --%s is %q", name, c.RGB, name, defined[name])
		}
	}
	files := []string{"static/css/print.css"}
	matches, _ := fs.Glob(site, "layouts/print/*.html")
	partials, _ := fs.Glob(site, "layouts/print/partials/*.html")
	files = append(files, matches...)
	files = append(files, partials...)
	hexRE := regexp.MustCompile(`#[0-9a-fA-F]{3,6}\b|rgba?\(|hsla?\(|opacity|gradient`)
	varRE := regexp.MustCompile(`var\(--([a-z-]+)\)`)
	commentRE := regexp.MustCompile(`(?s)/\*.*?\*/`)
	for _, f := range files {
		if f == "layouts/print/index.html" {
			continue // the printers' index is a web page, never printed to a press file
		}
		data, _ := fs.ReadFile(site, f)
		data = commentRE.ReplaceAll(data, nil)
		for _, m := range hexRE.FindAllString(string(data), -1) {
			t.Errorf("%s writes the colour %q: use a design token", f, m)
		}
		for _, m := range varRE.FindAllStringSubmatch(string(data), -1) {
			name := m[1]
			if name == "mm" || name == "k" || name == "s" || strings.HasPrefix(name, "font-") {
				continue
			}
			if _, ok := palette[name]; !ok {
				t.Errorf("%s uses --%s, which has no CMYK in the default [print.colors]", f, name)
			}
		}
	}
}

// TestNeutralLayouts checks that the built-in print layouts carry no
// campaign's words: no years, no resolution, no product names.
func TestNeutralLayouts(t *testing.T) {
	site := loa.DefaultSite()
	files, _ := fs.Glob(site, "layouts/print/*.html")
	partials, _ := fs.Glob(site, "layouts/print/partials/*.html")
	bad := regexp.MustCompile(`\b(19|20)\d\d\b|57|Nghị quyết|NQ/TW|Hưng Yên|to-gap|to-roi|ap-phich|bang-ron|pano`)
	for _, f := range append(files, partials...) {
		data, _ := fs.ReadFile(site, f)
		for i, line := range strings.Split(string(data), "\n") {
			if m := bad.FindString(line); m != "" {
				t.Errorf("%s:%d: %q is the campaign's, not the layout's", f, i+1, m)
			}
		}
	}
}
