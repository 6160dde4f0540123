package pipeline

import (
	"context"

	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/paths"
	"loa/internal/view"
)

// Static publishes the files of static/ (the site's over loa's built-in
// ones) and the files of content/ that are not pages, as they are.
type Static struct{}

// Name implements maker.Maker.
func (Static) Name() string { return "static" }

// Jobs implements maker.Maker.
func (Static) Jobs(in *maker.Input) ([]maker.Job, diag.List) {
	var jobs []maker.Job
	for _, p := range in.Files(paths.StaticDir) {
		jobs = append(jobs, maker.Job{File: paths.StaticOutput(p), Source: p, Sig: p})
	}
	for _, p := range in.Assets {
		jobs = append(jobs, maker.Job{File: paths.ContentAsset(p), Source: p, Sig: p})
	}
	return jobs, nil
}

// Make implements maker.Maker.
func (Static) Make(_ context.Context, in *maker.Input, j maker.Job, rec *view.Recorder) (maker.Made, diag.List, error) {
	data, err := in.Read(rec, j.Source)
	if err != nil {
		return maker.Made{}, nil, err
	}
	return maker.Made{Data: data}, nil, nil
}
