// Package asset publishes the files the web pages load on every visit
// (style sheets, scripts, web fonts and the logo) a second time, under
// names that change with their content: static/css/site.css is also
// published as css/site.3f9a1c2e07.css. A page links the fingerprinted
// name, so a server and a CDN may tell browsers to keep such a file for a
// year: a new style sheet has a new name, and the pages that link it are
// made again with it.
//
// The plain copies stay (the static maker publishes every file of static/
// as it is): print pieces, the printers' index and anything a site links
// by hand keep working.
//
// A style sheet's url(...) references to fingerprinted files (its fonts)
// are rewritten to their fingerprinted names, and the sheet's own name is
// the hash of the rewritten text, so that a new font gives the style sheet
// a new name too. Style sheets that refer to other style sheets are not
// rewritten; loa's own do not.
//
// The maker's Jobs read the files they fingerprint: a file's name is its
// content, so it can only be known by reading it. That is still exact
// across rebuilds, because jobs are listed afresh at every rebuild and
// compared by name; it costs a read and a SHA-256 of a few small files.
package asset

import (
	"bytes"
	"context"
	"fmt"
	"path"
	"slices"
	"strings"

	"loa/internal/config"
	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/paths"
	"loa/internal/view"
)

// Maker is the maker's name, as other makers ask for its results.
const Maker = "assets"

// Fingerprints makes the fingerprinted copies. Its zero value is ready to
// use.
type Fingerprints struct{}

// Name implements maker.Maker.
func (Fingerprints) Name() string { return Maker }

// File is one fingerprinted file of a site.
type File struct {
	Name   string // its output path: "css/site.3f9a1c2e07.css"
	Plain  string // the output path of its plain copy: "css/site.css"
	Source string // its site path: "static/css/site.css"
	// Sources are the site paths whose content decides the name: the
	// file, and for a style sheet the files whose names it refers to. A
	// page that links the file depends on exactly these: it must be made
	// again when one of them changes, and only then.
	Sources []string
	names   map[string]string // a style sheet's: plain → fingerprinted output paths it may refer to
}

// Files are the fingerprinted files of a site, by the output path of
// their plain copy.
type Files map[string]File

// Kind reports whether the output path p is of a kind that is
// fingerprinted: a style sheet, a script or a web font.
func Kind(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".css", ".js", ".mjs", ".woff2", ".woff":
		return true
	}
	return false
}

// Scan reads the files of the site that are fingerprinted (style sheets,
// scripts, web fonts under static/, and the logo) and returns their
// names. The maker lists its jobs from it; the web pages, which link
// those names, call it too, once per rebuild, and record what they link
// with Link. It reads without recording: a name is its content, and
// whoever uses a name records the reads Link names.
func Scan(in *maker.Input) (Files, []string, diag.List) {
	var ds diag.List
	var files []string // site paths
	for _, p := range in.Files(paths.StaticDir) {
		if Kind(p) {
			files = append(files, p)
		}
	}
	if logo := in.Site.Config.Site.LogoFile(); logo != "" {
		if slices.Contains(in.Files(paths.StaticDir), logo) {
			files = append(files, logo)
		} else {
			line, col := in.Site.Config.Site.LogoAt()
			ds.Add(diag.At(config.File, line, col, "site.logo: there is no file %s", logo).
				WithHint("put the SVG file there, or correct the path (it is relative to static/)"))
		}
	}
	// Files a style sheet may refer to first, then the style sheets with
	// their references rewritten.
	slices.SortStableFunc(files, func(a, b string) int { return boolInt(isCSS(a)) - boolInt(isCSS(b)) })
	names := map[string]string{}
	sources := map[string]string{} // fingerprinted output path → site path
	out := Files{}
	var order []string // plain output paths
	for _, p := range files {
		data, err := in.Read(&view.Recorder{}, p)
		if err != nil {
			ds.Add(diag.At(p, 0, 0, "cannot read: %v", err))
			continue
		}
		f := File{Plain: paths.StaticOutput(p), Source: p, Sources: []string{p}}
		if isCSS(p) {
			f.names = names
			data = Rewrite(data, f.Plain, names)
			for _, name := range names {
				if bytes.Contains(data, []byte(path.Base(name))) {
					f.Sources = append(f.Sources, sources[name])
				}
			}
			slices.Sort(f.Sources[1:])
		}
		f.Name = Name(f.Plain, data)
		sources[f.Name] = p
		if !isCSS(p) {
			names[f.Plain] = f.Name
		}
		out[f.Plain] = f
		order = append(order, f.Plain)
	}
	return out, order, ds
}

// Jobs implements maker.Maker.
func (Fingerprints) Jobs(in *maker.Input) ([]maker.Job, diag.List) {
	files, order, ds := Scan(in)
	var jobs []maker.Job
	for _, p := range order {
		f := files[p]
		jobs = append(jobs, maker.Job{File: f.Name, Source: f.Source, Sig: f.Source, Data: f})
	}
	return jobs, ds
}

// Make implements maker.Maker.
func (Fingerprints) Make(_ context.Context, in *maker.Input, j maker.Job, rec *view.Recorder) (maker.Made, diag.List, error) {
	f := j.Data.(File)
	data, err := in.Read(rec, f.Source)
	if err != nil {
		return maker.Made{}, nil, fmt.Errorf("%s: %w", f.Source, err)
	}
	if f.names != nil {
		data = Rewrite(data, f.Plain, f.names)
	}
	return maker.Made{Data: data}, nil, nil
}

// Name returns the fingerprinted output path of the file whose plain
// output path is p and whose bytes are data (paths.Fingerprint).
func Name(p string, data []byte) string { return paths.Fingerprint(p, data) }

// Link returns the fingerprinted name of the file whose plain output path
// is p, recording into rec the reads of the files that name is made of:
// the one dependency a page that links it has. ok is false when p has no
// fingerprinted copy.
func (fs Files) Link(p string, rec *view.Recorder) (name string, ok bool) {
	f, ok := fs[p]
	if !ok {
		return "", false
	}
	for _, s := range f.Sources {
		rec.Read(view.Key{ID: s, What: view.File})
	}
	return f.Name, true
}

func isCSS(p string) bool { return strings.EqualFold(path.Ext(p), ".css") }

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
