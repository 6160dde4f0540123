package search

import (
	"math/bits"
	"slices"
	"strings"

	"loa/internal/vntext"
)

// Result is one page found by a query.
type Result struct {
	Page     int    // number of the page in the order given to Build
	URL      string // filled by Search from the page's file
	Score    int
	Coverage int // query syllables found, stop words aside
}

// qtoken is one syllable of a query.
type qtoken struct {
	Token
	prefix bool // the last syllable, still being typed
	stop   bool
}

// parseQuery splits a query into its syllables (at most maxQueryTokens);
// the last is a prefix unless the query ends with a separator.
func parseQuery(q string, stops map[string]bool) []qtoken {
	q = vntext.NFCString(q)
	var out []qtoken
	for _, t := range Tokens(q) {
		if len(out) == maxQueryTokens {
			break
		}
		out = append(out, qtoken{Token: t, stop: isStop(t.Exact, t.Folded, stops)})
	}
	if n := len(out); n > 0 && out[n-1].End == len(q) {
		out[n-1].prefix = true
	}
	if n := len(out); n > 0 {
		out[0].Joined = false
	}
	return out
}

// Search returns the pages that match q, best first: by coverage (how
// many of the query's syllables other than stop words the page has, in
// any form), then by score, then by page number. The score adds, for each
// query syllable, its best match in the page (idf × impact × mark factor ×
// prefix factor), and for each pair of adjacent query syllables found
// adjacent in the page, bigram × idf × impact × prefix factor.
func (ix *Index) Search(q string) ([]Result, error) {
	toks := parseQuery(q, ix.stops)
	if len(toks) == 0 {
		return nil, nil
	}
	n := ix.meta.Pages
	score := make([]int, n)
	mask := make([]uint32, n)
	best := make([]int, n)
	var touched []int
	// add folds one query element's best match per page into the totals.
	add := func(cands []cand, factorOf func(c cand, f form) int, covers uint32) {
		touched = touched[:0]
		for _, c := range cands {
			for _, f := range c.e.forms {
				k := factorOf(c, f)
				for _, seg := range f.segs {
					for _, p := range seg {
						page := int(p >> postShift)
						s := k * int(p&(1<<postShift-1))
						if best[page] == 0 {
							touched = append(touched, page)
						}
						best[page] = max(best[page], s)
					}
				}
			}
		}
		for _, page := range touched {
			score[page] += best[page]
			mask[page] |= covers
			best[page] = 0
		}
	}
	for i, t := range toks {
		cands, err := ix.lookup("w", t.Folded, t.prefix)
		if err != nil {
			return nil, err
		}
		add(cands, func(c cand, f form) int {
			text := f.text
			if text == "" {
				text = c.e.key
			}
			return c.e.idf * ix.meta.Mark[markClass(t.Exact, text)] * ix.meta.Prefix[c.partial]
		}, 1<<i)
	}
	for i := 1; i < len(toks); i++ {
		if !toks[i].Joined {
			continue
		}
		cands, err := ix.lookup("p", toks[i-1].Folded+" "+toks[i].Folded, toks[i].prefix)
		if err != nil {
			return nil, err
		}
		add(cands, func(c cand, _ form) int {
			return ix.meta.Bigram * c.e.idf * ix.meta.Prefix[c.partial]
		}, 3<<(i-1))
	}
	var content uint32
	for i, t := range toks {
		if !t.stop {
			content |= 1 << i
		}
	}
	if content == 0 {
		content = 1<<len(toks) - 1
	}
	var out []Result
	for page, m := range mask {
		if m != 0 {
			out = append(out, Result{Page: page, Score: score[page], Coverage: bits.OnesCount32(m & content)})
		}
	}
	slices.SortFunc(out, func(a, b Result) int {
		if a.Coverage != b.Coverage {
			return b.Coverage - a.Coverage
		}
		if a.Score != b.Score {
			return b.Score - a.Score
		}
		return a.Page - b.Page
	})
	return out, nil
}

// cand is an entry a query element matches: the key itself (partial 0)
// or a longer key it begins (partial 1).
type cand struct {
	e       *entry
	partial int
}

// lookup returns the entries of the words or pairs that key matches: the
// entry of key itself, and when prefix is set every entry whose key
// begins with key, unless those span more than PrefixMax shards.
func (ix *Index) lookup(kind, key string, prefix bool) ([]cand, error) {
	seps := ix.meta.Words
	if kind == "p" {
		seps = ix.meta.Pairs
	}
	if len(seps) == 0 {
		return nil, nil
	}
	lo := shardOf(seps, key)
	hi := lo
	if prefix {
		hi = lastShardOf(seps, key)
		if hi-lo+1 > ix.meta.PrefixMax {
			prefix, hi = false, lo
		}
	}
	var out []cand
	for i := lo; i <= hi; i++ {
		m, err := ix.shard(kind, i)
		if err != nil {
			return nil, err
		}
		if !prefix {
			if e := m[key]; e != nil {
				out = append(out, cand{e: e})
			}
			continue
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			if strings.HasPrefix(k, key) {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			c := cand{e: m[k]}
			if k != key {
				c.partial = 1
			}
			out = append(out, c)
		}
	}
	return out, nil
}

// shardOf returns the shard that holds key: the last whose separator is
// not after it.
func shardOf(seps []string, key string) int {
	i, _ := slices.BinarySearch(seps, key)
	if i < len(seps) && seps[i] == key {
		return i
	}
	return max(0, i-1)
}

// lastShardOf returns the last shard that may hold a key beginning with
// prefix.
func lastShardOf(seps []string, prefix string) int {
	i := shardOf(seps, prefix)
	for i+1 < len(seps) && strings.HasPrefix(seps[i+1], prefix) {
		i++
	}
	return i
}
