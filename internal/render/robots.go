package render

import (
	"context"
	"slices"

	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/paths"
	"loa/internal/view"
)

// Robots makes robots.txt: every crawler may read every page, and the
// sitemap is at base_url. The printers' files are not disallowed there:
// a crawler must read them to see that they ask not to be indexed (their
// noindex, and the X-Robots-Tag of `loa nginx`). A site's own
// static/robots.txt replaces it. Its zero value is ready to use.
type Robots struct{}

// Name implements maker.Maker.
func (Robots) Name() string { return "robots" }

// Jobs implements maker.Maker.
func (Robots) Jobs(in *maker.Input) ([]maker.Job, diag.List) {
	if slices.Contains(in.Files(paths.StaticDir), paths.StaticDir+"/"+paths.Robots) {
		return nil, nil
	}
	return []maker.Job{{File: paths.Robots}}, nil
}

// Make implements maker.Maker.
func (Robots) Make(_ context.Context, in *maker.Input, _ maker.Job, rec *view.Recorder) (maker.Made, diag.List, error) {
	base := in.View(rec).Config().BaseURL
	return maker.Made{Data: []byte("User-agent: *\nAllow: /\n\nSitemap: " + base + paths.Sitemap + "\n")}, nil, nil
}
