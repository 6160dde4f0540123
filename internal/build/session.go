package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/diag"
	"loa/internal/markdown"
	"loa/internal/overlay"
	"loa/internal/print"
	"loa/internal/publish"
	"loa/internal/render"
	"loa/internal/site"
)

// Session keeps a site in memory between builds, for the live preview. A
// change to a few files re-reads those files and re-renders only the pages
// they show on: the page itself, its neighbours, its section's lists and
// the information page. While the site has errors, the last good output
// stays as it is.
type Session struct {
	opts   Options
	layers []overlay.Layer
	md     *markdown.Renderer
	out    *publish.Memory

	cfg    *config.Config
	cfgDs  diag.List
	files  map[string]*parsed // content/*.md, by path
	assets []string           // other files of content/
	tmpl   *render.Templates
	tmplDs diag.List

	good     *site.Site               // the site of the output
	shown    map[string]*content.Page // its pages, by file
	targets  map[string]bool          // web and print files of the output
	nav      string                   // what every page's navigation shows
	links    map[string][2]string     // item path → its prev and next paths
	dirty    map[string]bool          // content files changed since the output
	full     bool                     // everything must be rendered again
	problems diag.List
}

type parsed struct {
	page *content.Page
	ds   []diag.Diagnostic
}

// Report says what a rebuild did.
type Report struct {
	Full     bool          // every page was rendered again
	Rendered int           // files written to the output
	Took     time.Duration // from the change to the output
	Problems diag.List     // the site's problems; the output was kept if any
	CSSOnly  bool          // only style sheets changed
}

// NewSession starts a session; Rebuild(ctx, nil) makes its first output.
func NewSession(opts Options) *Session {
	return &Session{
		opts:   opts,
		layers: []overlay.Layer{{FS: opts.Site}, {FS: opts.Defaults, Origin: "built into loa"}},
		md:     markdown.New(),
		out:    publish.NewCompressedMemory(),
		files:  map[string]*parsed{},
		dirty:  map[string]bool{},
		full:   true,
	}
}

// Output is the last good output.
func (s *Session) Output() *publish.Memory { return s.out }

// Problems are the site's problems at the last rebuild.
func (s *Session) Problems() diag.List { return s.problems }

// Rebuild brings the output up to date with the files of changed (slash
// paths from the site folder); nil means everything. Internal failures come
// back as an error; the site's own problems in the Report.
func (s *Session) Rebuild(ctx context.Context, changed []string) (Report, error) {
	start := time.Now()
	rep := Report{}
	var static []string
	layouts, config_, cssOnly := changed == nil, changed == nil, len(changed) > 0
	for _, p := range changed {
		switch {
		case p == config.File:
			config_ = true
		case strings.HasPrefix(p, render.LayoutsDir+"/"):
			layouts = true
		case strings.HasPrefix(p, StaticDir+"/"):
			static = append(static, p)
		case strings.HasPrefix(p, content.Dir+"/") && strings.EqualFold(path.Ext(p), ".md"):
		case strings.HasPrefix(p, content.Dir+"/"):
			static = append(static, p)
		default:
			continue // a folder, or a file loa does not read
		}
		cssOnly = cssOnly && strings.HasSuffix(p, ".css") && strings.HasPrefix(p, StaticDir+"/")
	}
	if config_ {
		s.cfg, s.cfgDs = config.Load(s.opts.Site)
		if s.opts.BaseURL != "" {
			s.cfg.BaseURL = s.opts.BaseURL
		}
		clear(s.files) // kinds and products may have changed: read everything
		s.full = true
	}
	if layouts {
		s.tmpl, s.tmplDs = render.Load(s.layers...)
		s.full = true
	}
	var contentChanges []string
	for _, p := range changed {
		if strings.HasPrefix(p, content.Dir+"/") || p == content.Dir {
			contentChanges = append(contentChanges, p)
		}
	}
	if err := s.readContent(ctx, contentChanges, config_); err != nil {
		return rep, err
	}
	var pages []*content.Page
	var ds diag.List
	ds.Add(s.cfgDs...)
	for _, f := range s.files {
		ds.Add(f.ds...)
		if f.page != nil {
			pages = append(pages, f.page)
		}
	}
	st, sds := site.Assemble(s.cfg, pages, s.opts.Drafts)
	ds.Add(sds...)
	ds.Add(s.tmplDs...)
	if len(ds) > 0 {
		s.problems = ds.Sort()
		rep.Problems, rep.Took = s.problems, time.Since(start)
		return rep, nil
	}
	inlineHome(st)
	n, full, rds, err := s.render(ctx, st, static)
	if err != nil {
		return rep, err
	}
	if len(rds) > 0 {
		s.problems = rds.Sort()
		rep.Problems, rep.Took = s.problems, time.Since(start)
		return rep, nil
	}
	s.problems = nil
	rep.Full, rep.Rendered, rep.CSSOnly, rep.Took = full, n, cssOnly && !full, time.Since(start)
	s.full = false
	clear(s.dirty)
	return rep, nil
}

// readContent re-reads the changed Markdown files. The folder is listed
// again, to find files that appeared or went, only when the change may have
// added or removed some: a new name, a name that is gone, a folder, a file
// that is not Markdown. Saving a known page, by far the most common change,
// needs no listing, which matters at ten thousand pages.
func (s *Session) readContent(ctx context.Context, changed []string, list bool) error {
	var read []string
	for _, f := range changed {
		if !strings.HasPrefix(f, content.Dir+"/") {
			continue
		}
		if _, known := s.files[f]; !known || !strings.EqualFold(path.Ext(f), ".md") {
			list = true
		}
		if strings.EqualFold(path.Ext(f), ".md") {
			read = append(read, f)
		}
	}
	if list {
		files, assets, err := contentFiles(s.opts.Site)
		if err != nil {
			return err
		}
		s.assets = assets
		exists := make(map[string]bool, len(files))
		for _, f := range files {
			exists[f] = true
			if _, ok := s.files[f]; !ok && !slices.Contains(read, f) {
				read = append(read, f)
			}
		}
		for f := range s.files {
			if !exists[f] {
				delete(s.files, f)
				s.dirty[f] = true
			}
		}
	}
	pages, dss, errs := parseMany(ctx, s.opts.Site, read, s.cfg, s.md)
	for i, f := range read {
		if errs[i] != nil {
			if errors.Is(errs[i], fs.ErrNotExist) {
				delete(s.files, f) // gone: deleted, or renamed away
				s.dirty[f] = true
				continue
			}
			return errs[i]
		}
		s.files[f] = &parsed{page: pages[i], ds: dss[i]}
		s.dirty[f] = true
	}
	return ctx.Err()
}

// render writes what changed to the output. It returns the number of files
// written, and whether every page was rendered.
func (s *Session) render(ctx context.Context, st *site.Site, static []string) (int, bool, diag.List, error) {
	nav := navigation(st)
	full := s.full || s.good == nil || nav != s.nav
	changes := s.changes()
	want := func(render.Target) bool { return true }
	if !full {
		want = s.affected(st, changes)
	}
	next := s.out.Empty()
	c := newClaimed(next)
	expected := map[string]bool{} // every file of the new output
	ds, err := s.tmpl.Some(ctx, st, c, func(t render.Target) bool {
		expected[t.File] = true
		return want(t)
	})
	if err != nil || len(ds) > 0 {
		return 0, full, ds, err
	}
	if full || printShows(changes) {
		entries, pds, err := print.Render(ctx, st, s.layers, c.as(printSource))
		if err != nil || len(pds) > 0 {
			return 0, full, pds, err
		}
		for _, e := range entries {
			expected[e.File] = true
		}
		expected[print.ManifestFile] = true
		expected[path.Join(print.Dir, "index.html")] = true
	} else {
		for t := range s.targets {
			if strings.HasPrefix(t, print.Dir+"/") {
				expected[t] = true // print files stay as they are
			}
		}
	}
	if full {
		if cds, err := copyFiles(c, s.layers, s.opts.Site, s.assets); err != nil || len(cds) > 0 {
			return 0, full, cds, err
		}
	} else if err := s.copyChanged(next, static); err != nil {
		return 0, full, nil, err
	}
	old := s.targets
	s.out.Apply(next, func(name string) bool {
		if full {
			return true // a full build replaces everything
		}
		return old[name] && !expected[name]
	})
	s.removeDeleted(static)
	s.good, s.targets, s.nav, s.links = st, expected, nav, links(st)
	s.shown = make(map[string]*content.Page, len(s.files))
	for f, p := range s.files {
		s.shown[f] = p.page
	}
	return next.Len(), full, nil, nil
}

// change is how one content file changed since the output.
type change struct {
	old, now *content.Page // nil when added, or removed
	listed   bool          // what lists show changed: title, summary, order...
	body     bool          // the text changed
}

// changes compares the dirty files with the pages of the output.
func (s *Session) changes() map[string]change {
	m := make(map[string]change, len(s.dirty))
	for f := range s.dirty {
		c := change{old: s.shown[f]}
		if p := s.files[f]; p != nil {
			c.now = p.page
		}
		switch {
		case c.old == nil || c.now == nil:
			c.listed, c.body = true, true
		default:
			c.listed = !sameListing(c.old, c.now)
			c.body = c.old.Content != c.now.Content
		}
		m[f] = c
	}
	return m
}

// sameListing reports whether two versions of a page look the same in lists,
// on neighbours' pages, in the sitemap and on print products that quote it.
func sameListing(a, b *content.Page) bool {
	return a.Title == b.Title && a.Summary == b.Summary && a.Weight == b.Weight && a.URL == b.URL &&
		a.Date.Equal(b.Date) && a.Draft == b.Draft && a.Number == b.Number && a.Status == b.Status &&
		a.Source == b.Source && a.Product == b.Product && slices.Equal(a.Figures, b.Figures) &&
		slices.Equal(a.Products, b.Products) && slices.Equal(a.Tags, b.Tags)
}

// affected returns which web pages the changes show on.
func (s *Session) affected(st *site.Site, changes map[string]change) func(render.Target) bool {
	pages := map[string]bool{}    // content files whose pages must be rendered
	sections := map[string]bool{} // sections whose lists must be rendered
	home, sitemap := false, false
	now := links(st)
	onHome := homeRanks(st)
	for f, c := range changes {
		pages[f] = true
		if c.listed {
			for _, l := range [][2]string{s.links[f], now[f]} {
				pages[l[0]], pages[l[1]] = true, true // they show its title
			}
			sections[sectionOf(f)] = true
			home, sitemap = true, true
		}
		if c.body && onHome[f] {
			home = true // shown in full there
		}
	}
	for f, l := range now {
		if s.links[f] != l {
			pages[f] = true // its neighbours changed
		}
	}
	delete(pages, "") // no neighbour
	return func(t render.Target) bool {
		switch {
		case t.File == render.SitemapFile:
			return sitemap
		case t.Page != nil && t.Page.Kind == content.KindHome:
			return home || pages[t.Page.Path]
		case t.Page != nil && t.Page.Kind == content.KindSection:
			return t.Section != nil && (sections[t.Section.Name] || pages[t.Page.Path])
		case t.Page != nil:
			return pages[t.Page.Path]
		}
		return false
	}
}

// homeRanks returns the items whose text the information page shows in
// full.
func homeRanks(st *site.Site) map[string]bool {
	m := map[string]bool{}
	for _, sec := range st.Sections {
		for _, p := range sec.Items[:min(len(sec.Items), st.Config.Home.Full)] {
			m[p.Path] = true
		}
	}
	for _, p := range st.RootPages {
		m[p.Path] = true
	}
	return m
}

// sectionOf is the section folder of a content file.
func sectionOf(file string) string {
	rel := strings.TrimPrefix(file, content.Dir+"/")
	if i := strings.IndexByte(rel, '/'); i >= 0 {
		return rel[:i]
	}
	return ""
}

// printShows reports whether a change may show on a print product: the
// pages of content/in/, and what the composed leaflets and posters quote
// (titles, summaries and figures of slogans, goals, viewpoints, tasks, Q&A).
func printShows(changes map[string]change) bool {
	for _, c := range changes {
		for _, p := range []*content.Page{c.old, c.now} {
			if p == nil {
				continue
			}
			switch p.Kind {
			case config.KindPrint:
				return true
			case config.KindSlogan, config.KindGoal, config.KindViewpoint, config.KindTask, config.KindQA,
				content.KindHome, content.KindSection:
				if c.listed {
					return true
				}
			}
		}
	}
	return false
}

// copyChanged copies the changed static and content files that exist.
func (s *Session) copyChanged(out *publish.Memory, files []string) error {
	for _, f := range files {
		dst := outputName(f)
		src, ok := overlay.Find(f, s.layers...)
		if !ok || dst == "" {
			continue
		}
		data, err := src.Read()
		if err != nil {
			return fmt.Errorf("read %s: %w", f, err)
		}
		if err := out.WriteFile(dst, data); err != nil {
			return err
		}
	}
	return nil
}

// removeDeleted drops from the output the static files that are gone.
func (s *Session) removeDeleted(files []string) {
	gone := map[string]bool{}
	for _, f := range files {
		if _, ok := overlay.Find(f, s.layers...); !ok {
			if dst := outputName(f); dst != "" {
				gone[dst] = true
			}
		}
	}
	if len(gone) > 0 {
		s.out.Apply(publish.NewMemory(), func(name string) bool { return gone[name] })
	}
}

// outputName is where a file of static/ or content/ is copied to.
func outputName(f string) string {
	switch {
	case strings.HasPrefix(f, StaticDir+"/"):
		return strings.TrimPrefix(f, StaticDir+"/")
	case strings.HasPrefix(f, content.Dir+"/"):
		return contentAssetPath(f)
	}
	return ""
}

// navigation sums up what every page shows of the whole site: titles and
// addresses of the home page, the sections and the top-level pages. When it
// changes, every page must be rendered again.
func navigation(st *site.Site) string {
	var b strings.Builder
	b.WriteString(st.Home.Title)
	for _, sec := range st.Sections {
		fmt.Fprintf(&b, "\x00%s\x01%s", sec.Page.URL, sec.Page.Title)
	}
	for _, p := range st.RootPages {
		fmt.Fprintf(&b, "\x00%s\x01%s", p.URL, p.Title)
	}
	return b.String()
}

// links maps each item to the files of its neighbours.
func links(st *site.Site) map[string][2]string {
	m := map[string][2]string{}
	for _, sec := range st.Sections {
		for _, p := range sec.Items {
			var l [2]string
			if p.Prev != nil {
				l[0] = p.Prev.Path
			}
			if p.Next != nil {
				l[1] = p.Next.Path
			}
			m[p.Path] = l
		}
	}
	return m
}
