package print

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"maps"
	"path"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"loa/internal/config"
	"loa/internal/diag"
	"loa/internal/fit"
	"loa/internal/markdown"
	"loa/internal/overlay"
	"loa/internal/render"
	"loa/internal/site"
)

// LayoutsDir holds the print layouts, under the site's layouts/:
//
//	print/baseof.html   the document: head, fonts, the sheets
//	print/<layout>.html one per product layout; defines "side"
//	print/index.html    the printers' index
const LayoutsDir = render.LayoutsDir + "/print"

// printer renders the pieces of one build.
type printer struct {
	site   *site.Site
	layers []overlay.Layer
	sets   map[string]*template.Template // layout name → set
	files  map[string]overlay.File       // template name → file
	index  *template.Template

	mu    sync.Mutex
	fonts map[string]*fit.Font
}

// Render writes every piece, the printers' index and manifest.json to out.
// Template and fitting errors come back as diagnostics.
func Render(ctx context.Context, s *site.Site, layers []overlay.Layer, out render.Output) ([]Entry, diag.List, error) {
	p := &printer{site: s, layers: layers, fonts: map[string]*fit.Font{}}
	if ds := p.load(); len(ds) > 0 {
		return nil, ds, nil
	}
	if ds := p.checkSlogans(); len(ds) > 0 {
		return nil, ds, nil
	}
	pieces := Pieces(s)
	entries := make([]Entry, len(pieces))
	dss := make([]diag.List, len(pieces))
	errs := make([]error, len(pieces))
	var wg sync.WaitGroup
	work := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				entries[i], dss[i], errs[i] = p.piece(pieces[i], out)
			}
		})
	}
	for i := range pieces {
		if ctx.Err() != nil {
			break
		}
		work <- i
	}
	close(work)
	wg.Wait()
	var ds diag.List
	for i := range pieces {
		if errs[i] != nil {
			return nil, nil, errs[i]
		}
		ds.Add(dss[i]...)
	}
	if len(ds) > 0 {
		return nil, ds, ctx.Err()
	}
	ds = p.checkDuplicates(pieces)
	if len(ds) > 0 {
		return nil, ds, nil
	}
	ids, err := p.writeIndex(entries, out)
	return entries, ids, err
}

// load parses the print layouts: the document skeleton and partials with
// each product layout, and the printers' index.
func (p *printer) load() diag.List {
	files, err := overlay.Files(LayoutsDir, p.layers...)
	if err != nil {
		return diag.List{diag.At(LayoutsDir, 0, 0, "cannot read print layouts: %v", err)}
	}
	p.files = map[string]overlay.File{}
	texts := map[string]string{}
	for _, f := range files {
		name := strings.TrimPrefix(f.Path, render.LayoutsDir+"/")
		data, err := f.Read()
		if err != nil {
			return diag.List{diag.At(f.Path, 0, 0, "cannot read: %v", err)}
		}
		p.files[name] = f
		texts[name] = string(data)
	}
	var ds diag.List
	parse := func(names ...string) *template.Template {
		// The first file is the set's root; giving another template the
		// root's name would replace it and lose the functions.
		t := template.New(names[0]).Funcs(render.Funcs()).Funcs(funcs())
		for i, n := range names {
			next := t
			if i > 0 {
				next = t.New(n)
			}
			if _, err := next.Parse(texts[n]); err != nil {
				ds.Add(render.TemplateError(err, p.files))
				return nil
			}
		}
		return t
	}
	for _, need := range []string{"print/baseof.html", "print/index.html"} {
		if _, ok := texts[need]; !ok {
			ds.Add(diag.At(render.LayoutsDir+"/"+need, 0, 0, "missing layout"))
		}
	}
	if len(ds) > 0 {
		return ds
	}
	var partials []string
	for _, n := range slices.Sorted(maps.Keys(texts)) {
		if strings.HasPrefix(n, "print/partials/") {
			partials = append(partials, n)
		}
	}
	p.sets = map[string]*template.Template{}
	for _, prod := range p.site.Config.Print.Products {
		name := "print/" + prod.Layout + ".html"
		if _, done := p.sets[prod.Layout]; done {
			continue
		}
		if _, ok := texts[name]; !ok {
			ds.Add(diag.At(render.LayoutsDir+"/"+name, 0, 0, "missing layout for print product %q", prod.Name).
				WithHint("write it, or give the product a layout that exists in config.toml"))
			continue
		}
		if set := parse(append([]string{"print/baseof.html", name}, partials...)...); set != nil {
			p.sets[prod.Layout] = set
		}
	}
	p.index = parse("print/index.html")
	return ds
}

// checkSlogans reports the slogans that the print font can not set, at
// their own files: the editor's to fix, before any layout trips on them.
func (p *printer) checkSlogans() diag.List {
	f, err := p.font(DefaultFont)
	if err != nil {
		return diag.List{diag.At("static/"+DefaultFont, 0, 0, "%v", err)}
	}
	var ds diag.List
	for _, sl := range p.site.Items(config.KindSlogan) {
		if missing := f.Missing(strings.ToUpper(sl.Title)); len(missing) > 0 {
			var chars []string
			for _, r := range missing {
				chars = append(chars, fmt.Sprintf("%q (U+%04X)", r, r))
			}
			ds.Add(diag.At(sl.Path, 0, 0, "the print font has no letter for %s in the slogan", strings.Join(chars, ", ")).
				WithHint("banners and panels can not print it: write it with Vietnamese or Latin letters"))
		}
	}
	return ds
}

// funcs are the print layouts' own template functions.
func funcs() template.FuncMap {
	return template.FuncMap{
		// mm writes a length in millimetres through the sheet's scale.
		"mm":       func(v float64) template.CSS { return template.CSS(Length(v)) },
		"addf":     func(a, b float64) float64 { return a + b },
		"sub":      func(a, b float64) float64 { return a - b },
		"mul":      func(a, b float64) float64 { return a * b },
		"div":      func(a, b float64) float64 { return a / b },
		"float":    func(n int) float64 { return float64(n) },
		"truncate": markdown.Truncate,
	}
}

// font returns the parsed font file at path under static/.
func (p *printer) font(file string) (*fit.Font, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if f, ok := p.fonts[file]; ok {
		return f, nil
	}
	src, ok := overlay.Find(path.Join("static", file), p.layers...)
	if !ok {
		return nil, fmt.Errorf("font file static/%s not found", file)
	}
	data, err := src.Read()
	if err != nil {
		return nil, fmt.Errorf("read font: %w", err)
	}
	f, err := fit.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("font static/%s: %w", file, err)
	}
	p.fonts[file] = f
	return f, nil
}

// Doc is what print/baseof.html sees as ".".
type Doc struct {
	Piece
	Site   *site.Site
	Title  string
	Sheets []template.HTML // the sides, each a complete sheet with its marks
	Draft  bool
	Rel    string // from the piece's file to the output root: "../../"
}

// piece renders one piece.
func (p *printer) piece(pc Piece, out render.Output) (Entry, diag.List, error) {
	set := p.sets[pc.Product.Layout]
	if set == nil {
		return Entry{}, nil, nil // reported by load
	}
	sides := sides(pc.Product)
	var html []string
	var buf bytes.Buffer
	for i, panels := range sides {
		buf.Reset()
		data := &Side{Piece: pc, Site: p.site, Number: i + 1, Of: len(sides), Panels: panels, p: p}
		if err := set.ExecuteTemplate(&buf, "side", data); err != nil {
			return Entry{}, diag.List{pieceError(err, pc, p.files)}, nil
		}
		html = append(html, buf.String())
	}
	drafts := p.draftsIn(strings.Join(html, " "))
	if pc.Page != nil && pc.Page.Kind == config.KindSlogan && !pc.Page.Official() && !slices.Contains(drafts, pc.Page.Path) {
		drafts = append(drafts, pc.Page.Path) // a layout that left its own slogan out is still stamped
	}
	doc := Doc{Piece: pc, Site: p.site, Title: title(pc), Draft: len(drafts) > 0, Rel: "../../"}
	for i, h := range html {
		doc.Sheets = append(doc.Sheets, sheetHTML(pc, i+1, len(html), folds(sides[i]), template.HTML(h), len(drafts) > 0))
	}
	buf.Reset()
	if err := set.ExecuteTemplate(&buf, "print/baseof.html", doc); err != nil {
		return Entry{}, diag.List{pieceError(err, pc, p.files)}, nil
	}
	if err := out.WriteFile(pc.File(), buf.Bytes()); err != nil {
		return Entry{}, nil, err
	}
	return entry(pc, drafts, p.site.Config), nil, nil
}

// pieceError reports a layout's failure on one piece, naming the content
// file it was made from: a slogan with a character the font lacks is the
// editor's to fix, not the layout's.
func pieceError(err error, pc Piece, files map[string]overlay.File) diag.Diagnostic {
	d := render.TemplateError(err, files)
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

// sheetHTML wraps one side in its sheet: the bleed and trim boxes, the
// DỰ THẢO mark when the piece carries unapproved wording, and the marks.
// It is made here, not in a layout, so that no layout can leave out the
// marks or the DỰ THẢO mark.
func sheetHTML(pc Piece, n, of int, folds []float64, side template.HTML, draft bool) template.HTML {
	s := pc.Sheet
	var b strings.Builder
	box := func(r Rect) string {
		return fmt.Sprintf("left:%s;top:%s;width:%s;height:%s", Length(r.X), Length(r.Y), Length(r.W), Length(r.H))
	}
	fmt.Fprintf(&b, `<section class="sheet side-%d" style="width:%s;height:%s">`, n, Length(s.Width()), Length(s.Height()))
	fmt.Fprintf(&b, `<div class="bleed" style="%s"></div>`, box(s.BleedBox()))
	fmt.Fprintf(&b, `<div class="trim" data-part="%s" style="%s">`, partName(n, of), box(s.TrimBox()))
	if draft {
		// Under the content, so that QR codes and text stay whole.
		b.WriteString(string(s.draftMark()))
	}
	b.WriteString(string(side))
	b.WriteString(`</div>`)
	b.WriteString(string(s.MarksSVG(label(pc, n, of, draft), folds)))
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

// label is the slug line in the mark area.
func label(pc Piece, n, of int, draft bool) string {
	s := pc.Sheet
	l := fmt.Sprintf("%s · %s · thành phẩm %s × %s mm · bù xén %s mm · tỉ lệ %s · mặt %d/%d",
		pc.File(), pc.Product.Title, num(s.TrimW), num(s.TrimH), num(s.Bleed), s.ScaleLabel(), n, of)
	if draft {
		l += " · DỰ THẢO"
	}
	return l
}

// tagRE matches HTML tags, for reading the text of rendered HTML.
var tagRE = regexp.MustCompile(`<[^>]*>`)

// draftsIn returns the unapproved slogans whose wording appears in html,
// in any case and across line breaks.
func (p *printer) draftsIn(html string) []string {
	text := normText(html)
	var out []string
	for _, sl := range p.site.Items(config.KindSlogan) {
		if !sl.Official() && strings.Contains(text, normText(template.HTMLEscapeString(sl.Title))) {
			out = append(out, sl.Path)
		}
	}
	return out
}

// normText reduces HTML to upper-case words separated by single spaces.
func normText(html string) string {
	text := tagRE.ReplaceAllString(html, " ")
	text = strings.NewReplacer("&#39;", "'", "&#34;", `"`, "&quot;", `"`, "&amp;", "&", "&lt;", "<", "&gt;", ">", "&nbsp;", " ").Replace(text)
	return " " + strings.Join(strings.Fields(strings.ToUpper(text)), " ") + " "
}

// checkDuplicates reports two pieces written to one file.
func (p *printer) checkDuplicates(pieces []Piece) diag.List {
	var ds diag.List
	seen := map[string]Piece{}
	for _, pc := range pieces {
		if first, ok := seen[pc.File()]; ok && pc.Page != nil {
			src := "the composed piece"
			if first.Page != nil {
				src = first.Page.Path
			}
			ds.Add(diag.At(pc.Page.Path, 0, 0, "print file %s is already made from %s", pc.File(), src).
				WithHint("rename one of the files, or give one a different slug"))
		}
		seen[pc.File()] = pc
	}
	return ds
}

// Entry describes one piece for printers, in in/manifest.json.
type Entry struct {
	File    string     `json:"file"`
	PDF     string     `json:"pdf"`
	Product string     `json:"product"`
	Title   string     `json:"title"`
	Layout  string     `json:"layout"`
	TrimMM  [2]float64 `json:"trim_mm"`
	BleedMM float64    `json:"bleed_mm"`
	MarksMM float64    `json:"marks_mm"`
	SheetMM [2]float64 `json:"sheet_mm"` // the whole page, marks included, at full size
	Pages   int        `json:"pages"`
	Scale   float64    `json:"scale"`
	Draft   bool       `json:"draft"`            // carries unapproved wording, stamped DỰ THẢO
	Drafts  []string   `json:"drafts,omitempty"` // the slogans' files
	Source  string     `json:"source,omitempty"` // the content file it comes from
	QR      string     `json:"qr"`               // where its QR code leads
}

// Href and PDFHref link to the piece from the printers' index, in in/.
func (e Entry) Href() string    { return strings.TrimPrefix(e.File, Dir+"/") }
func (e Entry) PDFHref() string { return strings.TrimPrefix(e.PDF, Dir+"/") }

// ScaleLabel writes the scale as printers read it: "1:1", "1:10".
func (e Entry) ScaleLabel() string { return Sheet{Scale: e.Scale}.ScaleLabel() }

func entry(pc Piece, drafts []string, c *config.Config) Entry {
	e := Entry{
		File: pc.File(), PDF: pc.PDF(), Product: pc.Product.Name, Title: title(pc), Layout: pc.Product.Layout,
		TrimMM: [2]float64{pc.Sheet.TrimW, pc.Sheet.TrimH}, BleedMM: pc.Sheet.Bleed, MarksMM: pc.Sheet.Marks,
		SheetMM: [2]float64{pc.Sheet.Width(), pc.Sheet.Height()},
		Pages:   pc.Product.Pages, Scale: pc.Sheet.Scale, Draft: len(drafts) > 0, Drafts: drafts,
		QR: c.BaseURL + pc.Target,
	}
	if pc.Page != nil {
		e.Source = pc.Page.Path
	}
	return e
}

// IndexData is what print/index.html sees.
type IndexData struct {
	Site    *site.Site
	Entries []Entry
}

// writeIndex writes the printers' index and manifest.json.
func (p *printer) writeIndex(entries []Entry, out render.Output) (diag.List, error) {
	var buf bytes.Buffer
	if err := p.index.ExecuteTemplate(&buf, "print/index.html", IndexData{Site: p.site, Entries: entries}); err != nil {
		return diag.List{render.TemplateError(err, p.files)}, nil
	}
	if err := out.WriteFile(path.Join(Dir, "index.html"), buf.Bytes()); err != nil {
		return nil, err
	}
	data, err := json.MarshalIndent(entries, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	return nil, out.WriteFile(ManifestFile, append(data, '\n'))
}

// ManifestFile is where the manifest is written, in the output folder.
const ManifestFile = Dir + "/manifest.json"
