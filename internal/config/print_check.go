package config

import (
	"fmt"
	"math"
	"path"
	"slices"
	"strings"

	"loa/internal/diag"
	"loa/internal/frontmatter"
	"loa/internal/pdfx"
	"loa/internal/vntext"
)

// MaxBleedMM is the most bleed a product may ask for: more is a mistake
// (a trim size typed as bleed), and no press sheet has room for it.
const MaxBleedMM = 25

// validate checks [print], each problem at the line of config.toml that
// causes it.
func (p Print) validate(data []byte) []diag.Diagnostic {
	var errs []diag.Diagnostic
	at := func(key, format string, args ...any) {
		errs = append(errs, frontmatter.Errorf(File, data, 1, key, format, args...))
	}
	if p.BleedMM < 0 || p.BleedMM > MaxBleedMM {
		at("print.bleed_mm", "print.bleed_mm must be between 0 and %d mm, not %s", MaxBleedMM, fmtMM(p.BleedMM))
	}
	if _, err := pdfx.KnownCondition(p.OutputCondition); err != nil {
		at("print.output_condition", "print.output_condition: %v", err)
	}
	if _, err := pdfx.ParseStandard(p.PDFX); err != nil {
		at("print.pdfx", "print.pdfx: %v", err)
	}
	if p.MaxInk < 0 || p.MaxInk > 400 {
		at("print.max_ink", "print.max_ink must be a total ink coverage in per cent, 0 (no limit) to 400, not %g", p.MaxInk)
	}
	if strings.TrimSpace(p.FontFamily) == "" {
		at("print.font_family", "print.font_family must name the font family print.css sets text in")
	}
	if p.FitFont == "" || !strings.HasPrefix(p.FitFont, "fonts/") || path.Clean(p.FitFont) != p.FitFont {
		at("print.fit_font", "print.fit_font must name a font file under static/fonts/, not %q", p.FitFont)
	}
	errs = append(errs, p.validateColors(data)...)
	seen := map[string]bool{}
	for _, q := range p.written {
		if seen[q.Name] {
			errs = append(errs, productError(data, q.entry, "name", fmt.Sprintf("print.product %q is defined twice", q.Name)))
		}
		seen[q.Name] = true
	}
	for _, q := range p.Products {
		errs = append(errs, q.validate(data, p.BleedMM)...)
	}
	return errs
}

// validate checks one product; a default product the file does not
// replace is not checked, and a key the product inherits (bleed from
// print.bleed_mm) is reported where it is written, once.
func (q Product) validate(data []byte, printBleed float64) []diag.Diagnostic {
	if q.entry == 0 {
		return nil
	}
	var errs []diag.Diagnostic
	at := func(key, format string, args ...any) {
		errs = append(errs, productError(data, q.entry, key, fmt.Sprintf(format, args...)))
	}
	name := fmt.Sprintf("print.product %q", q.Name)
	if q.Name == "" || vntext.Slug(q.Name) != q.Name {
		at("name", "print.product name %q must be lower-case letters, digits and hyphens", q.Name)
	}
	if q.Layout == "" || vntext.Slug(q.Layout) != q.Layout {
		at("layout", "%s: layout %q must name a file layouts/print/<layout>.html", name, q.Layout)
	}
	trimOK := len(q.TrimMM) == 2 && q.TrimMM[0] > 0 && q.TrimMM[1] > 0
	if !trimOK {
		at("trim_mm", "%s: trim_mm must be [width, height] in millimetres, both positive", name)
	}
	if q.set["bleed_mm"] && (q.BleedMM < 0 || q.BleedMM > MaxBleedMM) {
		at("bleed_mm", "%s: bleed_mm must be between 0 and %d mm, not %s", name, MaxBleedMM, fmtMM(q.BleedMM))
	}
	if q.SafeMM < 0 || q.MarksMM < 0 || q.HemMM < 0 || q.EyeletMM < 0 {
		key := "safe_mm"
		for _, k := range []string{"marks_mm", "hem_mm", "eyelet_mm"} {
			if q.set[k] {
				key = k
			}
		}
		at(key, "%s: safe_mm, marks_mm, hem_mm and eyelet_mm must not be negative", name)
	}
	if trimOK && q.SafeMM >= 0 && 2*q.SafeMM >= min(q.TrimMM[0], q.TrimMM[1]) {
		key := "safe_mm"
		if !q.set[key] {
			key = "trim_mm"
		}
		at(key, "%s: a safe zone of %s mm on each side leaves no room inside a %s × %s mm trim",
			name, fmtMM(q.SafeMM), fmtMM(q.TrimMM[0]), fmtMM(q.TrimMM[1]))
	}
	if q.HemMM > 0 && q.SafeMM < q.HemMM {
		at("safe_mm", "%s: safe_mm (%s mm) is less than hem_mm (%s mm): text would be sewn into the hem", name, fmtMM(q.SafeMM), fmtMM(q.HemMM))
	}
	if q.Pages < 1 || q.Pages > 2 {
		at("pages", "%s: pages must be 1 or 2, not %d", name, q.Pages)
	}
	if q.Per != PerSlogan && q.Per != PerPage {
		at("per", "%s: per must be %q or %q, not %q", name, PerSlogan, PerPage, q.Per)
	}
	if trimOK {
		errs = append(errs, q.validatePanels(data, name)...)
	}
	return errs
}

// validatePanels checks the panels of a folded product: two or three
// that add up to the trim width, each wider than its safe zones, and a
// fold type that goes with their number.
func (q Product) validatePanels(data []byte, name string) []diag.Diagnostic {
	var errs []diag.Diagnostic
	at := func(key, format string, args ...any) {
		errs = append(errs, productError(data, q.entry, key, fmt.Sprintf(format, args...)))
	}
	if len(q.Panels) == 0 {
		if q.Fold != "" {
			at("fold", "%s: fold %q needs panels_mm, the widths of the panels", name, q.Fold)
		}
		return errs
	}
	want := map[string]int{FoldRoll: 3, FoldHalf: 2}
	n, ok := want[q.Fold]
	switch {
	case q.Fold == "":
		at("panels_mm", "%s: loa folds two panels (fold = %q) or three (fold = %q); panels_mm lists %d", name, FoldHalf, FoldRoll, len(q.Panels))
	case !ok:
		at("fold", "%s: fold must be %q (three panels) or %q (two), not %q", name, FoldRoll, FoldHalf, q.Fold)
	case len(q.Panels) != n:
		at("panels_mm", "%s: a %s fold has %d panels; panels_mm lists %d", name, q.Fold, n, len(q.Panels))
	}
	sum, narrow := 0.0, math.Inf(1)
	for _, w := range q.Panels {
		sum += w
		narrow = min(narrow, w)
	}
	if narrow <= 2*q.SafeMM {
		at("panels_mm", "%s: a panel of %s mm leaves no room inside safe zones of %s mm by its folds", name, fmtMM(narrow), fmtMM(q.SafeMM))
	}
	if math.Abs(sum-q.TrimMM[0]) > 0.01 {
		at("panels_mm", "%s: panels_mm adds up to %s mm, but the trim is %s mm wide", name, fmtMM(sum), fmtMM(q.TrimMM[0]))
	}
	if q.Pages != 2 {
		at("pages", "%s: a folded product has two sides (outside, inside): pages = 2", name)
	}
	return errs
}

// validateColors checks the palette: colours as #rrggbb, CMYK in range
// and within the paper's total ink, greys in black ink only, one colour
// value per ink, and a registration colour for the marks.
func (p Print) validateColors(data []byte) []diag.Diagnostic {
	var errs []diag.Diagnostic
	at := func(name, field, format string, args ...any) {
		key := "print.colors." + name
		if _, _, ok := frontmatter.Find(data, 1, []string{"print", "colors", name, field}, 1); ok {
			key += "." + field
		}
		errs = append(errs, frontmatter.Errorf(File, data, 1, key, format, args...))
	}
	byRGB := map[pdfx.RGB]string{}
	registration := false
	for _, name := range sortedKeys(p.Colors) {
		c := p.Colors[name]
		rgb, err := pdfx.ParseRGB(c.RGB)
		if err != nil {
			at(name, "rgb", "print.colors.%s: rgb must be a colour #rrggbb, not %q", name, c.RGB)
			continue
		}
		if other, ok := byRGB[rgb]; ok {
			// Reported where it is written: a default is not.
			a, b := name, other
			if _, _, ok := frontmatter.Find(data, 1, []string{"print", "colors", a}, 1); !ok {
				a, b = b, a
			}
			at(a, "rgb", "print.colors.%s has the colour %s of print.colors.%s: one colour can print as one ink only", a, c.RGB, b)
		}
		byRGB[rgb] = name
		if c.Registration {
			registration = true
			continue
		}
		if len(c.CMYK) != 4 {
			at(name, "cmyk", "print.colors.%s: cmyk must be [cyan, magenta, yellow, black] in per cent", name)
			continue
		}
		ink := pdfx.CMYK{c.CMYK[0], c.CMYK[1], c.CMYK[2], c.CMYK[3]}
		if slices.ContainsFunc(c.CMYK, func(v float64) bool { return v < 0 || v > 100 || math.IsNaN(v) }) {
			at(name, "cmyk", "print.colors.%s: each ink of cmyk is between 0 and 100 per cent", name)
			continue
		}
		if rgb[0] == rgb[1] && rgb[1] == rgb[2] && (ink[0] != 0 || ink[1] != 0 || ink[2] != 0) {
			at(name, "cmyk", "print.colors.%s: %s is a grey, which prints in black ink only: cmyk = [0, 0, 0, K]", name, c.RGB)
		}
		if p.MaxInk > 0 && ink.Total() > p.MaxInk {
			at(name, "cmyk", "print.colors.%s: %g %% of ink is more than print.max_ink (%g %%)", name, ink.Total(), p.MaxInk)
		}
	}
	if !registration {
		errs = append(errs, frontmatter.Errorf(File, data, 1, "print.colors", "[print.colors] has no colour with registration = true, for crop and fold marks"))
	}
	return errs
}

// Palette returns the palette as package pdfx takes it. The colours must
// have passed validation.
func (p Print) Palette() map[pdfx.RGB]pdfx.Ink {
	out := map[pdfx.RGB]pdfx.Ink{}
	for _, c := range p.Colors {
		rgb, err := pdfx.ParseRGB(c.RGB)
		if err != nil {
			continue
		}
		ink := pdfx.Ink{Overprint: c.Overprint, Registration: c.Registration}
		if len(c.CMYK) == 4 {
			ink.CMYK = pdfx.CMYK{c.CMYK[0], c.CMYK[1], c.CMYK[2], c.CMYK[3]}
		}
		out[rgb] = ink
	}
	return out
}

// productError points at key inside the n-th [[print.product]] table of
// config.toml, or at the table itself when the key is not written there.
func productError(data []byte, n int, key, msg string) diag.Diagnostic {
	var header *frontmatter.KeyAt
	for _, k := range frontmatter.Keys(data) {
		if k.Elem != n || len(k.Path) < 2 || k.Path[0] != "print" || k.Path[1] != "product" {
			continue
		}
		switch {
		case k.Header && len(k.Path) == 2:
			header = &k
		case !k.Header && len(k.Path) == 3 && k.Path[2] == key:
			return diag.At(File, k.Line, k.Col, "%s", msg)
		}
	}
	if header != nil {
		return diag.At(File, header.Line, header.Col, "%s", msg)
	}
	return diag.At(File, 0, 0, "%s", msg)
}

// fmtMM writes a length as the file does: 3, 2.5.
func fmtMM(v float64) string { return fmt.Sprintf("%g", v) }
