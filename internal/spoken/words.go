package spoken

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// abbrev reads an abbreviation of the table at s.i, if one starts there.
func (s *state) abbrev() bool {
	for _, key := range s.r.abbrevIndex[at(s.src, s.i)] {
		if !strings.HasPrefix(s.src[s.i:], key) || !keyEnds(s.src, key, s.i+len(key)) {
			continue
		}
		s.useAbbrev(key, s.i+len(key))
		return true
	}
	return false
}

// keyEnds reports whether a table key that ends at end stands as a whole
// word: no letter follows, and a digit only after a key of letters
// ("NQ57" is NQ then 57; "5G" does not match in "5GB").
func keyEnds(src, key string, end int) bool {
	next := at(src, end)
	switch {
	case strings.HasSuffix(key, "."):
		return true // "TP.HCM", "PGS.TS.": the full stop ends the key
	case isLetter(next):
		return false
	case isDigit(next):
		last, _ := utf8.DecodeLastRuneInString(key)
		return isLetter(last) && utf8.RuneCountInString(key) > 1 && strings.IndexFunc(key, isDigit) < 0
	}
	return true
}

// useAbbrev writes the reading of the abbreviation key found at s.i.
func (s *state) useAbbrev(key string, end int) {
	val := s.r.abbrev[key]
	s.i = end
	switch {
	case val == key:
		s.verbatim(key)
		return
	case explainsItself(s.src, end):
		// "R&D là viết tắt của nghiên cứu và phát triển": the letters are
		// the subject of the sentence, so they are said as letters.
		s.verbatim(strings.ReplaceAll(key, "&", " và "))
		return
	}
	s.gen(val)
	// "TFP (năng suất nhân tố tổng hợp)": the gloss is now said twice.
	if close := glossAfter(s.src, end, val); close > 0 {
		s.i = close
	}
	// "..., v.v." at the end of a paragraph: the key's full stop also ends
	// the sentence.
	if strings.HasSuffix(key, ".") {
		rest := skipInlineSpace(s.src, end)
		if rest == len(s.src) || at(s.src, rest) == '\n' || at(s.src, rest) == '\r' {
			s.verbatim(".")
		}
	}
}

// explainsItself reports whether the words after an abbreviation say it
// is an abbreviation ("là viết tắt của", "là chữ viết tắt").
func explainsItself(src string, i int) bool {
	words := make([]string, 0, 5)
	for len(words) < 5 {
		// Skip quotes, parentheses and other marks between the words.
		for i < len(src) && !isAlnum(at(src, i)) && at(src, i) != '\n' && !isInlineSpace(at(src, i)) {
			_, size := utf8.DecodeRuneInString(src[i:])
			i += size
		}
		w, end := wordAfter(src, i)
		if w == "" {
			break
		}
		words = append(words, w)
		i = end
	}
	return strings.Contains(" "+strings.Join(words, " ")+" ", " viết tắt ")
}

// glossAfter returns the offset after " (gloss)" at i when gloss is
// reading (in any case), or 0.
func glossAfter(src string, i int, reading string) int {
	j := skipInlineSpace(src, i)
	if at(src, j) != '(' {
		return 0
	}
	close := strings.IndexByte(src[j:], ')')
	if close < 0 {
		return 0
	}
	if strings.EqualFold(strings.TrimSpace(src[j+1:j+close]), reading) {
		return j + close + 1
	}
	return 0
}

// dropsRepeatedAbbrev skips "(AI)" after "trí tuệ nhân tạo": at an opening
// parenthesis holding only an abbreviation whose reading the output
// already ends with.
func (s *state) dropsRepeatedAbbrev() bool {
	close := strings.IndexByte(s.src[s.i:], ')')
	if close < 0 {
		return false
	}
	key := strings.TrimSpace(s.src[s.i+1 : s.i+close])
	val, ok := s.r.abbrev[key]
	if !ok || val == key {
		return false
	}
	v := strings.ToLower(val)
	done := strings.ToLower(strings.TrimRight(tail(string(s.out[max(0, len(s.out)-len(v)-16):]), len(v)+8), " "))
	if !strings.HasSuffix(done, v) {
		return false
	}
	if rest := done[:len(done)-len(v)]; rest != "" && isAlnum(lastRune([]byte(rest))) {
		return false
	}
	s.trimTrailingSpace()
	s.i += close + 1
	return true
}

// looksLikeAbbrev reports a token that is probably an abbreviation: two
// or more capitals that do not spell a Vietnamese syllable (UBND, not
// NGÀY), or a capital inside a word (VNeID).
func looksLikeAbbrev(w string) bool {
	n, allUpper, innerUpper := 0, true, false
	for _, r := range w {
		if unicode.IsLower(r) {
			allUpper = false
		} else if unicode.IsUpper(r) && n > 0 {
			innerUpper = true
		}
		n++
	}
	if n < 2 {
		return false
	}
	if allUpper {
		return !isSyllable(strings.ToLower(w))
	}
	return innerUpper
}

// Vietnamese syllable structure, without tones: an optional onset, one to
// three vowels, an optional coda. It accepts some syllables the language
// does not use, which is enough to tell NGÀY from UBND.
var (
	onsets = []string{"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
		"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""}
	codas = []string{"", "c", "ch", "m", "n", "ng", "nh", "p", "t"}
)

const vowels = "aăâeêioôơuưy"

// isSyllable reports whether w (lower case) has the shape of one
// Vietnamese syllable.
func isSyllable(w string) bool {
	base := stripTones(w)
	for _, on := range onsets {
		if !strings.HasPrefix(base, on) {
			continue
		}
		rest := base[len(on):]
		n, j := 0, 0
		for j < len(rest) {
			r, size := utf8.DecodeRuneInString(rest[j:])
			if !strings.ContainsRune(vowels, r) {
				break
			}
			n++
			j += size
		}
		if n >= 1 && n <= 3 && slices.Contains(codas, rest[j:]) {
			return true
		}
	}
	return false
}

// stripTones removes the five tone marks, keeping the marks that make
// letters (ă â ê ô ơ ư).
func stripTones(w string) string {
	d := norm.NFD.String(w)
	var b strings.Builder
	for _, r := range d {
		switch r {
		case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// romanContext are the words after which a Roman numeral is a number in
// a document's structure ("Phần II", "quý IV", "Đại hội XIV", "thế kỷ XXI").
var romanContext = map[string]bool{
	"phần": true, "chương": true, "mục": true, "điều": true, "khoản": true, "quý": true,
	"khóa": true, "khoá": true, "kỳ": true, "kì": true, "kỷ": true, "kỉ": true,
	"thứ": true, "lần": true, "hội": true, "đảng": true, "lục": true, "tập": true,
	"bài": true, "tiết": true, "đoạn": true, "số": true,
}

// roman reads a Roman numeral in a document's structure: after a word of
// romanContext, or opening a line as a heading number ("II. NHIỆM VỤ").
// "quý I/2025" is "quý một năm hai nghìn không trăm hai mươi lăm".
func (s *state) roman() bool {
	if romanDigit(s.src[s.i]) == 0 {
		return false
	}
	w, end := lettersAt(s.src, s.i)
	v, ok := romanValue(w)
	if !ok || isDigit(at(s.src, end)) {
		return false
	}
	prev, _ := wordBefore(s.src, s.i)
	next := at(s.src, end)
	heading := atLineStart(s.src, s.i) && (next == '.' || next == ')' || next == ':' || isDash(next))
	if !romanContext[prev] && !heading {
		return false
	}
	if prev == "thứ" {
		s.gen(s.r.ordinal(itoa(v)))
	} else {
		s.gen(s.r.integer(itoa(v)))
	}
	s.i = end
	// "mục I.1": the section of a part.
	for at(s.src, s.i) == '.' && isDigit(at(s.src, s.i+1)) {
		d, dend := digitsAt(s.src, s.i+1)
		s.gen("chấm " + s.r.integer(d))
		s.i = dend
	}
	if next == '/' {
		if y, yend := digitsAt(s.src, end+1); len(y) == 4 && !isAlnum(at(s.src, yend)) {
			s.gen("năm " + s.r.integer(y))
			s.i = yend
		}
	}
	return true
}

// romanValue parses a Roman numeral of capitals from 1 to 3999 written in
// the canonical way; single letters other than I, V and X are refused
// because they label groups ("nhóm C").
func romanValue(w string) (int, bool) {
	if w == "" || len(w) > 15 || (len(w) == 1 && !strings.Contains("IVX", w)) {
		return 0, false
	}
	n := 0
	for i := 0; i < len(w); i++ {
		v := romanDigit(w[i])
		if v == 0 {
			return 0, false
		}
		if i+1 < len(w) && romanDigit(w[i+1]) > v {
			n -= v
		} else {
			n += v
		}
	}
	if n < 1 || n > 3999 || toRoman(n) != w {
		return 0, false
	}
	return n, true
}

// romanDigit returns the value of a Roman numeral letter, or 0.
func romanDigit(c byte) int {
	switch c {
	case 'I':
		return 1
	case 'V':
		return 5
	case 'X':
		return 10
	case 'L':
		return 50
	case 'C':
		return 100
	case 'D':
		return 500
	case 'M':
		return 1000
	}
	return 0
}

// toRoman writes n (1 to 3999) in canonical Roman numerals.
func toRoman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// termNumber reads "QH15" as "Quốc hội khóa mười lăm": the legislature
// with its term, as laws and resolutions of the National Assembly are
// signed.
func (s *state) termNumber() bool {
	w, end := lettersAt(s.src, s.i)
	if w != "QH" {
		return false
	}
	d, dend := digitsAt(s.src, end)
	if d == "" || isLetter(at(s.src, dend)) {
		return false
	}
	name := s.r.issuers["QH"]
	if name == "" {
		name = "Quốc hội"
	}
	s.gen(name + " khóa " + s.r.integer(d))
	s.i = dend
	return true
}
