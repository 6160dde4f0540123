// Package templates is the one template layer of loa: it loads the
// html/template layouts of a site (its own files over loa's built-in
// ones), checks them all, puts together the sets that outputs execute (a
// skeleton, its partials and one page layout), and turns template errors
// into diagnostics at the layout's file and line. Web pages, print pieces
// and every other output use it.
package templates

import (
	"errors"
	"fmt"
	"html/template"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"loa/internal/diag"
	"loa/internal/overlay"
	"loa/internal/paths"
)

// Library holds a site's layouts, read and checked. It is safe for
// concurrent use.
type Library struct {
	files map[string]overlay.File // name under layouts/ → where it came from
	texts map[string]string

	mu   sync.Mutex
	sets map[string]*setResult
}

type setResult struct {
	once sync.Once
	set  *Set
	err  error
}

// Load reads every .html file under layouts/ from the layers and parses
// each alone, so that every syntax error of every layout is reported,
// whether or not an output uses it.
func Load(layers ...overlay.Layer) (*Library, diag.List) {
	files, err := overlay.Files(paths.LayoutsDir, layers...)
	if err != nil {
		return nil, diag.List{diag.At(paths.LayoutsDir, 0, 0, "cannot read layouts: %v", err)}
	}
	l := &Library{files: map[string]overlay.File{}, texts: map[string]string{}, sets: map[string]*setResult{}}
	var ds diag.List
	for _, f := range files {
		name := strings.TrimPrefix(f.Path, paths.LayoutsDir+"/")
		if path.Ext(name) != ".html" {
			continue
		}
		data, err := f.Read()
		if err != nil {
			ds.Add(diag.At(f.Path, 0, 0, "cannot read: %v", err))
			continue
		}
		l.files[name], l.texts[name] = f, string(data)
		if _, err := template.New(name).Funcs(Funcs()).Parse(string(data)); err != nil {
			ds.Add(l.Error(err))
		}
	}
	return l, ds
}

// Has reports whether the layout name (a path under layouts/) exists.
func (l *Library) Has(name string) bool { _, ok := l.texts[name]; return ok }

// First returns the first of names that exists, or "".
func (l *Library) First(names ...string) string {
	for _, n := range names {
		if l.Has(n) {
			return n
		}
	}
	return ""
}

// File returns the site path of the layout name: "layouts/single.html".
func File(name string) string { return paths.LayoutsDir + "/" + name }

// Set is a template set ready to execute.
type Set struct {
	*template.Template
	// Files are the site paths of the layouts it is made of, for the
	// record of what an output read.
	Files []string
}

// Set returns the set made of the layout root, every layout under the
// folder partials (e.g. "partials/"; "" for none) and, if not "", the
// layout page. Sets are made once per Library.
func (l *Library) Set(root, partials, page string) (*Set, error) {
	key := root + "\x00" + partials + "\x00" + page
	l.mu.Lock()
	r, ok := l.sets[key]
	if !ok {
		r = &setResult{}
		l.sets[key] = r
	}
	l.mu.Unlock()
	r.once.Do(func() { r.set, r.err = l.makeSet(root, partials, page) })
	return r.set, r.err
}

func (l *Library) makeSet(root, partials, page string) (*Set, error) {
	if !l.Has(root) {
		return nil, diag.At(File(root), 0, 0, "missing layout")
	}
	// The root names the set; giving another template its name would
	// replace it and lose the functions.
	t, err := template.New(root).Funcs(Funcs()).Parse(l.texts[root])
	if err != nil {
		return nil, l.Error(err)
	}
	set := &Set{Template: t, Files: []string{File(root)}}
	if partials != "" {
		for _, name := range slices.Sorted(maps.Keys(l.texts)) {
			if strings.HasPrefix(name, partials) && name != root && name != page {
				if _, err := t.New(name).Parse(l.texts[name]); err != nil {
					return nil, l.Error(err)
				}
				set.Files = append(set.Files, File(name))
			}
		}
	}
	if page != "" {
		if !l.Has(page) {
			return nil, diag.At(File(page), 0, 0, "missing layout")
		}
		if _, err := t.New(page).Parse(l.texts[page]); err != nil {
			return nil, l.Error(err)
		}
		set.Files = append(set.Files, File(page))
	}
	return set, nil
}

// errRE matches the position html/template puts in its errors:
// "template: single.html:12:5: ..." or "template: single.html:12: ...".
var errRE = regexp.MustCompile(`^(?:html/)?template: ([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// Error turns a template error into a diagnostic at the layout file and
// line, saying when the layout is one built into loa.
func (l *Library) Error(err error) diag.Diagnostic {
	var d diag.Diagnostic
	if errors.As(err, &d) {
		return d
	}
	msg := err.Error()
	var terr *template.Error
	if errors.As(err, &terr) && terr.Name != "" && terr.Line > 0 {
		msg = fmt.Sprintf("template: %s:%d: %s", terr.Name, terr.Line, terr.Description)
	}
	d = diag.At(paths.LayoutsDir, 0, 0, "%s", msg)
	if m := errRE.FindStringSubmatch(msg); m != nil {
		d.Path = File(m[1])
		d.Line, _ = strconv.Atoi(m[2])
		d.Col, _ = strconv.Atoi(m[3])
		d.Msg = m[4]
		if f, ok := l.files[m[1]]; ok && f.Layer.Origin != "" {
			d.Msg += " [layout " + f.Layer.Origin + "]"
		}
	}
	return d
}
