package search

import (
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Doc is one page to index, as plain text.
type Doc struct {
	URL       string // the page's folder from the site root: "hoi-dap/x/"; "" for the home page
	Title     string // for a Q&A, the question
	Kind      string // machine kind ("qa"), given to the result's class
	KindLabel string // kind as shown beside the title: "Hỏi – đáp"
	Summary   string // one sentence: the front matter's summary, or the lead
	Body      string // the text of the page without markup (HTMLText of the rendered body)
}

// Options tune Build; the zero value is the default.
type Options struct {
	// Dir is the folder under public/ that gets the index files, ending
	// in "/"; default DefaultDir.
	Dir string
	// ShardBytes is the size a shard of the dictionary grows to before
	// the next starts. A term larger than that has a shard of its own. By
	// default it is a 256th of the dictionary, between 1 and 16 KiB: small
	// shards for a small site, where the first query must stay light, and
	// few enough for a large one that meta.js, which lists them, does not
	// grow heavy.
	ShardBytes int
	// Workers is the number of pages analysed at once; default GOMAXPROCS.
	Workers int
	// SnippetBytes, when positive, is the most bytes of each body kept in
	// its page file for snippets, cut at a space; the index still covers
	// the whole body. The page files are most of an index's bytes (4 KB
	// of a 600-word page); 0 keeps every body whole.
	SnippetBytes int
}

// DefaultDir is where the index goes unless Options.Dir says otherwise.
const DefaultDir = "tim-kiem/index/"

// File is one output file: its path under public/ and its bytes.
type File struct {
	Path string
	Data []byte
	sep  string // of a shard: the least key it may hold
}

// maxDocs is the number of pages a posting's page number can hold.
const maxDocs = 1 << (32 - postShift)

// Build indexes docs and returns the files of the index: Dir/meta.js,
// one Dir/d/N.js per page (N counts docs from 0, in the order given, which
// is also the order of equal results), and the dictionary shards
// Dir/w/N.js (syllables) and Dir/p/N.js (pairs of adjacent syllables).
// The same docs give the same files, in the same order.
func Build(docs []Doc, opts Options) ([]File, error) {
	return BuildContext(context.Background(), docs, opts)
}

// BuildContext is Build that gives up, returning ctx's error, once ctx
// ends: the live preview abandons a large site's index when the editor
// saves again before it is made.
func BuildContext(ctx context.Context, docs []Doc, opts Options) ([]File, error) {
	if len(docs) >= maxDocs {
		return nil, fmt.Errorf("search: %d pages, more than the %d an index can hold", len(docs), maxDocs-1)
	}
	if opts.Dir == "" {
		opts.Dir = DefaultDir
	}
	if !strings.HasSuffix(opts.Dir, "/") || strings.HasPrefix(opts.Dir, "/") || strings.Contains(opts.Dir, "..") {
		return nil, errors.New("search: Options.Dir must be a relative folder ending in /")
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	build := buildID(docs)
	n := len(docs)
	words, pairs := merge(analyse(ctx, docs, opts.Workers))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	size := opts.ShardBytes
	if size <= 0 {
		size = min(16<<10, max(1<<10, encodedSize(words, pairs)/256))
	}
	// The dictionary first, words and pairs at once; its postings can go
	// before the pages' files take their memory.
	var wordShards, pairShards []File
	var wg sync.WaitGroup
	wg.Go(func() { wordShards = encodeShards(words, n, size, opts.Dir, build, "word") })
	pairShards = encodeShards(pairs, n, size, opts.Dir, build, "pair")
	wg.Wait()
	words, pairs = nil, nil
	files := make([]File, 1+n, 1+n+len(wordShards)+len(pairShards))
	files[0] = metaFile(opts.Dir, build, n, wordShards, pairShards)
	parallel(n, opts.Workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			d := docs[i]
			d.Body = cut(d.Body, opts.SnippetBytes)
			files[1+i] = docFile(opts.Dir, build, i, &d)
		}
	})
	files = append(files, pairShards...)
	files = append(files, wordShards...)
	return files, ctx.Err()
}

// cut returns s, or when n > 0 and s is longer, its beginning of at most
// n bytes up to a space.
func cut(s string, n int) string {
	if n <= 0 || len(s) <= n {
		return s
	}
	if i := strings.LastIndexAny(s[:n+1], " \n"); i > 0 {
		return s[:i]
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// formatVersion changes whenever the files or the ranking change, so that
// the same pages indexed by another loa get another build id.
const formatVersion = "loa-search-1"

// buildID hashes what the index is made of: the pages and the format.
func buildID(docs []Doc) string {
	h := crc32.NewIEEE()
	io.WriteString(h, formatVersion)
	for i := range docs {
		d := &docs[i]
		for _, s := range []string{d.URL, d.Title, d.Kind, d.KindLabel, d.Summary, d.Body} {
			io.WriteString(h, s)
			h.Write([]byte{0})
		}
	}
	return strconv.FormatUint(uint64(h.Sum32()), 36)
}

// analyse runs the workers, each on a contiguous range of pages of about
// the same amount of text.
func analyse(ctx context.Context, docs []Doc, nw int) []*worker {
	total := 0
	for i := range docs {
		total += len(docs[i].Body) + len(docs[i].Title) + len(docs[i].Summary)
	}
	avg := 0.0
	if len(docs) > 0 {
		sum := 0
		for i := range docs {
			sum += len(docs[i].Body)
		}
		avg = float64(sum) / float64(len(docs))
	}
	nw = max(1, min(nw, len(docs)))
	bounds := []int{0}
	acc, share := 0, total/nw+1
	for i := range docs {
		acc += len(docs[i].Body) + len(docs[i].Title) + len(docs[i].Summary)
		if acc >= share*len(bounds) && len(bounds) < nw {
			bounds = append(bounds, i+1)
		}
	}
	bounds = append(bounds, len(docs))
	workers := make([]*worker, len(bounds)-1)
	var wg sync.WaitGroup
	for k := range workers {
		wg.Go(func() {
			size := 0
			for i := bounds[k]; i < bounds[k+1]; i++ {
				size += len(docs[i].Body) + len(docs[i].Title) + len(docs[i].Summary)
			}
			w := newWorker(avg, size)
			w.pages = bounds[k+1] - bounds[k]
			for i := bounds[k]; i < bounds[k+1]; i++ {
				if i%64 == 0 && ctx.Err() != nil {
					break
				}
				w.page(i, &docs[i])
			}
			w.finish()
			workers[k] = w
		})
	}
	wg.Wait()
	return workers
}

// parallel calls f on nw ranges that split [0, n).
func parallel(n, nw int, f func(lo, hi int)) {
	nw = max(1, min(nw, n))
	var wg sync.WaitGroup
	for k := range nw {
		wg.Go(func() { f(n*k/nw, n*(k+1)/nw) })
	}
	wg.Wait()
}

// entry is one key of the dictionary with its postings: a syllable with
// one list per form it is written in, or a pair with one list.
type entry struct {
	key   string
	forms []form
	idf   int // as read back from a shard
}

type form struct {
	text string     // as written; "" when the same as the key
	segs [][]uint32 // postings page<<postShift | impact, in page order, in pieces
}

// merge joins the workers' dictionaries into the sorted syllable and pair
// entries.
func merge(workers []*worker) (words, pairs []entry) {
	wordIdx := map[string]int{}
	pairIdx := map[string]int{}
	for k, w := range workers {
		workers[k] = nil // the entries keep its postings, and only them
		for f, text := range w.formText {
			key := w.foldText[w.formFold[f]]
			i, ok := wordIdx[key]
			if !ok {
				i = len(words)
				wordIdx[key] = i
				words = append(words, entry{key: key})
			}
			if text == key {
				text = ""
			}
			seg := w.formPost[f]
			e := &words[i]
			j := slices.IndexFunc(e.forms, func(fm form) bool { return fm.text == text })
			if j < 0 {
				e.forms = append(e.forms, form{text: text, segs: [][]uint32{seg}})
			} else {
				e.forms[j].segs = append(e.forms[j].segs, seg)
			}
		}
		for p := range w.pairKey {
			key := w.pairText(p)
			seg := w.pairPost[p]
			i, ok := pairIdx[key]
			if !ok {
				pairIdx[key] = len(pairs)
				pairs = append(pairs, entry{key: key, forms: []form{{segs: [][]uint32{seg}}}})
				continue
			}
			pairs[i].forms[0].segs = append(pairs[i].forms[0].segs, seg)
		}
	}
	byKey := func(a, b entry) int { return strings.Compare(a.key, b.key) }
	slices.SortFunc(words, byKey)
	slices.SortFunc(pairs, byKey)
	for i := range words {
		slices.SortFunc(words[i].forms, func(a, b form) int { return strings.Compare(a.text, b.text) })
	}
	return words, pairs
}

// df is the number of pages an entry occurs in. seen is scratch of one
// int32 per page, and mark a value not yet in it.
func (e *entry) df(seen []int32, mark int32) int {
	if len(e.forms) == 1 {
		n := 0
		for _, s := range e.forms[0].segs {
			n += len(s)
		}
		return n
	}
	n := 0
	for _, f := range e.forms {
		for _, s := range f.segs {
			for _, p := range s {
				if seen[p>>postShift] != mark {
					seen[p>>postShift] = mark
					n++
				}
			}
		}
	}
	return n
}
