package bulletin

import (
	"fmt"
	"html/template"
	"strings"

	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/markdown"
	"loa/internal/paged"
	"loa/internal/paths"
	"loa/internal/typeset"
	"loa/internal/view"
)

// The A4 script: the announcer's copy on paper, in large type, ragged
// right (no stretched spaces to stumble on), each paragraph numbered in
// the margin, the pauses marked.
var a4 = paged.Geometry{W: 210, H: 297, Top: 18, Bottom: 20, Inner: 24, Outer: 18}

// Sizes of the A4 script, in points.
const (
	scriptPT  = 15   // the read text
	scriptLH  = 1.55 // its line box, in ems
	numberGap = 11   // mm of margin the paragraph numbers hang in
)

func (m *Maker) print(in *maker.Input, rec *view.Recorder, v *view.Site, b *bulletin) (maker.Made, diag.List, error) {
	sans, err := paged.Sans(in, rec, &m.fonts)
	if err != nil {
		return maker.Made{}, diag.List{diag.At(paged.SansRegular, 0, 0, "%v", err)}, nil
	}
	cfg := v.Config()
	var sh typeset.Sheet
	a4.Rules(&sh)
	st := func(class string, base markdown.Style, pt, lh float64) *typeset.Style {
		s := &typeset.Style{Class: class, Family: sans, Base: base, Size: typeset.PT(pt), Leading: typeset.PT(pt * lh)}
		sh.Style(s)
		return s
	}
	station := st("station", 0, 10, 1.4)
	kicker := st("kicker", markdown.Bold, 11, 1.4)
	head := st("title", markdown.Bold, 20, 1.35)
	meta := st("meta", 0, 10.5, 1.45)
	body := map[string]*typeset.Style{
		"text":    st("p-text", 0, scriptPT, scriptLH),
		"formula": st("p-formula", markdown.Italic, scriptPT, scriptLH),
		"title":   st("p-title", markdown.Bold, scriptPT, scriptLH),
		"heading": st("p-heading", markdown.Bold, scriptPT, scriptLH),
	}
	w := a4.TextW()
	var items []typeset.Item
	one := func(s *typeset.Style, text string) {
		for _, ln := range typeset.Balanced(s, []markdown.Run{{Text: text}}, w) {
			items = append(items, typeset.Item{H: s.Leading, HTML: typeset.LineHTML(&sh, s, ln), Keep: true, Text: ln.Text()})
		}
	}
	one(station, strings.ToUpper(cfg.Radio.Station))
	one(kicker, "BẢN TIN PHÁT THANH")
	items = append(items, typeset.Spacer(&sh, 1.5))
	one(head, b.Title)
	date := "……/……/………"
	if !b.Date.IsZero() {
		date = b.Date.Format("02/01/2006")
	}
	one(meta, fmt.Sprintf("Ngày phát: %s · Thời lượng đọc: khoảng %s (%g âm tiết một phút)", date, Minutes(b.Duration), cfg.Radio.Rate))
	one(meta, "Dấu / : ngừng ngắn; dấu // : ngừng dài, hết đoạn.")
	items = append(items, typeset.Item{H: 6, HTML: `<div class="rule"></div>`})
	sh.Rule(".rule", "height:6mm;border-top:0.3mm solid var(--red)")
	for _, p := range b.paras() {
		s := body[p.Kind]
		var runs []markdown.Run
		for _, sn := range p.Sentences {
			mark := "\u00a0/"
			if sn.Pause == "long" {
				mark = "\u00a0//"
			}
			runs = append(runs, markdown.Run{Text: sn.Text}, markdown.Run{Text: mark, Style: markdown.Added}, markdown.Run{Text: " "})
		}
		para := typeset.Paragraph(&sh, s, runs, w, numberGap, fmt.Sprint(p.Number))
		if p.Kind == "title" || p.Kind == "heading" {
			for i := range para {
				para[i].Keep = true
			}
		}
		items = append(items, para...)
		items = append(items, typeset.Item{H: typeset.PT(scriptPT) * 0.6, Glue: true, HTML: template.HTML(`<div class="gap"></div>`)})
	}
	sh.Rule(".gap", "height:"+typeset.MM(typeset.PT(scriptPT)*0.6))
	sh.Rule(".doc-phat-thanh .l .mark", "color:var(--red);font-weight:700")
	pages := typeset.Paginate(items, a4.TextH())
	sh.Rule(".foot", fmt.Sprintf("position:absolute;left:%s;width:%s;bottom:%s;font:%s/1.4 %s;color:var(--muted);display:flex;justify-content:space-between",
		typeset.MM(a4.Inner), typeset.MM(a4.TextW()), typeset.MM(8), typeset.MM(typeset.PT(9)), sans.CSS))
	var ds diag.List
	var sheets []template.HTML
	for i, pg := range pages {
		n := i + 1
		foot := template.HTML(fmt.Sprintf(`<div class="foot"><span>%s</span><span>Trang %d/%d</span></div>`,
			template.HTMLEscapeString(b.Title), n, len(pages)))
		sheets = append(sheets, paged.Sheet(n, "", foot, paged.Body(pg.Items)))
		if pg.Over > 0 {
			ds.Add(diag.At(cmpOr(b.Page, paths.PrintFile(paths.ProductBulletin, b.Slug)), 0, 0,
				"page %d of the A4 bulletin is %.1f mm too tall: a paragraph is longer than a page", n, pg.Over))
		}
	}
	file := paths.PrintFile(paths.ProductBulletin, b.Slug)
	doc := paged.Doc{Site: v, Title: "Bản tin phát thanh – " + b.Title, Product: paths.ProductBulletin,
		Rel: paths.Rel(file[:strings.LastIndexByte(file, '/')+1], ""), Sheets: sheets,
		CSS: template.CSS(a4.PageCSS() + "\n" + sh.CSS())}
	data, lds := paged.Render(in, rec, doc)
	ds.Add(lds...)
	if ds.Errors() > 0 {
		return maker.Made{}, ds, nil
	}
	e := paged.Entry(file, paths.PrintPDF(paths.ProductBulletin, b.Slug), paths.ProductBulletin,
		"Bản tin phát thanh – "+b.Title, "paged", a4.W, a4.H, len(pages), b.Page, cfg.BaseURL+b.URL)
	return maker.Made{Data: data, Result: e}, nil, nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
