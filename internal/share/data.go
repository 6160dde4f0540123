package share

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"

	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/paths"
	"loa/internal/view"
)

// JSON makes paths.SharePosts: every item's posts and cards as data, for
// scheduling tools, a list of Entry.
type JSON struct{}

// Name implements maker.Maker.
func (JSON) Name() string { return "share-json" }

// Jobs implements maker.Maker.
func (JSON) Jobs(*maker.Input) ([]maker.Job, diag.List) {
	return []maker.Job{{File: paths.SharePosts}}, nil
}

// Make implements maker.Maker.
func (JSON) Make(_ context.Context, in *maker.Input, _ maker.Job, rec *view.Recorder) (maker.Made, diag.List, error) {
	entries := []Entry{}
	for _, g := range Groups(in.View(rec)) {
		entries = append(entries, g.Entries...)
	}
	data, err := json.MarshalIndent(entries, "", "  ")
	if err != nil {
		return maker.Made{}, nil, fmt.Errorf("%s: %w", paths.SharePosts, err)
	}
	return maker.Made{Data: append(data, '\n')}, nil, nil
}

// CSV makes paths.SharePostsCSV: the same as JSON, one row per item, for a
// spreadsheet. It starts with a byte order mark and ends rows with CR LF,
// so that Excel on Windows opens the Vietnamese text right.
type CSV struct{}

// Name implements maker.Maker.
func (CSV) Name() string { return "share-csv" }

// Jobs implements maker.Maker.
func (CSV) Jobs(*maker.Input) ([]maker.Job, diag.List) {
	return []maker.Job{{File: paths.SharePostsCSV}}, nil
}

// CSVHeader returns the first row of bai-dang.csv: section, kind, title,
// draft, address, card, square card, Facebook post, Zalo post.
func CSVHeader() []string {
	return []string{"muc", "loai", "tieu_de", "du_thao", "duong_dan", "anh", "anh_vuong", "facebook", "zalo"}
}

// Make implements maker.Maker.
func (CSV) Make(_ context.Context, in *maker.Input, _ maker.Job, rec *view.Recorder) (maker.Made, diag.List, error) {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	rows := [][]string{CSVHeader()}
	for _, g := range Groups(in.View(rec)) {
		for _, e := range g.Entries {
			rows = append(rows, []string{e.Section, e.Label, e.Title, strconv.FormatBool(e.Draft), e.URL,
				e.CardURL, e.SquareURL, e.Facebook.Text, e.Zalo.Text})
		}
	}
	if err := w.WriteAll(rows); err != nil {
		return maker.Made{}, nil, fmt.Errorf("%s: %w", paths.SharePostsCSV, err)
	}
	return maker.Made{Data: b.Bytes()}, nil, nil
}
