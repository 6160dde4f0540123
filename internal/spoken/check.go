package spoken

import (
	"unicode"
	"unicode/utf8"
)

// Check returns a problem for every run of digits left in read text:
// ASCII digits, digits of other scripts, and other numeric characters
// (², ½, Ⅻ, ①). Read text that passes is safe to hand to an announcer.
// It also reports invalid UTF-8.
func Check(read string) []Problem {
	var probs []Problem
	for i := 0; i < len(read); {
		r, size := utf8.DecodeRuneInString(read[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			probs = append(probs, Problem{Start: i, End: i + 1, Kind: InvalidText, Text: read[i : i+1], Msg: "invalid UTF-8 byte"})
			i++
		case unicode.IsNumber(r):
			j := i
			for j < len(read) {
				r, size := utf8.DecodeRuneInString(read[j:])
				if !unicode.IsNumber(r) {
					break
				}
				j += size
			}
			probs = append(probs, Problem{Start: i, End: j, Kind: DigitLeft, Text: read[i:j],
				Msg: "digit \"" + read[i:j] + "\" left in the read text", Hint: "write the number in words"})
			i = j
		default:
			i += size
		}
	}
	return probs
}
