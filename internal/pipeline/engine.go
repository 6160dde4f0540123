// Package pipeline is loa's one engine: `loa build`, `loa check`,
// `loa serve` and `loa pdf` all run it. It reads the configuration, parses
// every content file and renders its Markdown in parallel, assembles the
// site, and has every maker (web pages, sitemap, print pieces, copied
// files...) make its files.
//
// A full build is the incremental engine run from nothing. Between
// rebuilds the engine keeps the last good state: the site, and for every
// output file what it read (package view records it). A rebuild re-reads
// only the files that changed, assembles the site again (cheap: pages are
// shared between versions), computes which keys changed (view.Diff and the
// changed files), and makes again exactly the outputs whose signature
// changed or that read a changed key, for any layout, a site's own
// included. The outputs of a rebuild are therefore byte for byte those of
// a full build.
//
// Data flows one way: files → content.Page → site.Page → site.Site → made
// files → an Output. No stage writes into the values of an earlier one.
package pipeline

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"loa/internal/asset"
	"loa/internal/booklet"
	"loa/internal/bulletin"
	"loa/internal/cache"
	"loa/internal/config"
	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/markdown"
	"loa/internal/outline"
	"loa/internal/overlay"
	"loa/internal/paths"
	"loa/internal/print"
	"loa/internal/render"
	"loa/internal/search"
	"loa/internal/share"
	"loa/internal/site"
	"loa/internal/slides"
	"loa/internal/templates"
	"loa/internal/view"
)

// Options say what to build.
type Options struct {
	Site     fs.FS // the site folder
	Defaults fs.FS // loa's built-in layouts/ and static/; nil for none
	Drafts   bool  // include pages with draft = true
	BaseURL  string
	// Preview builds for the live preview, whose own address is the
	// base_url: no warning about it.
	Preview bool
	// Only names the makers to run ("print", "static"); none for all.
	Only []string
	// Cache keeps share cards across builds; nil for none.
	Cache cache.Cache
}

// Output receives the files of a build. Implementations must be safe for
// concurrent use and must copy data if they keep it.
type Output interface {
	WriteFile(name string, data []byte) error
	Remove(name string) error
}

// Flusher is an Output that can show the files written so far before the
// rebuild ends: the engine flushes once every file but those made After
// the others (indexes of print pieces, the search index) is made without
// error, so that the live preview serves an edited page before a large
// site's search index is made again.
type Flusher interface {
	Flush()
}

// Report says what a rebuild did.
type Report struct {
	// Problems are the site's errors and warnings, sorted. With an error,
	// the engine kept its last good state and what was written to the
	// Output must be thrown away.
	Problems diag.List
	Written  []string // output files made, sorted
	Removed  []string // output files that are gone, sorted
	Full     bool     // every output was made
	Pages    int      // web pages of the site
	Files    int      // files of the output
	Took     time.Duration
	Steps    []Step // how long each step took, for measuring loa itself
}

// Step is one step of a rebuild and its duration.
type Step struct {
	Name string
	Took time.Duration
}

// step records the time since the last step.
func (r *Report) step(name string, last *time.Time) {
	now := time.Now()
	r.Steps = append(r.Steps, Step{name, now.Sub(*last)})
	*last = now
}

// WriteSteps writes how long each step took, a line each, for measuring
// loa (LOA_STEPS=1 in loa build and loa serve).
func (r *Report) WriteSteps(w io.Writer) {
	for _, st := range r.Steps {
		fmt.Fprintf(w, "loa: step %-10s %6d ms\n", st.Name, st.Took.Milliseconds())
	}
}

// Failed reports whether the site has errors.
func (r *Report) Failed() bool { return r.Problems.Errors() > 0 }

// Engine builds one site, again and again.
type Engine struct {
	opts   Options
	layers []overlay.Layer
	makers []maker.Maker
	md     *markdown.Renderer

	cfg    *config.Config
	cfgDs  diag.List
	docs   map[string]*doc // content pages by site path
	assets []string        // other files of content/
	lib    *templates.Library
	libDs  diag.List
	font   *coverage // what the text is checked against
	fontDs diag.List

	last  *state          // the last good output; nil before it
	dirty map[string]bool // site files changed since the last good output
	full  bool            // every output must be made again
	keys  keyTable        // every key an output ever read, numbered
}

// doc is one content file, parsed.
type doc struct {
	page *site.Page // nil when it can not become a page
	ds   []diag.Diagnostic
}

// state is a good output: the site it shows and what each file read.
type state struct {
	site    *site.Site
	index   view.Index          // the site's pages by ID
	records map[string]*record  // by output file
	files   map[string][]string // each maker's files, in order, those made After left out
}

type record struct {
	maker  string
	sig    string
	after  bool       // made After the others, from their results
	index  int        // place among its maker's files
	reads  []keyID    // what it read, as numbered keys
	keys   []view.Key // what it read, until the keys are numbered
	result any
	extra  []string // more files made with it (Made.Extra), sorted
	took   time.Duration
}

// slowJob is how long an output took to make, last time, for the live
// preview to serve the others before it is made again: a booklet or an
// outline of thousands of questions takes seconds, and the editor who
// saved one question waits for its page, not for them.
const slowJob = 20 * time.Millisecond

// bySpeed splits jobs into those that were quick to make last time, or
// are new, and those that were slow.
func (e *Engine) bySpeed(js []job) (quick, slow []job) {
	for _, j := range js {
		if r, ok := e.last.records[j.File]; ok && r.took >= slowJob {
			slow = append(slow, j)
		} else {
			quick = append(quick, j)
		}
	}
	return quick, slow
}

// New returns an engine; its first Rebuild builds everything.
func New(opts Options) *Engine {
	return &Engine{
		opts:   opts,
		layers: []overlay.Layer{{FS: opts.Site}, {FS: opts.Defaults, Origin: "built into loa"}},
		makers: only(Makers(opts.Cache), opts.Only),
		md:     markdown.New(),
		docs:   map[string]*doc{},
		dirty:  map[string]bool{},
		full:   true,
		keys:   keyTable{ids: map[view.Key]keyID{}},
	}
}

// Makers are the kinds of output, in the order they are made; cards is
// the share cards' cache (nil for none).
func Makers(cards cache.Cache) []maker.Maker {
	return []maker.Maker{
		render.Pages{},
		render.Sitemap{},
		render.Feeds{},
		render.Robots{},
		&render.Icons{},
		asset.Fingerprints{},
		print.NewMaker(PrintMakers()[1:]...),
		search.Maker{},
		bulletin.NewMaker(),
		slides.NewMaker(),
		booklet.NewMaker(),
		outline.NewMaker(),
		Static{},
		share.NewCards(cards),
		share.Page{},
		share.JSON{},
		share.CSV{},
		Links{},
	}
}

// PrintMakers names the makers whose files are print products, in the
// order the printers' manifest lists them: print's pieces, then the other
// channels'. loa pdf runs them and prints their entries.
func PrintMakers() []string {
	return []string{"print", bulletin.Name, slides.Name, booklet.Name, outline.Name}
}

func only(ms []maker.Maker, names []string) []maker.Maker {
	if len(names) == 0 {
		return ms
	}
	var out []maker.Maker
	for _, m := range ms {
		if slices.Contains(names, m.Name()) {
			out = append(out, m)
		}
	}
	return out
}

// Site returns the site of the last good output, or nil.
func (e *Engine) Site() *site.Site {
	if e.last == nil {
		return nil
	}
	return e.last.site
}

// Config returns the configuration as last read.
func (e *Engine) Config() *config.Config { return e.cfg }

// Results returns the files a maker made at the last good output, with
// their results, in the maker's order.
func (e *Engine) Results(name string) []maker.Output {
	if e.last == nil {
		return nil
	}
	return e.last.results(name)
}

// results returns the files of a maker, with their results, in order;
// the files made After the others are left out.
func (s *state) results(name string) []maker.Output {
	var out []maker.Output
	for file, r := range s.records {
		if r.maker == name && !r.after {
			out = append(out, maker.Output{File: file, Result: r.result})
		}
	}
	sort.Slice(out, func(i, j int) bool { return s.records[out[i].File].index < s.records[out[j].File].index })
	return out
}

// Rebuild brings out up to date with the site after the site files in
// changed (slash paths from the site folder) changed; nil means that
// anything may have changed: the first build, or a watcher that lost
// count. Internal failures come back as an error, the site's own problems
// in the Report.
func (e *Engine) Rebuild(ctx context.Context, changed []string, out Output) (*Report, error) {
	start := time.Now()
	last := start
	rep := &Report{Full: e.full || e.last == nil}
	if err := e.read(ctx, changed); err != nil {
		return nil, err
	}
	rep.step("read", &last)
	var pages []*site.Page
	var ds diag.List
	ds.Add(e.cfgDs...)
	ds.Add(e.libDs...)
	ds.Add(e.fontDs...)
	for _, d := range e.docs {
		ds.Add(d.ds...)
		if d.page != nil {
			pages = append(pages, d.page)
		}
	}
	s, sds := site.Assemble(e.cfg, pages, e.opts.Drafts)
	ds.Add(sds...)
	rep.step("assemble", &last)
	next := &state{site: s, index: view.NewIndex(s), records: map[string]*record{}, files: map[string][]string{}}
	// Files made After read the results of the others, all made by then.
	in := maker.NewInput(s, e.lib, e.fileLister(), e.assets, e.readFile, next.results)
	jobs, jds := e.jobs(in)
	ds.Add(jds...)
	rep.step("jobs", &last)
	if ds.Errors() > 0 {
		rep.Problems, rep.Took = ds.Sort(), time.Since(start)
		return rep, nil
	}
	mds, err := e.produce(ctx, in, jobs, next, rep, out, &last)
	if err != nil {
		return nil, err
	}
	ds.Add(mds...)
	rep.Problems, rep.Took = ds.Sort(), time.Since(start)
	if rep.Failed() {
		return rep, nil
	}
	e.last, e.full = next, false
	clear(e.dirty)
	for _, r := range next.records {
		rep.Files += 1 + len(r.extra)
	}
	for file, r := range next.records {
		if r.maker == "pages" && strings.HasSuffix(file, ".html") && file != paths.NotFound {
			rep.Pages++
		}
	}
	return rep, nil
}

// job is one output file to consider at a rebuild.
type job struct {
	maker.Job
	m     maker.Maker
	index int
}

// produce makes the jobs that changed into next and out, and removes
// the files that are gone.
func (e *Engine) produce(ctx context.Context, in *maker.Input, jobs []job, next *state, rep *Report, out Output, last *time.Time) (diag.List, error) {
	var changed map[view.Key]bool
	if e.last != nil && !e.full {
		changed = view.Diff(e.last.site, e.last.index, in.Site, next.index)
		for p := range e.dirty {
			changed[view.Key{ID: p, What: view.File}] = true
		}
	}
	rep.step("diff", last)
	var first, after []job
	for _, j := range jobs {
		if j.After {
			after = append(after, j)
		} else {
			first = append(first, j)
		}
	}
	flusher, _ := out.(Flusher)
	pass := func(js []job, early bool) (map[string]*record, diag.List, error) {
		todo := e.outdated(js, changed)
		rep.step("outdated", last)
		quick, slow := todo, []job(nil)
		if early && flusher != nil && e.last != nil {
			quick, slow = e.bySpeed(todo)
		}
		recs, ds, err := e.run(ctx, in, quick, out)
		if err == nil && ds.Errors() == 0 && len(slow) > 0 {
			rep.step("make quick", last)
			flusher.Flush() // what is quick is served now
			var more map[string]*record
			var mds diag.List
			more, mds, err = e.run(ctx, in, slow, out)
			maps.Copy(recs, more)
			ds = append(ds, mds...)
		}
		rep.step("make", last)
		if err != nil || ds.Errors() > 0 {
			return nil, ds, err
		}
		for _, j := range js {
			r, ok := recs[j.File]
			if !ok {
				r = e.last.records[j.File]
			}
			if r.index != j.index {
				c := *r // the last state's record stays as it was
				c.index = j.index
				r = &c
			}
			next.records[j.File] = r
			if !j.After {
				next.files[r.maker] = append(next.files[r.maker], j.File)
			}
		}
		for _, j := range todo {
			rep.Written = append(rep.Written, j.File)
		}
		return recs, ds, nil
	}
	made, ds, err := pass(first, true)
	if err != nil || ds.Errors() > 0 {
		return ds, err
	}
	if f, ok := out.(Flusher); ok {
		f.Flush()
	}
	e.resultChanges(changed, next, made)
	_, ds2, err := pass(after, false)
	ds.Add(ds2...)
	if err != nil || ds.Errors() > 0 {
		return ds, err
	}
	if err := e.removeGone(next, rep, out); err != nil {
		return nil, err
	}
	slices.Sort(rep.Written)
	slices.Sort(rep.Removed)
	return ds, nil
}

// removeGone removes from out the files of the last output that the new
// one does not have: the files of jobs that are gone, and the extra files
// a job made last time and not this time.
func (e *Engine) removeGone(next *state, rep *Report, out Output) error {
	if e.last == nil {
		return nil
	}
	remove := func(file string) error {
		if err := out.Remove(file); err != nil {
			return fmt.Errorf("remove %s: %w", file, err)
		}
		rep.Removed = append(rep.Removed, file)
		return nil
	}
	for file, old := range e.last.records {
		now, ok := next.records[file]
		if !ok {
			if err := remove(file); err != nil {
				return err
			}
		}
		for _, x := range old.extra {
			if ok && (now == old || slices.Contains(now.extra, x)) {
				continue
			}
			if err := remove(x); err != nil {
				return err
			}
		}
	}
	return nil
}

// jobs lists the files of every maker and reports two makers (or two
// sources) that would write one file, naming both.
func (e *Engine) jobs(in *maker.Input) ([]job, diag.List) {
	var all []job
	var ds diag.List
	n := 64
	if e.last != nil {
		n = len(e.last.records)
	}
	by := make(map[string]job, n)
	all = make([]job, 0, n)
	for _, m := range e.makers {
		js, mds := m.Jobs(in)
		ds.Add(mds...)
		for i, j := range js {
			if !paths.Local(j.File) {
				ds.Add(diag.At(cmpOr(j.Source, j.File), 0, 0, "cannot be published as %q: the name leaves the output folder", j.File))
				continue
			}
			if first, ok := by[j.File]; ok {
				ds.Add(collision(first, job{Job: j, m: m}))
				continue
			}
			jb := job{Job: j, m: m, index: i}
			by[j.File] = jb
			all = append(all, jb)
		}
	}
	return all, ds
}

// collision reports two jobs that write one file, at the source an editor
// can rename.
func collision(a, b job) diag.Diagnostic {
	name := func(j job) string {
		if j.Source != "" {
			return j.Source
		}
		return "loa's " + j.m.Name()
	}
	at := b
	if at.Source == "" {
		a, at = at, a
	}
	return diag.At(cmpOr(at.Source, at.File), 0, 0, "would be published as %s, which %s makes already", at.File, name(a)).
		WithHint("rename or move one of them")
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// outdated returns the jobs that must be made: new ones, changed ones,
// and those that read a changed key.
func (e *Engine) outdated(js []job, changed map[view.Key]bool) []job {
	if e.last == nil || e.full {
		return js
	}
	marks := e.keys.marks(changed)
	var out []job
	for _, j := range js {
		r, ok := e.last.records[j.File]
		if !ok || r.sig != j.Sig || r.maker != j.m.Name() || marks.any(r.reads) {
			out = append(out, j)
		}
	}
	return out
}

// resultChanges adds the keys of results that changed among the files just
// made, and of makers whose list of files changed, for the files made
// after the others.
func (e *Engine) resultChanges(changed map[view.Key]bool, next *state, made map[string]*record) {
	if e.last == nil || e.full {
		return
	}
	for file, r := range made {
		if old, ok := e.last.records[file]; !ok || !reflect.DeepEqual(old.result, r.result) {
			changed[view.Key{ID: file, What: view.Result}] = true
		}
	}
	for _, m := range e.makers {
		if !slices.Equal(e.last.files[m.Name()], next.files[m.Name()]) {
			changed[view.Key{ID: m.Name(), What: view.Outputs}] = true
		}
	}
}

// run makes jobs on every core and writes them to out.
func (e *Engine) run(ctx context.Context, in *maker.Input, js []job, out Output) (map[string]*record, diag.List, error) {
	recs := make([]*record, len(js))
	dss := make([]diag.List, len(js))
	errs := make([]error, len(js))
	var wg sync.WaitGroup
	work := make(chan int)
	for range min(runtime.GOMAXPROCS(0), max(len(js), 1)) {
		wg.Go(func() {
			for i := range work {
				recs[i], dss[i], errs[i] = e.one(ctx, in, js[i], out)
			}
		})
	}
	// Outputs of no one source (a booklet, an outline, a deck of the whole
	// site) can take seconds each: they go first, so that no core waits
	// at the end for one of them while the other cores are idle.
	order := make([]int, 0, len(js))
	for i, j := range js {
		if j.Source == "" {
			order = append(order, i)
		}
	}
	for i, j := range js {
		if j.Source != "" {
			order = append(order, i)
		}
	}
	for _, i := range order {
		if ctx.Err() != nil {
			break
		}
		work <- i
	}
	close(work)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	m := make(map[string]*record, len(js))
	var ds diag.List
	for i, j := range js {
		if errs[i] != nil {
			return nil, nil, errs[i]
		}
		ds.Add(dss[i]...)
		if r := recs[i]; r != nil {
			r.reads, r.keys = e.keys.intern(r.keys), nil
			m[j.File] = r
		}
	}
	return m, dedupe(ds), nil
}

// one makes one file.
func (e *Engine) one(ctx context.Context, in *maker.Input, j job, out Output) (*record, diag.List, error) {
	var rec view.Recorder
	start := time.Now()
	made, ds, err := j.m.Make(ctx, in, j.Job, &rec)
	took := time.Since(start)
	if err != nil || ds.Errors() > 0 {
		return nil, ds, err
	}
	if err := out.WriteFile(j.File, made.Data); err != nil {
		return nil, nil, fmt.Errorf("write %s: %w", j.File, err)
	}
	r := &record{maker: j.m.Name(), sig: j.Sig, after: j.After, keys: rec.Keys(), result: made.Result, took: took}
	dir := path.Dir(j.File) + "/"
	for _, f := range made.Extra {
		if !paths.Local(f.Path) || !strings.HasPrefix(f.Path, dir) {
			return nil, nil, fmt.Errorf("%s: made %s, outside its folder %s", j.m.Name(), f.Path, dir)
		}
		if err := out.WriteFile(f.Path, f.Data); err != nil {
			return nil, nil, fmt.Errorf("write %s: %w", f.Path, err)
		}
		r.extra = append(r.extra, f.Path)
	}
	slices.Sort(r.extra)
	return r, ds, nil
}

// dedupe keeps one of the diagnostics that many outputs report alike (a
// layout error hits every page that uses the layout), saying how many
// more there were.
func dedupe(ds diag.List) diag.List {
	type group struct {
		d     diag.Diagnostic
		count int
	}
	var order []string
	groups := map[string]*group{}
	for _, d := range ds {
		k := d.Path + "\x00" + fmt.Sprint(d.Line, d.Col) + "\x00" + layoutMsg(d.Msg)
		g, ok := groups[k]
		if !ok {
			g = &group{d: d}
			groups[k] = g
			order = append(order, k) // the first page in the site's order names it
		}
		g.count++
	}
	var out diag.List
	for _, k := range order {
		g := groups[k]
		if g.count > 1 && layoutMsg(g.d.Msg) != g.d.Msg {
			g.d.Msg = strings.TrimSuffix(g.d.Msg, ")") + fmt.Sprintf(" and %d other %s)", g.count-1, plural(g.count-1, "page", "pages"))
		}
		out = append(out, g.d)
	}
	return out
}

// layoutMsg is a message without the page it was found on.
func layoutMsg(msg string) string {
	if i := strings.LastIndex(msg, " (while "); i >= 0 {
		return msg[:i]
	}
	return msg
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
