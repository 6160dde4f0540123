package pipeline

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"sync"

	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/overlay"
	"loa/internal/paths"
	"loa/internal/site"
	"loa/internal/templates"
	"loa/internal/vntext"
)

// read brings what the engine knows of the site's files up to date with
// the changed ones (nil: all of them).
func (e *Engine) read(ctx context.Context, changed []string) error {
	reconfig, relayout, list := changed == nil || e.cfg == nil, changed == nil || e.lib == nil, changed == nil
	var pages []string
	for _, p := range changed {
		switch paths.SourceOf(p) {
		case paths.Config:
			reconfig = true
		case paths.Layout:
			relayout = true
			e.dirty[p] = true
		case paths.Static:
			e.dirty[p] = true
		case paths.Content:
			// Saving a known page, by far the most common change, needs
			// no listing of the folder, which matters at ten thousand
			// pages; a new name, a name that is gone, a folder or a file
			// that is not a page might add or remove some.
			if _, known := e.docs[p]; known && paths.Markdown(p) {
				pages = append(pages, p)
			} else {
				list = true
				e.dirty[p] = true
			}
		}
	}
	if reconfig {
		e.cfg, e.cfgDs = config.Load(e.opts.Site, config.Overrides{BaseURL: e.opts.BaseURL, Preview: e.opts.Preview})
		// Kinds and products may have changed: every page is read again,
		// every output made again.
		clear(e.docs)
		e.full, list = true, true
	}
	if reconfig || e.dirty[e.fontFile()] {
		e.fontDs = e.loadFont()
		clear(e.docs) // checked against another font
		list = true
	}
	if relayout {
		e.lib, e.libDs = templates.Load(e.layers...)
	}
	if list {
		files, assets, err := listContent(e.opts.Site)
		if err != nil {
			return err
		}
		e.assets = assets
		now := make(map[string]bool, len(files))
		for _, f := range files {
			now[f] = true
			if _, ok := e.docs[f]; !ok {
				pages = append(pages, f)
			}
		}
		for f := range e.docs {
			if !now[f] {
				delete(e.docs, f)
			}
		}
	}
	return e.parse(ctx, pages)
}

// listContent lists the Markdown pages under content/, and apart the other
// files there (images), which are published as they are.
func listContent(fsys fs.FS) (pages, other []string, err error) {
	err = fs.WalkDir(fsys, paths.ContentDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == paths.ContentDir {
				return fs.SkipDir
			}
			return err
		}
		if p != paths.ContentDir && paths.Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case !d.Type().IsRegular():
		case paths.Markdown(p):
			pages = append(pages, p)
		default:
			other = append(other, p)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("list content: %w", err)
	}
	return pages, other, nil
}

// parse reads, parses and renders the Markdown of the files, on every
// core.
func (e *Engine) parse(ctx context.Context, files []string) error {
	docs := make([]*doc, len(files))
	errs := make([]error, len(files))
	var next sync.Mutex
	i := 0
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			coll := vntext.NewCollator()
			for {
				next.Lock()
				n := i
				i++
				next.Unlock()
				if n >= len(files) || ctx.Err() != nil {
					return
				}
				docs[n], errs[n] = e.parseOne(files[n], coll)
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	for n, f := range files {
		switch {
		case errors.Is(errs[n], fs.ErrNotExist):
			delete(e.docs, f) // gone: deleted, or renamed away
		case errs[n] != nil:
			return errs[n]
		default:
			e.docs[f] = docs[n]
		}
	}
	return nil
}

func (e *Engine) parseOne(file string, coll *vntext.Collator) (*doc, error) {
	data, err := fs.ReadFile(e.opts.Site, file)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	p, body, ds := content.Parse(file, data, e.cfg)
	ds = append(ds, checkGlyphs(e.font, file, data)...)
	if p == nil {
		return &doc{ds: ds}, nil
	}
	res, err := e.md.Render(body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return &doc{page: site.NewPage(p, template.HTML(res.HTML), res.Lead, coll), ds: ds}, nil
}

// fileLister returns a function that lists the site's files under a
// folder, its own over loa's, once per folder per rebuild.
func (e *Engine) fileLister() func(string) []string {
	var mu sync.Mutex
	lists := map[string][]string{}
	return func(dir string) []string {
		mu.Lock()
		defer mu.Unlock()
		if l, ok := lists[dir]; ok {
			return l
		}
		files, err := overlay.Files(dir, e.layers...)
		if err != nil {
			files = nil
		}
		var l []string
		for _, f := range files {
			l = append(l, f.Path)
		}
		lists[dir] = l
		return l
	}
}

// readFile reads a file of the site, its own or loa's.
func (e *Engine) readFile(p string) ([]byte, error) {
	f, ok := overlay.Find(p, e.layers...)
	if !ok {
		return nil, fmt.Errorf("%s: %w", p, fs.ErrNotExist)
	}
	return f.Read()
}
