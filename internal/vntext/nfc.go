package vntext

import "golang.org/x/text/unicode/norm"

// NFC returns b in Unicode Normalization Form C. Vietnamese typed on some
// systems (macOS file names, text pasted from PDFs) arrives decomposed, with
// tone marks as separate combining characters; NFC composes them so that
// "ệ" is always one character and comparisons, slugs and fonts agree.
// When b is already NFC it is returned as is, without copying.
func NFC(b []byte) []byte {
	if norm.NFC.QuickSpan(b) == len(b) {
		return b
	}
	return norm.NFC.Bytes(b)
}

// NFCString is NFC for strings.
func NFCString(s string) string {
	if norm.NFC.QuickSpanString(s) == len(s) {
		return s
	}
	return norm.NFC.String(s)
}
