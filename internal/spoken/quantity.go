package spoken

import (
	"strings"
	"unicode/utf8"
)

// quantity is a number with what belongs to it: a currency sign before,
// a "+" after, a unit and a "per" part ("10%/năm", "100 km/h").
type quantity struct {
	n        numeral
	currency string // reading of a currency sign written before the number
	plus     bool   // "10+": more than ten
	unit     string // reading of the unit, "" without one
	per      string // " trên giây" or " mỗi"
	start    int
	end      int
}

// currencies are the signs written before an amount.
var currencies = map[rune]string{'$': "đô la", '€': "ơ-rô"}

// quantityAt reads the quantity at i.
func (s *state) quantityAt(i int) (quantity, bool) {
	q := quantity{start: i}
	if c := at(s.src, i); currencies[c] != "" {
		q.currency = currencies[c]
		i += utf8.RuneLen(c)
	}
	n, ok := lexNumeral(s.src, i)
	if !ok {
		return q, false
	}
	q.n, q.end = n, n.end
	if at(s.src, q.end) == '+' && !isAlnum(at(s.src, q.end+1)) {
		q.plus = true
		q.end++
	}
	if q.currency != "" {
		return q, true
	}
	if unit, end, ok := s.unitAt(q.end, true); ok {
		q.unit, q.end = unit, end
	} else if c := at(s.src, q.end); c == ' ' || isGroupSpace(c) {
		if unit, end, ok := s.unitAt(q.end+utf8.RuneLen(c), false); ok {
			q.unit, q.end = unit, end
		}
	}
	if q.unit != "" && at(s.src, q.end) == '/' {
		if unit, end, ok := s.unitAt(q.end+1, true); ok {
			q.per, q.end = " trên "+unit, end
		} else if isLetter(at(s.src, q.end+1)) {
			q.per = " mỗi"
			q.end++
		}
	}
	return q, true
}

// unitAt reads a unit of the table at i. A unit must end the word ("5 ha",
// not "5 hai"); single letters and "k" are taken only when glued to the
// number ("500k", "5 m" but not "5 k").
func (s *state) unitAt(i int, glued bool) (string, int, bool) {
	for _, key := range s.r.unitIndex[at(s.src, i)] {
		end := i + len(key)
		if !strings.HasPrefix(s.src[i:], key) || isAlnum(at(s.src, end)) {
			continue
		}
		if !glued && key == "k" {
			continue
		}
		return s.r.units[key], end, true
	}
	return "", 0, false
}

// read writes a quantity's reading.
func (s *state) readQuantity(q quantity, ctx string) string {
	var words string
	switch v, ok := q.n.smallInt(); {
	case ctx == "thứ" && ok && q.unit == "":
		words = s.r.ordinal(q.n.intPart)
	case ctx == "tháng" && ok && v >= 1 && v <= 12 && q.unit == "":
		words = s.r.month(v)
	case (ctx == "ngày") && ok && v >= 1 && v <= 10 && s.r.dayPrefix != "" && q.unit == "":
		words = s.r.dayPrefix + " " + s.r.say(q.n)
	default:
		words = s.r.say(q.n)
	}
	if q.plus {
		words = "hơn " + words
	}
	if q.currency != "" {
		words += " " + q.currency
	}
	if q.unit != "" {
		words += " " + q.unit
	}
	return words + q.per
}

// noFrom are the words after which a range needs no "từ": "trong 2–3 năm"
// is "trong hai đến ba năm".
var noFrom = map[string]bool{
	"từ": true, "trong": true, "khoảng": true, "chừng": true, "tầm": true, "gần": true,
	"ước": true, "hơn": true, "trên": true, "dưới": true, "độ": true,
}

// numeric reads what starts with a digit (or a currency sign before one):
// a date or time, else a quantity, a range of quantities ("16–18%" từ
// mười sáu đến mười tám phần trăm), a product ("3 × 4") or a fraction.
func (s *state) numeric() {
	if s.phone() || s.dateOrTime() {
		return
	}
	q, ok := s.quantityAt(s.i)
	if !ok { // a currency sign without a number; symbol() prevents it
		s.verbatim(s.src[s.i : s.i+1])
		s.i++
		return
	}
	prev, _ := wordBefore(s.src, s.i)
	s.reportNumeral(q)
	// A range: quantity, dash, quantity.
	k := skipInlineSpace(s.src, q.end)
	if d := at(s.src, k); isDash(d) && !(d == '-' && k > q.end && at(s.src, k+1) != ' ') {
		k2 := skipInlineSpace(s.src, k+utf8.RuneLen(d))
		if c := at(s.src, k2); isDigit(c) || currencies[c] != "" {
			if q2, ok := s.quantityAt(k2); ok {
				s.reportNumeral(q2)
				from := "từ "
				if noFrom[prev] {
					from = ""
				}
				s.gen(from + s.readQuantity(q, "") + " đến " + s.readQuantity(q2, ""))
				s.i = q2.end
				s.afterNumber(q2)
				return
			}
		}
	}
	// A product: "297 × 210 mm", "3x4".
	words := s.readQuantity(q, prev)
	end := q.end
	for {
		k := skipInlineSpace(s.src, end)
		c := at(s.src, k)
		if c != '×' && c != 'x' && c != 'X' {
			break
		}
		if (c == 'x' || c == 'X') && isLetter(at(s.src, k+1)) {
			break
		}
		k2 := skipInlineSpace(s.src, k+utf8.RuneLen(c))
		if !isDigit(at(s.src, k2)) {
			break
		}
		q2, _ := s.quantityAt(k2)
		s.reportNumeral(q2)
		words += " nhân " + s.readQuantity(q2, "")
		end, q = q2.end, q2
	}
	// A fraction or ratio: "1/3", "100/200".
	if end == q.end && q.unit == "" && q.n.kind == nInt && at(s.src, end) == '/' && isDigit(at(s.src, end+1)) {
		d, dend := digitsAt(s.src, end+1)
		if !isLetter(at(s.src, dend)) && at(s.src, dend) != '/' {
			s.gen(words + " phần " + s.r.integer(d))
			s.problem(Ambiguous, s.i, dend, "\""+s.src[s.i:dend]+"\" read as a fraction",
				"if it is a date, write \"ngày\" before it; if a ratio, write it in words")
			s.i = dend
			return
		}
	}
	s.gen(words)
	s.i = end
	s.afterNumber(q)
}

// phoneWords are the words after which digits are a telephone number.
var phoneWords = []string{"điện thoại", "đt", "sđt", "hotline", "đường dây nóng", "tổng đài", "fax", "số máy", "zalo"}

// phone reads a telephone number after a word of phoneWords ("Điện thoại:
// 0221 3862 345", "tổng đài 1022") digit by digit, its groups separated
// by commas, which is how numbers are dictated.
func (s *state) phone() bool {
	prev := strings.ToLower(strings.TrimRightFunc(tail(s.src[:s.i], 40), func(r rune) bool { return isInlineSpace(r) || r == ':' }))
	found := false
	for _, w := range phoneWords {
		if strings.HasSuffix(prev, w) && !isAlnum(lastRune([]byte(prev[:len(prev)-len(w)]))) {
			found = true
			break
		}
	}
	if !found {
		return false
	}
	var groups []string
	j := s.i
	for {
		d, end := digitsAt(s.src, j)
		groups = append(groups, digitByDigit(d))
		j = end
		if c := at(s.src, j); (c == ' ' || c == '.' || c == '-') && isDigit(at(s.src, j+1)) {
			j++
			continue
		}
		break
	}
	s.gen(strings.Join(groups, ", "))
	s.i = j
	return true
}

// reportNumeral records an ambiguous form of q's number.
func (s *state) reportNumeral(q quantity) {
	if q.n.ambiguous != "" {
		s.problem(Ambiguous, q.start, q.n.end, q.n.ambiguous, "Vietnamese writes 1.000.000 for a million and 2,5 for two and a half")
	}
	if q.n.kind == nDotted && len(q.n.parts) == 2 && q.unit != "" {
		s.problem(Ambiguous, q.start, q.n.end, "\""+s.src[q.start:q.n.end]+"\" read with \"chấm\"; a decimal is written with a comma",
			"write "+strings.Join(q.n.parts, ",")+" for a decimal number")
	}
}

// afterNumber warns about letters glued to a number that no rule read
// ("3D" when not in the table).
func (s *state) afterNumber(q quantity) {
	if q.unit == "" && isLetter(at(s.src, s.i)) {
		_, end := lettersAt(s.src, s.i)
		s.problem(UnknownAbbrev, q.start, end, "digits and letters run together in \""+s.src[q.start:end]+"\"; read as a number and a word",
			"write it out, or add it to the abbreviation table of the configuration")
	}
}
