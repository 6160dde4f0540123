package vnbreak

import (
	"strings"
	"unicode"

	"loa/internal/vntext"
)

// Text is a text ready to be broken into lines: its parts, the runs of
// characters between spaces (syllables, numbers, codes such as "57-NQ/TW",
// each with the punctuation that touches it), and the cost of a break in
// each gap between two parts.
type Text struct {
	Parts []string
	// Costs[i] is the cost of a line break between Parts[i] and Parts[i+1].
	Costs []Cost
}

// Analyze returns the parts of text and the costs of breaking between
// them, with the Default lexicon; see Lexicon.Analyze.
func Analyze(text string) Text { return Default().Analyze(text) }

// Analyze returns the parts of text and the costs of breaking between them.
//
// The text is normalised to NFC. It breaks only at ASCII white space
// (space, tab, line feed, carriage return, form feed), whose runs count as
// one gap, as CSS collapses them; a no-break space (U+00A0) or any other
// character keeps its neighbours in one part. A run that holds a line feed
// or a carriage return is an editor's forced break (Forced).
//
// The syllables are split into words by the lexicon: the fewest words, each
// an entry or a single syllable, regardless of case; a word never spans
// punctuation or a forced break, and a syllable that is in no entry is a
// word of its own. Each gap then costs, by the first rule that applies:
//
//   - Forced, at a forced break;
//   - Keep before a part that is only punctuation (",", "%", "–", ")"),
//     after an opening bracket or quotation mark standing alone; Phrase
//     before one that opens ("(") or is a symbol ("&", "+"), Dangling
//     after a symbol;
//   - Ideal after a comma, semicolon, colon, full stop, question or
//     exclamation mark, ellipsis, or a dash standing alone;
//   - inside a lexicon entry, its inner cost: Keep, or Term between its
//     words (see NewLexicon);
//   - Keep between a counted noun and its number ("năm 2030",
//     "Nghị quyết 57-NQ/TW", "khóa XIV"), a number and its unit ("30 %",
//     "180 triệu", "triệu đồng"), or two numbers;
//   - Keep between two capitalised syllables in a text that has lower-case
//     letters: a proper name the lexicon lacks ("Tô Lâm");
//   - Dangling after a word that leans on the next, before one that leans
//     on the previous (see Cost);
//   - Phrase before a bracket or quotation, after a closing one;
//   - Phrase before a word that opens a phrase;
//   - Loose between two syllables the lexicon does not know;
//   - Word otherwise.
//
// Finally the gap before the last part of the text, and of each run
// between forced breaks, is Keep when that part is a single syllable (or
// number) and the run has more than one part, so that no syllable stands
// alone on a last line.
func (l *Lexicon) Analyze(text string) Text {
	parts, forced := split(vntext.NFCString(text))
	if len(parts) == 0 {
		return Text{}
	}
	a := newAnalysis(l, parts, forced)
	costs := make([]Cost, len(parts)-1)
	for i := range costs {
		costs[i] = a.gap(i)
	}
	// No syllable alone on the last line of the text or of a forced run.
	start := 0
	for i := 0; i <= len(costs); i++ {
		if i < len(costs) && costs[i] != Forced {
			continue
		}
		// Parts[start:i+1] is a run; i-1 is the gap before its last part.
		if i-1 >= start && len(a.syllablesOf(i)) == 1 {
			costs[i-1] = Keep
		}
		start = i + 1
	}
	return Text{Parts: parts, Costs: costs}
}

// split returns the parts of s between runs of ASCII white space, and for
// each gap whether its run holds a line break.
func split(s string) (parts []string, forced []bool) {
	brk := false
	for len(s) > 0 {
		i := strings.IndexFunc(s, func(r rune) bool { return !isSpace(r) })
		if i < 0 {
			break
		}
		brk = brk || strings.ContainsAny(s[:i], "\n\r")
		s = s[i:]
		j := strings.IndexFunc(s, isSpace)
		if j < 0 {
			j = len(s)
		}
		if len(parts) > 0 {
			forced = append(forced, brk)
		}
		parts = append(parts, s[:j])
		s, brk = s[j:], false
	}
	return parts, forced
}

// isSpace reports whether r is white space that CSS collapses and breaks at.
func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

// Line returns Parts[s:e] as one line: joined by spaces.
func (t Text) Line(s, e int) string { return strings.Join(t.Parts[s:e], " ") }

// Lines returns the lines of the split whose lines end at ends (see Split).
func (t Text) Lines(ends []int) []string {
	lines := make([]string, len(ends))
	s := 0
	for i, e := range ends {
		lines[i] = t.Line(s, e)
		s = e
	}
	return lines
}

// Glued returns the text for a renderer that breaks lines itself, such as
// a browser with CSS text-wrap: balance: the parts joined by a no-break
// space (U+00A0) where a break costs Dangling or more (inside a word or a
// term, after "của" or "và", before a last syllable), a line feed where it
// is Forced, and a space elsewhere. Where no gap may break (one word) they
// are all spaces, as a Layout would break there too.
func (t Text) Glued() string {
	usable := t.usable()
	var b strings.Builder
	for i, p := range t.Parts {
		if i > 0 {
			switch c := t.Costs[i-1]; {
			case c == Forced:
				b.WriteByte('\n')
			case !usable[i-1] || c >= Dangling && c < Keep:
				b.WriteRune('\u00a0')
			default:
				b.WriteByte(' ')
			}
		}
		b.WriteString(p)
	}
	return b.String()
}

// usable returns for each gap whether a line may break there: its cost is
// below Keep, or every gap is Keep.
func (t Text) usable() []bool {
	out := make([]bool, len(t.Costs))
	all := true
	for i, c := range t.Costs {
		out[i] = c < Keep
		all = all && !out[i]
	}
	if all {
		for i := range out {
			out[i] = true
		}
	}
	return out
}

// titleCase reports whether s starts with an upper-case letter and has no
// other upper-case letter: "Lâm", not "lâm", "GDP" or "IoT".
func titleCase(s string) bool {
	for i, r := range s {
		if i == 0 && !unicode.IsUpper(r) || i > 0 && unicode.IsUpper(r) {
			return false
		}
	}
	return s != ""
}

// hasLower reports whether s has a lower-case letter.
func hasLower(s []string) bool {
	for _, p := range s {
		if strings.IndexFunc(p, unicode.IsLower) >= 0 {
			return true
		}
	}
	return false
}
