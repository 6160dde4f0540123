package booklet

import (
	"context"
	"html/template"
	"path"
	"slices"

	"loa/internal/config"
	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/markdown"
	"loa/internal/paged"
	"loa/internal/pagesrc"
	"loa/internal/paths"
	"loa/internal/print"
	"loa/internal/typeset"
	"loa/internal/view"
)

// Name is the maker's name.
const Name = "tai-lieu"

// FileName is the booklet's file name in its product folders.
const FileName = "hoi-dap"

// Maker makes the booklet's two print-ready files. It keeps the font
// files it measures with.
type Maker struct {
	src   *pagesrc.Parser
	fonts typeset.Fonts
	books maker.Shared[composed]
}

// composed is the booklet set: its pages, the rules of its lines, and
// the problems found setting it.
type composed struct {
	b  *book
	sh *typeset.Sheet
	ds diag.List
}

// NewMaker returns a booklet maker.
func NewMaker() *Maker { return &Maker{src: pagesrc.NewParser(markdown.New())} }

// Name implements maker.Maker.
func (*Maker) Name() string { return Name }

// Jobs implements maker.Maker: the booklet exists when the site has
// questions and answers.
func (m *Maker) Jobs(in *maker.Input) ([]maker.Job, diag.List) {
	if len(in.Site.Items(config.KindQA)) == 0 {
		return nil, nil
	}
	return []maker.Job{
		{File: paths.PrintFile(paths.ProductBooklet, FileName), Sig: "reading", Data: false},
		{File: paths.PrintFile(paths.ProductBookletImposed, FileName), Sig: "imposed", Data: true},
	}, nil
}

// Make implements maker.Maker.
func (m *Maker) Make(ctx context.Context, in *maker.Input, j maker.Job, rec *view.Recorder) (maker.Made, diag.List, error) {
	imposed := j.Data.(bool)
	v := in.View(rec)
	cfg := v.Config()
	serif, err := paged.Serif(in, rec, &m.fonts)
	if err != nil {
		return maker.Made{}, diag.List{diag.At(paged.SerifRegular, 0, 0, "%v", err)}, nil
	}
	sans, err := paged.Sans(in, rec, &m.fonts)
	if err != nil {
		return maker.Made{}, diag.List{diag.At(paged.SansRegular, 0, 0, "%v", err)}, nil
	}
	// The book is set once per rebuild for both files, in reading order
	// and imposed.
	c := m.books.Get(in, rec, "", func(r *view.Recorder) composed {
		sh := &typeset.Sheet{}
		st := newStyles(serif, sans)
		for _, s := range []*typeset.Style{&st.question, &st.section, &st.chapterLabel, &st.chapterTitle, &st.toc, &st.tocChapter,
			&st.cover, &st.coverSmall, &st.coverTitle, &st.coverSub, &st.colophon, &st.colophonStrong} {
			sh.Style(s)
		}
		chapters, ds := compose(ctx, in, r, in.View(r), m.src, st, sh)
		b := paginate(cfg, st, sh, chapters)
		for i, pg := range b.Pages {
			if pg.Over > 0 {
				ds.Add(diag.At(paths.PrintFile(paths.ProductBooklet, FileName), 0, 0,
					"page %d of the booklet is %.1f mm too tall: a block is longer than a page", i+1, pg.Over))
			}
		}
		return composed{b, sh, ds}
	})
	b, sh, ds := c.b, c.sh, slices.Clone(c.ds)
	if err := ctx.Err(); err != nil {
		return maker.Made{}, nil, err // set in part: a newer rebuild makes it
	}
	product, file := paths.ProductBooklet, paths.PrintFile(paths.ProductBooklet, FileName)
	title := b.Title + " (A5)"
	var sheets []template.HTML
	css := b.readingCSS(sans.CSS) + ".sheet>.text{width:100%;height:100%;overflow:hidden}\n"
	if imposed {
		product, file = paths.ProductBookletImposed, paths.PrintFile(paths.ProductBookletImposed, FileName)
		title = b.Title + " (bình trang đóng ghim giữa)"
		sheets = b.imposed(file, print.MarkStyle{Color: cfg.Print.RegistrationRGB(), Family: cfg.Print.FontFamily})
		css = b.imposedCSS(sans.CSS)
	} else {
		sheets = b.reading()
	}
	doc := paged.Doc{Site: v, Title: title, Product: product, Rel: paths.Rel(path.Dir(file)+"/", ""),
		CSS: template.CSS(css + sh.CSS()), Sheets: sheets}
	data, lds := paged.Render(in, rec, doc)
	ds.Add(lds...)
	if ds.Errors() > 0 {
		return maker.Made{}, ds, nil
	}
	pdf := paths.PrintPDF(product, FileName)
	var e print.Entry
	if imposed {
		s := spread()
		e = print.Entry{File: file, PDF: pdf, Product: product, Title: title, Layout: "paged",
			TrimMM: [2]float64{s.TrimW, s.TrimH}, BleedMM: s.Bleed, MarksMM: s.Marks, SheetMM: [2]float64{s.Width(), s.Height()},
			Pages: len(b.Pages) / 2, Scale: 1, QR: cfg.BaseURL,
			TrimBox:  [4]float64{s.TrimBox().X, s.TrimBox().Y, s.TrimBox().W, s.TrimBox().H},
			BleedBox: [4]float64{s.BleedBox().X, s.BleedBox().Y, s.BleedBox().W, s.BleedBox().H}}
	} else {
		e = paged.Entry(file, pdf, product, title, "paged", a5Page.W, a5Page.H, len(b.Pages), "", cfg.BaseURL)
	}
	if !imposed {
		return maker.Made{Data: data, Result: e}, ds, nil
	}
	// The imposed sheets go to a print shop: a press file and a proof, as
	// the print pieces have; the pages in reading order are to read.
	e.Color, e.Proof = print.PressColor(cfg), paths.PrintProof(product, FileName)
	return maker.Made{Data: data, Result: e}, nil, nil
}
