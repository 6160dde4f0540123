package spoken

import "strings"

// numKind is the written form of a number.
type numKind uint8

const (
	nInt     numKind = iota // 57, 1.000.000, 10 000
	nDecimal                // 2,5 (Vietnamese decimal comma)
	nDotted                 // 4.0, 5.3: not thousands, read with "chấm"
	nDigits                 // 0912345678: read digit by digit
)

// numeral is a number as written at one place of the source.
type numeral struct {
	kind      numKind
	intPart   string   // ASCII digits, separators removed
	frac      string   // digits after the decimal comma
	parts     []string // groups of a dotted number
	end       int      // offset after the number
	ambiguous string   // why the form may have been meant another way
}

// lexNumeral reads the number at i. Vietnamese writes thousands with
// dots ("1.000.000") or spaces, and decimals with a comma ("2,5"). A dot
// that does not separate thousands ("4.0", "5.3") is read "chấm"; an
// English decimal point is reported when a percentage or unit follows.
func lexNumeral(src string, i int) (numeral, bool) {
	d1, j := digitsAt(src, i)
	if d1 == "" {
		return numeral{}, false
	}
	n := numeral{kind: nInt, intPart: d1, end: j}
	switch sep := at(src, j); {
	case sep == '.' && isDigit(at(src, j+1)):
		groups := []string{d1}
		k := j
		for at(src, k) == '.' && isDigit(at(src, k+1)) {
			g, next := digitsAt(src, k+1)
			groups = append(groups, g)
			k = next
		}
		n.end = k
		if thousands(groups) {
			n.intPart = strings.Join(groups, "")
			n.decimalAfter(src)
		} else {
			n.kind, n.parts = nDotted, groups
		}
	case isGroupSpace(sep) && len(d1) <= 3 && d1[0] != '0':
		groups := []string{d1}
		k := j
		for {
			c := at(src, k)
			if !isGroupSpace(c) {
				break
			}
			g, next := digitsAt(src, k+len(string(c)))
			if len(g) != 3 {
				break
			}
			groups = append(groups, g)
			k = next
		}
		n.intPart, n.end = strings.Join(groups, ""), k
		n.decimalAfter(src)
	case sep == ',' && isDigit(at(src, j+1)):
		groups := []string{d1}
		ends := []int{j}
		k := j
		for at(src, k) == ',' && isDigit(at(src, k+1)) {
			g, next := digitsAt(src, k+1)
			groups = append(groups, g)
			ends = append(ends, next)
			k = next
		}
		if len(groups) > 2 && thousands(groups) {
			n.intPart, n.end = strings.Join(groups, ""), k
			n.ambiguous = "commas used as thousands separators, English style; read as a whole number"
			break
		}
		n.kind, n.frac, n.end = nDecimal, groups[1], ends[1]
		if len(groups[1]) == 3 && d1 != "0" {
			n.ambiguous = "a comma followed by three digits is read as a decimal comma"
		}
	}
	if n.kind == nInt && (len(n.intPart) > 15 || len(n.intPart) >= 3 && n.intPart[0] == '0') {
		n.kind = nDigits
	}
	return n, true
}

// thousands reports whether groups are thousands: a first group of one to
// three digits not starting with 0, then groups of exactly three.
func thousands(groups []string) bool {
	if len(groups[0]) > 3 || groups[0][0] == '0' {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}

// decimalAfter takes a decimal comma after thousands ("1.234,5").
func (n *numeral) decimalAfter(src string) {
	if at(src, n.end) == ',' && isDigit(at(src, n.end+1)) {
		f, end := digitsAt(src, n.end+1)
		n.kind, n.frac, n.end = nDecimal, f, end
	}
}

// say reads a numeral.
func (r *Reader) say(n numeral) string {
	switch n.kind {
	case nDecimal:
		return r.integer(n.intPart) + " phẩy " + r.fraction(n.frac)
	case nDotted:
		words := make([]string, len(n.parts))
		for i, p := range n.parts {
			if len(p) > 1 && p[0] == '0' {
				words[i] = digitByDigit(p)
			} else {
				words[i] = r.integer(p)
			}
		}
		return strings.Join(words, " chấm ")
	case nDigits:
		return digitByDigit(n.intPart)
	}
	return r.integer(n.intPart)
}

// smallInt returns the value of an integer numeral of up to six digits.
func (n numeral) smallInt() (int, bool) {
	if n.kind != nInt || len(strings.TrimLeft(n.intPart, "0")) > 6 {
		return 0, false
	}
	v := 0
	for i := 0; i < len(n.intPart); i++ {
		v = v*10 + int(n.intPart[i]-'0')
	}
	return v, true
}
