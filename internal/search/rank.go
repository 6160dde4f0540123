package search

import (
	"math"

	"golang.org/x/text/unicode/norm"
)

// The ranking rules. Build computes each posting's impact and each term's
// idf here; Index.Search and search.js combine them with the factors
// below, which Build writes into the index's meta file so that the script
// never has its own copy. Every number is an integer, so Go and JavaScript
// compute the very same scores.
const (
	// Field weights: a syllable of the title (the question of a Q&A) counts
	// six times one of the body, one of the summary three times.
	weightTitle   = 6
	weightSummary = 3
	weightBody    = 1

	// satOne is the impact of one occurrence in a field of average length;
	// repeated occurrences saturate towards satOne×(k1+1)/1 (BM25).
	satOne = 10
	bm25K1 = 1.2
	bm25B  = 0.75

	// idfScale scales BM25's idf to an integer.
	idfScale = 100

	// bigramWeight multiplies the score of two query syllables found
	// adjacent in the text (phrase proximity).
	bigramWeight = 8
)

// markFactor is the factor of a match by how the query's marks compare
// with the text's: the same letters, or a query typed without marks
// (markExact); marks the query has are all in the text, which has more
// ("dương" for "đường": markSubset); marks that differ ("đường" for
// "dương": markFolded, which still finds it).
var markFactor = [3]int{4, 3, 2}

const (
	markExact = iota
	markSubset
	markFolded
)

// prefixFactor is the factor of a query syllable that matches a whole
// syllable of the text ([0]), or only its beginning while the reader is
// still typing ([1]).
var prefixFactor = [2]int{4, 3}

// maxPrefixShards is how many shards a prefix may span before it stops
// being expanded: "b" alone would load half the index.
const maxPrefixShards = 2

// stopWords are Vietnamese function words, as written. A query syllable
// that is one of them (or, typed without marks, folds like one) still
// scores, but does not count in a result's coverage, so that "là", "của"
// and "các" never put a page that lacks the words that matter first.
var stopWords = []string{
	"à", "ai", "bị", "bởi", "các", "cái", "cho", "có", "của", "cũng", "đã", "đang",
	"để", "đến", "đó", "được", "gì", "hay", "hoặc", "khi", "là", "lại", "mà",
	"một", "nào", "này", "nên", "nếu", "những", "ở", "ra", "rằng", "rất", "sẽ",
	"thì", "theo", "trong", "từ", "và", "vào", "về", "vì", "với",
}

// maxImpact is the largest impact a posting holds.
const maxImpact = 1<<postShift - 1

// impact is the integer weight of a term in one page: the saturated
// count of its occurrences in each field, weighted by field. bodyNorm is
// the body's length over the average body length; title and summary are
// short and not normalised.
func impact(tfTitle, tfSummary, tfBody int, bodyNorm float64) int {
	v := weightTitle*sat(tfTitle, 1) + weightSummary*sat(tfSummary, 1) + weightBody*sat(tfBody, bodyNorm)
	return max(1, min(v, maxImpact))
}

func sat(tf int, norm float64) int {
	if tf == 0 {
		return 0
	}
	f := float64(tf)
	n := 1 - bm25B + bm25B*norm
	return int(math.Round(satOne * f * (bm25K1 + 1) / (f + bm25K1*n)))
}

// idf is BM25's inverse document frequency of a term found in df of n
// pages, as an integer of at least 1.
func idf(df, n int) int {
	v := math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
	return max(1, int(math.Round(idfScale*v)))
}

// markClass compares a query syllable q with a form of the text, both
// lower-case NFC and with the same folded form (or q folding to a prefix
// of it): markExact when q is the form or its beginning, or q has no marks
// at all; markSubset when each letter of q has only marks its letter in
// the form has; markFolded otherwise.
func markClass(q, form string) int {
	if len(q) <= len(form) && form[:len(q)] == q {
		return markExact
	}
	qs, fs := []rune(q), []rune(form)
	marked := false
	subset := len(qs) <= len(fs)
	for i, r := range qs {
		qb, qm := decompose(r)
		if qm != "" {
			marked = true
		}
		if subset {
			fb, fm := decompose(fs[i])
			subset = qb == fb && hasMarks(fm, qm)
		}
	}
	switch {
	case !marked:
		return markExact
	case subset:
		return markSubset
	}
	return markFolded
}

// decompose splits a letter into its base and its combining marks; đ is d
// with a stroke (U+0335), as NFD does not split it, and the symbols a
// token may hold ("30%", "4.0", "r&d") count as marks of themselves, so
// that "30%" prefers "30%" to "30".
func decompose(r rune) (rune, string) {
	switch r {
	case 'đ':
		return 'd', "\u0335"
	case '%', '.', ',', '&':
		return r, string(r)
	}
	d := []rune(norm.NFD.String(string(r)))
	return d[0], string(d[1:])
}

// hasMarks reports whether every mark of sub is in marks.
func hasMarks(marks, sub string) bool {
	for _, m := range sub {
		found := false
		for _, n := range marks {
			found = found || n == m
		}
		if !found {
			return false
		}
	}
	return true
}

// isStop reports whether a query syllable is a stop word: one of
// stopWords as written, or, typed without any mark, the folded form of one.
func isStop(exact, folded string, stops map[string]bool) bool {
	if stops[exact] {
		return true
	}
	return exact == folded && stops["\x00"+folded]
}

// stopSet is stopWords as a set, with their folded forms under "\x00".
func stopSet(fold func(string) string) map[string]bool {
	m := make(map[string]bool, 2*len(stopWords))
	for _, w := range stopWords {
		m[w] = true
		m["\x00"+fold(w)] = true
	}
	return m
}
