package vnbreak

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"loa/internal/vntext"
)

//go:embed words.txt
var wordsTxt string

//go:embed names.txt
var namesTxt string

// Lexicon is a set of Vietnamese compound words, fixed terms and proper
// names: the units a line must not break inside. It is immutable and safe
// for concurrent use.
type Lexicon struct {
	entries map[string]entry // by the keys of its syllables, joined by spaces
	longest int              // syllables of the longest entry
}

// entry is what the lexicon knows of one entry: the cost of a break after
// each of its syllables but the last, and whether it is a name.
type entry struct {
	inner []Cost
	name  bool
}

// defaultLexicon parses the embedded lists once.
var defaultLexicon = sync.OnceValue(func() *Lexicon {
	l, err := NewLexicon(List(wordsTxt), List(namesTxt))
	if err != nil {
		panic(fmt.Sprintf("vnbreak: embedded lexicon: %v", err))
	}
	return l
})

// Default returns the lexicon loa ships: words.txt and names.txt of this
// package, written for loa (about 3,000 compound words and terms of
// public-administration Vietnamese, and 150 names of places, people and
// bodies).
func Default() *Lexicon { return defaultLexicon() }

// List returns the entries of a list in the format of words.txt: one a
// line, without the comments (lines starting with #) and blank lines.
func List(text string) []string {
	var out []string
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// NewLexicon returns a lexicon of words (compound words and fixed terms)
// and names (proper names). Each entry has two or more syllables of
// letters separated by spaces; case, NFC or NFD, and the old or new place
// of the tone mark ("hoá", "hóa") do not matter. Inside a name no break is
// allowed; inside a word of three or more syllables that is made of
// shorter words of at least two syllables each, a break between those
// words costs Term, and elsewhere none is allowed.
func NewLexicon(words, names []string) (*Lexicon, error) {
	l := &Lexicon{entries: map[string]entry{}}
	return l.add(words, names)
}

// With returns a new lexicon with the entries of l and more words and
// names: a site's own place names, say.
func (l *Lexicon) With(words, names []string) (*Lexicon, error) {
	n := &Lexicon{entries: make(map[string]entry, len(l.entries)+len(words)+len(names)), longest: l.longest}
	for k, e := range l.entries {
		n.entries[k] = e
	}
	return n.add(words, names)
}

// add adds words and names to l: names first, as they are, then the words,
// whose inner costs depend on the other entries.
func (l *Lexicon) add(words, names []string) (*Lexicon, error) {
	parsed := make([][]string, len(words))
	for i, w := range words {
		keys, err := entryKeys(w)
		if err != nil {
			return nil, err
		}
		parsed[i] = keys
		l.longest = max(l.longest, len(keys))
	}
	for _, name := range names {
		keys, err := entryKeys(name)
		if err != nil {
			return nil, err
		}
		l.longest = max(l.longest, len(keys))
		l.entries[strings.Join(keys, " ")] = entry{inner: repeat(Keep, len(keys)-1), name: true}
	}
	// Words go in with Keep first, so that each word's inner structure can
	// be read from all the others.
	for _, keys := range parsed {
		k := strings.Join(keys, " ")
		if _, ok := l.entries[k]; !ok {
			l.entries[k] = entry{inner: repeat(Keep, len(keys)-1)}
		}
	}
	for _, keys := range parsed {
		k := strings.Join(keys, " ")
		// Only a word of four or more syllables can hold two words of two.
		if e := l.entries[k]; len(keys) >= 4 && !e.name {
			l.entries[k] = entry{inner: l.innerCosts(keys)}
		}
	}
	return l, nil
}

// innerCosts returns the costs of breaks inside the word of these syllable
// keys: Term between two of its parts that are entries of two or more
// syllables, when the word splits wholly into such parts and single
// syllables; Keep elsewhere.
func (l *Lexicon) innerCosts(keys []string) []Cost {
	inner := repeat(Keep, len(keys)-1)
	segs := l.segment(keys, nil, len(keys)-1)
	for i := 1; i < len(segs); i++ {
		if segs[i-1].end-segs[i-1].start >= 2 && segs[i].end-segs[i].start >= 2 {
			inner[segs[i].start-1] = Term
		}
	}
	return inner
}

// repeat returns n copies of c.
func repeat(c Cost, n int) []Cost {
	out := make([]Cost, n)
	for i := range out {
		out[i] = c
	}
	return out
}

// entryKeys returns the syllable keys of a lexicon entry, or an error when
// it is not two or more syllables of letters.
func entryKeys(s string) ([]string, error) {
	syllables := strings.Fields(vntext.NFCString(s))
	if len(syllables) < 2 {
		return nil, fmt.Errorf("lexicon entry %q: it must have two or more syllables", s)
	}
	keys := make([]string, len(syllables))
	for i, syl := range syllables {
		for _, r := range syl {
			if !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) {
				return nil, fmt.Errorf("lexicon entry %q: %q is not a letter", s, r)
			}
		}
		keys[i] = key(syl)
	}
	return keys, nil
}

// segment is one unit of a segmentation: syllables [start, end), and
// whether it is an entry of the lexicon.
type segment struct {
	start, end int
	known      bool
}

// segment splits syllable keys into the fewest units, each an entry of at
// most longest syllables or a single syllable; of segmentations with as
// few units, it takes the one with the fewest single syllables, then the
// longest first unit, then the longest next: "đại hội | đảng bộ | tỉnh",
// not "đại hội đảng | bộ | tỉnh". barrier[i], when barrier is not nil,
// forbids an entry that spans the gap after syllable i (punctuation, a
// forced break). An empty key (a number, a symbol) is never in an entry.
func (l *Lexicon) segment(keys []string, barrier []bool, longest int) []segment {
	n := len(keys)
	// score[i]: units and single syllables of the best segmentation of
	// keys[i:]; next[i]: where its first unit ends.
	type score struct{ units, singles int }
	better := func(a, b score) bool { return a.units < b.units || a.units == b.units && a.singles <= b.singles }
	best := make([]score, n+1)
	next := make([]int, n+1)
	for i := n - 1; i >= 0; i-- {
		best[i], next[i] = score{best[i+1].units + 1, best[i+1].singles + 1}, i+1
		if keys[i] == "" {
			continue
		}
		var b strings.Builder
		b.WriteString(keys[i])
		for j := i + 1; j < n && j-i < longest; j++ {
			if keys[j] == "" || barrier != nil && barrier[j-1] {
				break
			}
			b.WriteByte(' ')
			b.WriteString(keys[j])
			if _, ok := l.entries[b.String()]; ok {
				if s := (score{best[j+1].units + 1, best[j+1].singles}); better(s, best[i]) {
					best[i], next[i] = s, j+1
				}
			}
		}
	}
	var segs []segment
	for i := 0; i < n; i = next[i] {
		segs = append(segs, segment{start: i, end: next[i], known: next[i]-i >= 2})
	}
	return segs
}

// inner returns the cost of a break after syllable i of the entry that
// holds keys.
func (l *Lexicon) inner(keys []string, i int) Cost {
	return l.entries[strings.Join(keys, " ")].inner[i]
}

// key returns the form of a syllable that the lexicon is looked up by: in
// lower case, with its tone mark as a digit at the end, so that "hoá" and
// "hóa", "uỷ" and "ủy" meet, and with "i" for a "y" that alone follows the
// first consonant, as "kỹ" and "kĩ", "lý" and "lí" are one word; "qui" is
// "quy". Letters other than Vietnamese ones are kept as they are.
func key(syllable string) string {
	d := norm.NFD.String(strings.ToLower(syllable))
	tone := byte(0)
	var b strings.Builder
	for _, r := range d {
		switch r {
		case '\u0300':
			tone = '1' // huyền
		case '\u0301':
			tone = '2' // sắc
		case '\u0303':
			tone = '3' // ngã
		case '\u0309':
			tone = '4' // hỏi
		case '\u0323':
			tone = '5' // nặng
		default:
			b.WriteRune(r)
		}
	}
	base := norm.NFC.String(b.String())
	switch {
	case base == "qui":
		base = "quy"
	case len(base) >= 2 && base[len(base)-1] == 'y' && isConsonants(base[:len(base)-1]):
		base = base[:len(base)-1] + "i"
	}
	if tone != 0 {
		base += string(tone)
	}
	return base
}

// isConsonants reports whether s is a run of Vietnamese consonant letters.
func isConsonants(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("bcdđghklmnpqrstvx", r) {
			return false
		}
	}
	return s != ""
}
