package pdfx

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// RGB is an sRGB colour as a page names it in CSS: 8 bits a channel.
type RGB [3]uint8

// ParseRGB reads a CSS hex colour, "#b5121b" or "#fff".
func ParseRGB(s string) (RGB, error) {
	h := strings.TrimPrefix(s, "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return RGB{}, fmt.Errorf("colour %q: want #rrggbb", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return RGB{}, fmt.Errorf("colour %q: want #rrggbb", s)
	}
	return RGB{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}

// String writes the colour as CSS does: #b5121b.
func (c RGB) String() string { return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2]) }

// neutral reports whether the colour is a grey (or black or white).
func (c RGB) neutral() bool { return c[0] == c[1] && c[1] == c[2] }

// CMYK is an ink mix in per cent of each process ink, 0 to 100:
// cyan, magenta, yellow, black.
type CMYK [4]float64

// Total is the total ink coverage in per cent.
func (k CMYK) Total() float64 { return k[0] + k[1] + k[2] + k[3] }

// Ink is what one palette colour prints as.
type Ink struct {
	CMYK CMYK
	// Overprint makes text in this colour overprint what lies under it
	// (/op true, /OPM 1): the usual rule for 100 % K text, so that no
	// white gap shows when the plates are a little out of register.
	Overprint bool
	// Registration prints on every plate, as the Registration colour
	// (/Separation /All): for crop, fold and registration marks and the
	// slug line only. CMYK is then ignored.
	Registration bool
}

// Standard is the PDF/X conformance level written.
type Standard int

const (
	// X1a2003 is PDF/X-1a:2003 (ISO 15930-4), on PDF 1.4: CMYK and spot
	// colour only, no transparency. PDF 1.4 has document tags, /Lang and
	// XMP metadata, which loa keeps. The default.
	X1a2003 Standard = iota
	// X1a2001 is PDF/X-1a:2001 (ISO 15930-1), on PDF 1.3: the same rules;
	// the file says %PDF-1.3 and keeps the PDF 1.4 keys (tags, /Lang,
	// XMP), which a PDF 1.3 reader ignores. For a print shop whose
	// preflight names 2001.
	X1a2001
)

// String is the standard's name as PDF/X writes it.
func (s Standard) String() string {
	if s == X1a2001 {
		return "PDF/X-1a:2001"
	}
	return "PDF/X-1a:2003"
}

// ParseStandard reads a standard's name: "PDF/X-1a:2003", "x-1a:2001", "".
func ParseStandard(s string) (Standard, error) {
	n := strings.ToLower(strings.TrimPrefix(strings.ToLower(s), "pdf/"))
	switch n {
	case "", "x-1a", "x-1a:2003", "x1a2003":
		return X1a2003, nil
	case "x-1a:2001", "x1a2001":
		return X1a2001, nil
	}
	return 0, fmt.Errorf("unknown PDF/X standard %q: loa writes PDF/X-1a:2003 or PDF/X-1a:2001", s)
}

// version is the PDF version of the file's header.
func (s Standard) version() string {
	if s == X1a2001 {
		return "1.3"
	}
	return "1.4"
}

// Options say how to make one press file.
type Options struct {
	// Palette maps each colour the layouts use to its ink. #ffffff is
	// paper (no ink) unless the palette says otherwise. A colour on the
	// page that is not in the palette is an error.
	Palette map[RGB]Ink
	// Condition is the printing condition the file is made for.
	Condition OutputCondition
	// Standard is the PDF/X level; the zero value is PDF/X-1a:2003.
	Standard Standard
	// Title goes into the Info dictionary and XMP dc:title; PDF/X
	// requires one. "" keeps the title Chromium wrote (the HTML <title>).
	Title string
	// Date is the creation and modification date; zero keeps the
	// creation date Chromium wrote.
	Date time.Time
	// ID makes the file's identity: its /ID, its XMP document ID and the
	// subset tags of its fonts derive from it, so that two files never
	// share a font name. Give each file its own, e.g. its path in the
	// output; "" derives it from the input PDF's bytes.
	ID string
	// Producer is written as the PDF producer; "" writes "loa".
	Producer string
	// MaxInk, if not 0, is the most total ink a palette colour may have,
	// in per cent (about 300 to 330 for coated offset paper).
	MaxInk float64
}

// ink returns the ink of colour c: the palette's, or paper for white.
func (o *Options) ink(c RGB) (Ink, bool) {
	if k, ok := o.Palette[c]; ok {
		return k, true
	}
	if c == (RGB{255, 255, 255}) {
		return Ink{}, true
	}
	return Ink{}, false
}

// check reports what is wrong with the options, all at once.
func (o *Options) check() error {
	var errs []string
	keys := make([]RGB, 0, len(o.Palette))
	for c := range o.Palette {
		keys = append(keys, c)
	}
	slices.SortFunc(keys, func(a, b RGB) int { return strings.Compare(a.String(), b.String()) })
	for _, c := range keys {
		k := o.Palette[c]
		if k.Registration {
			continue
		}
		for i, v := range k.CMYK {
			if math.IsNaN(v) || v < 0 || v > 100 {
				errs = append(errs, fmt.Sprintf("palette %s: %s = %g is not between 0 and 100", c, "CMYK"[i:i+1], v))
			}
		}
		if c.neutral() && (k.CMYK[0] != 0 || k.CMYK[1] != 0 || k.CMYK[2] != 0) {
			errs = append(errs, fmt.Sprintf("palette %s: a grey prints in black ink only; give it as [0, 0, 0, %s]", c, fmtNum(100-float64(c[0])*100/255)))
		}
		if o.MaxInk > 0 && k.CMYK.Total() > o.MaxInk {
			errs = append(errs, fmt.Sprintf("palette %s: %s%% of ink is more than the %s%% the paper takes", c, fmtNum(k.CMYK.Total()), fmtNum(o.MaxInk)))
		}
	}
	if err := o.Condition.check(); err != nil {
		errs = append(errs, err.Error())
	}
	if len(errs) > 0 {
		return fmt.Errorf("pdfx options: %s", strings.Join(errs, "; "))
	}
	return nil
}

// fmtNum writes a number with at most four decimals and no trailing zeros.
func fmtNum(v float64) string {
	s := strconv.FormatFloat(v, 'f', 4, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		return "0"
	}
	return s
}
