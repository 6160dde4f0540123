// Package render turns a site into HTML files with html/template layouts.
//
// Layouts live in layouts/ (the site's own files override loa's built-in
// ones of the same path):
//
//	baseof.html          the page skeleton; it calls {{template "main" .}}
//	partials/*.html      pieces called as {{template "partials/x.html" .}}
//	home.html            the information page
//	list.html            a section's list page
//	single.html          an item; <kind>.html (qa.html, slogan.html ...) wins if present
//	404.html             the not-found page
//
// Each page layout defines "main" and sees a *PageData.
package render

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

	"loa/internal/diag"
	"loa/internal/overlay"
)

// LayoutsDir is the folder of a site that holds its layouts.
const LayoutsDir = "layouts"

// Templates are the parsed web layouts of a site.
type Templates struct {
	byName map[string]*template.Template // "single.html" → baseof + partials + it
	files  map[string]overlay.File       // "single.html" → where it came from
}

// Load parses the web layouts from the layers. Every template error is
// returned as a diagnostic at its file and line.
func Load(layers ...overlay.Layer) (*Templates, diag.List) {
	files, err := overlay.Files(LayoutsDir, layers...)
	if err != nil {
		return nil, diag.List{diag.At(LayoutsDir, 0, 0, "cannot read layouts: %v", err)}
	}
	t := &Templates{byName: map[string]*template.Template{}, files: map[string]overlay.File{}}
	var base *template.Template
	var pages []string
	var ds diag.List
	texts := map[string]string{}
	for _, f := range files {
		name := strings.TrimPrefix(f.Path, LayoutsDir+"/")
		if path.Ext(name) != ".html" || strings.HasPrefix(name, "print/") {
			continue // print layouts are the print package's
		}
		data, err := f.Read()
		if err != nil {
			ds.Add(diag.At(f.Path, 0, 0, "cannot read: %v", err))
			continue
		}
		t.files[name] = f
		texts[name] = string(data)
		if name != "baseof.html" && !strings.HasPrefix(name, "partials/") {
			pages = append(pages, name)
		}
	}
	if _, ok := texts["baseof.html"]; !ok {
		ds.Add(diag.At(LayoutsDir+"/baseof.html", 0, 0, "missing layout"))
		return nil, ds
	}
	// The skeleton is the root of the set; partials join it.
	base, err = template.New("baseof.html").Funcs(Funcs()).Parse(texts["baseof.html"])
	if err != nil {
		ds.Add(TemplateError(err, t.files))
	}
	for _, name := range slices.Sorted(maps.Keys(texts)) {
		if !strings.HasPrefix(name, "partials/") || base == nil {
			continue
		}
		if _, err := base.New(name).Parse(texts[name]); err != nil {
			ds.Add(TemplateError(err, t.files))
		}
	}
	if len(ds) > 0 {
		return nil, ds
	}
	for _, name := range pages {
		set, err := base.Clone()
		if err == nil {
			_, err = set.New(name).Parse(texts[name])
		}
		if err != nil {
			ds.Add(TemplateError(err, t.files))
			continue
		}
		t.byName[name] = set
	}
	for _, required := range []string{"home.html", "list.html", "single.html"} {
		if _, ok := texts[required]; !ok {
			ds.Add(diag.At(LayoutsDir+"/"+required, 0, 0, "missing layout"))
		}
	}
	return t, ds
}

// lookup returns the first of names that exists.
func (t *Templates) lookup(names ...string) (*template.Template, string) {
	for _, n := range names {
		if set, ok := t.byName[n]; ok {
			return set, n
		}
	}
	return nil, ""
}

// templateErrRE matches the position html/template puts in its errors:
// "template: single.html:12:5: ..." or "template: single.html:12: ...".
var templateErrRE = regexp.MustCompile(`^(?:html/)?template: ([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// TemplateError turns a template error into a diagnostic at the layout file
// and line. files maps template names (paths under layouts/) to the files
// they came from, to say when a layout is loa's own.
func TemplateError(err error, files map[string]overlay.File) diag.Diagnostic {
	msg := err.Error()
	var terr *template.Error
	if errors.As(err, &terr) && terr.Name != "" && terr.Line > 0 {
		msg = fmt.Sprintf("template: %s:%d: %s", terr.Name, terr.Line, terr.Description)
	}
	d := diag.At(LayoutsDir, 0, 0, "%s", msg)
	if m := templateErrRE.FindStringSubmatch(msg); m != nil {
		d.Path = LayoutsDir + "/" + m[1]
		d.Line, _ = strconv.Atoi(m[2])
		d.Col, _ = strconv.Atoi(m[3])
		d.Msg = m[4]
		if f, ok := files[m[1]]; ok && f.Layer.Origin != "" {
			d.Msg += " [layout " + f.Layer.Origin + "]"
		}
	}
	return d
}
