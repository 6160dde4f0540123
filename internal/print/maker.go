package print

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"sync"

	"loa/internal/config"
	"loa/internal/diag"
	"loa/internal/fit"
	"loa/internal/maker"
	"loa/internal/markdown"
	"loa/internal/paths"
	"loa/internal/templates"
	"loa/internal/view"
)

// Print layouts, under the site's layouts/:
//
//	print/baseof.html   the document: head, fonts, the sheets
//	print/<layout>.html one per product layout (its role); defines "side"
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
	md    *markdown.Renderer
	mu    sync.Mutex
	fonts map[string]cachedFont // site path → parsed font
	// coverage says, for each character met, whether coverageOf draws it.
	coverage   map[rune]bool
	coverageOf *fit.Font
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
	return &Maker{md: markdown.New(), fonts: map[string]cachedFont{}, others: others}
}

// Name implements maker.Maker.
func (*Maker) Name() string { return "print" }

// The jobs after the pieces.
type indexJob struct{}
type manifestJob struct{}

// Jobs implements maker.Maker.
func (m *Maker) Jobs(in *maker.Input) ([]maker.Job, diag.List) {
	pieces := Pieces(in.Site)
	jobs := make([]maker.Job, 0, len(pieces)+2)
	var ds diag.List
	seen := make(map[string]Piece, len(pieces))
	products := map[string]string{} // product name → what of it decides the bytes
	for _, pc := range pieces {
		file := pc.File()
		if first, ok := seen[file]; ok {
			src := "the composed piece"
			if first.Page != nil {
				src = first.Page.Path
			}
			ds.Add(diag.At(pc.Page.Path, 0, 0, "print file %s is already made from %s", file, src).
				WithHint("rename one of the files, or give one a different slug"))
			continue
		}
		seen[file] = pc
		prod, ok := products[pc.Product.Name]
		if !ok {
			prod = fmt.Sprintf("%#v", pc.Product)
			products[pc.Product.Name] = prod
		}
		sig := prod + "\x00" + pc.Name + "\x00" + pc.Target
		src := ""
		if pc.Page != nil {
			sig += "\x00" + pc.Page.ID()
			src = pc.Page.Path
		}
		jobs = append(jobs, maker.Job{File: file, Source: src, Sig: sig, Data: pc})
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
	cfg := in.Site.Config
	font, err := m.font(in, rec, paths.StaticDir+"/"+cfg.Print.FitFont)
	if err != nil {
		return maker.Made{}, diag.List{diag.At(config.File, 0, 0, "print.fit_font: %v", err)}, nil
	}
	v := in.View(rec)
	var ds diag.List
	var page *view.Page
	var parts *pageParts
	title := pc.Product.Title
	if pc.Page != nil {
		page = v.Page(pc.Page)
		title += " – " + page.Title()
		if page.Kind() == config.KindPrint {
			parts, ds = m.parts(in, rec, pc)
		}
	}
	sides := sides(pc.Product)
	hasQR := false
	var html []string
	var buf bytes.Buffer
	for i, panels := range sides {
		buf.Reset()
		data := &Side{Piece: pc, Site: v, Page: page, Number: i + 1, Of: len(sides), Panels: panels,
			parts: parts, in: in, m: m, rec: rec, qr: &hasQR}
		if err := set.ExecuteTemplate(&buf, "side", data); err != nil {
			return maker.Made{}, append(ds, pieceError(lib.Error(err), pc)), nil
		}
		html = append(html, buf.String())
	}
	if page != nil && page.Kind() == config.KindSlogan && !page.Official() {
		page.Title() // a layout that left its own slogan out is still stamped
	}
	drafts := rec.Drafts()
	e := entry(pc, title, drafts, hasQR, version(pc, html), cfg)
	measure := func(t string) float64 { return font.Width(t, 1) }
	style := MarkStyle{Color: cfg.Print.RegistrationRGB(), Family: cfg.Print.FontFamily, Measure: measure}
	doc := Doc{Piece: pc, Site: v, Title: title, Draft: e.Draft, Rel: paths.Rel(pc.Dir(), "")}
	for i, h := range html {
		sh := sheet{pc: pc, n: i + 1, panels: sides[i], side: template.HTML(h), draft: e.Draft, slug: slug(pc, i+1, e), style: style}
		doc.Sheets = append(doc.Sheets, sh.html())
	}
	buf.Reset()
	if err := set.ExecuteTemplate(&buf, baseLayout, doc); err != nil {
		return maker.Made{}, append(ds, pieceError(lib.Error(err), pc)), nil
	}
	ds = append(ds, m.checkGlyphs(in, rec, font, buf.Bytes(), set.Files)...)
	return maker.Made{Data: bytes.Clone(buf.Bytes()), Result: e}, ds, nil
}

// version is a short hash of what a piece shows: its product and its
// sides as the layouts made them. It names the version on the slug line,
// so that a printer can tell two files of one piece apart.
func version(pc Piece, sides []string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%#v\x00", pc.Product)
	for _, s := range sides {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:8]
}

// sheet is one side wrapped in its sheet.
type sheet struct {
	pc     Piece
	n      int
	panels []Panel
	side   template.HTML
	draft  bool
	slug   Slug
	style  MarkStyle
}

// html wraps one side in its sheet: the bleed and trim boxes, the DỰ THẢO
// mark when the piece carries unapproved wording, and the marks. It is
// made here, not in a layout, so that no layout can leave out the marks
// or the DỰ THẢO mark.
func (sh sheet) html() template.HTML {
	s := sh.pc.Sheet
	var b strings.Builder
	box := func(r Rect) string {
		return fmt.Sprintf("left:%s;top:%s;width:%s;height:%s", Length(r.X), Length(r.Y), Length(r.W), Length(r.H))
	}
	fmt.Fprintf(&b, `<section class="sheet side-%d" style="width:%s;height:%s">`, sh.n, Length(s.Width()), Length(s.Height()))
	fmt.Fprintf(&b, `<div class="bleed" style="%s"></div>`, box(s.BleedBox()))
	fmt.Fprintf(&b, `<div class="trim" data-part="%s" style="%s">`, partName(sh.n, sh.pc.Product.Pages), box(s.TrimBox()))
	if sh.draft {
		// Under the content, so that QR codes and text stay whole.
		b.WriteString(string(s.draftMark(sh.panels, sh.style.Family, sh.style.Measure)))
	}
	b.WriteString(string(sh.side))
	b.WriteString(`</div>`)
	b.WriteString(string(s.MarksSVG(sh.slug, folds(sh.panels), sh.style)))
	b.WriteString(`</section>`)
	return template.HTML(b.String())
}

// partName names a side for overflow reports.
func partName(n, of int) string {
	if of == 1 {
		return "sheet"
	}
	return fmt.Sprintf("side %d of %d", n, of)
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

// IndexData is what print/index.html sees.
type IndexData struct {
	Site    *view.Site
	Entries []Entry
	// QRBase says what is wrong with the address the QR codes lead to,
	// as Entry.QRBase; QR is that address.
	QRBase, QR string
}

// index makes the printers' index.
func (m *Maker) index(in *maker.Input, rec *view.Recorder) (maker.Made, diag.List, error) {
	set, err := in.Layouts.Set(indexLayout, "", "")
	if err != nil {
		return maker.Made{}, diag.List{in.Layouts.Error(err)}, nil
	}
	maker.Layout(rec, set)
	data := IndexData{Site: in.View(rec), Entries: m.entries(in, rec)}
	if i := slices.IndexFunc(data.Entries, func(e Entry) bool { return e.QR != "" }); i >= 0 {
		data.QRBase, data.QR = data.Entries[i].QRBase, in.Site.Config.BaseURL
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, indexLayout, data); err != nil {
		return maker.Made{}, diag.List{in.Layouts.Error(err)}, nil
	}
	return maker.Made{Data: buf.Bytes()}, nil, nil
}
