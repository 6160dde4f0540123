package typeset

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"loa/internal/fit"
	"loa/internal/markdown"
	"loa/internal/vnbreak"
)

// Family is a typeface in its styles, each a parsed font file, and the
// CSS font-family that selects the same files in the page.
type Family struct {
	CSS                   string // "\"Noto Serif\", serif"
	Regular, Bold, Italic *fit.Font
	breaks                *breakMemo // where texts may break, kept by the Fonts that made the family
}

// face returns the font a style is set in. There is no bold italic file:
// bold wins, as the page sets it (see spanStyle).
func (f *Family) face(st markdown.Style) *fit.Font {
	switch {
	case st&markdown.Bold != 0:
		return f.Bold
	case st&markdown.Italic != 0:
		return f.Italic
	}
	return f.Regular
}

// Align is how a text's lines sit in their measure.
type Align uint8

// Alignments.
const (
	Left Align = iota
	Justify
	Center
	Right
)

// Style is how one kind of text is set: its typeface, base style, size and
// line box, all in millimetres.
type Style struct {
	Class   string // CSS class of its lines: lower-case letters, digits, "-"
	Family  *Family
	Base    markdown.Style // Bold or Italic for the whole text
	Size    float64        // font size, mm
	Leading float64        // height of a line box, mm
	Align   Align
	Indent  float64 // first line's indent, mm
	Upper   bool    // set in capitals
	// Safety is the part of the measure a line leaves free; 0 means
	// Safety (0.5 %). Text drawn at any size (a slide) wants more.
	Safety float64
}

func (s *Style) safety() float64 {
	if s.Safety > 0 {
		return s.Safety
	}
	return Safety
}

// width measures text in style st (the runs' own bold or italic, with the
// base style).
func (s *Style) width(text string, st markdown.Style) float64 {
	return s.Family.face(spanStyle(s.Base|st)).Width(text, s.Size)
}

// spanStyle keeps of a run's style what changes its glyphs or how it is
// drawn: bold over italic (there is no bold italic face), links; code
// spans are set in the text face.
func spanStyle(st markdown.Style) markdown.Style {
	if st&markdown.Bold != 0 {
		st &^= markdown.Italic
	}
	return st &^ markdown.Mono
}

// Sheet collects the CSS rules of one document: the rules of its styles
// and the lengths its layout chose (table columns), each class once.
type Sheet struct {
	// Unit writes a length given in mm for CSS; nil writes millimetres. A
	// slide, drawn at any size, writes it as a part of its width (cqw).
	Unit  func(mm float64) string
	mu    sync.Mutex
	rules map[string]string // selector → declarations
}

// L writes a length for the sheet's CSS.
func (sh *Sheet) L(mm float64) string {
	if sh.Unit != nil {
		return sh.Unit(mm)
	}
	return MM(mm)
}

// Rule adds a rule; a selector added twice keeps its first declarations.
func (sh *Sheet) Rule(selector, decls string) {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if sh.rules == nil {
		sh.rules = map[string]string{}
	}
	if _, ok := sh.rules[selector]; !ok {
		sh.rules[selector] = decls
	}
}

// Style adds the rules of a style: its lines are blocks one line box
// high that never wrap (the line breaks are the ones Go chose).
func (sh *Sheet) Style(s *Style) {
	weight, style := "400", "normal"
	if s.Base&markdown.Bold != 0 {
		weight = "700"
	} else if s.Base&markdown.Italic != 0 {
		style = "italic"
	}
	decls := fmt.Sprintf("font-family:%s;font-size:%s;line-height:%s;height:%s;font-weight:%s;font-style:%s",
		s.Family.CSS, sh.L(s.Size), sh.L(s.Leading), sh.L(s.Leading), weight, style)
	switch s.Align {
	case Center:
		decls += ";text-align:center"
	case Right:
		decls += ";text-align:right"
	default:
		decls += ";text-align:left"
	}
	sh.Rule(".l."+s.Class, decls)
	if s.Indent != 0 {
		sh.Rule(".l."+s.Class+".first", "text-indent:"+sh.L(s.Indent))
	}
}

// CSS returns the rules, sorted by selector so that a document's CSS is
// the same at every build.
func (sh *Sheet) CSS() string {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	sels := make([]string, 0, len(sh.rules))
	for s := range sh.rules {
		sels = append(sels, s)
	}
	slices.Sort(sels)
	var b strings.Builder
	// What every set line needs: Go broke it, the browser must not; a
	// justified line is spread to the measure, its last line is not.
	b.WriteString(".l{display:block;white-space:nowrap;overflow:visible;font-kerning:normal;font-variant-ligatures:none;font-synthesis:none}\n")
	b.WriteString(".l.j{text-align:justify;text-align-last:justify}\n")
	for _, s := range sels {
		fmt.Fprintf(&b, "%s{%s}\n", s, sh.rules[s])
	}
	return b.String()
}

// MM writes a length in millimetres for CSS: "3.7mm".
func MM(v float64) string { return Num(v) + "mm" }

// Num writes a number with at most three decimals.
func Num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 3, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

// PT converts typographic points (what Word and the Party's guidance
// count in) to millimetres.
func PT(pt float64) float64 { return pt * 25.4 / 72 }

// Fonts parses font files once and keeps them while their bytes stay the
// same. It is safe for concurrent use.
type Fonts struct {
	mu     sync.Mutex
	fonts  map[string]cached
	breaks breakMemo
}

// breakMemo remembers vnbreak's analysis of the texts set: a maker sets
// the same paragraphs in several files and at several sizes.
type breakMemo struct {
	mu    sync.Mutex
	costs map[string][]vnbreak.Cost
}

// maxBreaks bounds what a memo keeps; past it, it forgets all.
const maxBreaks = 50000

func (m *breakMemo) get(text string, analyze func() []vnbreak.Cost) []vnbreak.Cost {
	if m == nil {
		return analyze()
	}
	m.mu.Lock()
	c, ok := m.costs[text]
	m.mu.Unlock()
	if ok {
		return c
	}
	c = analyze()
	m.mu.Lock()
	if m.costs == nil || len(m.costs) >= maxBreaks {
		m.costs = map[string][]vnbreak.Cost{}
	}
	m.costs[text] = c
	m.mu.Unlock()
	return c
}

type cached struct {
	data []byte
	font *fit.Font
}

// Font returns the parsed font of the file at path, whose bytes are data.
func (fs *Fonts) Font(path string, data []byte) (*fit.Font, error) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if c, ok := fs.fonts[path]; ok && bytes.Equal(c.data, data) {
		return c.font, nil
	}
	f, err := fit.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", path, err)
	}
	if fs.fonts == nil {
		fs.fonts = map[string]cached{}
	}
	fs.fonts[path] = cached{data: data, font: f}
	return f, nil
}

// Family reads and parses a typeface's three files through read (site
// paths) and returns it with the CSS family name css.
func (fs *Fonts) Family(read func(path string) ([]byte, error), css, regular, bold, italic string) (*Family, error) {
	f := &Family{CSS: css, breaks: &fs.breaks}
	for _, x := range []struct {
		path string
		dst  **fit.Font
	}{{regular, &f.Regular}, {bold, &f.Bold}, {italic, &f.Italic}} {
		data, err := read(x.path)
		if err != nil {
			return nil, fmt.Errorf("font file %s not found", x.path)
		}
		if *x.dst, err = fs.Font(x.path, data); err != nil {
			return nil, err
		}
	}
	return f, nil
}
