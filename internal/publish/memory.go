package publish

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"path"
	"slices"
	"sync"
	"time"
)

// Memory is an output kept in memory, for the live preview: files can be
// replaced one by one while others are being read. It is safe for
// concurrent use.
type Memory struct {
	mu       sync.RWMutex
	files    map[string]File
	compress bool
}

// File is one file of a Memory.
type File struct {
	Data    []byte // gzip-compressed when Gzipped
	Gzipped bool
	ModTime time.Time
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{files: map[string]File{}} }

// NewCompressedMemory returns an empty Memory that keeps text files
// compressed with gzip: a 10,000-page site's HTML takes a quarter of the
// room, which is what keeps the live preview of a large site small.
func NewCompressedMemory() *Memory { return &Memory{files: map[string]File{}, compress: true} }

// Empty returns a new empty Memory that stores files as m does.
func (m *Memory) Empty() *Memory { return &Memory{files: map[string]File{}, compress: m.compress} }

// WriteFile stores a copy of data as name.
func (m *Memory) WriteFile(name string, data []byte) error {
	if !Local(name) {
		return fmt.Errorf("output path %q leaves the output folder", name)
	}
	f := File{ModTime: time.Now()}
	if m.compress && compressible(name) && len(data) > 512 {
		f.Data, f.Gzipped = gzipped(data), true
	} else {
		f.Data = slices.Clone(data)
	}
	m.mu.Lock()
	m.files[name] = f
	m.mu.Unlock()
	return nil
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
func (m *Memory) Get(name string) (File, bool) {
	f, ok := m.GetRaw(name)
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
func (m *Memory) GetRaw(name string) (File, bool) {
	m.mu.RLock()
	f, ok := m.files[name]
	m.mu.RUnlock()
	return f, ok
}

// Apply moves every file of next into m, and removes from m the files that
// remove accepts and next lacks: the pages of a new build replace those of
// the last one at once, so that a reader never sees half of each.
func (m *Memory) Apply(next *Memory, remove func(name string) bool) {
	next.mu.RLock()
	defer next.mu.RUnlock()
	m.mu.Lock()
	defer m.mu.Unlock()
	if remove != nil {
		for name := range m.files {
			if _, ok := next.files[name]; !ok && remove(name) {
				delete(m.files, name)
			}
		}
	}
	for name, f := range next.files {
		m.files[name] = f
	}
}

// Names returns the names of the files, sorted.
func (m *Memory) Names() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	names := make([]string, 0, len(m.files))
	for n := range m.files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Len returns the number of files.
func (m *Memory) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.files)
}
