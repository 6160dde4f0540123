package serve

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"path"
	"slices"
	"sync"
	"time"

	"loa/internal/paths"
)

// Store is the preview's output, kept in memory: the pipeline writes a
// rebuild into a Batch, and the Batch's Commit replaces the changed files
// at once, so that a reader never sees half of two versions. Text files
// are kept compressed with gzip: a 10,000-page site's HTML takes a quarter
// of the room, which is what keeps the live preview of a large site small.
// It is safe for concurrent use.
type Store struct {
	mu       sync.RWMutex
	files    map[string]File
	compress bool
}

// File is one file of a Store.
type File struct {
	Data    []byte // gzip-compressed when Gzipped
	Gzipped bool
	ModTime time.Time
}

// NewStore returns an empty Store that compresses text files when
// compress is true.
func NewStore(compress bool) *Store { return &Store{files: map[string]File{}, compress: compress} }

// Batch is a set of changes to a Store, applied by Commit. It is safe for
// concurrent use; it implements pipeline.Output.
type Batch struct {
	s       *Store
	mu      sync.Mutex
	writes  map[string]File
	removes map[string]bool
}

// Batch starts a set of changes.
func (s *Store) Batch() *Batch {
	return &Batch{s: s, writes: map[string]File{}, removes: map[string]bool{}}
}

// WriteFile stores a copy of data as name, at Commit.
func (b *Batch) WriteFile(name string, data []byte) error {
	if !paths.Local(name) {
		return fmt.Errorf("output path %q leaves the output folder", name)
	}
	f := File{ModTime: time.Now()}
	if b.s.compress && compressible(name) && len(data) > 512 {
		f.Data, f.Gzipped = gzipped(data), true
	} else {
		f.Data = slices.Clone(data)
	}
	b.mu.Lock()
	b.writes[name] = f
	delete(b.removes, name)
	b.mu.Unlock()
	return nil
}

// Remove removes name, at Commit.
func (b *Batch) Remove(name string) error {
	b.mu.Lock()
	b.removes[name] = true
	delete(b.writes, name)
	b.mu.Unlock()
	return nil
}

// Commit applies the changes made since the last Commit, at once.
func (b *Batch) Commit() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.s.mu.Lock()
	defer b.s.mu.Unlock()
	for name := range b.removes {
		delete(b.s.files, name)
	}
	for name, f := range b.writes {
		b.s.files[name] = f
	}
	clear(b.removes)
	clear(b.writes)
}

// Pending returns the names written since the last Commit, sorted.
func (b *Batch) Pending() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	names := make([]string, 0, len(b.writes))
	for n := range b.writes {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// compressible reports whether a file is text that gzip shrinks; fonts,
// images and PDFs are compressed already.
func compressible(name string) bool {
	switch path.Ext(name) {
	case ".html", ".css", ".js", ".json", ".xml", ".svg", ".txt":
		return true
	}
	return false
}

var gzipWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return w
}}

func gzipped(data []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(data) / 3)
	w := gzipWriters.Get().(*gzip.Writer)
	w.Reset(&buf)
	w.Write(data)
	w.Close()
	gzipWriters.Put(w)
	return buf.Bytes()
}

// Get returns the file called name, uncompressed.
func (s *Store) Get(name string) (File, bool) {
	f, ok := s.GetRaw(name)
	if ok && f.Gzipped {
		r, err := gzip.NewReader(bytes.NewReader(f.Data))
		if err != nil {
			return File{}, false
		}
		data, err := io.ReadAll(r)
		if err != nil {
			return File{}, false
		}
		f.Data, f.Gzipped = data, false
	}
	return f, ok
}

// GetRaw returns the file called name as stored: compressed if Gzipped.
func (s *Store) GetRaw(name string) (File, bool) {
	s.mu.RLock()
	f, ok := s.files[name]
	s.mu.RUnlock()
	return f, ok
}

// Names returns the names of the files, sorted.
func (s *Store) Names() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	names := make([]string, 0, len(s.files))
	for n := range s.files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Len returns the number of files.
func (s *Store) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.files)
}
