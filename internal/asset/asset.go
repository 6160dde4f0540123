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
// plain copy.
type Result struct {
	Path string // "css/site.css"
}

// Fingerprints makes the fingerprinted copies. Its zero value is ready to
// use.
type Fingerprints struct{}

// Name implements maker.Maker.
func (Fingerprints) Name() string { return Maker }

// job is what Make needs of a file.
type job struct {
	source string            // site path
	plain  string            // output path of the plain copy
	names  map[string]string // plain → fingerprinted output paths of the files a style sheet may refer to
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
	var jobs []maker.Job
	for _, p := range files {
		data, ok := read(p)
		if !ok {
			continue
		}
		plain := paths.StaticOutput(p)
		j := &job{source: p, plain: plain}
		if isCSS(p) {
			j.names = names
			data = Rewrite(data, plain, names)
		}
		file := Name(plain, data)
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
	return maker.Made{Data: data, Result: Result{Path: fj.plain}}, nil, nil
}

// Name returns the fingerprinted output path of the file whose plain
// output path is p and whose bytes are data: the first ten hex digits of
// their SHA-256 before the extension, "css/site.3f9a1c2e07.css".
func Name(p string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(p)
	return strings.TrimSuffix(p, ext) + "." + hex.EncodeToString(sum[:5]) + ext
}

// Names returns the fingerprinted names among the results of the assets
// maker: plain output path → fingerprinted output path.
func Names(results []maker.Output) map[string]string {
	m := make(map[string]string, len(results))
	for _, o := range results {
		if r, ok := o.Result.(Result); ok {
			m[r.Path] = o.File
		}
	}
	return m
}

func isCSS(p string) bool { return strings.EqualFold(path.Ext(p), ".css") }

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
