package search

// A worker analyses a contiguous range of pages: it tokenises their
// fields, counts every syllable and every pair of adjacent syllables per
// field, and turns the counts into postings. Workers share nothing; Build
// merges their dictionaries afterwards in page order, so that postings
// stay sorted by page without a sort.
type worker struct {
	avgBody float64

	forms    map[string]int32 // syllable as written → form id
	formFold []int32          // form id → folded id
	formText []string
	folds    map[string]int32 // folded syllable → folded id
	foldText []string
	pairs    map[uint64]int32 // folded id pair → pair id
	pairKey  []uint64

	formPost [][]uint32 // form id → postings: page<<10 | impact
	pairPost [][]uint32

	// per-page scratch, indexed by form or pair id
	formSeen  []int32 // page+1 the counts below belong to
	formTF    [][3]uint16
	pairSeen  []int32
	pairTF    [][3]uint16
	formTouch []int32
	pairTouch []int32

	tok tokenizer
}

// postShift is the number of low bits of a posting that hold its impact.
const postShift = 10

func newWorker(avgBody float64) *worker {
	return &worker{
		avgBody: avgBody,
		forms:   make(map[string]int32, 1024),
		folds:   make(map[string]int32, 1024),
		pairs:   make(map[uint64]int32, 4096),
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
	for _, f := range w.formTouch {
		tf := &w.formTF[f]
		w.formPost[f] = append(w.formPost[f], uint32(id)<<postShift|uint32(impact(int(tf[0]), int(tf[1]), int(tf[2]), norm)))
	}
	for _, p := range w.pairTouch {
		tf := &w.pairTF[p]
		w.pairPost[p] = append(w.pairPost[p], uint32(id)<<postShift|uint32(impact(int(tf[0]), int(tf[1]), int(tf[2]), norm)))
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
			p, ok := w.pairs[key]
			if !ok {
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
	w.formPost = append(w.formPost, nil)
	w.formSeen = append(w.formSeen, 0)
	w.formTF = append(w.formTF, [3]uint16{})
	return f
}

// newPair adds a pair of folded ids to the dictionary.
func (w *worker) newPair(key uint64) int32 {
	p := int32(len(w.pairKey))
	w.pairs[key] = p
	w.pairKey = append(w.pairKey, key)
	w.pairPost = append(w.pairPost, nil)
	w.pairSeen = append(w.pairSeen, 0)
	w.pairTF = append(w.pairTF, [3]uint16{})
	return p
}

// pairText returns the index key of pair p: the two folded syllables
// with a space between.
func (w *worker) pairText(p int32) string {
	k := w.pairKey[p]
	return w.foldText[k>>32] + " " + w.foldText[uint32(k)]
}
