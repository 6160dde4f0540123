package search

import (
	"encoding/json"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// digits is the alphabet of the numbers in a shard: each character holds
// five bits of a number, least significant first, plus 32 when more
// characters of the same number follow. None of them needs escaping in a
// JavaScript string, and none is a separator ('|', '~') or can appear in
// a key.
const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

// Separators of a shard's data string.
const (
	sepField = '|'
	sepEntry = '~'
)

// appendNum appends v in the shard alphabet.
func appendNum(b []byte, v uint32) []byte {
	for v >= 32 {
		b = append(b, digits[v&31|32])
		v >>= 5
	}
	return append(b, digits[v])
}

// appendEntry appends one entry of a shard:
//
//	key|idf|form|postings|form|postings...
//
// where form is "" when it is the key itself, and postings is a run of
// numbers, two per page: the gap since the previous page minus one (from
// -1), and the impact.
func appendEntry(b []byte, e *entry, n, df int) []byte {
	b = append(b, e.key...)
	b = append(b, sepField)
	b = appendNum(b, uint32(idf(df, n)))
	for _, f := range e.forms {
		b = append(b, sepField)
		b = append(b, f.text...)
		b = append(b, sepField)
		prev := int64(-1)
		for _, s := range f.segs {
			for _, p := range s {
				page := int64(p >> postShift)
				b = appendNum(b, uint32(page-prev-1))
				b = appendNum(b, p&(1<<postShift-1))
				prev = page
			}
		}
	}
	return b
}

// encodedSize estimates the bytes of the encoded dictionary.
func encodedSize(words, pairs []entry) int {
	size := 0
	for _, entries := range [][]entry{words, pairs} {
		for i := range entries {
			size += len(entries[i].key) + 4
			for _, f := range entries[i].forms {
				size += len(f.text) + 2
				for _, s := range f.segs {
					size += 2 * len(s)
				}
			}
		}
	}
	return size
}

// encodeShards encodes the entries into the files of shards of about
// size bytes, of the given kind ("word" or "pair"). Each file's sep is the
// least key a query must have to look in it: the shortest prefix of its
// first key that sorts after the last key of the shard before.
func encodeShards(entries []entry, n, size int, dir, build, kind string) []File {
	var out []File
	var b []byte
	seen := make([]int32, n)
	start := 0
	for i := range entries {
		if b == nil {
			sep := ""
			if i > 0 {
				sep = separator(entries[i-1].key, entries[i].key)
			}
			out = append(out, File{Path: dir + kind[:1] + "/" + strconv.Itoa(len(out)) + ".js", sep: sep})
			b = make([]byte, 0, size+size/4)
			b = append(b, bom+"loaSearch."...)
			b = append(b, kind...)
			b = append(b, '(')
			b = appendJSString(b, build)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(len(out)-1), 10)
			b = append(b, ",\""...)
			start = len(b)
		} else {
			b = append(b, sepEntry)
		}
		b = appendEntry(b, &entries[i], n, entries[i].df(seen, int32(i+1)))
		entries[i].forms = nil // its postings may go now
		if len(b)-start >= size || i+1 == len(entries) {
			out[len(out)-1].Data = append(b, "\");\n"...)
			b = nil
		}
	}
	return out
}

// separator returns the shortest prefix of key that sorts after prev.
func separator(prev, key string) string {
	for i := 1; i <= len(key); i++ {
		if key[:i] > prev {
			// Keep whole UTF-8 characters.
			for i < len(key) && !utf8.RuneStart(key[i]) {
				i++
			}
			return key[:i]
		}
	}
	return key
}

// docFile is the file of page i: loaSearch.doc(build, i, [URL, title,
// kind, kind label, summary, body]).
func docFile(dir, build string, i int, d *Doc) File {
	b := make([]byte, 0, len(d.Body)+len(d.Summary)+len(d.Title)+len(d.URL)+len(d.KindLabel)+80)
	b = append(b, bom+"loaSearch.doc("...)
	b = appendJSString(b, build)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(i), 10)
	b = append(b, ",["...)
	for k, s := range []string{d.URL, d.Title, d.Kind, d.KindLabel, d.Summary, d.Body} {
		if k > 0 {
			b = append(b, ',')
		}
		b = appendJSString(b, s)
	}
	b = append(b, "]);\n"...)
	return File{Path: dir + "d/" + strconv.Itoa(i) + ".js", Data: b}
}

// appendJSString appends s as a double-quoted string that is valid JSON
// and JavaScript: quotes, backslashes, control characters and the line
// separators U+2028 and U+2029 escaped, all else as it is.
func appendJSString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if jsSafe[c] {
			continue
		}
		if c == 0xE2 {
			// U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
			if i+2 >= len(s) || s[i+1] != 0x80 || (s[i+2] != 0xA8 && s[i+2] != 0xA9) {
				continue
			}
			b = append(b, s[start:i]...)
			b = fmt.Appendf(b, `\u%04x`, 0x2000|rune(s[i+2]-0x80))
			i += 2
			start = i + 1
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, `\n`...)
		case '\t':
			b = append(b, `\t`...)
		default:
			b = fmt.Appendf(b, `\u%04x`, c)
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// jsSafe marks the bytes appendJSString copies as they are.
var jsSafe = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\' && c != 0xE2
	}
	return t
}()

// bom starts every file, so that the browser reads it as UTF-8 whatever
// the server or the page says.
const bom = "\uFEFF"

// meta is what meta.js hands to the script: the build, the number of
// pages, the shards' separators and the ranking factors of rank.go.
type meta struct {
	Build      string   `json:"build"`
	Pages      int      `json:"pages"`
	Words      []string `json:"words"`
	Pairs      []string `json:"pairs"`
	Mark       [3]int   `json:"mark"`
	Prefix     [2]int   `json:"prefix"`
	Bigram     int      `json:"bigram"`
	PrefixMax  int      `json:"prefixShards"`
	StopWords  []string `json:"stop"`
	FoldedStop []string `json:"stopFolded"`
}

// metaFile is meta.js: loaSearch.meta({...}).
func metaFile(dir, build string, n int, words, pairs []File) File {
	m := meta{
		Build: build, Pages: n, Mark: markFactor, Prefix: prefixFactor,
		Bigram: bigramWeight, PrefixMax: maxPrefixShards, StopWords: stopWords,
		Words: []string{}, Pairs: []string{},
	}
	for _, w := range stopWords {
		m.FoldedStop = append(m.FoldedStop, foldQuery(w))
	}
	for _, f := range words {
		m.Words = append(m.Words, f.sep)
	}
	for _, f := range pairs {
		m.Pairs = append(m.Pairs, f.sep)
	}
	mj, _ := json.Marshal(m)
	return File{Path: dir + "meta.js", Data: fmt.Appendf(nil, "%sloaSearch.meta(%s);\n", bom, mj)}
}
