package vntext

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Encoding names a legacy 8-bit Vietnamese encoding.
//
// Before Unicode, Vietnamese was typed in fonts that drew Vietnamese letters
// in place of the Latin-1 ones. Text copied out of such a document into a
// UTF-8 file keeps the bytes but loses the font, so that each byte from 0x80
// up shows as its Windows-1252 character: "Nghị quyết" typed in TCVN3 reads
// "NghÞ quyÕt", and in VNI "Nghò quyeát".
type Encoding int

const (
	Unicode Encoding = iota // not legacy: ordinary Unicode text
	TCVN3                   // TCVN 5712:1993, "ABC", fonts .VnTime
	VNI                     // VNI-Windows, fonts VNI-Times

	anyLegacy Encoding = -1 // words as either encoding spells them, for scans
)

// String returns the name of e as shown to users: "Unicode", "TCVN3 (ABC)"
// or "VNI".
func (e Encoding) String() string {
	switch e {
	case Unicode:
		return "Unicode"
	case TCVN3:
		return "TCVN3 (ABC)"
	case VNI:
		return "VNI"
	}
	return "Encoding(" + strconv.Itoa(int(e)) + ")"
}

// DetectLegacy reports which legacy encoding the valid UTF-8 text s (typically
// one line) appears to be written in, after it was pasted as Windows-1252
// characters; Unicode when it looks like ordinary text.
//
// The verdict rests on words, not on characters: a line is legacy only when
// converting it turns at least two words that were not Vietnamese syllables
// into Vietnamese syllables (one of them three letters or longer), and
// those words clearly outnumber the words the conversion spoils, the words
// already written in Unicode Vietnamese and the foreign words. French,
// German or Spanish text, typographic symbols and Vietnamese with a stray
// ©, × or µ therefore stay Unicode. Upper-case lines typed with the .VnTimeH
// fonts are recognised as TCVN3.
//
// Most lines are decided by a single scan without allocating: lines of
// ASCII, lines with fewer than two characters that are legacy codes, and
// Vietnamese lines whose only such characters are the Latin-1 vowels that
// Vietnamese itself uses (à, é, ô ...).
func DetectLegacy(s string) Encoding {
	if !worthScoring(s) {
		return Unicode
	}
	upper := upperCaseLine(s)
	return pick(scoreLine(s, TCVN3, upper), scoreLine(s, VNI, upper))
}

// FromLegacy converts text pasted from enc into Unicode NFC.
//
// Every code of enc is converted, so FromLegacy belongs on the lines that
// DetectLegacy reports, not on a whole file that may also hold Unicode
// Vietnamese: the Unicode "có" reads as the TCVN3 "cú". Words that contain
// letters only Unicode has (ư, đ, ệ ...) are kept as they are, which makes a
// line that mixes Unicode with a pasted fragment safe to convert.
//
// TCVN3 has codes for small letters and Ă Â Ê Ô Ơ Ư Đ only; the capitals
// come from the .VnTimeH fonts, which draw the small codes as capitals. So
// a TCVN3 word with no ASCII small letter is put in capitals when it has two
// capitals or more ("NGHÞ" is "NGHỊ") or stands on a line in capitals, and
// a capital followed by its own toned form, which some converters write for
// the missing capitals, is one letter ("Aµ" is "À").
//
// With enc Unicode, FromLegacy only normalises s. Invalid UTF-8 becomes
// U+FFFD.
func FromLegacy(s string, enc Encoding) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if enc != TCVN3 && enc != VNI {
		return NFCString(s)
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	var word []rune
	for line := range strings.Lines(s) {
		upper := upperCaseLine(line)
		for i := 0; i < len(line); {
			start, end := nextWord(line, i, enc)
			b.WriteString(line[i:start])
			word = convertWord(word[:0], line[start:end], enc, upper)
			for _, r := range word {
				b.WriteRune(r)
			}
			i = end
		}
	}
	return NFCString(b.String())
}

// DetectLegacyBytes reports whether b, which is NOT valid UTF-8, decodes as
// Vietnamese in TCVN3 or VNI; Unicode if neither fits.
//
// Such a file was saved from an old editor as raw 8-bit bytes. The whole of
// b is weighed with the rules of DetectLegacy. Valid UTF-8 is reported as
// Unicode: check its lines with DetectLegacy instead.
func DetectLegacyBytes(b []byte) Encoding {
	if utf8.Valid(b) {
		return Unicode
	}
	var t, v score
	for line := range strings.Lines(fromWindows1252(b)) {
		upper := upperCaseLine(line)
		t = t.plus(scoreLine(line, TCVN3, upper))
		v = v.plus(scoreLine(line, VNI, upper))
	}
	return pick(t, v)
}

// DecodeLegacyBytes decodes raw 8-bit bytes in enc into Unicode NFC text.
//
// It is FromLegacy for files saved as bytes, with the same tables. Bytes
// 0x80–0x9F hold no Vietnamese letter in either encoding and decode as in
// Windows-1252, the way Word shows them (curly quotes, dashes, …); the five
// bytes Windows-1252 leaves undefined become U+FFFD. With enc Unicode, b is
// taken as UTF-8 and only normalised.
func DecodeLegacyBytes(b []byte, enc Encoding) string {
	if enc != TCVN3 && enc != VNI {
		return FromLegacy(string(b), Unicode)
	}
	return FromLegacy(fromWindows1252(b), enc)
}

// fromWindows1252 decodes b as Windows-1252.
func fromWindows1252(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	for _, c := range b {
		if c < utf8.RuneSelf {
			sb.WriteByte(c)
		} else {
			sb.WriteRune(charmap.Windows1252.DecodeByte(c))
		}
	}
	return sb.String()
}

const (
	minGood  = 2  // converted words a legacy line needs at least
	maxWord  = 24 // longer words are never syllables and are skipped
	maxSylla = 8  // letters in the longest syllable ("nghiêng" has 7)
)

// worthScoring is the single cheap scan that DetectLegacy starts with. It
// reports whether s has enough legacy codes to be worth weighing word by
// word: at least minGood, and, if s also has letters that only Unicode
// Vietnamese has, at least one that Vietnamese does not use as a letter.
func worthScoring(s string) bool {
	codes, notLetters, native := 0, 0, 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case isLegacyCode(r):
			codes++
			if !vowelOf(r).ok {
				notLetters++ // ¸, Þ, ä ...: not a Vietnamese letter
			}
		case isNativeVietnamese(r):
			native++
		}
	}
	return codes >= minGood && (notLetters > 0 || native == 0)
}

// isLegacyCode reports whether r, read as a Windows-1252 byte, is a letter
// or a mark in TCVN3 or VNI.
func isLegacyCode(r rune) bool {
	return r < 256 && (tcvn3Codes[r] != 0 || vniLetters[r] != 0 || vniMarks[r].ok())
}

// isNativeVietnamese reports whether r occurs in Unicode Vietnamese but
// cannot come from pasted legacy text: a Vietnamese letter outside Latin-1
// (ă đ ơ ư ạ ... ỹ) or a combining mark of decomposed (NFD) text.
func isNativeVietnamese(r rune) bool {
	switch {
	case r < 0x100:
		return false
	case r == 'đ' || r == 'Đ' || 0x300 <= r && r <= 0x323:
		return true
	}
	return vowelOf(r).ok
}

// upperCaseLine reports whether line is in capitals: it has at least two
// ASCII capitals and no ASCII small letter. Such a TCVN3 line was typed with
// a .VnTimeH font, and its lower-case codes stand for capitals.
func upperCaseLine(line string) bool {
	upper := 0
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case 'a' <= c && c <= 'z':
			return false
		case 'A' <= c && c <= 'Z':
			upper++
		}
	}
	return upper >= 2
}

// A score counts the evidence that a text is in one legacy encoding.
type score struct {
	good    int // words that became syllables and were not before
	long    int // good words of three letters or more
	bad     int // words the conversion turned into non-syllables
	native  int // words with letters only Unicode Vietnamese has
	foreign int // unchanged words, not in capitals, that are not syllables
}

// plus returns the sum of two scores.
func (s score) plus(t score) score {
	return score{s.good + t.good, s.long + t.long, s.bad + t.bad,
		s.native + t.native, s.foreign + t.foreign}
}

// margin is positive when the converted words clearly outnumber the
// evidence against conversion; foreign words weigh half.
func (s score) margin() int {
	return 2*s.good - 2*(s.bad+s.native) - s.foreign
}

// legacy reports whether s is enough evidence for its encoding.
func (s score) legacy() bool {
	return s.good >= minGood && s.long > 0 && s.margin() > 0
}

// pick chooses between the scores of TCVN3 and VNI.
func pick(t, v score) Encoding {
	switch {
	case t.legacy() && (!v.legacy() || t.margin() >= v.margin()):
		return TCVN3
	case v.legacy():
		return VNI
	}
	return Unicode
}

// scoreLine weighs every word of line as written in enc.
func scoreLine(line string, enc Encoding, upper bool) score {
	var s score
	for i := 0; i < len(line); {
		start, end := nextWord(line, i, enc)
		if start == end {
			break
		}
		s.judge(line[start:end], enc, upper)
		i = end
	}
	return s
}

// judge adds the evidence of one word to s.
func (s *score) judge(word string, enc Encoding, upper bool) {
	s.add(classify(word, enc, upper))
}

// add adds a word of the class to s; long says it has three letters or
// more.
func (s *score) add(c wordClass, long bool) {
	switch c {
	case wordNative:
		s.native++
	case wordForeign:
		s.foreign++
	case wordBad:
		s.bad++
	case wordGood:
		s.good++
		if long {
			s.long++
		}
	}
}

// wordClass is what one word says about the encoding it is written in.
type wordClass uint8

const (
	wordNeutral wordClass = iota // no evidence: ASCII syllables, acronyms, numbers, a word both ways
	wordNative                   // has letters only Unicode Vietnamese has
	wordGood                     // the conversion turns it from a non-word into a syllable
	wordBad                      // the conversion turns it into a non-syllable
	wordForeign                  // unchanged by the conversion, and not a syllable
)

// classify weighs one word as written in enc; long says a good word
// converts to three letters or more.
func classify(word string, enc Encoding, upper bool) (wordClass, bool) {
	var orig, conv [maxWord]rune
	n := 0
	for _, r := range word {
		if isNativeVietnamese(r) {
			return wordNative, false
		}
		if n == maxWord {
			return wordNeutral, false
		}
		orig[n] = r
		n++
	}
	was := orig[:n]
	got := decodeWord(conv[:0], was, enc, upper)
	switch {
	case slices.Equal(got, was):
		// Acronyms (UBND, NQ) are no evidence of a foreign language.
		if n >= 2 && !allUpper(was) && !isSyllable(was) {
			return wordForeign, false
		}
	case !isSyllable(got) && !acronymD(got):
		return wordBad, false
	case len(got) >= 2 && !isSyllable(was):
		// A lone symbol that converts to a one-letter word (× is ì in
		// TCVN3) proves nothing.
		return wordGood, len(got) >= 3
	}
	return wordNeutral, false
}

// acronymD reports whether w is an acronym in capitals with Đ, the one
// letter of acronyms that needs a legacy code (QĐ, BCĐ: Q§ in TCVN3, QÑ
// in VNI). It is no syllable, but no evidence against the encoding either.
func acronymD(w []rune) bool {
	return len(w) >= 2 && allUpper(w) && slices.Contains(w, 'Đ') &&
		!slices.ContainsFunc(w, func(r rune) bool { return r >= utf8.RuneSelf && r != 'Đ' })
}

// nextWord returns the bounds of the first word of s at or after i, or
// len(s), len(s) when there is none.
func nextWord(s string, i int, enc Encoding) (start, end int) {
	start = len(s)
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r, enc) {
			start = i
			break
		}
		i += size
	}
	end = start
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !isWordRune(r, enc) {
			break
		}
		end += size
	}
	return start, end
}

// isWordRune reports whether r is part of a word in text written in enc:
// a letter, a combining mark, or a code of enc (TCVN3 uses symbols such as
// ¸ and « for letters).
func isWordRune(r rune, enc Encoding) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	if r < 256 {
		switch {
		case enc != VNI && tcvn3Codes[r] != 0,
			enc != TCVN3 && (vniLetters[r] != 0 || vniMarks[r].ok()):
			return true
		}
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// convertWord appends word, converted from enc, to dst. A word with letters
// only Unicode Vietnamese has is appended unchanged.
func convertWord(dst []rune, word string, enc Encoding, upper bool) []rune {
	src := []rune(word)
	if slices.ContainsFunc(src, isNativeVietnamese) {
		return append(dst, src...)
	}
	return decodeWord(dst, src, enc, upper)
}

// decodeWord appends the word src, written in enc, to dst as Unicode.
// upper says whether the word is on an upper-case line.
func decodeWord(dst, src []rune, enc Encoding, upper bool) []rune {
	switch enc {
	case TCVN3:
		return decodeTCVN3(dst, src, upper)
	case VNI:
		return decodeVNI(dst, src)
	}
	return append(dst, src...)
}

// decodeTCVN3 appends the TCVN3 word src to dst as Unicode. The word is put
// in capitals when it has no ASCII small letter and either two capitals or
// an upper-case line: it was typed with a .VnTimeH font.
func decodeTCVN3(dst, src []rune, upperLine bool) []rune {
	start, small := len(dst), false
	for _, r := range src {
		small = small || 'a' <= r && r <= 'z'
		if r < 256 && tcvn3Codes[r] != 0 {
			r = tcvn3Codes[r]
		}
		if n := len(dst); n > start && tonesUpper(dst[n-1], r) {
			dst[n-1] = unicode.ToUpper(r)
			continue
		}
		dst = append(dst, r)
	}
	w := dst[start:]
	if !small && (upperLine || countUpper(w) >= 2) {
		for i, r := range w {
			w[i] = unicode.ToUpper(r)
		}
	}
	return dst
}

// tonesUpper reports whether the toned small vowel r, after the untoned
// capital prev, stands for prev with r's tone: "Aµ" for "À".
func tonesUpper(prev, r rune) bool {
	p, v := vowelOf(prev), vowelOf(r)
	return p.ok && v.ok && p.upper && !v.upper &&
		p.tone == toneNone && v.tone != toneNone && p.q == v.q
}

// decodeVNI appends the VNI word src to dst as Unicode.
func decodeVNI(dst, src []rune) []rune {
	start := len(dst)
	for _, r := range src {
		if r < 256 {
			if n := len(dst); n > start && vniMarks[r].ok() {
				if v, ok := vniMarks[r].apply(dst[n-1]); ok {
					dst[n-1] = v
					continue
				}
			}
			if vniLetters[r] != 0 {
				r = vniLetters[r]
			}
		}
		dst = append(dst, r)
	}
	return dst
}

// apply returns the vowel base with the mark m on it. It fails when base is
// not an untoned vowel of the mark's case or cannot take its modification.
func (m vniMark) apply(base rune) (rune, bool) {
	v := vowelOf(base)
	if !v.ok || v.tone != toneNone || v.upper != m.upper {
		return 0, false
	}
	q := v.q
	switch {
	case m.mod == modCircumflex && q == qA:
		q = qAa
	case m.mod == modCircumflex && q == qE:
		q = qEe
	case m.mod == modCircumflex && q == qO:
		q = qOo
	case m.mod == modBreve && q == qA:
		q = qAw
	case m.mod != modNone:
		return 0, false
	}
	return vowelRune(q, m.tone, m.upper), true
}

// countUpper returns the number of capitals in w.
func countUpper(w []rune) int {
	n := 0
	for _, r := range w {
		if 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// allUpper reports whether w is all capitals.
func allUpper(w []rune) bool { return countUpper(w) == len(w) }

// isSyllable reports whether w is spelled like one Vietnamese syllable: an
// initial consonant, a vowel group and a final consonant, each from the
// lists of Vietnamese, with at most one tone, a stop final (c, ch, p, t)
// only after the sắc or nặng tone, and the word in small letters, capitals,
// or a capital and small letters. It checks spelling, not the dictionary:
// "ngoáy" and "nghiêng" pass, "cat" and "Müller" do not.
func isSyllable(w []rune) bool {
	n := len(w)
	if n == 0 || n > maxSylla {
		return false
	}
	if up := countUpper(w); up != 0 && up != n && (up != 1 || !unicode.IsUpper(w[0])) {
		return false
	}
	var ls [maxSylla]letter
	for i, r := range w {
		l, ok := letterOf(r)
		if !ok {
			return false
		}
		ls[i] = l
	}
	return spellsSyllable(ls[:n])
}

// A letter is a Vietnamese letter in small case: a consonant (đ is 'D'), or
// a vowel of quality q and tone.
type letter struct {
	cons    byte
	q, tone uint8
	isVowel bool
}

// letterOf returns the letter r, and false if r is not a Vietnamese letter.
func letterOf(r rune) (letter, bool) {
	if v := vowelOf(r); v.ok {
		return letter{q: v.q, tone: v.tone, isVowel: true}, true
	}
	switch {
	case r == 'đ' || r == 'Đ':
		return letter{cons: 'D'}, true
	case 'A' <= r && r <= 'Z':
		r += 'a' - 'A'
	}
	if 'a' <= r && r <= 'z' && !strings.ContainsRune("fjwz", r) {
		return letter{cons: byte(r)}, true
	}
	return letter{}, false
}

// spellsSyllable reports whether ls is initial + vowel group + final.
func spellsSyllable(ls []letter) bool {
	var onset, coda [3]byte
	var group [12]byte
	no, ng, nc := 0, 0, 0
	i := 0
	for ; i < len(ls) && !ls[i].isVowel; i++ {
		if no == len(onset) {
			return false
		}
		onset[no] = ls[i].cons
		no++
	}
	if i < len(ls) && glideOfOnset(onset[:no], ls[i:]) {
		onset[no] = 'u'
		if ls[i].q == qI {
			onset[no] = 'i'
		}
		no++
		i++
	}
	first, tone, tones := -1, uint8(toneNone), 0
	vstart, toned := i, -1
	for ; i < len(ls) && ls[i].isVowel; i++ {
		if first < 0 {
			first = int(ls[i].q)
		}
		if ls[i].tone != toneNone {
			toned = i - vstart
		}
		k := qualityKeys[ls[i].q]
		if ng+len(k) > len(group) {
			return false
		}
		ng += copy(group[ng:], k)
		if ls[i].tone != toneNone {
			tone = ls[i].tone
			tones++
		}
	}
	for ; i < len(ls); i++ {
		if ls[i].isVowel || nc == len(coda) {
			return false
		}
		coda[nc] = ls[i].cons
		nc++
	}
	nu, ok := nuclei[string(group[:ng])]
	return ok && tones <= 1 &&
		onsets[string(onset[:no])] && fitsOnset(string(onset[:no]), first) &&
		codas[string(coda[:nc])] && fitsFinal(nu, string(coda[:nc]), tone) &&
		tonePlaced(ls[vstart:vstart+countVowels(ls[vstart:])], toned, nc > 0)
}

func countVowels(ls []letter) int {
	n := 0
	for n < len(ls) && ls[n].isVowel {
		n++
	}
	return n
}

// tonePlaced reports whether the tone mark, on vowel toned (-1: none) of
// the vowel group vs, sits where Vietnamese spelling puts it, in the old
// style or the new: on the vowel that carries a modification (ê, ơ; the ơ
// of ươ); else on the last vowel before a final consonant; else on the
// first of two vowels (tài, mía), or the second of oa, oe, uy (hoà, thuý),
// or the middle of three (ngoài). Text read in the wrong legacy encoding
// breaks this rule often: VNI's "ngheä" read as TCVN3 is "ngheọ".
func tonePlaced(vs []letter, toned int, final bool) bool {
	if toned < 0 || len(vs) == 1 {
		return true
	}
	lastMod := -1
	for k, v := range vs {
		switch v.q {
		case qAw, qAa, qEe, qOo, qOw, qUw:
			lastMod = k
		}
	}
	switch {
	case lastMod >= 0:
		return toned == lastMod
	case final:
		return toned == len(vs)-1
	case len(vs) == 2:
		pair := [2]uint8{vs[0].q, vs[1].q}
		newStyle := pair == [2]uint8{qO, qA} || pair == [2]uint8{qO, qE} || pair == [2]uint8{qU, qY}
		return toned == 0 || toned == 1 && newStyle
	}
	return toned == 1
}

// glideOfOnset reports whether the vowel that starts rest belongs to the
// initial consonant: the u of qu, and the i of gi before another vowel
// (gia, giường; but gì, gìn).
func glideOfOnset(onset []byte, rest []letter) bool {
	if len(onset) != 1 || rest[0].tone != toneNone {
		return false
	}
	switch {
	case onset[0] == 'q':
		return rest[0].q == qU
	case onset[0] == 'g':
		return rest[0].q == qI && len(rest) > 1 && rest[1].isVowel
	}
	return false
}

// fitsFinal reports whether the final consonant suits the vowel group and
// the tone: ch and nh follow only a, ê, i, y (oa, uê, uy), and the stops
// c, ch, p, t take only the sắc or nặng tone.
func fitsFinal(nu nucleus, coda string, tone uint8) bool {
	switch {
	case coda == "":
		return nu.final != finalMust
	case nu.final == finalNot:
		return false
	case (coda == "ch" || coda == "nh") && !nu.palatal:
		return false
	}
	switch coda {
	case "c", "ch", "p", "t":
		return tone == toneAcute || tone == toneDot
	}
	return true
}

// fitsOnset reports whether the initial consonant suits the first vowel:
// k, gh and ngh come before e, ê, i and y; c, g and ng do not.
func fitsOnset(onset string, first int) bool {
	front := first == qE || first == qEe || first == qI || first == qY
	switch onset {
	case "k", "gh", "ngh":
		return front
	case "c", "ng":
		return !front
	case "g":
		return !front || first == qI // gì, gìn: g before a lone i
	}
	return true
}
