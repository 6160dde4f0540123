// Package maker defines what a kind of output is to the pipeline: a Maker
// lists the files it makes of a site (Jobs) and makes one (Make), reading
// the site only through the views of package view, so that the pipeline
// knows what each file depends on and makes it again exactly when that
// changed. Web pages, the sitemap, print pieces, copied static files and
// every later kind of output are Makers; adding one is one file that
// implements this interface and a line in the pipeline's list.
package maker

import (
	"context"

	"loa/internal/diag"
	"loa/internal/site"
	"loa/internal/templates"
	"loa/internal/view"
)

// Maker makes one kind of output. A Maker lives as long as the pipeline
// that holds it, across rebuilds: it may keep caches of what does not
// depend on the site (a parsed font), but never the site itself.
type Maker interface {
	// Name names the kind of output in messages and in the record of
	// what outputs read ("pages", "print").
	Name() string
	// Jobs lists the files the maker makes of the site. It may read the
	// site directly: jobs are listed afresh at every rebuild and compared
	// by File and Sig.
	Jobs(in *Input) ([]Job, diag.List)
	// Make makes one file. It reads the site through in.View(rec), the
	// site's files through in.Read, and other outputs' results through
	// in.Results, so that rec holds all it depended on.
	Make(ctx context.Context, in *Input, j Job, rec *view.Recorder) (Made, diag.List, error)
}

// Job is one file a Maker makes.
type Job struct {
	File   string // output path: "hoi-dap/x/index.html"
	Source string // site path of what it is made from, for messages; "" for the site as a whole
	// Sig is everything besides what Make reads through the views that
	// decides the file's bytes (its layout, the page it shows, its page
	// number): a job whose Sig changed is made again.
	Sig string
	// After marks a file made from the results of the others (an index of
	// print pieces): it is made once all the others are.
	After bool
	Data  any // the Maker's own
}

// Made is one file made.
type Made struct {
	Data []byte
	// Result is what the file reports about itself for the files made
	// After (a print piece's entry in the manifest); nil for none. It is
	// compared with reflect.DeepEqual between rebuilds.
	Result any
	// Extra are more files made with this one, whose number is known only
	// once it is made (the shards of a search index). They must lie in
	// the folder of the job's file, or below it; they are removed with it.
	Extra []File
}

// File is a file of the output and its bytes.
type File struct {
	Path string
	Data []byte
}

// Input is what makers get at one rebuild.
type Input struct {
	Site    *site.Site
	Layouts *templates.Library
	// Files lists the site's files under a folder (its own over loa's
	// built-in ones), as site paths.
	Files func(dir string) []string
	// Assets are the files of content/ that are not pages, published as
	// they are.
	Assets []string
	read   func(path string) ([]byte, error)
	// results gives the results of the files of a maker, for jobs made
	// After, in the order of its jobs.
	results func(maker string) []Output
}

// Output is a file made by a maker, with its result.
type Output struct {
	File   string
	Result any
}

// NewInput returns an Input; the pipeline makes them.
func NewInput(s *site.Site, lib *templates.Library, files func(string) []string, assets []string,
	read func(string) ([]byte, error), results func(string) []Output) *Input {
	return &Input{Site: s, Layouts: lib, Files: files, Assets: assets, read: read, results: results}
}

// View returns a view of the site that records into rec.
func (in *Input) View(rec *view.Recorder) *view.Site { return view.New(in.Site, rec) }

// Read returns the bytes of a file of the site (its own or loa's
// built-in one), recording the read.
func (in *Input) Read(rec *view.Recorder, path string) ([]byte, error) {
	rec.Read(view.Key{ID: path, What: view.File})
	return in.read(path)
}

// Results returns the files a maker made, with their results, recording
// the read; only jobs made After may ask.
func (in *Input) Results(rec *view.Recorder, maker string) []Output {
	rec.Read(view.Key{ID: maker, What: view.Outputs})
	out := in.results(maker)
	for _, o := range out {
		rec.Read(view.Key{ID: o.File, What: view.Result})
	}
	return out
}

// Layout records that an output depends on the layout files of a set, and
// on the layouts that would have been chosen before it (they may be added).
func Layout(rec *view.Recorder, set *templates.Set, candidates ...string) {
	for _, f := range set.Files {
		rec.Read(view.Key{ID: f, What: view.File})
	}
	for _, c := range candidates {
		rec.Read(view.Key{ID: templates.File(c), What: view.File})
	}
}
