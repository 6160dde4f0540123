package spoken

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
	case 'h':
		mm, k := digitsAt(s.src, j+1)
		switch {
		case mm == "" && !isLetter(at(s.src, j+1)) && a <= 24:
			s.gen(s.r.integer(d1) + " giờ")
			s.i = j + 1
			return true
		case len(mm) == 2 && atoi(mm) < 60 && a <= 24 && !isAlnum(at(s.src, k)):
			s.clock(d1, mm, "")
			s.i = k
			if c := at(s.src, k); c == '\'' || c == '’' {
				s.i += len(string(c))
			}
			return true
		}
	case ':':
		mm, k := digitsAt(s.src, j+1)
		if len(mm) != 2 || atoi(mm) >= 60 || a > 24 {
			return false
		}
		ss := ""
		if at(s.src, k) == ':' {
			if sec, l := digitsAt(s.src, k+1); len(sec) == 2 && atoi(sec) < 60 {
				ss, k = sec, l
			}
		}
		if isAlnum(at(s.src, k)) {
			return false
		}
		s.clock(d1, mm, ss)
		s.i = k
		return true
	}
	return false
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

// clock writes "H giờ M phút [S giây]"; zero minutes are not said.
func (s *state) clock(h, mm, ss string) {
	w := s.r.integer(h) + " giờ"
	if atoi(mm) > 0 || ss != "" {
		w += " " + s.r.integer(mm) + " phút"
	}
	if ss != "" && atoi(ss) > 0 {
		w += " " + s.r.integer(ss) + " giây"
	}
	s.gen(w)
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
