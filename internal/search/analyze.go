package search

// A worker analyses a contiguous range of pages: it tokenises their
// fields, counts every syllable form and every pair of adjacent syllables
// per field, and turns the counts into postings. Workers share nothing;
// Build merges their dictionaries afterwards in page order, so postings
// stay sorted by page without a sort.
//
// Postings are first appended to one flat slice per worker, as records
// id<<32 | page<<postShift | impact, then grouped by id with a counting
// sort: writing one slice in order is several times faster than
// appending to a slice per syllable.
type worker struct {
	avgBody float64

	forms    map[string]int32 // syllable as written → form id
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

	// After finish: postings grouped by id, id i at post[off[i]:off[i+1]].
	formOff, pairOff   []int32
	formPost, pairPost []uint32
}

// postShift is the number of low bits of a posting that hold its impact.
const postShift = 10

func newWorker(avgBody float64, textBytes int) *worker {
	tokens := textBytes/6 + 16
	return &worker{
		avgBody: avgBody,
		forms:   make(map[string]int32, 1024),
		folds:   make(map[string]int32, 1024),
		pairs:   newIDTable(4096),
		formRec: make([]uint64, 0, tokens/2),
		pairRec: make([]uint64, 0, tokens),
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
}

// field counts the syllables and pairs of one field of page id.
func (w *worker) field(id, field int, text string) {
	t := &w.tok
	*t = tokenizer{text: text, exact: t.exact, folded: t.folded}
	stamp := int32(id + 1)
	prev := int32(-1)
	for t.next() {
		f, ok := w.forms[string(t.exact)]
		if !ok {
			f = w.newForm()
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

// newForm adds the current token's form to the dictionary.
func (w *worker) newForm() int32 {
	t := &w.tok
	f := int32(len(w.formText))
	exact := string(t.exact)
	w.forms[exact] = f
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

// finish groups the postings by id.
func (w *worker) finish() {
	w.formOff, w.formPost = group(w.formRec, len(w.formText))
	w.pairOff, w.pairPost = group(w.pairRec, len(w.pairKey))
	w.formRec, w.pairRec = nil, nil
	w.formSeen, w.formTF, w.pairSeen, w.pairTF = nil, nil, nil, nil
	w.pairs = nil
}

// group sorts records id<<32 | posting by id, keeping their order within
// an id, and returns the offsets of each id's postings and the postings.
func group(recs []uint64, n int) ([]int32, []uint32) {
	off := make([]int32, n+1)
	for _, r := range recs {
		off[r>>32+1]++
	}
	for i := 1; i <= n; i++ {
		off[i] += off[i-1]
	}
	post := make([]uint32, len(recs))
	next := make([]int32, n)
	copy(next, off[:n])
	for _, r := range recs {
		id := r >> 32
		post[next[id]] = uint32(r)
		next[id]++
	}
	return off, post
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
