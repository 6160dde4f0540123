package vnbreak

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// syllable is one syllable of a text: a part, or a piece of a part between
// no-break spaces, with the punctuation around it taken off.
type syllable struct {
	lead, core, trail string // "“Đột" is "“", "Đột", ""
	key               string // of core when it is all letters, else ""
	number            bool   // core starts with a digit
	roman             bool   // core is a Roman numeral in capitals
}

// analysis holds what the gap rules read: the parts, their syllables and
// the words the lexicon found.
type analysis struct {
	l      *Lexicon
	parts  []string
	forced []bool
	syl    []syllable
	first  []int // first[p]: index in syl of the first syllable of part p; first[len(parts)] = len(syl)
	keys   []string
	segs   []segment
	segOf  []int // segOf[k]: index in segs of the word that holds syllable k
	mixed  bool  // the text has lower-case letters
}

// newAnalysis splits parts into syllables and the syllables into words.
func newAnalysis(l *Lexicon, parts []string, forced []bool) *analysis {
	a := &analysis{l: l, parts: parts, forced: forced, first: make([]int, len(parts)+1), mixed: hasLower(parts)}
	for p, part := range parts {
		a.first[p] = len(a.syl)
		for _, piece := range strings.FieldsFunc(part, isNoBreakSpace) {
			a.syl = append(a.syl, newSyllable(piece))
		}
		if a.first[p] == len(a.syl) { // a part of no-break spaces alone
			a.syl = append(a.syl, syllable{lead: part})
		}
	}
	a.first[len(parts)] = len(a.syl)
	a.keys = make([]string, len(a.syl))
	barrier := make([]bool, len(a.syl))
	for k, s := range a.syl {
		a.keys[k] = s.key
		if k+1 < len(a.syl) {
			barrier[k] = s.trail != "" || a.syl[k+1].lead != ""
		}
	}
	for p := 0; p+1 < len(parts); p++ {
		if forced[p] {
			barrier[a.first[p+1]-1] = true
		}
	}
	a.segs = l.segment(a.keys, barrier, l.longest)
	a.segOf = make([]int, len(a.syl))
	for i, s := range a.segs {
		for k := s.start; k < s.end; k++ {
			a.segOf[k] = i
		}
	}
	return a
}

// isNoBreakSpace reports whether r is a space that does not break.
func isNoBreakSpace(r rune) bool { return r == '\u00a0' || r == '\u202f' || r == '\u2007' }

// newSyllable takes the punctuation off both ends of s.
func newSyllable(s string) syllable {
	isCore := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	i := strings.IndexFunc(s, isCore)
	if i < 0 {
		return syllable{lead: s}
	}
	j := strings.LastIndexFunc(s, isCore)
	_, size := utf8.DecodeRuneInString(s[j:])
	j += size
	// Combining marks after the last letter belong to it.
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !unicode.Is(unicode.M, r) {
			break
		}
		j += size
	}
	syl := syllable{lead: s[:i], core: s[i:j], trail: s[j:]}
	first, _ := utf8.DecodeRuneInString(syl.core)
	syl.number = unicode.IsDigit(first)
	letters := strings.IndexFunc(syl.core, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) }) < 0
	if letters {
		syl.key = key(syl.core)
		syl.roman = len(syl.core) <= 6 && strings.Trim(syl.core, "IVXLCDM") == ""
	}
	return syl
}

// syllablesOf returns the syllables of part p.
func (a *analysis) syllablesOf(p int) []syllable { return a.syl[a.first[p]:a.first[p+1]] }

// word returns the key of the word that holds syllable k: its syllables'
// keys joined by spaces.
func (a *analysis) word(k int) string {
	s := a.segs[a.segOf[k]]
	return strings.Join(a.keys[s.start:s.end], " ")
}

// gap returns the cost of a break between parts p and p+1, by the rules
// listed at Lexicon.Analyze.
func (a *analysis) gap(p int) Cost {
	if a.forced[p] {
		return Forced
	}
	ka, kb := a.first[p+1]-1, a.first[p+1] // the syllables on each side
	x, y := a.syl[ka], a.syl[kb]
	switch {
	case y.core == "": // the next part is punctuation or symbols only
		if onlyOf(y.lead, openMarks) || !strings.ContainsAny(y.lead, clauseMarks+closeMarks+dashMarks+unitMarks) {
			return Phrase // "(", "&", "+"
		}
		return Keep
	case x.core == "": // this part is punctuation only
		switch {
		case strings.ContainsAny(x.lead, clauseMarks) || onlyOf(x.lead, dashMarks):
			return Ideal
		case onlyOf(x.lead, openMarks):
			return Keep
		case onlyOf(x.lead, closeMarks):
			return Phrase
		}
		return Dangling // "&", "+": they join what is on both sides
	case strings.ContainsAny(x.trail, clauseMarks):
		return Ideal
	}
	if s := a.segOf[ka]; s == a.segOf[kb] {
		seg := a.segs[s]
		return a.l.inner(a.keys[seg.start:seg.end], ka-seg.start)
	}
	wx, wy := a.word(ka), a.word(kb)
	switch {
	case (y.number || y.roman) && counters[wx] && x.trail == "" && y.lead == "":
		return Keep
	case x.number && (y.number || units[y.key]):
		return Keep
	case multipliers[x.key] && (y.key == key("đồng") || y.key == "usd" || y.key == key("vnđ") || y.key == "vnd"):
		return Keep
	case a.mixed && titleCase(x.core) && titleCase(y.core) && x.trail == "" && y.lead == "":
		return Keep
	case (openers[wx] || leaners[wx]) && x.trail == "" || followers[wy] && y.lead == "":
		return Dangling
	case strings.ContainsAny(y.lead, openMarks) || strings.ContainsAny(x.trail, closeMarks):
		return Phrase
	case openers[wy]:
		return Phrase
	case !a.segs[a.segOf[ka]].known && !a.segs[a.segOf[kb]].known && x.key != "" && y.key != "":
		return Loose
	}
	return Word
}

// onlyOf reports whether s is not empty and made only of runes of set.
func onlyOf(s, set string) bool {
	return s != "" && strings.Trim(s, set) == ""
}
