package card

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"
)

// Palette is the colours of the cards, read from the site's design tokens
// so that the web pages, the print sheets and the cards share one palette.
type Palette struct {
	Red     color.RGBA // --red: the brand strip, kinds, figures
	RedDark color.RGBA // --red-dark: the strip and footer of a slogan's card
	Yellow  color.RGBA // --yellow: the brand's words, a slogan's text
	Ink     color.RGBA // --ink: titles
	Muted   color.RGBA // --muted: the issuer, the labels of figures
	Paper   color.RGBA // --paper: the background
	Line    color.RGBA // --line: rules
}

// role is one colour of the palette.
type role uint8

const (
	paper role = iota
	red
	redDark
	yellow
	ink
	muted
	line
	numRoles
)

// tokens are the custom properties of tokens.css each role is read from.
var tokens = [numRoles]string{"--paper", "--red", "--red-dark", "--yellow", "--ink", "--muted", "--line"}

func (p *Palette) at(r role) *color.RGBA {
	return [numRoles]*color.RGBA{&p.Paper, &p.Red, &p.RedDark, &p.Yellow, &p.Ink, &p.Muted, &p.Line}[r]
}

// ParsePalette reads the palette from a style sheet's custom properties
// (css/tokens.css: "--red: #a50e0e;"), colours written #rgb or #rrggbb.
// The last declaration of a property wins, as in CSS. A property the
// palette needs that is missing or is not such a colour is an error that
// names it.
func ParsePalette(css []byte) (Palette, error) {
	props := customProperties(css)
	var p Palette
	for r := range numRoles {
		name := tokens[r]
		v, ok := props[name]
		if !ok {
			return Palette{}, fmt.Errorf("no %s colour in the design tokens", name)
		}
		c, err := parseHex(v)
		if err != nil {
			return Palette{}, fmt.Errorf("%s: %w", name, err)
		}
		*p.at(r) = c
	}
	return p, nil
}

// customProperties returns the custom properties declared in css, by
// name, with their values trimmed. Comments are skipped; selectors are
// not looked at (the tokens are declared once, on :root).
func customProperties(css []byte) map[string]string {
	props := map[string]string{}
	s := string(css)
	var b strings.Builder
	for { // drop comments
		i := strings.Index(s, "/*")
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		j := strings.Index(s[i+2:], "*/")
		if j < 0 {
			break
		}
		b.WriteByte(' ')
		s = s[i+2+j+2:]
	}
	for _, decl := range strings.FieldsFunc(b.String(), func(r rune) bool { return r == ';' || r == '{' || r == '}' }) {
		name, value, ok := strings.Cut(decl, ":")
		name = strings.TrimSpace(name)
		if ok && strings.HasPrefix(name, "--") {
			props[name] = strings.TrimSpace(value)
		}
	}
	return props
}

// parseHex parses #rgb or #rrggbb.
func parseHex(v string) (color.RGBA, error) {
	h, ok := strings.CutPrefix(v, "#")
	if !ok || (len(h) != 3 && len(h) != 6) {
		return color.RGBA{}, fmt.Errorf("%q is not a colour written #rrggbb", v)
	}
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	n, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return color.RGBA{}, fmt.Errorf("%q is not a colour written #rrggbb", v)
	}
	return color.RGBA{R: uint8(n >> 16), G: uint8(n >> 8), B: uint8(n), A: 255}, nil
}

// Contrast is the WCAG 2 contrast ratio of two colours, from 1 to 21.
func Contrast(a, b color.RGBA) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is WCAG 2's relative luminance.
func luminance(c color.RGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// MinContrast is the contrast every text of a card has with its
// background at least: WCAG 2's level AA for normal text.
const MinContrast = 4.5

// pair is a text colour on a background colour.
type pair struct{ fg, bg role }

// pairs are the text and background colours cards use. Each gets a ramp
// of anti-aliasing steps in the image's palette.
var pairs = [...]pair{
	{ink, paper}, {red, paper}, {muted, paper}, // titles, kinds and figures, the issuer
	{yellow, red}, {paper, red}, // the brand strip; a slogan's card
	{yellow, redDark}, {paper, redDark}, // a slogan's strip and footer
}

// Check reports the pairs of text and background colours cards use whose
// contrast is below MinContrast, one message each; none means all pass.
func (p Palette) Check() []string {
	var out []string
	for _, pr := range pairs {
		if c := Contrast(*p.at(pr.fg), *p.at(pr.bg)); c < MinContrast {
			out = append(out, fmt.Sprintf("%s on %s has a contrast of %.1f:1, below %.1f:1", tokens[pr.fg], tokens[pr.bg], c, MinContrast))
		}
	}
	return out
}

// steps is the number of coverage levels of a ramp, both ends included:
// level 0 is the background, steps-1 the text colour.
const steps = 16

// table is the palette of a card image: the roles' colours first, then
// for each pair the steps between its background and its text colour.
type table struct {
	colors color.Palette
	ramps  [len(pairs)][steps]uint8 // palette index by pair and level
	of     [numRoles][numRoles]int8 // pair index by fg, bg; -1 for none
	level  []int8                   // coverage level of each index within its pair's ramp; -1 for a role
	pairOf []int8                   // pair of each ramp index; -1 for a role
}

func (p Palette) table() *table {
	t := &table{}
	for r := range numRoles {
		t.colors = append(t.colors, *p.at(r))
		t.level = append(t.level, -1)
		t.pairOf = append(t.pairOf, -1)
	}
	for i := range t.of {
		for j := range t.of[i] {
			t.of[i][j] = -1
		}
	}
	for i, pr := range pairs {
		t.of[pr.fg][pr.bg] = int8(i)
		fg, bg := *p.at(pr.fg), *p.at(pr.bg)
		t.ramps[i][0], t.ramps[i][steps-1] = uint8(pr.bg), uint8(pr.fg)
		for l := 1; l < steps-1; l++ {
			mix := func(a, b uint8) uint8 {
				return uint8(math.Round(float64(a) + (float64(b)-float64(a))*float64(l)/(steps-1)))
			}
			t.ramps[i][l] = uint8(len(t.colors))
			t.colors = append(t.colors, color.RGBA{mix(bg.R, fg.R), mix(bg.G, fg.G), mix(bg.B, fg.B), 255})
			t.level = append(t.level, int8(l))
			t.pairOf = append(t.pairOf, int8(i))
		}
	}
	return t
}

// bytes returns the palette's colours as bytes, for the cache key.
func (p Palette) bytes() []byte {
	var b bytes.Buffer
	for r := range numRoles {
		c := *p.at(r)
		b.Write([]byte{c.R, c.G, c.B})
	}
	return b.Bytes()
}
