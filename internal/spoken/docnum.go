package spoken

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Document numbers of Party and State documents.
//
// Party (Hướng dẫn 36-HD/VPTW): number, hyphen, type, slash, issuer:
// "57-NQ/TW", "01-KH/BTGDVTU". State (Nghị định 30/2020/NĐ-CP): number,
// optional year, slash, type and issuers joined by hyphens: "1169/QĐ-TTg",
// "30/2020/NĐ-CP", "193/2025/QH15"; without a type code it is a letter
// (công văn): "5734/BVHTTDL-VHCSGĐTV", issuer then issuing unit.
//
// Read: "[type] số N [năm Y] [của issuer]": "Nghị quyết số 57-NQ/TW của
// Bộ Chính trị" → "Nghị quyết số năm mươi bảy của Bộ Chính trị"; "Số
// 01-KH/BTGDVTU" → "Kế hoạch số một của Ban Tuyên giáo và Dân vận Tỉnh
// ủy". The type is said only when the text does not name it just before;
// the issuer only when the text does not say "của ..." right after.

// docNum is a parsed document number.
type docNum struct {
	num, year string
	typ       string   // type code, "" when none
	issuers   []string // issuer codes
	units     []string // issuing units after the issuer of a letter; not read
	end       int
}

// docNumber reads a document number at s.i, with the "Số" or "Số:"
// before it when there is one.
func (s *state) docNumber() bool {
	start := s.i
	w, wend := lettersAt(s.src, start)
	hasSo := false
	numAt := start
	if strings.ToLower(w) == "số" {
		j := wend
		if at(s.src, j) == ':' {
			j++
		}
		j = skipInlineSpace(s.src, j)
		if j == wend || !isDigit(at(s.src, j)) {
			return false
		}
		hasSo, numAt = true, j
	} else if !isDigit(at(s.src, start)) {
		return false
	}
	d, ok := s.parseDocNum(numAt)
	if !ok {
		return false
	}
	var b strings.Builder
	if !s.docNounBefore(start) {
		if name := s.r.types[d.typ]; name != "" {
			if hasSo && isUpperInitial(w) {
				name = upperFirst(name)
			}
			b.WriteString(name + " ")
		} else if d.typ == "" && d.year == "" && len(d.issuers) > 0 {
			b.WriteString("công văn ")
		}
	}
	so := "số"
	if hasSo && b.Len() == 0 {
		so = w // keep the writer's "Số" or "số"
	}
	b.WriteString(so + " " + s.r.integer(d.num))
	if d.year != "" {
		b.WriteString(" năm " + s.r.integer(d.year))
	}
	if d.typ != "" && s.r.types[d.typ] == "" {
		s.problem(UnknownCode, numAt, d.end, "unknown document type code \""+d.typ+"\" in \""+s.src[numAt:d.end]+"\"",
			"add it to the document type table of the configuration")
	}
	var names []string
	if name := s.r.issuers[s.src[numAt:d.end]]; name != "" {
		names = []string{name} // a document the table names in full: "57-NQ/TW" Bộ Chính trị
	} else {
		for _, code := range d.issuers {
			if name := s.issuerName(code); name != "" {
				names = append(names, name)
			} else {
				s.problem(UnknownCode, numAt, d.end, "unknown issuer code \""+code+"\" in \""+s.src[numAt:d.end]+"\"; left out",
					"add it to the issuer table of the configuration")
			}
		}
	}
	issuer := strings.Join(names, ", ")
	if issuer != "" && !issuerFollows(s.src, d.end) && !s.issuerJustSaid(issuer) {
		b.WriteString(" của " + issuer)
	}
	s.i = d.end
	s.gen(b.String())
	return true
}

// parseDocNum parses the number at i in either style.
func (s *state) parseDocNum(i int) (docNum, bool) {
	num, j := digitsAt(s.src, i)
	d := docNum{num: num}
	switch at(s.src, j) {
	case '-': // Party: 57-NQ/TW
		typ, k := codeAt(s.src, j+1)
		if typ == "" || at(s.src, k) != '/' {
			return d, false
		}
		d.typ = typ
		for at(s.src, k) == '/' {
			c, next := codeAt(s.src, k+1)
			if c == "" {
				return d, false
			}
			d.issuers = append(d.issuers, c)
			k = next
		}
		d.end = k
		if s.r.types[typ] == "" && !s.knownIssuers(d.issuers) {
			return d, false
		}
	case '/': // State: 1169/QĐ-TTg, 30/2020/NĐ-CP
		k := j
		if y, next := digitsAt(s.src, j+1); len(y) == 4 && at(s.src, next) == '/' {
			d.year, k = y, next
		}
		var codes []string
		c, next := codeAt(s.src, k+1)
		if c == "" {
			return d, false
		}
		codes = append(codes, c)
		k = next
		for at(s.src, k) == '-' {
			c, next := codeAt(s.src, k+1)
			if c == "" {
				break
			}
			codes = append(codes, c)
			k = next
		}
		d.end = k
		if s.r.types[codes[0]] != "" {
			d.typ, d.issuers = codes[0], codes[1:]
		} else if d.year == "" && len(codes) > 1 && !s.knownIssuers(codes[:1]) && isTypeLike(codes[0]) {
			d.typ, d.issuers = codes[0], codes[1:] // an unknown type: reported
		} else if d.year != "" {
			d.issuers = codes
		} else {
			d.issuers, d.units = codes[:1], codes[1:]
		}
		if d.typ == "" && d.year == "" && !s.knownIssuers(d.issuers) {
			return d, false
		}
	default:
		return d, false
	}
	if isAlnum(at(s.src, d.end)) {
		return d, false
	}
	return d, true
}

// isTypeLike reports a short code that may be an unknown document type.
func isTypeLike(code string) bool { return utf8.RuneCountInString(code) <= 4 }

// knownIssuers reports whether every code is a known issuer.
func (s *state) knownIssuers(codes []string) bool {
	if len(codes) == 0 {
		return false
	}
	for _, c := range codes {
		if s.issuerName(c) == "" {
			return false
		}
	}
	return true
}

// issuerName reads an issuer code; a code with a term number ("QH15") is
// the body and its term: "Quốc hội khóa mười lăm".
func (s *state) issuerName(code string) string {
	if name := s.r.issuers[code]; name != "" {
		return name
	}
	letters := strings.TrimRightFunc(code, isDigit)
	if letters != code && letters != "" {
		if name := s.r.issuers[letters]; name != "" {
			return name + " khóa " + s.r.integer(code[len(letters):])
		}
	}
	return ""
}

// codeAt reads a code of a document symbol at i: a capital letter, then
// letters and digits ("NQ", "TTg", "BCĐTW", "QH15").
func codeAt(src string, i int) (string, int) {
	r, _ := utf8.DecodeRuneInString(src[min(i, len(src)):])
	if i >= len(src) || !unicode.IsUpper(r) {
		return "", i
	}
	j := i
	for j < len(src) {
		r, size := utf8.DecodeRuneInString(src[j:])
		if !isAlnum(r) {
			break
		}
		j += size
	}
	return src[i:j], j
}

// docNounBefore reports whether the name of a kind of document ("Nghị
// quyết", "Luật", "Quy định") ends one of the last four words before i,
// with no punctuation in between: "Kế hoạch tuyên truyền 01-KH/BTGDVTU"
// names its type already.
func (s *state) docNounBefore(i int) bool {
	text := strings.TrimRightFunc(tail(s.src[:i], 120), isInlineSpace)
	for words := 0; words < 4; words++ {
		j := len(text)
		for j > 0 && isLetter(before(text, j)) {
			j -= utf8.RuneLen(before(text, j))
		}
		if j == len(text) {
			return false // punctuation, a number or the start of the text
		}
		if words == 0 && s.r.types[text[j:]] != "" {
			return true // "QĐ 1165/QĐ-UBND": the type's code is its name
		}
		low := strings.ToLower(text)
		for _, noun := range s.r.docNouns {
			if strings.HasSuffix(low, noun) && !isAlnum(lastRune([]byte(low[:len(low)-len(noun)]))) {
				return true
			}
		}
		text = strings.TrimRightFunc(text[:j], isInlineSpace)
	}
	return false
}

// issuerJustSaid reports whether the text just said that name issued the
// document: "Thủ tướng Chính phủ ban hành Quyết định 1169/QĐ-TTg" needs
// no second "của Thủ tướng Chính phủ". It looks at the last five words
// written, past the document's own name.
func (s *state) issuerJustSaid(name string) bool {
	name = strings.ToLower(name)
	out := strings.ToLower(strings.TrimRight(tail(string(s.out[max(0, len(s.out)-len(name)-200):]), len(name)+200), " "))
	for range 6 {
		for _, verb := range []string{" ban hành", " đã ban hành", " vừa ban hành"} {
			if strings.HasSuffix(out, name+verb) {
				return true
			}
		}
		k := strings.LastIndexByte(out, ' ')
		if k < 0 {
			break
		}
		out = strings.TrimRight(out[:k], " ")
	}
	return false
}

// issuerFollows reports whether the text names the issuer right after a
// document number, maybe after its date: "57-NQ/TW ngày 22/12/2024 của Bộ
// Chính trị", "57-NQ/TW do Bộ Chính trị ban hành".
func issuerFollows(src string, i int) bool {
	i = skipCommas(src, i)
	w, end := wordAfter(src, i)
	if w == "ngày" {
		j := end
		for j < len(src) {
			c := at(src, j)
			if isDigit(c) || isInlineSpace(c) || c == '/' || c == '-' || c == '.' {
				j += utf8.RuneLen(c)
				continue
			}
			if w, wend := lettersAt(src, j); w == "tháng" || w == "năm" {
				j = wend
				continue
			}
			break
		}
		w, _ = wordAfter(src, skipCommas(src, j))
	}
	return w == "của" || w == "do"
}

// skipCommas returns the offset after the spaces and commas at i.
func skipCommas(src string, i int) int {
	for i < len(src) && (src[i] == ',' || isInlineSpace(at(src, i))) {
		i += utf8.RuneLen(at(src, i))
	}
	return i
}
