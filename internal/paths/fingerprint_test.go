package paths

import "testing"

func TestFingerprinted(t *testing.T) {
	made := Fingerprint("css/site.css", []byte("body{}"))
	if !Fingerprinted(made) {
		t.Errorf("Fingerprinted(%q) = false for a name Fingerprint made", made)
	}
	for _, p := range []string{
		"css/site.css",
		"tim-kiem/index/ab.js",
		"js/site.3f9a1c2e0.js",   // nine digits
		"js/site.3f9a1c2e07a.js", // eleven
		"js/site.3F9A1C2E07.js",  // upper case is not what Fingerprint writes
		"js/site.3f9a1c2e0g.js",  // not hex
		"a.3f9a1c2e07/b.js",      // the digits name a folder
		"3f9a1c2e07.js",          // no stem before them
	} {
		if Fingerprinted(p) {
			t.Errorf("Fingerprinted(%q) = true", p)
		}
	}
}
