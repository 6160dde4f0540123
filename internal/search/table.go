package search

// idTable maps uint64 keys to dense int32 ids with open addressing: one
// probe sequence over two flat arrays, which costs about half a Go map
// lookup for the millions of syllable pairs of a large site.
type idTable struct {
	keys  []uint64
	ids   []int32 // id+1; 0 marks an empty slot
	n     int
	shift uint
}

func newIDTable(size int) *idTable {
	t := &idTable{}
	t.alloc(max(1024, size))
	return t
}

func (t *idTable) alloc(size int) {
	n, shift := 1, uint(64)
	for n < 2*size {
		n <<= 1
		shift--
	}
	t.keys = make([]uint64, n)
	t.ids = make([]int32, n)
	t.shift = shift
}

// slot returns the slot of key: where it is, or the empty one it would go.
func (t *idTable) slot(key uint64) int {
	mask := len(t.keys) - 1
	i := int((key * 0x9E3779B97F4A7C15) >> t.shift)
	for t.ids[i] != 0 && t.keys[i] != key {
		i = (i + 1) & mask
	}
	return i
}

// get returns the id of key, or -1.
func (t *idTable) get(key uint64) int32 {
	return t.ids[t.slot(key)] - 1
}

// put gives key the id, which must be new.
func (t *idTable) put(key uint64, id int32) {
	if 2*(t.n+1) > len(t.keys) {
		keys, ids := t.keys, t.ids
		t.alloc(len(keys))
		for i, v := range ids {
			if v != 0 {
				j := t.slot(keys[i])
				t.keys[j], t.ids[j] = keys[i], v
			}
		}
	}
	i := t.slot(key)
	t.keys[i], t.ids[i] = key, id+1
	t.n++
}
