package spoken

import "unicode/utf8"

// Dates and times: "22/12/2024", "25-02-2025", "22.12.2024", "tháng
// 4/2025", "24/4", "7h30", "07:30".

// dateContext are the words after which "D/M" is certainly a date.
var dateContext = map[string]bool{
	"ngày": true, "mồng": true, "mùng": true, "hôm": true,
	"sáng": true, "trưa": true, "chiều": true, "tối": true, "đêm": true,
}

// dateOrTime reads a date or a time at s.i and reports whether it did.
func (s *state) dateOrTime() bool {
	d1, j := digitsAt(s.src, s.i)
	if d1 == "" || len(d1) > 2 {
		return false
	}
	if s.dayRange() {
		return true
	}
	a := atoi(d1)
	switch sep := at(s.src, j); sep {
	case '/', '-', '.':
		d2, k := digitsAt(s.src, j+1)
		if d2 == "" {
			return false
		}
		b := atoi(d2)
		if len(d2) <= 2 && at(s.src, k) == sep {
			y, l := digitsAt(s.src, k+1)
			if len(y) == 4 && numberEnds(s.src, l) && validDate(a, b, atoi(y)) {
				s.date(a, b, y)
				s.i = l
				return true
			}
			return false
		}
		if sep != '/' || !numberEnds(s.src, k) {
			return false
		}
		if len(d2) == 4 && a >= 1 && a <= 12 {
			s.monthYear(a, d2)
			s.i = k
			return true
		}
		if len(d2) <= 2 && validDate(a, b, 2024) {
			return s.dayMonth(a, b, k)
		}
	case 'h', ':':
		t1, end, ok := s.clockAt(s.i)
		if !ok {
			return false
		}
		// "10h–11h30": từ mười giờ đến mười một giờ ba mươi phút.
		k := skipInlineSpace(s.src, end)
		if d := at(s.src, k); isDash(d) {
			if t2, end2, ok := s.clockAt(skipInlineSpace(s.src, k+utf8.RuneLen(d))); ok {
				prev, _ := wordBefore(s.src, s.i)
				s.gen(pick(noFrom[prev], "", "từ ") + t1 + " đến " + t2)
				s.i = end2
				return true
			}
		}
		s.gen(t1)
		s.i = end
		return true
	}
	return false
}

// clockAt reads a time at i: "7h", "7h30", "7h30'", "07:30", "20:15:30",
// as "H giờ [M phút [S giây]]"; zero minutes are not said.
func (s *state) clockAt(i int) (string, int, bool) {
	h, j := digitsAt(s.src, i)
	if h == "" || len(h) > 2 || atoi(h) > 24 {
		return "", 0, false
	}
	w := s.r.integer(h) + " giờ"
	mm, k := digitsAt(s.src, j+1)
	switch at(s.src, j) {
	case 'h':
		if mm == "" {
			if isLetter(at(s.src, j+1)) {
				return "", 0, false // "5ha" is an area
			}
			return w, j + 1, true
		}
		if len(mm) != 2 || atoi(mm) >= 60 || isAlnum(at(s.src, k)) {
			return "", 0, false
		}
		if atoi(mm) > 0 {
			w += " " + s.r.integer(mm) + " phút"
		}
		if c := at(s.src, k); c == '\'' || c == '’' {
			k += utf8.RuneLen(c)
		}
		return w, k, true
	case ':':
		if len(mm) != 2 || atoi(mm) >= 60 {
			return "", 0, false
		}
		ss := ""
		if at(s.src, k) == ':' {
			if sec, l := digitsAt(s.src, k+1); len(sec) == 2 && atoi(sec) < 60 {
				ss, k = sec, l
			}
		}
		if isAlnum(at(s.src, k)) {
			return "", 0, false
		}
		if atoi(mm) > 0 || atoi(ss) > 0 {
			w += " " + s.r.integer(mm) + " phút"
		}
		if atoi(ss) > 0 {
			w += " " + s.r.integer(ss) + " giây"
		}
		return w, k, true
	}
	return "", 0, false
}

// dayRange reads days of one month: "1-2/12", "22–23/12/2024" →
// "từ ngày một đến ngày hai tháng mười hai".
func (s *state) dayRange() bool {
	d1, j := digitsAt(s.src, s.i)
	dash := at(s.src, j)
	if !isDash(dash) {
		return false
	}
	d2, k := digitsAt(s.src, j+utf8.RuneLen(dash))
	if d2 == "" || len(d2) > 2 || at(s.src, k) != '/' {
		return false
	}
	m, l := digitsAt(s.src, k+1)
	if m == "" || len(m) > 2 {
		return false
	}
	y, year := "", 2024
	if at(s.src, l) == '/' {
		if yy, end := digitsAt(s.src, l+1); len(yy) == 4 {
			y, year, l = yy, atoi(yy), end
		}
	}
	a, b, mo := atoi(d1), atoi(d2), atoi(m)
	if !numberEnds(s.src, l) || a >= b || !validDate(a, mo, year) || !validDate(b, mo, year) {
		return false
	}
	prev, _ := wordBefore(s.src, s.i)
	w := s.dayWords(a, prev) + " đến " + s.dayWords(b, "") + " tháng " + s.r.month(mo)
	if !noFrom[prev] && prev != "ngày" && prev != "mồng" && prev != "mùng" {
		w = "từ " + w
	}
	if y != "" {
		w += " năm " + s.r.integer(y)
	}
	s.gen(w)
	s.i = l
	return true
}

// numberEnds reports whether a number may end at i: no letter or digit
// follows, nor a separator that continues it ("30/2020/NĐ-CP").
func numberEnds(src string, i int) bool {
	c := at(src, i)
	if isAlnum(c) {
		return false
	}
	if (c == '/' || c == '-' || c == '.') && isAlnum(at(src, i+1)) {
		return false
	}
	return true
}

// date writes "ngày D tháng M năm Y", without a second "ngày" when the
// text already says it.
func (s *state) date(d, m int, y string) {
	prev, _ := wordBefore(s.src, s.i)
	s.gen(s.dayWords(d, prev) + " tháng " + s.r.month(m) + " năm " + s.r.integer(y))
}

// dayWords reads a day of the month after the word prev.
func (s *state) dayWords(d int, prev string) string {
	w := s.r.integer(itoa(d))
	if s.r.dayPrefix != "" && d <= 10 && prev != "mồng" && prev != "mùng" {
		w = s.r.dayPrefix + " " + w
	}
	if prev == "ngày" || prev == "mồng" || prev == "mùng" {
		return w
	}
	return "ngày " + w
}

// monthYear writes "tháng M năm Y" for "4/2025"; after "số" the number
// is a document's ("số 3/2025": số ba năm hai nghìn không trăm hai mươi lăm).
func (s *state) monthYear(m int, y string) {
	switch prev, _ := wordBefore(s.src, s.i); prev {
	case "tháng":
		s.gen(s.r.month(m) + " năm " + s.r.integer(y))
	case "số":
		s.gen(s.r.integer(itoa(m)) + " năm " + s.r.integer(y))
	default:
		s.gen("tháng " + s.r.month(m) + " năm " + s.r.integer(y))
	}
}

// dayMonth reads "D/M" that ends at end: a date after a word of
// dateContext; otherwise a fraction when it looks like one (1/2, 2/3, 3/4)
// or else a date, reported as ambiguous either way.
func (s *state) dayMonth(d, m, end int) bool {
	prev, _ := wordBefore(s.src, s.i)
	start := s.i
	switch {
	case dateContext[prev]:
		s.gen(s.dayWords(d, prev) + " tháng " + s.r.month(m))
	case d < m && m <= 10:
		s.gen(s.r.integer(itoa(d)) + " phần " + s.r.integer(itoa(m)))
		s.problem(Ambiguous, start, end, "\""+s.src[start:end]+"\" read as a fraction",
			"if it is a date, write \"ngày\" before it")
	default:
		s.gen(s.dayWords(d, prev) + " tháng " + s.r.month(m))
		s.problem(Ambiguous, start, end, "\""+s.src[start:end]+"\" read as a date",
			"write \"ngày\" before a date, or a fraction in words (\"một phần hai\")")
	}
	s.i = end
	return true
}

// validDate reports whether d/m/y is a day of the calendar.
func validDate(d, m, y int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
	if m == 2 && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

// atoi converts up to nine ASCII digits.
func atoi(d string) int {
	v := 0
	for i := 0; i < len(d) && i < 9; i++ {
		v = v*10 + int(d[i]-'0')
	}
	return v
}
