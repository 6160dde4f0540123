// Package build is loa's pipeline: read the configuration, parse every
// content file and render its Markdown in parallel, assemble the site,
// render the layouts and copy the static files to an output. It reads
// through fs.FS and writes through render.Output, so it never touches the
// disk itself; the caller decides where the output goes.
package build

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"runtime"
	"strings"
	"sync"

	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/diag"
	"loa/internal/markdown"
	"loa/internal/overlay"
	"loa/internal/print"
	"loa/internal/render"
	"loa/internal/site"
)

// StaticDir is the folder of a site whose files are copied as they are.
const StaticDir = "static"

// Options say what to build.
type Options struct {
	Site     fs.FS // the site folder
	Defaults fs.FS // loa's built-in layouts/ and static/; nil for none
	Drafts   bool  // include pages with draft = true
	BaseURL  string
}

// Result is a built site.
type Result struct {
	Site  *site.Site
	Pages int           // web pages written
	Files int           // all files written
	Print []print.Entry // print products written
}

// Load reads and checks the whole site without rendering it: the work of
// `loa check`, and the first half of Build.
func Load(ctx context.Context, opts Options) (*site.Site, diag.List, error) {
	l, err := load(ctx, opts)
	return l.site, l.ds, err
}

// loaded is a site read and checked, with what Build needs besides.
type loaded struct {
	site  *site.Site
	ds    diag.List
	other []string // non-Markdown files of content/
}

func load(ctx context.Context, opts Options) (loaded, error) {
	var l loaded
	cfg, ds := config.Load(opts.Site)
	l.ds = ds
	if opts.BaseURL != "" {
		base, err := config.NormalizeBaseURL(opts.BaseURL)
		if err != nil {
			return l, err
		}
		cfg.BaseURL = base
	}
	files, other, err := contentFiles(opts.Site)
	if err != nil {
		return l, err
	}
	l.other = other
	md := markdown.New()
	pages, pds, err := parseAll(ctx, opts.Site, files, cfg, md)
	l.ds.Add(pds...)
	if err != nil {
		return l, err
	}
	s, sds := site.Assemble(cfg, pages, opts.Drafts)
	l.ds.Add(sds...)
	l.site = s
	inlineHome(s)
	return l, nil
}

// Build builds the site into out. User mistakes come back as a *diag.Error
// holding all of them; when Build returns any error, what it wrote to out
// must be thrown away.
func Build(ctx context.Context, opts Options, out render.Output) (*Result, error) {
	l, err := load(ctx, opts)
	if err != nil {
		return nil, err
	}
	layers := []overlay.Layer{{FS: opts.Site}, {FS: opts.Defaults, Origin: "built into loa"}}
	tmpl, tds := render.Load(layers...)
	ds := append(l.ds, tds...)
	if err := ds.Err(); err != nil {
		return nil, err
	}
	c := newClaimed(out)
	rds, err := tmpl.Site(ctx, l.site, c)
	if err != nil {
		return nil, err
	}
	entries, pds, err := print.Render(ctx, l.site, layers, c.as(printSource))
	if err != nil {
		return nil, err
	}
	rds = append(rds, pds...)
	cds, err := copyFiles(c, layers, opts.Site, l.other)
	if err != nil {
		return nil, err
	}
	ds = append(rds, cds...)
	if err := ds.Err(); err != nil {
		return nil, err
	}
	pages := 0
	for name, source := range c.by {
		if source == pageSource && strings.HasSuffix(name, ".html") {
			pages++
		}
	}
	return &Result{Site: l.site, Pages: pages, Files: len(c.by), Print: entries}, nil
}

// contentFiles lists the Markdown files under content/, and apart the other
// files there (images), which are copied as they are.
func contentFiles(site fs.FS) (markdown, other []string, err error) {
	err = fs.WalkDir(site, content.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == content.Dir {
				return fs.SkipDir
			}
			return err
		}
		if p != content.Dir && overlay.Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case !d.Type().IsRegular():
		case strings.EqualFold(path.Ext(p), ".md"):
			markdown = append(markdown, p)
		default:
			other = append(other, p)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("list content: %w", err)
	}
	return markdown, other, nil
}

// parseAll reads, parses and renders the Markdown of every file, on all
// cores, and returns the pages and every problem found.
func parseAll(ctx context.Context, site fs.FS, files []string, cfg *config.Config, md *markdown.Renderer) ([]*content.Page, diag.List, error) {
	pages, dss, errs := parseMany(ctx, site, files, cfg, md)
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	var ds diag.List
	var out []*content.Page
	for n := range files {
		if errs[n] != nil {
			return nil, nil, errs[n]
		}
		ds.Add(dss[n]...)
		if pages[n] != nil {
			out = append(out, pages[n])
		}
	}
	return out, ds, nil
}

// parseMany is parseAll with the results of each file apart.
func parseMany(ctx context.Context, site fs.FS, files []string, cfg *config.Config, md *markdown.Renderer) ([]*content.Page, [][]diag.Diagnostic, []error) {
	pages := make([]*content.Page, len(files))
	dss := make([][]diag.Diagnostic, len(files))
	errs := make([]error, len(files))
	var next sync.Mutex
	i := 0
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for {
				next.Lock()
				n := i
				i++
				next.Unlock()
				if n >= len(files) || ctx.Err() != nil {
					return
				}
				pages[n], dss[n], errs[n] = parseOne(site, files[n], cfg, md)
			}
		})
	}
	wg.Wait()
	return pages, dss, errs
}

// summaryLength is the length of a summary made from a page's first
// paragraph: about what a share preview shows.
const summaryLength = 160

func parseOne(site fs.FS, file string, cfg *config.Config, md *markdown.Renderer) (*content.Page, []diag.Diagnostic, error) {
	data, err := fs.ReadFile(site, file)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", file, err)
	}
	p, ds := content.Parse(file, data, cfg)
	if p == nil {
		return nil, ds, nil
	}
	res, err := md.Render(p.Body)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	// The HTML is what the rest of the pipeline needs; letting the source
	// go keeps a 10,000-page build in half the memory.
	p.Body = nil
	p.Content = template.HTML(res.HTML)
	p.Lead = res.Lead
	if p.Summary == "" {
		p.Summary = markdown.Truncate(res.Lead, summaryLength)
	}
	return p, ds, nil
}

// Check runs every check of Build, including the layouts on every page,
// and writes nothing. It returns the number of web pages.
func Check(ctx context.Context, opts Options) (int, error) {
	res, err := Build(ctx, opts, discard{})
	if err != nil {
		return 0, err
	}
	return res.Pages, nil
}

// discard is an Output that keeps nothing.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }
