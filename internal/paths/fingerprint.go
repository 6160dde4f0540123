package paths

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strings"
)

// fingerprintLen is how many hex digits of a file's SHA-256 its
// fingerprinted name carries.
const fingerprintLen = 10

// Fingerprint returns the fingerprinted output path of the file whose
// plain output path is p and whose bytes are data: the first ten hex
// digits of their SHA-256 before the extension, "css/site.3f9a1c2e07.css".
// Such a name changes whenever the bytes do, so it may be cached for a
// year.
func Fingerprint(p string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(p)
	return strings.TrimSuffix(p, ext) + "." + hex.EncodeToString(sum[:fingerprintLen/2]) + ext
}

// Fingerprinted reports whether p is a name Fingerprint makes.
func Fingerprinted(p string) bool {
	stem := strings.TrimSuffix(p, path.Ext(p))
	dot := strings.LastIndexByte(stem, '.')
	if dot < 0 || len(stem)-dot-1 != fingerprintLen || strings.ContainsRune(stem[dot:], '/') {
		return false
	}
	for _, c := range stem[dot+1:] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
