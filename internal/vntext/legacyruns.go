package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Run is a stretch of text pasted from a legacy encoding: a sentence typed
// in TCVN3 or VNI at the end of a Unicode paragraph, or a whole line.
type Run struct {
	Start, End int // byte offsets in the text: text[Start:End] is the run
	Enc        Encoding
}

// LegacyRuns returns the runs of s, valid UTF-8 text of any length, that
// read as text pasted from TCVN3 or VNI, in order and apart from each
// other.
//
// It judges runs of words, not whole lines: a paragraph of Unicode that
// ends with a sentence pasted from an old document has a run that starts
// where the sentence does. A run is a stretch of words that holds no word
// only Unicode can write (ư, đ, ệ ... outside Latin-1), starts and ends with
// a word that the conversion turns from a non-word into a Vietnamese
// syllable, and holds enough such words (two, one of three letters or
// more) to outweigh the words the conversion spoils and the foreign words
// in it, as DetectLegacy weighs a line. Both encodings are tried; where
// their runs overlap, the one with more evidence wins. Runs are weighed on
// their paragraph (a blank line ends them) and returned line by line: a
// run ends with its line, and the next line's part is a run of its own.
func LegacyRuns(s string) []Run {
	if !mayHaveRuns(s) {
		return nil
	}
	var runs []Run
	for start := 0; start < len(s); {
		end := paragraphEnd(s, start)
		if p := s[start:end]; mayHaveRuns(p) && suspect(p) {
			for _, r := range paragraphRuns(s, start, end) {
				runs = appendLines(runs, s, r)
			}
		}
		start = end
	}
	return runs
}

// suspect is the cheap scan that most paragraphs stop at: it reports
// whether s has two words in a row, no native Unicode word between them,
// that hold a legacy code and are not spelled as Vietnamese syllables, as
// every run has. Unicode Vietnamese is syllables and native words, so it
// is rarely weighed word by word.
func suspect(s string) bool {
	var buf [maxWord]rune
	w, n := buf[:0], 0
	codes, native, inWord := false, false, false
	for i := 0; i <= len(s); {
		r, size := rune(' '), 1
		switch {
		case i == len(s):
		case s[i] < utf8.RuneSelf:
			r = rune(s[i])
		default:
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		var letter bool
		switch {
		case r < utf8.RuneSelf:
			letter = 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
		case isNativeVietnamese(r):
			letter, native = true, true
		case isLegacyCode(r):
			letter, codes = true, true
		default:
			letter = isWordRune(r, anyLegacy)
		}
		if letter {
			inWord = true
			if len(w) < maxWord {
				w = append(w, r)
			}
			continue
		}
		if !inWord {
			continue
		}
		switch {
		case native:
			n = 0
		case codes && !isSyllable(w):
			if n++; n >= minGood {
				return true
			}
		}
		w, codes, native, inWord = w[:0], false, false, false
	}
	return false
}

// appendLines appends the run r of s to runs, cut at its line ends: a run
// is weighed on its paragraph, but reported and converted line by line.
func appendLines(runs []Run, s string, r Run) []Run {
	for start := r.Start; start < r.End; {
		end := r.End
		if nl := strings.IndexByte(s[start:r.End], '\n'); nl >= 0 {
			end = start + nl
		}
		first, _ := nextWord(s[:end], start, r.Enc)
		if first < end {
			last := first
			for i := first; i < end; {
				ws, we := nextWord(s[:end], i, r.Enc)
				if ws == we {
					break
				}
				last, i = we, we
			}
			runs = append(runs, Run{first, last, r.Enc})
		}
		start = end + 1
	}
	return runs
}

// FixLegacy converts the legacy runs of s to Unicode and leaves the rest
// of s as it is, normalised to NFC. It returns the runs it converted, at
// their offsets in s.
func FixLegacy(s string) (string, []Run) {
	s = strings.ToValidUTF8(s, "\uFFFD")
	runs := LegacyRuns(s)
	if len(runs) == 0 {
		return NFCString(s), nil
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	last := 0
	for _, r := range runs {
		b.WriteString(s[last:r.Start])
		b.WriteString(fromLegacyRun(s, r))
		last = r.End
	}
	b.WriteString(s[last:])
	return NFCString(b.String()), runs
}

// fromLegacyRun converts the run r of s, telling each word whether its
// line is in capitals (a .VnTimeH line), as FromLegacy does.
func fromLegacyRun(s string, r Run) string {
	var b strings.Builder
	var word []rune
	for i := r.Start; i < r.End; {
		start, end := nextWord(s[:r.End], i, r.Enc)
		b.WriteString(s[i:start])
		if start < end {
			word = convertWord(word[:0], s[start:end], r.Enc, upperCaseLine(lineAround(s, start)))
			for _, c := range word {
				b.WriteRune(c)
			}
		}
		i = end
	}
	return b.String()
}

// mayHaveRuns is the one cheap scan that most text stops at. A run needs
// at least minGood characters that are codes of a legacy encoding and, in
// text that also holds native Unicode Vietnamese, a sign that Unicode
// Vietnamese never shows: a code that is no Vietnamese letter (TCVN3's ¸
// and Þ, VNI's ø, û, ï, ö, ñ ...), a capital after a small letter (TCVN3's
// "sÌ"), or a vowel followed by a VNI mark that is no Vietnamese vowel
// pair (the "eá" of VNI's "quyeát").
func mayHaveRuns(s string) bool {
	codes, signs, native := 0, 0, 0
	prev := rune(0)
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			prev = rune(s[i])
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case isLegacyCode(r):
			codes++
			if v := vowelOf(r); !v.ok || v.upper && isSmall(prev) || vniPair(prev, r) {
				signs++
			}
		case isNativeVietnamese(r):
			native++
		}
		if codes >= minGood && signs > 0 {
			return true
		}
		prev = r
	}
	return codes >= minGood && native == 0
}

// isSmall reports whether r is a small letter: TCVN3's small toned vowels
// are Latin-1 capitals, which Vietnamese never writes after one ("sÌ").
func isSmall(r rune) bool {
	return 'a' <= r && r <= 'z' || r >= utf8.RuneSelf && unicode.IsLower(r)
}

// vniPair reports whether the vowel prev followed by r is how VNI writes a
// vowel with a mark, and not a pair of Vietnamese vowels: "eá", "aâ",
// "où", "ôù" (ớ) appear in pasted VNI, never in Unicode Vietnamese, where
// "oà", "oá" (hoà, hoá) and "yê" (yên) do.
func vniPair(prev, r rune) bool {
	switch r {
	case 'â', 'á', 'à', 'ã', 'ä', 'å', 'ê', 'è', 'é', 'ú', 'ü', 'ë', 'ù', 'õ',
		'Â', 'Á', 'À', 'Ã', 'Ê', 'È', 'É', 'Ú', 'Ù', 'Õ':
	default:
		return false
	}
	switch prev {
	case 'a', 'e', 'A', 'E':
		return true
	case 'o', 'O':
		switch r {
		case 'à', 'á', 'ã', 'è', 'é', 'À', 'Á', 'Ã', 'È', 'É':
			return false
		}
		return true
	case 'y', 'Y':
		return r != 'ê' && r != 'Ê'
	case 'u', 'U', 'ô', 'Ô':
		return r == 'ù' || r == 'õ' || r == 'Ù' || r == 'Õ'
	}
	return false
}

// paragraphEnd returns the offset after the paragraph that starts at
// start: after the next blank line, or the end of s.
func paragraphEnd(s string, start int) int {
	for i := start; i < len(s); {
		nl := strings.IndexByte(s[i:], '\n')
		if nl < 0 {
			return len(s)
		}
		i += nl + 1
		j := i
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
			j++
		}
		if j == len(s) || s[j] == '\n' {
			return j
		}
	}
	return len(s)
}

// lineAround returns the line of s that holds the offset i.
func lineAround(s string, i int) string {
	start := strings.LastIndexByte(s[:i], '\n') + 1
	end := strings.IndexByte(s[i:], '\n')
	if end < 0 {
		return s[start:]
	}
	return s[start : i+end]
}

// candidate is a run one encoding finds, with the evidence for it.
type candidate struct {
	Run
	margin int
}

// paragraphRuns returns the runs of s[start:end], one paragraph.
func paragraphRuns(s string, start, end int) []Run {
	t := candidates(s, start, end, TCVN3)
	v := candidates(s, start, end, VNI)
	var out []Run
	for len(t) > 0 || len(v) > 0 {
		var c candidate
		switch {
		case len(v) == 0 || len(t) > 0 && t[0].End <= v[0].Start:
			c, t = t[0], t[1:]
		case len(t) == 0 || v[0].End <= t[0].Start:
			c, v = v[0], v[1:]
		case t[0].margin >= v[0].margin: // they overlap: the stronger wins
			c, t, v = t[0], t[1:], dropOverlapping(v, t[0].Run)
		default:
			c, v, t = v[0], v[1:], dropOverlapping(t, v[0].Run)
		}
		out = append(out, c.Run)
	}
	return out
}

// dropOverlapping drops the leading candidates of cs that overlap r.
func dropOverlapping(cs []candidate, r Run) []candidate {
	for len(cs) > 0 && cs[0].Start < r.End && r.Start < cs[0].End {
		cs = cs[1:]
	}
	return cs
}

// judged is one word of a paragraph, weighed as written in an encoding.
type judged struct {
	start, end int
	class      wordClass
	long       bool
}

// candidates returns the runs that the encoding enc finds in s[start:end].
func candidates(s string, start, end int, enc Encoding) []candidate {
	var words []judged
	lineStart, upper := -1, false
	for i := start; i < end; {
		ws, we := nextWord(s[:end], i, enc)
		if ws == we {
			break
		}
		if ls := strings.LastIndexByte(s[:ws], '\n') + 1; ls != lineStart {
			lineStart, upper = ls, upperCaseLine(lineAround(s, ws))
		}
		class, long := classify(s[ws:we], enc, upper)
		words = append(words, judged{ws, we, class, long})
		i = we
	}
	var out []candidate
	for i := 0; i < len(words); {
		j := i
		for j < len(words) && words[j].class != wordNative {
			j++
		}
		if c, ok := runOf(s, words, i, j, enc); ok {
			out = append(out, c)
		}
		i = j + 1
	}
	return out
}

// runOf weighs the words[lo:hi], a stretch without a native Unicode word,
// from its first converted word to its last, and returns them as a run
// when they read as legacy text. The run then grows over the words next to
// it that are syllables both ways ("sè" is the TCVN3 for "số", and a
// Unicode syllable too), so that a pasted sentence is converted whole
// while the Unicode sentence before it is left alone.
func runOf(s string, words []judged, lo, hi int, enc Encoding) (candidate, bool) {
	first, last := -1, -1
	for k := lo; k < hi; k++ {
		if words[k].class == wordGood {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	if first < 0 {
		return candidate{}, false
	}
	var sc score
	for _, w := range words[first : last+1] {
		sc.add(w.class, w.long)
	}
	if !sc.legacy() {
		return candidate{}, false
	}
	first, last = grow(s, words, first, -1), grow(s, words, last, +1)
	return candidate{Run{words[first].start, words[last].end, enc}, sc.margin()}, true
}

// grow extends a run from its word k in the direction dir over the words
// that are syllables both ways: to the start (or end) of its sentence or
// line when it gets there through such words alone, across dashes,
// brackets and table bars; else by one word at most, within the clause.
func grow(s string, words []judged, k, dir int) int {
	between := func(j int) string {
		a, b := words[j], words[j+dir]
		return s[min(a.end, b.end):max(a.start, b.start)]
	}
	inside := func(j int) bool { return j+dir >= 0 && j+dir < len(words) }
	j := k
	for inside(j) && !strings.ContainsAny(between(j), sentenceEnds) && words[j+dir].class == wordNeutral {
		j += dir
	}
	if !inside(j) || strings.ContainsAny(between(j), sentenceEnds) {
		return j // the whole sentence, up to the run, reads as legacy text
	}
	if inside(k) && !strings.ContainsAny(between(k), sentenceEnds+clauseBreaks) && words[k+dir].class == wordNeutral {
		k += dir // one word: a Unicode clause may lead up to the run
	}
	return k
}

// Marks of punctuation that bound the growth of a run: the ends of
// sentences, and the breaks between clauses, cells and quotations.
const (
	sentenceEnds = ".!?;\n"
	clauseBreaks = ":|()[]{}\"“”«»-–—"
)
