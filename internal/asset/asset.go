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
	"crypto/sha256"
	"encoding/hex"
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

// Result is what a fingerprinted file reports: the output path of its
// plain copy, and the site files its name is made of.
type Result struct {
	Path string // "css/site.css"
	// Sources are the site paths whose content decides the name: the
	// file, and for a style sheet the files whose names it refers to. A
	// page that links the file depends on exactly these: it must be made
	// again when one of them changes, and only then.
	Sources []string
}

// Fingerprints makes the fingerprinted copies. Its zero value is ready to
// use.
type Fingerprints struct{}

// Name implements maker.Maker.
func (Fingerprints) Name() string { return Maker }

// job is what Make needs of a file.
type job struct {
	source  string            // site path
	plain   string            // output path of the plain copy
	names   map[string]string // plain → fingerprinted output paths of the files a style sheet may refer to
	sources []string          // see Result
}

// Kind reports whether the output path p is of a kind that is
// fingerprinted: a style sheet, a script or a web font.
func Kind(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".css", ".js", ".mjs", ".woff2", ".woff":
		return true
	}
	return false
}

// Jobs implements maker.Maker.
func (Fingerprints) Jobs(in *maker.Input) ([]maker.Job, diag.List) {
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
	read := func(p string) ([]byte, bool) {
		data, err := in.Read(&view.Recorder{}, p) // Make reads it again, recorded
		if err != nil {
			ds.Add(diag.At(p, 0, 0, "cannot read: %v", err))
			return nil, false
		}
		return data, true
	}
	names := map[string]string{}
	sources := map[string]string{} // fingerprinted output path → site path
	var jobs []maker.Job
	for _, p := range files {
		data, ok := read(p)
		if !ok {
			continue
		}
		plain := paths.StaticOutput(p)
		j := &job{source: p, plain: plain, sources: []string{p}}
		if isCSS(p) {
			j.names = names
			data = Rewrite(data, plain, names)
			for _, name := range names {
				if bytes.Contains(data, []byte(path.Base(name))) {
					j.sources = append(j.sources, sources[name])
				}
			}
			slices.Sort(j.sources[1:])
		}
		file := Name(plain, data)
		sources[file] = p
		jobs = append(jobs, maker.Job{File: file, Source: p, Sig: p, Data: j})
		if !isCSS(p) {
			names[plain] = file
		}
	}
	return jobs, ds
}

// Make implements maker.Maker.
func (Fingerprints) Make(_ context.Context, in *maker.Input, j maker.Job, rec *view.Recorder) (maker.Made, diag.List, error) {
	fj := j.Data.(*job)
	data, err := in.Read(rec, fj.source)
	if err != nil {
		return maker.Made{}, nil, fmt.Errorf("%s: %w", fj.source, err)
	}
	if fj.names != nil {
		data = Rewrite(data, fj.plain, fj.names)
	}
	return maker.Made{Data: data, Result: Result{Path: fj.plain, Sources: fj.sources}}, nil, nil
}

// Name returns the fingerprinted output path of the file whose plain
// output path is p and whose bytes are data: the first ten hex digits of
// their SHA-256 before the extension, "css/site.3f9a1c2e07.css".
func Name(p string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(p)
	return strings.TrimSuffix(p, ext) + "." + hex.EncodeToString(sum[:5]) + ext
}

// File is a fingerprinted file, as the pages that link it see it.
type File struct {
	Name    string   // its output path: "css/site.3f9a1c2e07.css"
	Sources []string // see Result
}

// Files returns the fingerprinted files among the results of the assets
// maker, by the output path of their plain copy.
func Files(results []maker.Output) map[string]File {
	m := make(map[string]File, len(results))
	for _, o := range results {
		if r, ok := o.Result.(Result); ok {
			m[r.Path] = File{Name: o.File, Sources: r.Sources}
		}
	}
	return m
}

// Link returns the fingerprinted name of the file whose plain output path
// is p, recording into rec the reads of the files that name is made of:
// the one dependency a page that links it has. ok is false when p has no
// fingerprinted copy.
func Link(files map[string]File, p string, rec *view.Recorder) (name string, ok bool) {
	f, ok := files[p]
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
