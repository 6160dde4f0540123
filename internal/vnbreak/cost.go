package vnbreak

import "strconv"

// Cost is what a line break at one gap of a text costs: the part of the
// font size, in percent, that a fitter gives up to avoid it. A fitter that
// can set a text 4 % larger by breaking between two words (Word) instead of
// after a comma (Ideal) keeps the comma; at 5 % larger it takes the words.
//
// The costs are ordered so that what a reader notices least costs least:
// a break after punctuation, then before a phrase, then between words, then
// between syllables the lexicon does not know, then after a word that
// needs what follows ("của", "và", "các"), then between the words of a
// fixed term. Keep marks gaps that never break: inside a word or a name,
// between a number and its unit, before the last syllable.
type Cost int

// The costs of Analyze.
const (
	// Forced is an editor's line break (a line feed in the text): every
	// split takes it, at no cost.
	Forced Cost = -1
	// Ideal is a break after a comma, semicolon, colon, full stop, question
	// or exclamation mark, ellipsis, or a dash standing alone.
	Ideal Cost = 0
	// Phrase is a break before a word that opens a phrase (và, của, cho,
	// với, về, để, là, trong, ...) or a bracket or quotation.
	Phrase Cost = 2
	// Word is a break between two words.
	Word Cost = 4
	// Loose is a break between two syllables neither of which the lexicon
	// knows: each is taken as a word, but they may be one word that the
	// lexicon lacks, so the break costs a little more than Word.
	Loose Cost = 5
	// Dangling is a break after a word that leans on the next one: a
	// preposition or conjunction (của, và, về), a plural or quantity word
	// (các, những, mọi, một), an auxiliary (đã, sẽ, được, phải, không);
	// or before one that leans on the previous one (nhất, hơn).
	Dangling Cost = 30
	// Term is a break between the words of a fixed term of the lexicon, as
	// "đổi mới | sáng tạo" in "đổi mới sáng tạo".
	Term Cost = 40
	// Keep is a gap that does not break: inside a compound word or a name,
	// between a number and its unit or the noun it counts ("năm 2030",
	// "30 %", "Nghị quyết 57-NQ/TW"), before punctuation, and before the
	// last syllable of a text of more than one word, which would stand alone
	// on the last line. A Layout breaks there only when every gap of the text
	// is Keep (a text of one word: "KHOA HỌC"), at this cost.
	Keep Cost = 100
)

// String returns the name of c: "Forced", "Ideal", ..., or its number.
func (c Cost) String() string {
	switch c {
	case Forced:
		return "Forced"
	case Ideal:
		return "Ideal"
	case Phrase:
		return "Phrase"
	case Word:
		return "Word"
	case Loose:
		return "Loose"
	case Dangling:
		return "Dangling"
	case Term:
		return "Term"
	case Keep:
		return "Keep"
	}
	return "Cost(" + strconv.Itoa(int(c)) + ")"
}
