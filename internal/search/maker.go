package search

import (
	"context"
	"fmt"

	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/paths"
	"loa/internal/view"
)

// Maker makes the search index of a site: one job whose file is the
// index's meta.js, with the shards and page files as its extra files. It
// is made After the other files: the live preview serves an edited page
// before it makes a large site's index again.
// Every item page that is not a draft is indexed, in the site's order
// (which breaks ties between equal scores); drafts never enter an index,
// even when the preview shows them.
type Maker struct{}

// Name implements maker.Maker.
func (Maker) Name() string { return "search" }

// Jobs implements maker.Maker.
func (Maker) Jobs(*maker.Input) ([]maker.Job, diag.List) {
	return []maker.Job{{File: paths.SearchIndex + "meta.js", After: true}}, nil
}

// Make implements maker.Maker.
func (Maker) Make(ctx context.Context, in *maker.Input, _ maker.Job, rec *view.Recorder) (maker.Made, diag.List, error) {
	v := in.View(rec)
	var docs []Doc
	add := func(p *view.Page, label string) {
		if p.Draft() {
			return
		}
		var figures []string
		for _, f := range p.Figures() {
			s := f.Value + " " + f.Label
			if f.Year != 0 {
				s += fmt.Sprintf(" (%d)", f.Year)
			}
			figures = append(figures, s)
		}
		docs = append(docs, DocOf(p.URL(), p.Title(), p.Kind(), label, p.Summary(), figures, string(p.Content())))
	}
	for _, sec := range v.Sections() {
		label := sec.Page().Title()
		for _, p := range sec.Items() {
			add(p, label)
		}
		if err := ctx.Err(); err != nil {
			return maker.Made{}, nil, err
		}
	}
	for _, p := range v.RootPages() {
		add(p, "Trang")
	}
	files, err := BuildContext(ctx, docs, Options{Dir: paths.SearchIndex})
	if err != nil {
		return maker.Made{}, nil, err
	}
	var made maker.Made
	for _, f := range files {
		if f.Path == paths.SearchIndex+"meta.js" {
			made.Data = f.Data
		} else {
			made.Extra = append(made.Extra, maker.File{Path: f.Path, Data: f.Data})
		}
	}
	return made, nil, nil
}
