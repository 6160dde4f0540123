package share

import (
	"bytes"
	"context"

	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/paths"
	"loa/internal/templates"
	"loa/internal/view"
)

// PageLayout is the layout of the social-media team's page: a document of
// its own (not baseof.html), as the page is a tool of the team rather than
// a page for readers.
const PageLayout = "chia-se.html"

// Page makes the social-media team's page, paths.SharePage: every item
// with its cards (to look at and download), its posts for Facebook and
// Zalo (to copy), filterable by section; no script is needed to read and
// select the posts, static/js/share-team.js adds the copy buttons and the
// filter.
type Page struct{}

// Name implements maker.Maker.
func (Page) Name() string { return "share-page" }

// Jobs implements maker.Maker: the page, when the site has its layout.
func (Page) Jobs(in *maker.Input) ([]maker.Job, diag.List) {
	if !in.Layouts.Has(PageLayout) {
		return nil, nil
	}
	return []maker.Job{{File: paths.SharePage, Sig: PageLayout}}, nil
}

// TeamPage is what layouts/chia-se.html sees as ".".
type TeamPage struct {
	Site   *view.Site
	Groups []Group
	Count  int // items
	Drafts int // items whose wording is a draft
}

// Rel returns a link from the team's page to a path of the output.
func (*TeamPage) Rel(target string) string { return paths.Rel(paths.ShareDir+"/", target) }

// Posts and PostsCSV are the links to the same posts as data.
func (t *TeamPage) Posts() string    { return t.Rel(paths.SharePosts) }
func (t *TeamPage) PostsCSV() string { return t.Rel(paths.SharePostsCSV) }

// Make implements maker.Maker.
func (Page) Make(_ context.Context, in *maker.Input, j maker.Job, rec *view.Recorder) (maker.Made, diag.List, error) {
	set, err := in.Layouts.Set(PageLayout, "", "")
	if err != nil {
		return maker.Made{}, diag.List{in.Layouts.Error(err)}, nil
	}
	maker.Layout(rec, set, PageLayout)
	v := in.View(rec)
	data := &TeamPage{Site: v, Groups: Groups(v)}
	for _, g := range data.Groups {
		data.Count += len(g.Entries)
		for _, e := range g.Entries {
			if e.Draft {
				data.Drafts++
			}
		}
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, PageLayout, data); err != nil {
		d := in.Layouts.Error(err)
		if d.Path == "" {
			d.Path = templates.File(PageLayout)
		}
		return maker.Made{}, diag.List{d}, nil
	}
	return maker.Made{Data: buf.Bytes()}, nil, nil
}
