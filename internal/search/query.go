package search

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"loa/internal/vntext"
)

// maxQueryTokens is how many syllables of a query count; the rest are
// ignored.
const maxQueryTokens = 16

// Index reads a built index back, shard by shard as a query needs them,
// and answers queries exactly as search.js does: it is the reference the
// relevance test measures and the browser test compares the script with.
type Index struct {
	fsys  fs.FS
	dir   string
	meta  meta
	stops map[string]bool
	words map[int]map[string]*entry // loaded shards
	pairs map[int]map[string]*entry
	// Loaded lists the files read so far, in order, to measure what a
	// query downloads.
	Loaded []string
}

// Open reads the meta file of the index in folder dir of fsys.
func Open(fsys fs.FS, dir string) (*Index, error) {
	ix := &Index{fsys: fsys, dir: dir, words: map[int]map[string]*entry{}, pairs: map[int]map[string]*entry{}}
	data, err := ix.read("meta.js", "meta(")
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, &ix.meta); err != nil {
		return nil, fmt.Errorf("search: meta.js: %w", err)
	}
	ix.stops = stopSet(foldQuery)
	return ix, nil
}

// read returns the argument list of the call a file of the index makes,
// after the given prefix and without the closing ");".
func (ix *Index) read(name, call string) ([]byte, error) {
	p := path.Join(ix.dir, name)
	data, err := fs.ReadFile(ix.fsys, p)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	ix.Loaded = append(ix.Loaded, p)
	data = bytes.TrimPrefix(data, []byte(bom))
	data, ok := bytes.CutPrefix(data, []byte("loaSearch."+call))
	if !ok {
		return nil, fmt.Errorf("search: %s does not start with loaSearch.%s", p, call)
	}
	data, ok = bytes.CutSuffix(bytes.TrimSpace(data), []byte(");"))
	if !ok {
		return nil, fmt.Errorf("search: %s does not end with );", p)
	}
	return data, nil
}

// Pages returns the number of pages in the index.
func (ix *Index) Pages() int { return ix.meta.Pages }

// shard returns the entries of shard i of the words ("w") or pairs ("p").
func (ix *Index) shard(kind string, i int) (map[string]*entry, error) {
	cache := ix.words
	if kind == "p" {
		cache = ix.pairs
	}
	if m, ok := cache[i]; ok {
		return m, nil
	}
	call := map[string]string{"w": "word(", "p": "pair("}[kind]
	data, err := ix.read(fmt.Sprintf("%s/%d.js", kind, i), call)
	if err != nil {
		return nil, err
	}
	prefix := fmt.Sprintf("%q,%d,\"", ix.meta.Build, i)
	data, ok := bytes.CutPrefix(data, []byte(prefix))
	if !ok || !bytes.HasSuffix(data, []byte(`"`)) {
		return nil, fmt.Errorf("search: shard %s/%d is not of build %s", kind, i, ix.meta.Build)
	}
	m, err := parseShard(string(data[:len(data)-1]))
	if err != nil {
		return nil, fmt.Errorf("search: shard %s/%d: %w", kind, i, err)
	}
	cache[i] = m
	return m, nil
}

// parseShard decodes the data string of a shard (appendEntry).
func parseShard(s string) (map[string]*entry, error) {
	m := map[string]*entry{}
	if s == "" {
		return m, nil
	}
	for _, es := range strings.Split(s, string(sepEntry)) {
		parts := strings.Split(es, string(sepField))
		if len(parts) < 4 || len(parts)%2 != 0 {
			return nil, fmt.Errorf("bad entry %.40q", es)
		}
		idfv, rest, err := readNum(parts[1])
		if err != nil || rest != "" {
			return nil, fmt.Errorf("bad idf in %.40q", es)
		}
		e := &entry{key: parts[0], idf: int(idfv)}
		for k := 2; k < len(parts); k += 2 {
			f := form{text: parts[k]}
			var post []uint32
			prev := int64(-1)
			for p := parts[k+1]; p != ""; {
				var gap, imp uint32
				if gap, p, err = readNum(p); err == nil {
					imp, p, err = readNum(p)
				}
				if err != nil {
					return nil, fmt.Errorf("bad postings in %.40q", es)
				}
				prev += int64(gap) + 1
				post = append(post, uint32(prev)<<postShift|imp)
			}
			f.segs = [][]uint32{post}
			e.forms = append(e.forms, f)
		}
		m[e.key] = e
	}
	return m, nil
}

// readNum reads one number of the shard alphabet from the start of s.
func readNum(s string) (uint32, string, error) {
	var v uint32
	for i, shift := 0, 0; i < len(s); i, shift = i+1, shift+5 {
		d := strings.IndexByte(digits, s[i])
		if d < 0 || shift > 30 {
			return 0, "", errors.New("bad number")
		}
		v |= uint32(d&31) << shift
		if d < 32 {
			return v, s[i+1:], nil
		}
	}
	return 0, "", errors.New("truncated number")
}

// foldQuery is the folded form of a query syllable or stop word.
func foldQuery(s string) string { return vntext.FoldString(strings.ToLower(s)) }
