package spoken

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Options choose between the readings Vietnamese allows and supply the
// tables. The zero value is the default: nghìn, linh, tư, lăm, "không
// quá", no "mồng", and the default tables.
type Options struct {
	Thousand  string // 1000: "nghìn" (default) or "ngàn"
	ZeroTens  string // the zero tens of 105: "linh" (default) or "lẻ"
	Four      string // 4 after "mươi": "tư" (default) or "bốn"
	Five      string // 5 after "mươi": "lăm" (default) or "nhăm"; 15 is always "mười lăm"
	AtMost    string // "≤" before a number: "không quá" (default) or "tối đa"
	DayPrefix string // before days 1 to 10 of a date: "" (default), "mồng" or "mùng"

	// Tables; nil means the default. To extend a default, pass
	// DefaultAbbrev().With(extra).
	Abbrev   Table // abbreviations in running text (KHCN, UBND, v.v.)
	DocTypes Table // document type codes in document numbers (NQ, QĐ, KH)
	Issuers  Table // issuer codes in document numbers (TW, UBND, TTg)
	Units    Table // units after a number (km, ha, GB)
}

// Reader turns written Vietnamese into the text an announcer reads aloud.
// It is immutable and safe for concurrent use.
type Reader struct {
	thousand, zeroTens, four, five, atMost, dayPrefix string

	abbrev, types, issuers, units Table
	abbrevIndex, unitIndex        map[rune][]string // keys by first rune, longest first
	docNouns                      []string          // lower-case names of document kinds
}

// New checks o and returns a Reader for it. Errors name the option or the
// table key at fault.
func New(o Options) (*Reader, error) {
	var errs []error
	choose := func(name string, v *string, allowed ...string) {
		if *v == "" {
			*v = allowed[0]
			return
		}
		*v = norm.NFC.String(*v)
		if !slices.Contains(allowed, *v) {
			errs = append(errs, fmt.Errorf("%s must be one of %q, not %q", name, allowed, *v))
		}
	}
	choose("thousand", &o.Thousand, "nghìn", "ngàn")
	choose("zero tens", &o.ZeroTens, "linh", "lẻ")
	choose("four", &o.Four, "tư", "bốn")
	choose("five", &o.Five, "lăm", "nhăm")
	choose("at most", &o.AtMost, "không quá", "tối đa")
	if o.DayPrefix != "" {
		choose("day prefix", &o.DayPrefix, "mồng", "mùng")
	}
	tables := []struct {
		name string
		t    *Table
		def  func() Table
	}{
		{"abbreviation", &o.Abbrev, DefaultAbbrev},
		{"document type", &o.DocTypes, DefaultDocTypes},
		{"issuer", &o.Issuers, DefaultIssuers},
		{"unit", &o.Units, DefaultUnits},
	}
	for _, tb := range tables {
		if *tb.t == nil {
			*tb.t = tb.def()
			continue
		}
		clean, err := tb.t.normalize()
		if err != nil {
			errs = append(errs, fmt.Errorf("%s table: %w", tb.name, err))
		}
		*tb.t = clean
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("spoken options: %w", err)
	}
	return build(o), nil
}

// Default returns a Reader with the default Options.
func Default() *Reader {
	r, _ := New(Options{}) // the defaults are valid; TestDefaultTables checks it
	return r
}

// build makes a Reader from checked options.
func build(o Options) *Reader {
	r := &Reader{
		thousand: o.Thousand, zeroTens: o.ZeroTens, four: o.Four, five: o.Five,
		atMost: o.AtMost, dayPrefix: o.DayPrefix,
		abbrev: o.Abbrev, types: o.DocTypes, issuers: o.Issuers, units: o.Units,
	}
	r.abbrevIndex = r.abbrev.index()
	r.unitIndex = r.units.index()
	seen := map[string]bool{}
	for _, v := range r.types {
		seen[strings.ToLower(v)] = true
	}
	for _, v := range extraDocNouns {
		seen[v] = true
	}
	for v := range seen {
		r.docNouns = append(r.docNouns, v)
	}
	slices.Sort(r.docNouns)
	return r
}

// extraDocNouns name kinds of documents that have no type code of their
// own in a number ("Luật số 75/2025/QH15") or share one ("Quy định
// 230-QĐ/TW"). After any of them a document number gets no type name.
var extraDocNouns = []string{
	"luật", "bộ luật", "pháp lệnh", "hiến pháp", "quy định", "văn bản",
	"điều lệ", "công điện", "nghị quyết liên tịch", "lệnh",
}

// normalize returns t in NFC and reports keys and values that cannot be
// used: empty ones, invalid UTF-8, and values with digits (which would
// leave digits in the read text).
func (t Table) normalize() (Table, error) {
	clean := make(Table, len(t))
	var errs []error
	for k, v := range t {
		switch {
		case !utf8.ValidString(k) || !utf8.ValidString(v):
			errs = append(errs, fmt.Errorf("key %q: invalid UTF-8", k))
			continue
		case strings.TrimSpace(k) == "":
			errs = append(errs, errors.New("empty key"))
			continue
		case strings.TrimSpace(v) == "":
			errs = append(errs, fmt.Errorf("key %q: empty reading (to keep an abbreviation as written, give it as its own reading)", k))
			continue
		case strings.IndexFunc(v, unicode.IsNumber) >= 0:
			errs = append(errs, fmt.Errorf("key %q: reading %q has a digit; write the number in words", k, v))
			continue
		}
		clean[norm.NFC.String(k)] = norm.NFC.String(strings.TrimSpace(v))
	}
	slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return clean, errors.Join(errs...)
}
