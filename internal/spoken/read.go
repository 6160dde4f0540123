package spoken

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Result is the read form of a text and what could not be read well.
type Result struct {
	Text     string    // the text to read aloud, NFC, without digits
	Problems []Problem // in the order of the source
}

// Read returns the read-aloud form of text: numbers, dates, times,
// percentages, ranges, document numbers, units, symbols and abbreviations
// in words. Text keeps its punctuation and line breaks, which the
// announcer uses as pauses. Read never fails: what it cannot read well is
// listed in Problems and kept as written (or, for invalid bytes, dropped).
func (r *Reader) Read(text string) Result {
	if !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	s := &state{r: r, src: text, out: make([]byte, 0, len(text)+len(text)/2), sentenceStart: true}
	s.run()
	out := string(s.out)
	if !norm.NFC.IsNormalString(out) {
		out = norm.NFC.String(out)
	}
	return Result{Text: out, Problems: s.probs}
}

// state is one run of Read over a source text.
type state struct {
	r     *Reader
	src   string
	i     int // next byte of src to read
	out   []byte
	probs []Problem

	sentenceStart bool // the next word begins a sentence: capitalise generated words
	endMark       bool // the last thing written ends a sentence (. ! ? …)
	lastGen       bool // the last thing written was generated, not copied
}

// run reads the whole source.
func (s *state) run() {
	for s.i < len(s.src) {
		c, size := utf8.DecodeRuneInString(s.src[s.i:])
		switch {
		case c == utf8.RuneError && size == 1:
			s.problem(InvalidText, s.i, s.i+1, "invalid UTF-8 byte; left out", "save the file as UTF-8")
			s.i++
		case isSpace(c):
			s.space(c, size)
		case isAlnum(c):
			s.token()
		default:
			s.symbol(c, size)
		}
	}
}

// space copies white space, turning no-break and thin spaces into plain ones.
func (s *state) space(c rune, size int) {
	switch {
	case c == '\n':
		s.out = append(s.out, '\n')
		s.sentenceStart, s.endMark = true, false
	case c == '\r':
	default:
		if c == '\t' || c == ' ' || isGroupSpace(c) || unicode.IsSpace(c) {
			s.out = append(s.out, ' ')
		}
		if s.endMark {
			s.sentenceStart = true
		}
	}
	s.i += size
}

// token reads what starts with a letter or digit at s.i.
func (s *state) token() {
	start := s.i
	boundary := !isAlnum(before(s.src, start))
	if boundary {
		if s.docNumber() || s.address() || s.termNumber() || s.abbrev() {
			return
		}
	}
	if isDigit(at(s.src, start)) {
		s.numeric()
		return
	}
	if s.roman() {
		return
	}
	s.plainWord()
}

// gen writes generated words, separated from a preceding word by a space,
// capitalised at the start of a sentence.
func (s *state) gen(words string) {
	if words == "" {
		return
	}
	if s.sentenceStart {
		words = upperFirst(words)
	}
	s.write(words, true)
}

// verbatim copies source text as it is.
func (s *state) verbatim(text string) { s.write(text, false) }

// write appends text. Where generated text would touch a word, a space
// goes between them ("3D" → "ba D"); copied text next to copied text
// stays as the source had it.
func (s *state) write(text string, generated bool) {
	if text == "" {
		return
	}
	first, _ := utf8.DecodeRuneInString(text)
	last := lastRune(s.out)
	if (generated || s.lastGen) && isAlnum(first) && (isAlnum(last) || generated && (last == ')' || last == '%')) {
		s.out = append(s.out, ' ')
	}
	s.lastGen = generated
	s.out = append(s.out, text...)
	if strings.IndexFunc(text, isAlnum) >= 0 {
		s.sentenceStart = false
	}
	end, _ := utf8.DecodeLastRuneInString(text)
	s.endMark = end == '.' || end == '!' || end == '?' || end == '…'
}

// trimTrailingSpace removes spaces at the end of the output (not newlines).
func (s *state) trimTrailingSpace() {
	for len(s.out) > 0 && s.out[len(s.out)-1] == ' ' {
		s.out = s.out[:len(s.out)-1]
	}
}

// lastRune returns the last rune of b, or 0.
func lastRune(b []byte) rune {
	r, size := utf8.DecodeLastRune(b)
	if size == 0 {
		return 0
	}
	return r
}

// problem records a problem over src[start:end].
func (s *state) problem(k Kind, start, end int, msg, hint string) {
	s.probs = append(s.probs, Problem{Start: start, End: end, Kind: k, Text: s.src[start:end], Msg: msg, Hint: hint})
}

// plainWord copies a word, warning about capitalised tokens that look
// like abbreviations no table knows.
func (s *state) plainWord() {
	start := s.i
	w, end := lettersAt(s.src, start)
	s.verbatim(w)
	s.i = end
	glued := isDigit(at(s.src, end))
	if looksLikeAbbrev(w) {
		s.problem(UnknownAbbrev, start, end, "unknown abbreviation \""+w+"\" kept as written",
			"write it out, or add it to the abbreviation table of the configuration")
	} else if glued && utf8.RuneCountInString(w) > 1 && s.r.abbrev[w] == "" {
		_, dend := digitsAt(s.src, end)
		s.problem(UnknownAbbrev, start, dend, "letters and digits run together in \""+s.src[start:dend]+"\"; read as a word and a number",
			"write it out, or add it to the abbreviation table of the configuration")
	}
}
