// Package search builds the site's search index: files that
// static/js/search.js loads in the reader's browser to answer queries
// offline, from a web server or from a folder opened from disk, Vietnamese
// with or without accents. It also holds Index, the reference
// implementation of the query that the tests measure and compare the
// script with.
//
// # Tokens and folding
//
// Text is split into syllables (Tokens): runs of letters, numbers and
// marks, with "4.0", "10.000", "0,7", "30%" and "r&d" kept whole. Each
// syllable is indexed as written (lower-case NFC: "đường") and folded
// (marks and symbols removed, đ→d: "duong") with vntext.Fold, the rule
// slugs use. Two syllables separated only by spaces are adjacent; any
// punctuation, and the newline HTMLText writes between blocks, breaks a
// phrase.
//
// # Files
//
// Build writes, under Options.Dir (tim-kiem/index/ by default):
//
//	meta.js    loaSearch.meta({...}): build id, number of pages, the first
//	           key of every shard, and the ranking factors of rank.go
//	w/N.js     loaSearch.word(build, N, "..."): a shard of syllables
//	p/N.js     loaSearch.pair(build, N, "..."): a shard of adjacent pairs
//	d/N.js     loaSearch.doc(build, N, [url, title, kind, label, summary, body])
//
// Every file is a script that calls one registration function, loaded with
// <script src>: that works from file:// (where fetch of local files does
// not) and under a Content-Security-Policy of default-src 'self' (no
// inline script, no eval, no inline style). Each starts with a UTF-8 BOM,
// so the browser decodes it as UTF-8 whatever the server says, and names
// the build it belongs to, so that a stale cache mixing two builds is
// noticed rather than giving wrong results.
//
// The dictionary is two sorted key spaces, folded syllables ("duong") and
// folded pairs ("chuyen doi"), each cut into shards of about
// Options.ShardBytes; meta.js lists the shortest separating prefix of each
// shard's first key, so the script finds the shard of a key, or the range
// of shards of a prefix, by binary search. A query loads only the shards
// of its syllables and pairs, and the page files of the results it shows.
//
// A shard's data is entries separated by '~'; an entry is
//
//	key|idf|form|postings|form|postings...
//
// with one (form, postings) per way the syllable is written ("dương",
// "đường"; "" when the form is the key, and always for pairs). Postings
// are pairs of numbers, the gap to the previous page minus one and the
// impact, each written in base 32 with a continuation bit over the
// 64-character alphabet of encode.go, which needs no escaping.
//
// # Ranking
//
// rank.go holds the rules; Build applies the ones of the index (impact,
// idf) and writes the factors of the query into meta.js, so that
// search.js has no copy of its own. All arithmetic is on integers, so the
// Go reference and the script give the same scores, which the browser
// test checks on the whole relevance set.
//
//   - A posting's impact sums, per field, a saturated count (BM25, the
//     body normalised by its length) times the field's weight: title 6
//     (a Q&A's question is its title), summary 3, body 1. A title that has
//     a syllable once outweighs a body that repeats it.
//   - A query syllable scores idf × impact × mark factor × prefix factor
//     for its best form in each page. The mark factor compares the marks
//     typed with the form's: the same, or none typed (4); all typed marks
//     present ("dương" for "đường", 3); others (2), so a query with marks
//     ranks exact matches first and still finds the rest. The last
//     syllable, unless followed by a space, also matches longer syllables
//     it begins ("binh dan hoc v"), at 3/4.
//   - Each pair of adjacent query syllables found adjacent in a page adds
//     8 × idf × impact of the pair (phrase proximity).
//   - Results are ordered by coverage (query syllables found, stop words
//     aside), then score, then page order.
//
// Stop words (rank.go) still score, with their low idf, but do not count
// in coverage, so they never drown a page that has the words that matter.
package search
