// Package slides makes the seminar decks (trinh-chieu/): 16:9 slides that
// run from a USB stick on a hall's computer with no network, and their
// PDFs through loa pdf.
//
// A deck is composed from the site's content (a title slide, one slide
// per viewpoint, the goals' key figures as big numbers, the task groups,
// a few questions, a closing slide with the QR code of the site), and
// editors write their own in the slides folder (content/trinh-chieu/):
// slides separated by thematic breaks in the Markdown ("---" on a line of
// its own after a blank line; split on the parsed document, never on the
// rendered rules), each from its first heading, with the speaker's notes
// after a paragraph that starts "Ghi chú:".
//
// Every slide is set in Go (package typeset, with the font file the page
// embeds): the title on balanced lines, the text at the largest size
// that fits, down to a floor; a slide that does not fit even there is an
// error naming the slide and its file. Lengths are written as parts of the
// slide's width (cqw), so the same slide is exact on a projector, in the
// presenter's window, on a PDF page and on a handout.
//
// Each deck is a folder that holds all it needs (its page, style sheets,
// script and fonts), so that copying the folder is enough: keyboard and
// clicker navigation, full screen, a black screen, and a presenter's
// window with the notes, the next slide and a timer (static/js/slides.js,
// no framework, no inline script or style). loa pdf prints the deck (one
// 16:9 page a slide) and a handout (A4, three slides a page beside lines
// for notes).
package slides

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"path"
	"strings"

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
const Name = "trinh-chieu"

// The web layouts, under layouts/.
const (
	deckLayout = "trinh-chieu.html"
	listLayout = "trinh-chieu-list.html"
)

// assets are the site files every deck folder holds a copy of, so that
// the folder runs on its own: output name in the deck → site path.
var assets = [][2]string{
	{"tokens.css", "static/css/tokens.css"},
	{"slides.css", "static/css/slides.css"},
	{"slides.js", "static/js/slides.js"},
	{"fonts/NotoSans-Regular.woff2", "static/fonts/NotoSans-Regular.woff2"},
	{"fonts/NotoSans-Bold.woff2", "static/fonts/NotoSans-Bold.woff2"},
	{"fonts/NotoSans-Italic.woff2", "static/fonts/NotoSans-Italic.woff2"},
}

// fontsCSS declares the fonts of a deck folder, beside it.
const fontsCSS = `/* loa: the fonts of this deck, in its own folder, so that it runs from a USB stick. */
@font-face { font-family: "Noto Sans"; font-weight: 400; font-style: normal; src: url("fonts/NotoSans-Regular.woff2") format("woff2"); }
@font-face { font-family: "Noto Sans"; font-weight: 700; font-style: normal; src: url("fonts/NotoSans-Bold.woff2") format("woff2"); }
@font-face { font-family: "Noto Sans"; font-weight: 400; font-style: italic; src: url("fonts/NotoSans-Italic.woff2") format("woff2"); }
`

// Maker makes the decks. It keeps the font files it measures with.
type Maker struct {
	src   *pagesrc.Parser
	fonts typeset.Fonts
}

// NewMaker returns a deck maker.
func NewMaker() *Maker { return &Maker{src: pagesrc.NewParser(markdown.New())} }

// Name implements maker.Maker.
func (*Maker) Name() string { return Name }

type jobKind uint8

const (
	deckJob jobKind = iota + 1
	cssJob
	fontsJob
	assetJob
	printJob
	handoutJob
	listJob
)

type job struct {
	kind  jobKind
	page  string // the editor's deck; "" for the composed one
	slug  string
	url   string
	asset string // site path of a copied file
}

// Jobs implements maker.Maker.
func (m *Maker) Jobs(in *maker.Input) ([]maker.Job, diag.List) {
	cfg := in.Site.Config
	type one struct{ page, slug, url string }
	var decks []one
	if cfg.Slides.Compose && composable(in) {
		decks = append(decks, one{"", "tong-hop", sectionURL(cfg) + "tong-hop/"})
	}
	for _, p := range in.Site.Items(config.KindSlides) {
		decks = append(decks, one{p.Path, lastSegment(p.URL), p.URL})
	}
	var jobs []maker.Job
	for _, d := range decks {
		add := func(k jobKind, file, asset string) {
			jobs = append(jobs, maker.Job{File: file, Source: d.page, Sig: fmt.Sprint(k, "\x00", d.page, "\x00", d.url, "\x00", asset),
				Data: job{kind: k, page: d.page, slug: d.slug, url: d.url, asset: asset}})
		}
		add(deckJob, paths.Page(d.url), "")
		add(cssJob, paths.DeckCSS(d.url), "")
		add(fontsJob, d.url+"fonts.css", "")
		for _, a := range assets {
			add(assetJob, d.url+a[0], a[1])
		}
		add(printJob, paths.PrintFile(paths.ProductDeck, d.slug), "")
		add(handoutJob, paths.PrintFile(paths.ProductHandout, d.slug), "")
	}
	list := sectionURL(cfg)
	jobs = append(jobs, maker.Job{File: paths.Page(list), After: true, Sig: "list", Data: job{kind: listJob, url: list}})
	return jobs, nil
}

// composable reports whether the site has content for a composed deck:
// viewpoints, goals, tasks or questions; slogans alone make none.
func composable(in *maker.Input) bool {
	for _, k := range []string{config.KindViewpoint, config.KindGoal, config.KindTask, config.KindQA} {
		if len(in.Site.Items(k)) > 0 {
			return true
		}
	}
	return false
}

// Summary is what a deck's page reports for the list of decks.
type Summary struct {
	URL     string
	Title   string
	Slides  int
	Source  string
	PDF     string // output paths of the deck's and the handout's PDF
	Handout string
}

// Make implements maker.Maker.
func (m *Maker) Make(_ context.Context, in *maker.Input, j maker.Job, rec *view.Recorder) (maker.Made, diag.List, error) {
	jb := j.Data.(job)
	switch jb.kind {
	case assetJob:
		data, err := in.Read(rec, jb.asset)
		if err != nil {
			return maker.Made{}, diag.List{diag.At(jb.asset, 0, 0, "a deck needs this file, which the site does not have")}, nil
		}
		return maker.Made{Data: data}, nil, nil
	case fontsJob:
		return maker.Made{Data: []byte(fontsCSS)}, nil, nil
	case listJob:
		return m.list(in, rec, jb.url)
	}
	v := in.View(rec)
	d, ds := m.deck(in, rec, v, jb)
	if d == nil {
		return maker.Made{}, ds, nil
	}
	sans, err := paged.Sans(in, rec, &m.fonts)
	if err != nil {
		return maker.Made{}, append(ds, diag.At(paged.SansRegular, 0, 0, "%v", err)), nil
	}
	st := newSetter(sans, d)
	d.Slides = st.runOn(d.Slides)
	var set []Set
	for i, s := range d.Slides {
		set = append(set, st.set(s, i+1))
	}
	switch jb.kind {
	case cssJob:
		return maker.Made{Data: []byte(st.sh.CSS())}, nil, nil
	case printJob:
		return m.print(in, rec, v, d, st, set)
	case handoutJob:
		return m.handout(in, rec, v, d, st, set)
	}
	ds.Add(st.ds...)
	if ds.Errors() > 0 {
		return maker.Made{}, ds, nil
	}
	data, lds := m.page(in, rec, v, d, set)
	ds.Add(lds...)
	if ds.Errors() > 0 {
		return maker.Made{}, ds, nil
	}
	return maker.Made{Data: data, Result: Summary{URL: d.URL, Title: d.Title, Slides: len(set), Source: d.Source,
		PDF: paths.PrintPDF(paths.ProductDeck, d.Slug), Handout: paths.PrintPDF(paths.ProductHandout, d.Slug)}}, ds, nil
}

// deck reads the deck of a job.
func (m *Maker) deck(in *maker.Input, rec *view.Recorder, v *view.Site, jb job) (*deck, diag.List) {
	if jb.page == "" {
		return composedDeck(in, rec, v, m.src)
	}
	p := v.Item(config.KindSlides, jb.page)
	if p == nil {
		return nil, nil
	}
	src, err := m.src.Read(in, rec, p)
	if err != nil {
		return nil, diag.List{diag.At(p.Path(), 0, 0, "%v", err)}
	}
	return editorDeck(src, p, v.Config())
}

// PageData is what layouts/trinh-chieu.html sees.
type PageData struct {
	Site    *view.Site
	Title   string
	Slides  []Set
	Minutes int    // the talk's length, for the presenter's timer; 0: none
	List    string // link to the list of decks
}

func (m *Maker) page(in *maker.Input, rec *view.Recorder, v *view.Site, d *deck, set []Set) ([]byte, diag.List) {
	tpl, err := in.Layouts.Set(deckLayout, "", "")
	if err != nil {
		return nil, diag.List{in.Layouts.Error(err)}
	}
	maker.Layout(rec, tpl)
	data := &PageData{Site: v, Title: d.Title, Slides: set, Minutes: v.Config().Slides.Minutes, List: paths.Rel(d.URL, sectionURL(v.Config()))}
	var b bytes.Buffer
	if err := tpl.ExecuteTemplate(&b, deckLayout, data); err != nil {
		return nil, diag.List{in.Layouts.Error(err)}
	}
	return b.Bytes(), nil
}

// The deck's PDF: one 16:9 page a slide.
var screen = paged.Geometry{W: W, H: H}

func (m *Maker) print(in *maker.Input, rec *view.Recorder, v *view.Site, d *deck, st *setter, set []Set) (maker.Made, diag.List, error) {
	var sheets []template.HTML
	for _, s := range set {
		sheets = append(sheets, template.HTML(fmt.Sprintf(`<section class="sheet deck-page" id="trang-%d">%s</section>`, s.Number, s.HTML)))
	}
	file := paths.PrintFile(paths.ProductDeck, d.Slug)
	css := screen.PageCSS() + "\n" + fmt.Sprintf(".sheet{width:%s;height:%s;position:relative;overflow:hidden}\n", typeset.MM(W), typeset.MM(H)) + st.sh.CSS()
	doc := paged.Doc{Site: v, Title: "Trình chiếu – " + d.Title, Product: paths.ProductDeck, Rel: paths.Rel(path.Dir(file)+"/", ""),
		CSS: template.CSS(css), Extra: []string{"css/slides.css"}, Sheets: sheets}
	data, ds := paged.Render(in, rec, doc)
	if ds.Errors() > 0 {
		return maker.Made{}, ds, nil
	}
	e := paged.Entry(file, paths.PrintPDF(paths.ProductDeck, d.Slug), paths.ProductDeck, "Trình chiếu – "+d.Title, "paged",
		W, H, len(set), d.Source, v.Config().BaseURL+d.URL)
	return maker.Made{Data: data, Result: e}, nil, nil
}

// The handout: A4, three slides a page down the left, lines for notes on
// the right.
var a4 = paged.Geometry{W: 210, H: 297, Top: 14, Bottom: 14, Inner: 14, Outer: 14}

const (
	handoutSlideW = 110.0
	handoutPer    = 3
	ruleGap       = 8.0 // between the lines for notes
)

func (m *Maker) handout(in *maker.Input, rec *view.Recorder, v *view.Site, d *deck, st *setter, set []Set) (maker.Made, diag.List, error) {
	var sh typeset.Sheet
	a4.Rules(&sh)
	slideH := handoutSlideW * H / W
	rowH := (a4.TextH() - 10) / handoutPer
	linesW := a4.TextW() - handoutSlideW - 6
	sh.Rule(".h-head", fmt.Sprintf("position:absolute;left:%s;top:6mm;width:%s;font:700 3.2mm/1.3 \"Noto Sans\",sans-serif;color:var(--muted);display:flex;justify-content:space-between",
		typeset.MM(a4.Inner), typeset.MM(a4.TextW())))
	sh.Rule(".h-row", fmt.Sprintf("position:relative;height:%s;display:flex;gap:6mm", typeset.MM(rowH)))
	sh.Rule(".h-slide", fmt.Sprintf("flex:none;width:%s;height:%s;outline:0.25mm solid #999", typeset.MM(handoutSlideW), typeset.MM(slideH)))
	sh.Rule(".h-lines", fmt.Sprintf("flex:none;width:%s;height:%s", typeset.MM(linesW), typeset.MM(slideH)))
	sh.Rule(".h-lines div", fmt.Sprintf("height:%s;box-sizing:border-box;border-bottom:0.25mm solid #8a8a8a", typeset.MM(ruleGap)))
	rules := strings.Repeat("<div></div>", int(slideH/ruleGap))
	var sheets []template.HTML
	pages := (len(set) + handoutPer - 1) / handoutPer
	for p := range pages {
		var b strings.Builder
		for _, s := range set[p*handoutPer : min((p+1)*handoutPer, len(set))] {
			fmt.Fprintf(&b, `<div class="h-row"><div class="h-slide">%s</div><div class="h-lines" aria-label="Ghi chép">%s</div></div>`, s.HTML, rules)
		}
		head := template.HTML(fmt.Sprintf(`<div class="h-head"><span>%s</span><span>%d/%d</span></div>`, template.HTMLEscapeString(d.Title), p+1, pages))
		sheets = append(sheets, paged.Sheet(p+1, "", head, template.HTML(b.String())))
	}
	file := paths.PrintFile(paths.ProductHandout, d.Slug)
	css := a4.PageCSS() + "\n" + sh.CSS() + st.sh.CSS()
	doc := paged.Doc{Site: v, Title: "Tài liệu phát tay – " + d.Title, Product: paths.ProductHandout, Rel: paths.Rel(path.Dir(file)+"/", ""),
		CSS: template.CSS(css), Extra: []string{"css/slides.css"}, Sheets: sheets}
	data, ds := paged.Render(in, rec, doc)
	if ds.Errors() > 0 {
		return maker.Made{}, ds, nil
	}
	e := paged.Entry(file, paths.PrintPDF(paths.ProductHandout, d.Slug), paths.ProductHandout, "Tài liệu phát tay – "+d.Title, "paged",
		a4.W, a4.H, pages, d.Source, v.Config().BaseURL+d.URL)
	return maker.Made{Data: data, Result: e}, nil, nil
}

// ListData is what layouts/trinh-chieu-list.html sees.
type ListData struct {
	Site  *view.Site
	Title string
	Decks []ListItem
	Rel   string
}

// ListItem is a deck in the list, with links relative to the list.
type ListItem struct {
	Summary
	Page string
}

func (m *Maker) list(in *maker.Input, rec *view.Recorder, u string) (maker.Made, diag.List, error) {
	tpl, err := in.Layouts.Set(listLayout, "", "")
	if err != nil {
		return maker.Made{}, diag.List{in.Layouts.Error(err)}, nil
	}
	maker.Layout(rec, tpl)
	v := in.View(rec)
	data := &ListData{Site: v, Title: "Trình chiếu", Rel: paths.Rel(u, "")}
	if sec := v.Section(config.KindSlides); sec != nil {
		data.Title = sec.Page().Title()
	}
	for _, o := range in.Results(rec, Name) {
		if s, ok := o.Result.(Summary); ok {
			data.Decks = append(data.Decks, ListItem{Summary: s, Page: paths.Rel(u, s.URL)})
		}
	}
	var b bytes.Buffer
	if err := tpl.ExecuteTemplate(&b, listLayout, data); err != nil {
		return maker.Made{}, diag.List{in.Layouts.Error(err)}, nil
	}
	return maker.Made{Data: b.Bytes()}, nil, nil
}
