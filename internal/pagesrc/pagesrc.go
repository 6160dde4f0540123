// Package pagesrc gives the outputs that set a page's text themselves (a
// bulletin read aloud, slides, the booklet, the outline) the page's
// Markdown as blocks, with a way back from any byte of it to the file,
// line and column a problem is reported at.
//
// The file is read through the maker's Input, so that the output is made
// again when it changes, and cut exactly as package content cuts it (LF
// line endings, NFC, front matter split off), so that lines and columns
// are those of the file the editor has open.
package pagesrc

import (
	"bytes"
	"fmt"
	"sync"

	"loa/internal/diag"
	"loa/internal/frontmatter"
	"loa/internal/maker"
	"loa/internal/markdown"
	"loa/internal/view"
	"loa/internal/vntext"
)

// Source is one content file, cut into its parts.
type Source struct {
	Path      string
	Front     []byte
	FrontLine int
	Body      []byte
	BodyLine  int
	Blocks    []markdown.Block
}

// Parser parses content files, keeping the last parse of each file while
// its bytes stay the same: the outputs of the channels read the same pages
// again and again, at every rebuild of the live preview. It is safe for
// concurrent use.
type Parser struct {
	md    *markdown.Renderer
	mu    sync.Mutex
	cache map[string]*Source
	data  map[string][]byte
}

// NewParser returns a parser that parses Markdown with md.
func NewParser(md *markdown.Renderer) *Parser {
	return &Parser{md: md, cache: map[string]*Source{}, data: map[string][]byte{}}
}

// Read reads the content file of page p for rec and returns it parsed:
// from memory when its bytes are those parsed last. It also reads the
// page's rendered content through the view: the engine tells a page's new
// text by it (a saved page is not a changed file to it), so an output
// that read the file is made again when the text changes. The Source is
// shared: callers must not change it.
func (ps *Parser) Read(in *maker.Input, rec *view.Recorder, p *view.Page) (*Source, error) {
	_ = p.Content()
	path := p.Path()
	data, err := in.Read(rec, path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	ps.mu.Lock()
	if src, ok := ps.cache[path]; ok && bytes.Equal(ps.data[path], data) {
		ps.mu.Unlock()
		return src, nil
	}
	ps.mu.Unlock()
	src, err := parse(ps.md, path, data)
	if err != nil {
		return nil, err
	}
	ps.mu.Lock()
	ps.cache[path], ps.data[path] = src, data
	ps.mu.Unlock()
	return src, nil
}

func parse(md *markdown.Renderer, path string, data []byte) (*Source, error) {
	data = vntext.NFC(frontmatter.Normalize(data))
	doc, err := frontmatter.Split(path, data)
	if err != nil {
		return nil, err
	}
	return &Source{Path: path, Front: doc.Front, FrontLine: doc.FrontLine, Body: doc.Body, BodyLine: doc.BodyLine,
		Blocks: md.Blocks(doc.Body)}, nil
}

// At returns the file's line and column of byte off of the body.
func (s *Source) At(off int) (line, col int) {
	line, col = markdown.LineCol(s.Body, off)
	return line + s.BodyLine - 1, col
}

// Key returns where a front matter key is written, or the first line of
// the file when it is not.
func (s *Source) Key(key string) (line, col int) {
	if line, col, ok := frontmatter.Find(s.Front, s.FrontLine, []string{key}, 1); ok {
		return line, col
	}
	return 1, 1
}

// Warn returns a warning at byte off of the body.
func (s *Source) Warn(off int, format string, args ...any) diag.Diagnostic {
	line, col := s.At(off)
	return diag.Warn(s.Path, line, col, format, args...)
}
