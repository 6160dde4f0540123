package spoken

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a Problem.
type Kind uint8

// The kinds of problems. Each leaves the text readable; they tell the
// editor where the announcer may stumble or the reading may be wrong.
const (
	UnknownAbbrev Kind = iota + 1 // a capitalised token in no table; kept as written
	UnknownCode                   // a document type or issuer code in no table; left out
	UnknownSymbol                 // a symbol with no reading; kept as written
	Ambiguous                     // read one way, may have been meant another
	DigitLeft                     // a digit in read text (found by Check)
	InvalidText                   // invalid UTF-8 or a control character; dropped
)

// String returns the kind's name as shown in diagnostics.
func (k Kind) String() string {
	switch k {
	case UnknownAbbrev:
		return "unknown abbreviation"
	case UnknownCode:
		return "unknown document code"
	case UnknownSymbol:
		return "unreadable symbol"
	case Ambiguous:
		return "ambiguous"
	case DigitLeft:
		return "digit left"
	case InvalidText:
		return "invalid text"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Problem is one place in a text that could not be read with confidence.
// Start and End are byte offsets into the text given to Read or Check
// (after NFC, which changes nothing for text that is already NFC, as all
// loa content is), so a caller can turn them into file:line:col.
type Problem struct {
	Start, End int
	Kind       Kind
	Text       string // the source text concerned
	Msg        string // what is wrong, lower case, no final period
	Hint       string // what the editor can do; may be empty
}

// String formats p as "start-end: message".
func (p Problem) String() string {
	return fmt.Sprintf("%d-%d: %s", p.Start, p.End, p.Msg)
}

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
