package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"path"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/diag"
	"loa/internal/markdown"
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
			// A file that could not become a page, or that is gone, is
			// listed again: the reason may have been its name, or
			// another's (see listContent).
			if d, known := e.docs[p]; known && d.page != nil && paths.Markdown(p) && e.exists(p) {
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
		l, err := listContent(e.opts.Site)
		if err != nil {
			return err
		}
		e.assets = l.assets
		now := make(map[string]bool, len(l.pages)+len(l.refused))
		for _, f := range l.pages {
			now[f] = true
			if d, ok := e.docs[f]; !ok || d.page == nil {
				pages = append(pages, f)
			}
		}
		for f, ds := range l.refused {
			now[f] = true
			e.docs[f] = &doc{ds: ds}
		}
		for f := range e.docs {
			if !now[f] {
				delete(e.docs, f)
			}
		}
	}
	return e.parse(ctx, pages)
}

// exists reports whether the site has the file p.
func (e *Engine) exists(p string) bool {
	_, err := fs.Stat(e.opts.Site, p)
	return err == nil
}

// listContent lists the Markdown pages under content/ and, apart, the
// other files there that are published as they are (images beside the
// pages); see listing.
func listContent(fsys fs.FS) (listing, error) {
	l := listing{refused: map[string][]diag.Diagnostic{}}
	if d, ok := checkContentDir(fsys); !ok {
		l.refused[paths.ContentDir] = []diag.Diagnostic{d}
		return l, nil
	}
	err := fs.WalkDir(fsys, paths.ContentDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == paths.ContentDir {
				return fs.SkipDir
			}
			return err
		}
		if p != paths.ContentDir && (paths.Ignored(d.Name()) || strings.HasPrefix(d.Name(), ".")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			l.refused[p] = []diag.Diagnostic{diag.Warn(p, 0, 0, "is a symbolic link; loa does not follow links inside %s/", paths.ContentDir).
				WithHint("put the file or folder itself here")}
		case !d.Type().IsRegular():
		case paths.Markdown(p):
			l.pages = append(l.pages, p)
		case publishedAsset(p):
			l.assets = append(l.assets, p)
		default:
			l.refused[p] = []diag.Diagnostic{notAPage(p)}
		}
		return nil
	})
	if err != nil {
		return listing{}, fmt.Errorf("list content: %w", err)
	}
	l.pages = l.twins(l.pages)
	l.assets = l.twins(l.assets)
	return l, nil
}

// listing is what content/ holds.
type listing struct {
	pages  []string
	assets []string
	// refused are the files that are neither, with the reason: an office
	// document, a second file of the same name...
	refused map[string][]diag.Diagnostic
}

// checkContentDir reports a content/ folder that is a link to a folder
// outside the site, which the site's file system can not open.
func checkContentDir(fsys fs.FS) (diag.Diagnostic, bool) {
	rl, ok := fsys.(fs.ReadLinkFS)
	if !ok {
		return diag.Diagnostic{}, true
	}
	if st, err := rl.Lstat(paths.ContentDir); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		return diag.Diagnostic{}, true
	}
	if _, err := fs.Stat(fsys, paths.ContentDir); err == nil || errors.Is(err, fs.ErrNotExist) {
		return diag.Diagnostic{}, true // a link inside the site, or to nothing
	}
	target, _ := rl.ReadLink(paths.ContentDir)
	return diag.At(paths.ContentDir, 0, 0, "is a link to %s, outside the site folder; loa reads only what is inside the site", target).
		WithHint("move or copy that folder into the site as content/"), false
}

// twins keeps one of the files whose names are the same once normalised
// (NFC): one saved with composed accents, the other, often from macOS,
// with the accents as separate marks. They look identical, and would be
// one page; the others are refused, saying why.
func (l *listing) twins(files []string) []string {
	first := make(map[string]string, len(files))
	out := files[:0]
	for _, f := range files {
		key := vntext.NFCString(f)
		other, seen := first[key]
		if !seen {
			first[key] = f
			out = append(out, f)
			continue
		}
		nfd, nfc := f, other
		if key != nfc {
			nfd, nfc = other, f
		}
		l.refused[f] = []diag.Diagnostic{diag.At(f, 0, 0, "two files are named %s: they differ only in how the accents are stored (one as letters, NFC; one as letters and separate marks, NFD, as macOS writes names)", nfc).
			WithHint("delete one of them; until then loa reads only %s", which(other, nfd))}
	}
	return out
}

func which(kept, nfd string) string {
	if kept == nfd {
		return "the one with separate marks"
	}
	return "the one with letters"
}

// assetTypes are the files of content/ published beside the pages: images.
var assetTypes = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".avif": true, ".svg": true,
}

// publishedAsset reports whether a file of content/ that is not a page is
// published as it is: an image beside the pages.
func publishedAsset(p string) bool { return assetTypes[strings.ToLower(path.Ext(p))] }

// kindNames names the files editors leave in content/ by mistake.
var kindNames = map[string]string{
	".doc": "a Word document", ".docx": "a Word document", ".odt": "a text document", ".rtf": "a text document",
	".xls": "a spreadsheet", ".xlsx": "a spreadsheet", ".ods": "a spreadsheet", ".csv": "a spreadsheet",
	".ppt": "a presentation", ".pptx": "a presentation", ".odp": "a presentation",
	".pdf": "a PDF", ".txt": "a text file",
	".zip": "an archive", ".rar": "an archive", ".7z": "an archive", ".tar": "an archive", ".gz": "an archive",
}

// notAPage refuses a file of content/ that is neither a page nor an image:
// published as it is, a draft document or an archive of working files
// would reach every reader.
func notAPage(p string) diag.Diagnostic {
	kind, ok := kindNames[strings.ToLower(path.Ext(p))]
	if !ok {
		kind = "a file of a type loa does not know"
	}
	return diag.At(p, 0, 0, "%s in %s/ would be published as it is; %s/ holds pages (.md) and their images", kind, paths.ContentDir, paths.ContentDir).
		WithHint("to publish it, move it to %s/ (it is then at /%s); to keep it private, move it out of the site folder", paths.StaticDir, path.Base(p))
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
	if p == nil {
		return &doc{ds: ds}, nil
	}
	ds = append(ds, checkGlyphs(e.font, file, data)...)
	at := bodyPlaces(file, data, body, p.BodyLine)
	if problems := markdown.CheckLimits(body); len(problems) > 0 {
		for _, pr := range problems {
			ds = append(ds, at.diag(pr.Offset, "%s", pr.Msg).WithHint("%s", pr.Hint))
		}
		return &doc{ds: ds}, nil
	}
	var links []markdown.Link
	res, err := e.md.RenderWithin(body, markdown.Budget, markdown.CollectLinks(&links), markdown.WithBasePath(basePath(e.cfg)))
	if errors.Is(err, markdown.ErrSlow) {
		ds = append(ds, diag.At(file, p.BodyLine, 1, "this page takes more than %v to read, far longer than any page should", markdown.Budget).
			WithHint("look for something very long in it: a line of thousands of characters, links opened with [ and never closed, lists nested very deep; or split the page"))
		return &doc{ds: ds}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(links) > 0 {
		q := *p // p is still this function's: nothing else has seen it
		for _, l := range links {
			line, col := at.place(l.Offset)
			q.Links = append(q.Links, content.Link{Dest: l.Dest, Image: l.Image, Line: line, Col: col})
		}
		p = &q
	}
	return &doc{page: site.NewPage(p, template.HTML(res.HTML), res.Lead, coll), ds: ds}, nil
}

// basePath is the path of the site's base_url ("/nq57/"), under which
// root-relative links of the Markdown are put.
func basePath(cfg *config.Config) string {
	u, err := url.Parse(cfg.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// places turns byte offsets of a page's Markdown body into the line and
// column of its file, as the editor's editor shows them.
type places struct {
	file     string
	body     []byte
	bodyLine int
	cols     *content.Columns
}

func bodyPlaces(file string, data, body []byte, bodyLine int) places {
	return places{file: file, body: body, bodyLine: bodyLine, cols: content.NewColumns(data)}
}

func (pl places) place(off int) (line, col int) {
	off = min(max(off, 0), len(pl.body))
	line = pl.bodyLine + bytes.Count(pl.body[:off], []byte("\n"))
	start := bytes.LastIndexByte(pl.body[:off], '\n') + 1
	return line, pl.cols.Col(line, utf8.RuneCount(pl.body[start:off])+1)
}

func (pl places) diag(off int, format string, args ...any) diag.Diagnostic {
	line, col := pl.place(off)
	return diag.At(pl.file, line, col, format, args...)
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
