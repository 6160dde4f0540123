package search

import "slices"

// A worker analyses a contiguous range of pages: it tokenises their
// fields, counts every syllable form and every pair of adjacent syllables
// per field, and turns the counts into postings. Workers share nothing;
// Build merges their dictionaries afterwards in page order, so postings
// stay sorted by page without a sort.
//
// Postings are first appended to one flat slice per worker, as records
// id<<32 | page<<postShift | impact, and every flushRecords of them are
// grouped by id with a counting sort and appended to each id's list:
// writing one slice in order is several times faster than appending to a
// list per syllable for every page, and the records never take much
// memory.
type worker struct {
	avgBody float64

	forms    *idTable         // hash of a syllable as written → form id
	collided map[string]int32 // the forms whose hash another form has
	formFold []int32          // form id → folded id
	formText []string
	folds    map[string]int32 // folded syllable → folded id
	foldText []string
	pairs    *idTable // folded id pair → pair id
	pairKey  []uint64

	formRec, pairRec []uint64

	// per-page scratch, indexed by form or pair id
	formSeen  []int32 // page+1 the counts below belong to
	formTF    [][3]uint16
	pairSeen  []int32
	pairTF    [][3]uint16
	formTouch []int32
	pairTouch []int32
	sat       satTables

	tok tokenizer

	// postings by id, page<<postShift | impact, in page order
	formPost, pairPost [][]uint32
	count              []int32 // scratch of flush
	done, pages        int     // pages analysed so far, and in all
}

// flushRecords is how many records a worker keeps before it groups them.
const flushRecords = 1 << 17

// postShift is the number of low bits of a posting that hold its impact.
const postShift = 10

func newWorker(avgBody float64, textBytes int) *worker {
	// About one distinct syllable per 8 bytes of a page, one distinct
	// pair per 4: capacity never written costs no memory.
	return &worker{
		avgBody: avgBody,
		forms:   newIDTable(4096),
		folds:   make(map[string]int32, 1024),
		pairs:   newIDTable(4096),
		formRec: make([]uint64, 0, flushRecords+4096),
		pairRec: make([]uint64, 0, flushRecords+4096),
	}
}

// page analyses the page numbered id.
func (w *worker) page(id int, d *Doc) {
	w.formTouch, w.pairTouch = w.formTouch[:0], w.pairTouch[:0]
	w.field(id, 0, d.Title)
	w.field(id, 1, d.Summary)
	w.field(id, 2, d.Body)
	norm := 1.0
	if w.avgBody > 0 {
		norm = float64(len(d.Body)) / w.avgBody
	}
	w.sat.setBody(norm)
	page := uint64(id) << postShift
	for _, f := range w.formTouch {
		w.formRec = append(w.formRec, uint64(f)<<32|page|uint64(w.sat.impact(&w.formTF[f])))
	}
	for _, p := range w.pairTouch {
		w.pairRec = append(w.pairRec, uint64(p)<<32|page|uint64(w.sat.impact(&w.pairTF[p])))
	}
	w.done++
	if len(w.formRec) >= flushRecords {
		w.formPost = w.flush(w.formRec, w.formPost, len(w.formText))
		w.formRec = w.formRec[:0]
	}
	if len(w.pairRec) >= flushRecords {
		w.pairPost = w.flush(w.pairRec, w.pairPost, len(w.pairKey))
		w.pairRec = w.pairRec[:0]
	}
}

// field counts the syllables and pairs of one field of page id.
func (w *worker) field(id, field int, text string) {
	t := &w.tok
	*t = tokenizer{text: text, exact: t.exact, folded: t.folded, tab: t.tab}
	stamp := int32(id + 1)
	prev := int32(-1)
	for t.next() {
		f := w.forms.ids[w.forms.slot(t.hash)] - 1
		if f < 0 || w.formText[f] != string(t.exact) {
			f = w.lookupForm(f)
		}
		if w.formSeen[f] != stamp {
			w.formSeen[f] = stamp
			w.formTF[f] = [3]uint16{}
			w.formTouch = append(w.formTouch, f)
		}
		if tf := &w.formTF[f][field]; *tf < 1<<15 {
			*tf++
		}
		fold := w.formFold[f]
		if prev >= 0 && t.joined {
			key := uint64(prev)<<32 | uint64(fold)
			i := w.pairs.slot(key)
			p := w.pairs.ids[i] - 1
			if p < 0 {
				p = w.newPair(key)
			}
			if w.pairSeen[p] != stamp {
				w.pairSeen[p] = stamp
				w.pairTF[p] = [3]uint16{}
				w.pairTouch = append(w.pairTouch, p)
			}
			if tf := &w.pairTF[p][field]; *tf < 1<<15 {
				*tf++
			}
		}
		prev = fold
	}
}

// lookupForm finds or adds the current token's form when the hash table
// has not got it: it is new (f < 0), or another form has its hash.
func (w *worker) lookupForm(f int32) int32 {
	if f < 0 {
		f = w.newForm()
		w.forms.put(w.tok.hash, f)
		return f
	}
	if w.collided == nil {
		w.collided = map[string]int32{}
	}
	g, ok := w.collided[string(w.tok.exact)]
	if !ok {
		g = w.newForm()
		w.collided[w.formText[g]] = g
	}
	return g
}

// newForm adds the current token's form to the dictionary.
func (w *worker) newForm() int32 {
	t := &w.tok
	f := int32(len(w.formText))
	exact := string(t.exact)
	w.formText = append(w.formText, exact)
	fold, ok := w.folds[string(t.folded)]
	if !ok {
		fold = int32(len(w.foldText))
		s := string(t.folded)
		w.folds[s] = fold
		w.foldText = append(w.foldText, s)
	}
	w.formFold = append(w.formFold, fold)
	w.formSeen = append(w.formSeen, 0)
	w.formTF = append(w.formTF, [3]uint16{})
	return f
}

// newPair adds a pair of folded ids to the dictionary.
func (w *worker) newPair(key uint64) int32 {
	p := int32(len(w.pairKey))
	w.pairs.put(key, p)
	w.pairKey = append(w.pairKey, key)
	w.pairSeen = append(w.pairSeen, 0)
	w.pairTF = append(w.pairTF, [3]uint16{})
	return p
}

// finish groups the last records and drops the scratch.
func (w *worker) finish() {
	w.formPost = w.flush(w.formRec, w.formPost, len(w.formText))
	w.pairPost = w.flush(w.pairRec, w.pairPost, len(w.pairKey))
	w.formRec, w.pairRec, w.count = nil, nil, nil
	w.formSeen, w.formTF, w.pairSeen, w.pairTF = nil, nil, nil, nil
	w.pairs, w.forms = nil, nil
}

// flush appends records id<<32 | posting to the lists of their ids, of
// which there are n, keeping their order.
func (w *worker) flush(recs []uint64, lists [][]uint32, n int) [][]uint32 {
	for len(lists) < n {
		lists = append(lists, nil)
	}
	if cap(w.count) < n {
		w.count = make([]int32, n, 2*n)
	}
	count := w.count[:n]
	clear(count)
	for _, r := range recs {
		count[r>>32]++
	}
	// A list that must grow gets room for as many postings as its share
	// so far promises for all the worker's pages, so that it seldom grows
	// again: growing leaves its old array to the garbage collector.
	for id, c := range count {
		if l := lists[id]; c > 0 && cap(l)-len(l) < int(c) {
			want := len(l) + int(c)
			if w.done > 0 && w.done < w.pages {
				want = want * w.pages / w.done * 9 / 8
			}
			lists[id] = slices.Grow(l, want-len(l))
		}
	}
	for _, r := range recs {
		id := r >> 32
		lists[id] = append(lists[id], uint32(r))
	}
	return lists
}

// pairText returns the index key of pair p: the two folded syllables
// with a space between.
func (w *worker) pairText(p int) string {
	k := w.pairKey[p]
	return w.foldText[k>>32] + " " + w.foldText[uint32(k)]
}

// satTables caches the saturated counts of impact: the same for every
// title and summary, and per page for the body, whose length varies.
type satTables struct {
	short, body [satCache]int
	norm        float64
}

const satCache = 32

func (s *satTables) setBody(norm float64) {
	if s.short[1] == 0 {
		for tf := 1; tf < satCache; tf++ {
			s.short[tf] = sat(tf, 1)
		}
	}
	for tf := 1; tf < satCache; tf++ {
		s.body[tf] = sat(tf, norm)
	}
	s.norm = norm
}

// impact is rank.go's impact of the counts, from the tables.
func (s *satTables) impact(tf *[3]uint16) int {
	v := weightTitle*s.get(&s.short, int(tf[0]), 1) + weightSummary*s.get(&s.short, int(tf[1]), 1) + weightBody*s.get(&s.body, int(tf[2]), s.norm)
	return max(1, min(v, maxImpact))
}

func (s *satTables) get(t *[satCache]int, tf int, norm float64) int {
	if tf < satCache {
		return t[tf]
	}
	return sat(tf, norm)
}
