package search

import (
	"encoding/json"
	"fmt"
	"hash/crc32"
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

// shard is the data of one shard and the least key a query must have to
// look in it: the shortest prefix of its first key that sorts after the
// last key of the shard before.
type shard struct {
	sep  string
	data []byte
}

// encodeEntries encodes the entries one after the other, separated by
// sepEntry, into one buffer, and returns it with the end of each entry.
func encodeEntries(entries []entry, n int) ([]byte, []int) {
	var b []byte
	ends := make([]int, len(entries))
	seen := make([]int32, n)
	for i := range entries {
		if i > 0 {
			b = append(b, sepEntry)
		}
		b = appendEntry(b, &entries[i], n, entries[i].df(seen, int32(i+1)))
		ends[i] = len(b)
	}
	return b, ends
}

// pack cuts the encoded entries into shards of about size bytes.
func pack(entries []entry, data []byte, ends []int, size int) []shard {
	var out []shard
	start, first := 0, 0
	for i := range entries {
		if ends[i]-start < size && i+1 < len(entries) {
			continue
		}
		sep := ""
		if first > 0 {
			sep = separator(entries[first-1].key, entries[first].key, false)
		}
		out = append(out, shard{sep: sep, data: data[start:ends[i]]})
		start, first = ends[i]+1, i+1
	}
	return out
}

// separator returns the shortest prefix of key that sorts after prev, or
// "" for the first shard.
func separator(prev, key string, first bool) string {
	if first {
		return ""
	}
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

// docPayload is the JSON array a page's file holds: URL, title, kind,
// kind label, summary, body.
func docPayload(d *Doc) []byte {
	b := make([]byte, 0, len(d.Body)+len(d.Summary)+len(d.Title)+len(d.URL)+64)
	b = append(b, '[')
	for i, s := range []string{d.URL, d.Title, d.Kind, d.KindLabel, d.Summary, d.Body} {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSString(b, s)
	}
	return append(b, ']')
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

// writeFiles wraps the payloads in their script calls, each tagged with
// a build id that hashes all of them: a page never mixes files of two
// builds (a stale cache) without noticing.
func writeFiles(dir string, n int, words, pairs []shard, docs [][]byte) []File {
	h := crc32.NewIEEE()
	for _, s := range words {
		h.Write(s.data)
	}
	for _, s := range pairs {
		h.Write(s.data)
	}
	for _, d := range docs {
		h.Write(d)
	}
	build := strconv.FormatUint(uint64(h.Sum32()), 36)
	files := make([]File, 0, 1+len(words)+len(pairs)+n)
	m := meta{
		Build: build, Pages: n, Mark: markFactor, Prefix: prefixFactor,
		Bigram: bigramWeight, PrefixMax: maxPrefixShards, StopWords: stopWords,
		Words: []string{}, Pairs: []string{},
	}
	for _, w := range stopWords {
		m.FoldedStop = append(m.FoldedStop, foldQuery(w))
	}
	for _, s := range words {
		m.Words = append(m.Words, s.sep)
	}
	for _, s := range pairs {
		m.Pairs = append(m.Pairs, s.sep)
	}
	mj, _ := json.Marshal(m)
	files = append(files, File{Path: dir + "meta.js", Data: fmt.Appendf(nil, "%sloaSearch.meta(%s);\n", bom, mj)})
	add := func(kind string, i int, data []byte) {
		b := make([]byte, 0, len(data)+48)
		b = append(b, bom...)
		b = fmt.Appendf(b, "loaSearch.%s(%q,%d,", kind, build, i)
		if kind == "doc" {
			b = append(b, data...)
		} else {
			b = append(b, '"')
			b = append(b, data...)
			b = append(b, '"')
		}
		b = append(b, ");\n"...)
		files = append(files, File{Path: dir + kind[:1] + "/" + strconv.Itoa(i) + ".js", Data: b})
	}
	for i, d := range docs {
		add("doc", i, d)
	}
	for i, s := range pairs {
		add("pair", i, s.data)
	}
	for i, s := range words {
		add("word", i, s.data)
	}
	return files
}
