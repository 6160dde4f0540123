package outline

import (
	"context"
	"fmt"
	"html/template"
	"path"

	"loa/internal/config"
	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/markdown"
	"loa/internal/paged"
	"loa/internal/pagesrc"
	"loa/internal/paths"
	"loa/internal/typeset"
	"loa/internal/view"
)

// Name is the maker's name.
const Name = "de-cuong"

// FileName is the outline's file name in in/de-cuong/.
const FileName = "de-cuong-tuyen-truyen"

// Maker makes the outline. It keeps the font files it measures with.
type Maker struct {
	src   *pagesrc.Parser
	fonts typeset.Fonts
}

// NewMaker returns an outline maker.
func NewMaker() *Maker { return &Maker{src: pagesrc.NewParser(markdown.New())} }

// Name implements maker.Maker.
func (*Maker) Name() string { return Name }

// Jobs implements maker.Maker: the outline exists when the site has
// viewpoints, goals or tasks to outline.
func (m *Maker) Jobs(in *maker.Input) ([]maker.Job, diag.List) {
	for _, k := range []string{config.KindViewpoint, config.KindGoal, config.KindTask} {
		if len(in.Site.Items(k)) > 0 {
			return []maker.Job{{File: paths.PrintFile(paths.ProductOutline, FileName), Sig: "outline"}}, nil
		}
	}
	return nil, nil
}

// Make implements maker.Maker.
func (m *Maker) Make(ctx context.Context, in *maker.Input, _ maker.Job, rec *view.Recorder) (maker.Made, diag.List, error) {
	v := in.View(rec)
	cfg := v.Config()
	serif, err := paged.Serif(in, rec, &m.fonts)
	if err != nil {
		return maker.Made{}, diag.List{diag.At(paged.SerifRegular, 0, 0, "%v", err)}, nil
	}
	st := newStyles(serif)
	var sh typeset.Sheet
	a4.Rules(&sh)
	for _, s := range st.all() {
		sh.Style(s)
	}
	st.theme.Register(&sh)
	f := fieldsOf(cfg)
	w := a4.TextW()
	var items []typeset.Item
	head, hh := st.header(&sh, f)
	items = append(items, typeset.Item{H: hh, HTML: head, Keep: true}, typeset.Spacer(&sh, 8))
	for _, x := range []struct {
		s    *typeset.Style
		text string
	}{{&st.kind, f.kind}, {&st.subject, f.subject}} {
		for _, ln := range typeset.Balanced(x.s, []markdown.Run{{Text: x.text}}, w*0.85) {
			items = append(items, typeset.Item{H: x.s.Leading, HTML: typeset.LineHTML(&sh, x.s, ln), Keep: true, Text: ln.Text()})
		}
	}
	sh.Rule(".subj-rule", "height:4mm;margin:0 auto;width:20mm;border-top:0.3mm solid currentColor;box-sizing:border-box;position:relative;top:2mm")
	items = append(items, typeset.Item{H: 6, HTML: `<div class="subj-rule"></div>`, Keep: true})
	body, ds := compose(ctx, in, rec, v, m.src, st, &sh)
	if err := ctx.Err(); err != nil {
		return maker.Made{}, nil, err // set in part: a newer rebuild makes it
	}
	items = append(items, body...)
	// Unapproved slogans quoted make the outline a draft too.
	drafts := rec.Drafts()
	draft := f.draft || len(drafts) > 0
	sig, sigH := st.signature(&sh, f)
	items = append(items, typeset.Spacer(&sh, 8), typeset.Item{H: sigH, HTML: sig})
	pages := typeset.Paginate(items, a4.TextH())
	sh.Rule(".pno", fmt.Sprintf("position:absolute;top:10mm;left:%s;width:%s;text-align:center;font:400 %s/1 %s",
		typeset.MM(a4.Inner), typeset.MM(w), typeset.MM(typeset.PT(13)), serif.CSS))
	sh.Rule(".draft-mark", fmt.Sprintf("position:absolute;top:10mm;left:%s;border:0.35mm solid currentColor;padding:0.8mm 2.5mm;font:700 %s/1.2 %s",
		typeset.MM(a4.Inner), typeset.MM(typeset.PT(13)), serif.CSS))
	var sheets []template.HTML
	for i, pg := range pages {
		n := i + 1
		var margin template.HTML
		if n > 1 {
			margin = template.HTML(fmt.Sprintf(`<div class="pno">%d</div>`, n))
		} else if draft {
			margin = `<div class="draft-mark" data-loa="du-thao">DỰ THẢO</div>`
		}
		sheets = append(sheets, paged.Sheet(n, "", margin, paged.Body(pg.Items)))
		if pg.Over > 0 {
			ds.Add(diag.At(paths.PrintFile(paths.ProductOutline, FileName), 0, 0, "page %d of the outline is %.1f mm too tall", n, pg.Over))
		}
	}
	file := paths.PrintFile(paths.ProductOutline, FileName)
	title := "Đề cương tuyên truyền"
	doc := paged.Doc{Site: v, Title: title, Product: paths.ProductOutline, Rel: paths.Rel(path.Dir(file)+"/", ""),
		CSS: template.CSS(a4.PageCSS() + "\n" + sh.CSS()), Sheets: sheets}
	data, lds := paged.Render(in, rec, doc)
	ds.Add(lds...)
	if ds.Errors() > 0 {
		return maker.Made{}, ds, nil
	}
	e := paged.Entry(file, paths.PrintPDF(paths.ProductOutline, FileName), paths.ProductOutline, title, "paged",
		a4.W, a4.H, len(pages), "", cfg.BaseURL)
	e.Drafts, e.Draft = drafts, draft
	return maker.Made{Data: data, Result: e}, ds, nil
}
