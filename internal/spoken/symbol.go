package spoken

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// symbolWords are the readings of symbols that read the same anywhere.
var symbolWords = map[rune]string{
	'%': "phần trăm", '‰': "phần nghìn", '&': "và", '≈': "khoảng", '~': "khoảng",
	'±': "cộng trừ", '×': "nhân", '÷': "chia", '→': "dẫn đến", '⇒': "dẫn đến",
	'§': "mục", '№': "số", '°': "độ", '@': "a còng", '₫': "đồng",
	'½': "một phần hai", '¼': "một phần tư", '¾': "ba phần tư",
}

// dropped are characters with no sound: list bullets, soft hyphens,
// zero-width spaces and joiners, the byte-order mark.
const dropped = "•·▪◦‣●\u00AD\u200B\u200C\u200D\u2060\uFEFF"

// unreadable punctuation: kept, but reported.
const unreadable = "#*\\_|^`"

// perWords follow "/" to mean "each": "3 lần/tuần" ba lần mỗi tuần.
var perWords = map[string]bool{
	"năm": true, "tháng": true, "quý": true, "tuần": true, "ngày": true, "đêm": true,
	"giờ": true, "phút": true, "giây": true, "người": true, "hộ": true, "lượt": true,
	"lần": true, "ca": true, "buổi": true, "chuyến": true, "suất": true, "tấn": true,
}

// symbol reads the non-letter, non-digit, non-space character c at s.i.
func (s *state) symbol(c rune, size int) {
	start := s.i
	next := at(s.src, start+size)
	numberNext := isDigit(at(s.src, skipInlineSpace(s.src, start+size)))
	switch {
	case c == '(' && s.dropsRepeatedAbbrev():
		return
	case currencies[c] != "" && isDigit(next):
		s.numeric()
		return
	case symbolWords[c] != "":
		s.gen(symbolWords[c])
	case c == '+':
		if isDigit(before(s.src, start)) || numberNext {
			s.gen("cộng")
		} else {
			s.gen("và")
		}
	case c == '=' && next == '>', c == '-' && next == '>':
		s.gen("dẫn đến")
		size++
	case c == '=':
		s.gen("bằng")
	case c == '≥':
		s.gen(pick(numberNext, "ít nhất", "lớn hơn hoặc bằng"))
	case c == '>':
		s.gen(pick(numberNext, "trên", "lớn hơn"))
	case c == '≤':
		s.gen(pick(numberNext, s.r.atMost, "nhỏ hơn hoặc bằng"))
	case c == '<':
		s.gen(pick(numberNext, "dưới", "nhỏ hơn"))
	case c == '−' || c == '-' && isDigit(next) && !isAlnum(before(s.src, start)):
		s.gen(pick(isDigit(next), "âm", "trừ"))
	case c == '-' && isLetter(before(s.src, start)) && isDigit(next):
		s.out = append(s.out, ' ') // "COVID-19": Cô-vít mười chín
	case c == '/':
		s.slash(start)
	case currencies[c] != "":
		s.gen(currencies[c])
	case strings.ContainsRune(dropped, c):
	case unicode.Is(unicode.Cc, c):
		s.problem(InvalidText, start, start+size, "control character left out", "")
	case unicode.Is(unicode.Cf, c):
	case unicode.IsPunct(c) && !strings.ContainsRune(unreadable, c):
		s.verbatim(s.src[start : start+size])
	default:
		s.problem(UnknownSymbol, start, start+size, "symbol \""+string(c)+"\" has no reading; kept as written",
			"write it in words")
		s.verbatim(s.src[start : start+size])
	}
	s.i = start + size
}

// slash reads a "/" that no number rule took: "mỗi" before a word of
// perWords, "hoặc" between two words ("nam/nữ"), else it is reported.
func (s *state) slash(i int) {
	j := skipInlineSpace(s.src, i+1)
	w, _ := lettersAt(s.src, j)
	k := i
	for k > 0 && isInlineSpace(before(s.src, k)) {
		k -= utf8.RuneLen(before(s.src, k))
	}
	switch {
	case w != "" && isAlnum(before(s.src, k)) && perWords[strings.ToLower(w)] && j == i+1:
		s.gen("mỗi")
	case w != "" && isAlnum(before(s.src, k)):
		s.gen("hoặc")
	default:
		s.problem(UnknownSymbol, i, i+1, "\"/\" has no reading here; kept as written", "write \"hoặc\", \"mỗi\" or \"trên\"")
		s.verbatim("/")
	}
}

// pick returns a if cond, else b.
func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}
