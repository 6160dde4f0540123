package spoken

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// parser reads Vietnamese number words back to a number, accepting only
// the canonical forms. It is test code, written from the grammar, not
// from number.go:
//
//	number   = "không" | tỷpart
//	tỷpart   = number-above "tỷ" [below(inner)] | below(leading)
//	below    = [group "triệu"] [group "nghìn"] [group]   (at least one)
//	group    = digit "trăm" [rest] | tens                (tens: leading group only)
//	rest     = linh digit | tens-with-tens-digit
//	tens     = "mười" [unit10] | digit2-9 "mươi" [unitTy] | digit1-9
type parser struct{ thousand, linh, four, five string }

var plainDigits = map[string]uint64{
	"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
}

func (p parser) parse(s string) (uint64, error) {
	w := strings.Fields(s)
	if len(w) == 1 && w[0] == "không" {
		return 0, nil
	}
	return p.billions(w)
}

// billions splits at the last "tỷ": the part before is itself a number of
// one or more, the part after a number below 10⁹ whose first group says
// its hundreds.
func (p parser) billions(w []string) (uint64, error) {
	k := -1
	for i := len(w) - 1; i >= 0; i-- {
		if w[i] == "tỷ" {
			k = i
			break
		}
	}
	if k < 0 {
		return p.below(w, true)
	}
	hi, err := p.billions(w[:k])
	if err != nil {
		return 0, fmt.Errorf("before tỷ: %w", err)
	}
	if hi == 0 {
		return 0, errors.New("zero before tỷ")
	}
	var lo uint64
	if len(w) > k+1 {
		if lo, err = p.below(w[k+1:], false); err != nil {
			return 0, fmt.Errorf("after tỷ: %w", err)
		}
	}
	return hi*1_000_000_000 + lo, nil
}

// below parses up to "X triệu Y nghìn Z".
func (p parser) below(w []string, leading bool) (uint64, error) {
	if len(w) == 0 {
		return 0, errors.New("empty")
	}
	var total uint64
	for _, sc := range []struct {
		word string
		mul  uint64
	}{{"triệu", 1_000_000}, {p.thousand, 1000}} {
		if i := slices.Index(w, sc.word); i >= 0 {
			g, err := p.group(w[:i], leading)
			if err != nil {
				return 0, fmt.Errorf("before %s: %w", sc.word, err)
			}
			total += g * sc.mul
			w = w[i+1:]
			leading = false
		}
	}
	if len(w) > 0 {
		g, err := p.group(w, leading)
		if err != nil {
			return 0, err
		}
		total += g
	}
	return total, nil
}

// group parses one group of three digits, 1 to 999.
func (p parser) group(w []string, leading bool) (uint64, error) {
	if len(w) == 0 {
		return 0, errors.New("empty group")
	}
	if len(w) >= 2 && w[1] == "trăm" {
		h, ok := plainDigits[w[0]]
		if w[0] == "không" && !leading {
			h, ok = 0, true
		}
		if !ok {
			return 0, fmt.Errorf("bad hundreds %q", w[0])
		}
		rest := w[2:]
		switch {
		case len(rest) == 0:
			if h == 0 {
				return 0, errors.New("không trăm alone")
			}
			return h * 100, nil
		case rest[0] == p.linh:
			if len(rest) != 2 {
				return 0, errors.New("linh needs one digit")
			}
			u, ok := plainDigits[rest[1]]
			if !ok {
				return 0, fmt.Errorf("bad digit after linh %q", rest[1])
			}
			return h*100 + u, nil
		}
		t, err := p.tens(rest, false)
		if err != nil {
			return 0, err
		}
		return h*100 + t, nil
	}
	if !leading {
		return 0, errors.New("inner group without hundreds")
	}
	return p.tens(w, true)
}

// tens parses 1 to 99; a single digit only when allowed (a leading group).
func (p parser) tens(w []string, single bool) (uint64, error) {
	if u, ok := plainDigits[w[0]]; ok && len(w) == 1 && single {
		return u, nil
	}
	switch {
	case w[0] == "mười":
		if len(w) == 1 {
			return 10, nil
		}
		if len(w) == 2 {
			if w[1] == "lăm" {
				return 15, nil
			}
			if u, ok := plainDigits[w[1]]; ok && u != 5 {
				return 10 + u, nil
			}
		}
	case len(w) >= 2 && w[1] == "mươi":
		t, ok := plainDigits[w[0]]
		if !ok || t < 2 {
			break
		}
		if len(w) == 2 {
			return t * 10, nil
		}
		if len(w) != 3 {
			break
		}
		switch w[2] {
		case "mốt":
			return t*10 + 1, nil
		case p.four:
			return t*10 + 4, nil
		case p.five:
			return t*10 + 5, nil
		}
		if u, ok := plainDigits[w[2]]; ok && u != 1 && u != 4 && u != 5 {
			return t*10 + u, nil
		}
	}
	return 0, fmt.Errorf("bad tens %q", strings.Join(w, " "))
}
