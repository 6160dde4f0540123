package spoken

import (
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Rate is how fast a bulletin is read: syllables per minute of speech,
// plus the pauses the announcer makes between sentences and paragraphs.
type Rate struct {
	SyllablesPerMinute float64
	Sentence           time.Duration // after . ! ? … inside a paragraph
	Paragraph          time.Duration // between paragraphs (instead of a sentence pause)
}

// DefaultRate returns the rate of a commune loudspeaker bulletin: 200
// syllables a minute, 0.6 s between sentences, 1.5 s between paragraphs.
//
// Where the numbers come from: read Vietnamese measured in the laboratory
// runs at 5.25 syllables a second, 315 a minute (Coupé, Oh, Dediu and
// Pellegrino, "Different languages, similar encoding efficiency", Science
// Advances 5(9), 2019, eaaw2594: ten speakers per language reading
// prepared texts). Television presenters' openings were counted at 3.7 to
// 5.5 syllables a second (emcovu.com, "Trong vòng 1 phút nên đọc bao
// nhiêu từ?", seven VTV programmes). No measurement of loudspeaker
// bulletins was found. Loudspeakers on poles are heard outdoors, over
// traffic and the echo of the next loudspeaker, so announcers read slower
// than presenters: 200 syllables a minute (3.3 a second) is below the
// slowest presenter measured and about two thirds of the laboratory rate.
// With the pauses, a paragraph of sentences of 25 syllables comes to about
// 185 syllables a minute overall. Sites whose announcers read differently
// set their own rate.
func DefaultRate() Rate {
	return Rate{SyllablesPerMinute: 200, Sentence: 600 * time.Millisecond, Paragraph: 1500 * time.Millisecond}
}

// Duration estimates how long reading read aloud takes at rate: its
// syllables at rate.SyllablesPerMinute (DefaultRate's when not positive),
// a sentence pause after each sentence that does not end a paragraph, and
// a paragraph pause between paragraphs (lines that are not blank). No
// pause is counted after the end.
func Duration(read string, rate Rate) time.Duration {
	spm := rate.SyllablesPerMinute
	if !(spm > 0) || math.IsInf(spm, 0) {
		spm = DefaultRate().SyllablesPerMinute
	}
	syl, sentences, paragraphs := 0, 0, 0
	for line := range strings.Lines(read) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		paragraphs++
		syl += Syllables(line)
		sentences += sentenceEnds(line)
	}
	d := time.Duration(math.Round(float64(syl) * float64(time.Minute) / spm))
	if paragraphs > 1 {
		d += time.Duration(paragraphs-1) * rate.Paragraph
	}
	return d + time.Duration(sentences)*rate.Sentence
}

// sentenceEnds counts the sentence ends inside one paragraph, not the
// one that ends it.
func sentenceEnds(p string) int {
	n := 0
	for i, r := range p {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		j := i + utf8.RuneLen(r)
		next := at(p, j)
		if !isSpace(next) {
			continue // "..." counts once, at its last dot
		}
		if strings.IndexFunc(p[j:], isAlnum) >= 0 {
			n++
		}
	}
	return n
}

// Syllables counts the syllables of read text. Vietnamese writes one
// syllable per word and hyphenates transcriptions ("ki-lô-mét"), so each
// part counts one; an abbreviation left in capitals (WTO) is spelled, a
// letter a syllable; a foreign word counts its groups of vowels.
func Syllables(read string) int {
	n := 0
	for _, f := range strings.FieldsFunc(read, func(r rune) bool { return isSpace(r) || isDash(r) || r == '‐' }) {
		f = strings.TrimFunc(f, func(r rune) bool { return !isAlnum(r) })
		if f == "" {
			continue
		}
		n += wordSyllables(f)
	}
	return n
}

// wordSyllables counts the syllables of one word.
func wordSyllables(w string) int {
	lower := strings.ToLower(w)
	if isSyllable(lower) {
		return 1
	}
	letters, upper, digits, groups := 0, 0, 0, 0
	inVowel := false
	for _, r := range lower {
		switch {
		case unicode.IsDigit(r):
			digits++
			inVowel = false
		case isLetter(r):
			letters++
			base, _ := utf8.DecodeRuneInString(stripTones(string(r)))
			v := strings.ContainsRune(vowels, base)
			if v && !inVowel {
				groups++
			}
			inVowel = v
		default:
			inVowel = false
		}
	}
	for _, r := range w {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	if upper == letters && letters > 1 {
		return letters + digits
	}
	return max(groups, 1) + digits
}
