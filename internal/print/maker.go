package print

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"slices"
	"sync"

	"loa/internal/config"
	"loa/internal/diag"
	"loa/internal/fit"
	"loa/internal/maker"
	"loa/internal/paths"
	"loa/internal/templates"
	"loa/internal/view"
)

// Print layouts, under the site's layouts/:
//
//	print/baseof.html   the document: head, fonts, the sheets
//	print/<layout>.html one per product layout; defines "side"
//	print/partials/     pieces the product layouts share
//	print/index.html    the printers' index
const (
	baseLayout     = "print/baseof.html"
	partialsLayout = "print/partials/"
	indexLayout    = "print/index.html"
)

// Maker makes the print pieces, the printers' index and manifest.json.
// It keeps the fonts it measures with across rebuilds.
type Maker struct {
	mu    sync.Mutex
	fonts map[string]cachedFont // site path → parsed font
	// others are the makers whose files are print products too (the
	// channels' bulletins, decks, booklet, outline): the index and the
	// manifest list their Entry results after the pieces.
	others []string
}

type cachedFont struct {
	data []byte
	font *fit.Font
}

// NewMaker returns a print maker whose index and manifest also list the
// print products the makers named others report (Entry results).
func NewMaker(others ...string) *Maker {
	return &Maker{fonts: map[string]cachedFont{}, others: others}
}

// Name implements maker.Maker.
func (*Maker) Name() string { return "print" }

// The jobs after the pieces.
type indexJob struct{}
type manifestJob struct{}

// Jobs implements maker.Maker.
func (m *Maker) Jobs(in *maker.Input) ([]maker.Job, diag.List) {
	pieces := Pieces(in.Site)
	var jobs []maker.Job
	var ds diag.List
	seen := map[string]Piece{}
	for _, pc := range pieces {
		if first, ok := seen[pc.File()]; ok {
			src := "the composed piece"
			if first.Page != nil {
				src = first.Page.Path
			}
			ds.Add(diag.At(pc.Page.Path, 0, 0, "print file %s is already made from %s", pc.File(), src).
				WithHint("rename one of the files, or give one a different slug"))
			continue
		}
		seen[pc.File()] = pc
		sig := fmt.Sprintf("%#v\x00%s\x00%s", pc.Product, pc.Name, pc.Target)
		src := ""
		if pc.Page != nil {
			sig += "\x00" + pc.Page.ID()
			src = pc.Page.Path
		}
		jobs = append(jobs, maker.Job{File: pc.File(), Source: src, Sig: sig, Data: pc})
	}
	jobs = append(jobs,
		maker.Job{File: paths.PrintIndex, After: true, Data: indexJob{}},
		maker.Job{File: paths.Manifest, After: true, Data: manifestJob{}})
	return jobs, ds
}

// Make implements maker.Maker.
func (m *Maker) Make(_ context.Context, in *maker.Input, j maker.Job, rec *view.Recorder) (maker.Made, diag.List, error) {
	switch d := j.Data.(type) {
	case Piece:
		return m.piece(in, d, rec)
	case indexJob:
		return m.index(in, rec)
	case manifestJob:
		data, err := json.MarshalIndent(m.entries(in, rec), "", "  ")
		if err != nil {
			return maker.Made{}, nil, fmt.Errorf("manifest: %w", err)
		}
		return maker.Made{Data: append(data, '\n')}, nil, nil
	}
	return maker.Made{}, nil, fmt.Errorf("print: unknown job %T", j.Data)
}

// entries are the manifest entries of the pieces, in order, then those
// of the other makers' products.
func (m *Maker) entries(in *maker.Input, rec *view.Recorder) []Entry {
	var out []Entry
	for _, name := range append([]string{"print"}, m.others...) {
		out = append(out, Entries(in.Results(rec, name))...)
	}
	return out
}

// Entries returns the manifest entries among a maker's results.
func Entries(results []maker.Output) []Entry {
	var out []Entry
	for _, o := range results {
		if e, ok := o.Result.(Entry); ok {
			out = append(out, e)
		}
	}
	return out
}

// font returns the parsed font file at the site path p, read for rec.
func (m *Maker) font(in *maker.Input, rec *view.Recorder, p string) (*fit.Font, error) {
	data, err := in.Read(rec, p)
	if err != nil {
		return nil, fmt.Errorf("font file %s not found", p)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if c, ok := m.fonts[p]; ok && bytes.Equal(c.data, data) {
		return c.font, nil
	}
	f, err := fit.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", p, err)
	}
	m.fonts[p] = cachedFont{data: data, font: f}
	return f, nil
}

// Doc is what print/baseof.html sees as ".".
type Doc struct {
	Piece
	Site   *view.Site
	Title  string
	Sheets []template.HTML // the sides, each a complete sheet with its marks
	Draft  bool
	Rel    string // from the piece's file to the output root: "../../"
}

// piece makes one piece.
func (m *Maker) piece(in *maker.Input, pc Piece, rec *view.Recorder) (maker.Made, diag.List, error) {
	lib := in.Layouts
	layout := "print/" + pc.Product.Layout + ".html"
	if !lib.Has(layout) {
		return maker.Made{}, diag.List{diag.At(templates.File(layout), 0, 0, "missing layout for print product %q", pc.Product.Name).
			WithHint("write it, or give the product a layout that exists in config.toml")}, nil
	}
	set, err := lib.Set(baseLayout, partialsLayout, layout)
	if err != nil {
		return maker.Made{}, diag.List{pieceError(lib.Error(err), pc)}, nil
	}
	maker.Layout(rec, set)
	v := in.View(rec)
	var page *view.Page
	if pc.Page != nil {
		page = v.Page(pc.Page)
	}
	sides := sides(pc.Product)
	var html []string
	var buf bytes.Buffer
	for i, panels := range sides {
		buf.Reset()
		data := &Side{Piece: pc, Site: v, Page: page, Number: i + 1, Of: len(sides), Panels: panels, in: in, m: m, rec: rec}
		if err := set.ExecuteTemplate(&buf, "side", data); err != nil {
			return maker.Made{}, diag.List{pieceError(lib.Error(err), pc)}, nil
		}
		html = append(html, buf.String())
	}
	drafts := rec.Drafts()
	if pc.Page != nil && pc.Page.Kind == config.KindSlogan && !pc.Page.Official() && !slices.Contains(drafts, pc.Page.Path) {
		drafts = append(drafts, pc.Page.Path) // a layout that left its own slogan out is still stamped
	}
	draft := len(drafts) > 0
	doc := Doc{Piece: pc, Site: v, Title: title(pc), Draft: draft, Rel: paths.Rel(pc.Dir(), "")}
	for i, h := range html {
		doc.Sheets = append(doc.Sheets, sheetHTML(pc, i+1, len(html), folds(sides[i]), template.HTML(h), draft))
	}
	buf.Reset()
	if err := set.ExecuteTemplate(&buf, baseLayout, doc); err != nil {
		return maker.Made{}, diag.List{pieceError(lib.Error(err), pc)}, nil
	}
	return maker.Made{Data: bytes.Clone(buf.Bytes()), Result: entry(pc, drafts, in.Site.Config)}, nil, nil
}

// pieceError reports a layout's failure on one piece, naming the content
// file it was made from.
func pieceError(d diag.Diagnostic, pc Piece) diag.Diagnostic {
	d.Msg += " (while making " + pc.File()
	if pc.Page != nil {
		d.Msg += " from " + pc.Page.Path
	}
	d.Msg += ")"
	return d
}

func title(pc Piece) string {
	if pc.Page != nil {
		return pc.Product.Title + " – " + pc.Page.Title
	}
	return pc.Product.Title
}

// IndexData is what print/index.html sees.
type IndexData struct {
	Site    *view.Site
	Entries []Entry
}

// index makes the printers' index.
func (m *Maker) index(in *maker.Input, rec *view.Recorder) (maker.Made, diag.List, error) {
	set, err := in.Layouts.Set(indexLayout, "", "")
	if err != nil {
		return maker.Made{}, diag.List{in.Layouts.Error(err)}, nil
	}
	maker.Layout(rec, set)
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, indexLayout, IndexData{Site: in.View(rec), Entries: m.entries(in, rec)}); err != nil {
		return maker.Made{}, diag.List{in.Layouts.Error(err)}, nil
	}
	return maker.Made{Data: buf.Bytes()}, nil, nil
}
