package booklet

import (
	"fmt"
	"html/template"
	"strings"

	"loa/internal/config"
	"loa/internal/markdown"
	"loa/internal/print"
	"loa/internal/typeset"
)

// paginate lays out the whole booklet: cover, inside cover, contents,
// chapters, ruled pages to a multiple of four, back cover.
func paginate(cfg *config.Config, st *styles, sh *typeset.Sheet, chapters []chapter) *book {
	b := &book{Title: cfg.Booklet.Title, Subtitle: cfg.Booklet.Subtitle, Chapters: chapters, Sheet: sh}
	if b.Subtitle == "" {
		b.Subtitle = cfg.Title
	}
	w, h := textW(), textH()
	// The chapters' pages, each chapter from a new page.
	var body []page
	for ci, ch := range chapters {
		for _, pg := range typeset.Paginate(ch.items, h) {
			body = append(body, page{Kind: textPage, Items: pg.Items, Chapter: ci, Head: ch.Label + ". " + ch.Title, Over: pg.Over})
		}
	}
	// The contents, first with blank numbers: their width is fixed, so
	// filling them in changes no line.
	toc := st.tocItems(sh, chapters, w, nil)
	tocPages := typeset.Paginate(toc, h)
	first := 3 + len(tocPages) // cover, inside cover, contents
	numbers := map[string]int{}
	for i, pg := range body {
		for _, it := range pg.Items {
			if it.Anchor != "" {
				numbers[it.Anchor] = first + i
			}
		}
	}
	toc = st.tocItems(sh, chapters, w, numbers)
	tocPages = typeset.Paginate(toc, h)

	b.Pages = append(b.Pages, page{Kind: coverPage, Items: st.coverItems(sh, cfg, b, w, h), Chapter: -1})
	b.Pages = append(b.Pages, page{Kind: blankPage, Chapter: -1})
	for _, pg := range tocPages {
		b.Pages = append(b.Pages, page{Kind: tocPage, Items: pg.Items, Chapter: -1, Over: pg.Over})
	}
	b.Pages = append(b.Pages, body...)
	// Ruled pages for notes, so that the back cover is the last page of a
	// multiple of four.
	for (len(b.Pages)+1)%4 != 0 {
		b.Pages = append(b.Pages, page{Kind: notesPage, Items: st.notesItems(sh, w, h), Chapter: -1})
	}
	b.Pages = append(b.Pages, page{Kind: backPage, Items: st.backItems(sh, cfg, b, w, h), Chapter: -1})
	return b
}

// tocItems sets the table of contents; numbers gives each entry's page
// (nil: blanks of the same width).
func (st *styles) tocItems(sh *typeset.Sheet, chapters []chapter, w float64, numbers map[string]int) []typeset.Item {
	const numW = 9.0
	var out []typeset.Item
	head := &st.chapterTitle
	for _, ln := range typeset.Balanced(head, []markdown.Run{{Text: "Mục lục"}}, w) {
		out = append(out, typeset.Item{H: head.Leading, HTML: typeset.LineHTML(sh, head, ln), Keep: true, Text: ln.Text()})
	}
	out = append(out, typeset.Spacer(sh, 5))
	sh.Rule(".toc-last", "position:relative")
	sh.Rule(".toc-n", fmt.Sprintf("position:absolute;top:0;right:0;width:%s;text-align:right;font-weight:400;font-style:normal", typeset.MM(numW)))
	for _, ch := range chapters {
		for _, e := range ch.entries {
			s, in := &st.toc, 4.0
			if e.Level == 0 {
				s, in = &st.tocChapter, 0
				out = append(out, typeset.Item{H: 2.5, Glue: true, HTML: template.HTML(`<div class="gap-t"></div>`)})
				sh.Rule(".gap-t", "height:2.5mm")
			}
			lines := typeset.Paragraph(sh, s, []markdown.Run{{Text: e.Text}}, w-numW-2, in, "")
			for k, item := range lines {
				item.Keep = k < len(lines)-1
				if k == len(lines)-1 {
					n := "  "
					if numbers != nil {
						n = fmt.Sprint(numbers[e.ID])
					}
					html := strings.Replace(string(item.HTML), `class="l `, `class="l toc-last `, 1)
					html = strings.TrimSuffix(html, "</div>") + `<span class="toc-n">` + n + `</span></div>`
					item.HTML = template.HTML(html)
				}
				out = append(out, item)
			}
		}
	}
	return out
}

// coverItems set the cover: the issuer at the head, the title in the
// middle, "Tài liệu lưu hành nội bộ" and the place and year at the foot.
func (st *styles) coverItems(sh *typeset.Sheet, cfg *config.Config, b *book, w, h float64) []typeset.Item {
	one := func(s *typeset.Style, text string) []typeset.Item {
		var out []typeset.Item
		for _, ln := range typeset.Balanced(s, []markdown.Run{{Text: text}}, w) {
			out = append(out, typeset.Item{H: s.Leading, HTML: typeset.LineHTML(sh, s, ln), Keep: true, Text: ln.Text()})
		}
		return out
	}
	issuer := cfg.Booklet.Issuer
	if issuer == "" {
		issuer = cfg.Campaign.Issuer
	}
	top := one(&st.cover, issuer)
	mid := one(&st.coverTitle, b.Title)
	mid = append(mid, typeset.Spacer(sh, 6))
	mid = append(mid, one(&st.coverSub, b.Subtitle)...)
	var foot []typeset.Item
	if cfg.Booklet.Internal {
		foot = append(foot, one(&st.coverSmall, "(Tài liệu lưu hành nội bộ)")...)
	}
	year := ""
	if !cfg.Campaign.Date.IsZero() {
		year = fmt.Sprint(cfg.Campaign.Date.Year())
	}
	if line := strings.Trim(cfg.Campaign.Place+" – "+year, " –"); line != "" {
		foot = append(foot, one(&st.cover, line)...)
	}
	sum := func(its []typeset.Item) float64 {
		t := 0.0
		for _, it := range its {
			t += it.H
		}
		return t
	}
	gap1 := (h-sum(mid))/2 - sum(top)
	gap2 := h - sum(top) - gap1 - sum(mid) - sum(foot)
	out := top
	out = append(out, typeset.Spacer(sh, max(gap1, 1)))
	out = append(out, mid...)
	out = append(out, typeset.Spacer(sh, max(gap2, 1)))
	return append(out, foot...)
}

// notesItems set a ruled page for the reader's notes.
func (st *styles) notesItems(sh *typeset.Sheet, w, h float64) []typeset.Item {
	head := &st.section
	out := []typeset.Item{{H: head.Leading, HTML: typeset.LineHTML(sh, head, typeset.Line{Spans: []typeset.Span{{Text: "Ghi chép"}}}), Text: "Ghi chép"}}
	const gap = 8.0
	sh.Rule(".ruled", fmt.Sprintf("height:%s;box-sizing:border-box;border-bottom:0.2mm solid var(--line)", typeset.MM(gap)))
	for y := head.Leading + gap; y <= h; y += gap {
		out = append(out, typeset.Item{H: gap, HTML: `<div class="ruled"></div>`})
	}
	return out
}

// backItems set the back cover: the QR code of the site, and at the foot
// the colophon: what the booklet is, who issues it, how many copies of
// what size, where printed, the permit.
func (st *styles) backItems(sh *typeset.Sheet, cfg *config.Config, b *book, w, h float64) []typeset.Item {
	var out []typeset.Item
	add := func(s *typeset.Style, text string) {
		if text == "" {
			return
		}
		for _, ln := range typeset.Balanced(s, []markdown.Run{{Text: text}}, w) {
			out = append(out, typeset.Item{H: s.Leading, HTML: typeset.LineHTML(sh, s, ln), Text: ln.Text()})
		}
	}
	const qr = 30.0
	code, _ := print.QRSVG(cfg.BaseURL, qr)
	sh.Rule(".qr-row", fmt.Sprintf("height:%s;display:flex;justify-content:center", typeset.MM(qr)))
	top := []typeset.Item{typeset.Spacer(sh, 20), {H: qr, HTML: template.HTML(`<div class="qr-row">` + string(code) + `</div>`)}}
	var mid []typeset.Item
	out = nil
	add(&st.coverSmall, "Quét mã để đọc toàn văn và các tài liệu khác:")
	add(&st.colophon, cfg.BaseURL)
	mid = out
	out = nil
	issuer := cfg.Booklet.Issuer
	if issuer == "" {
		issuer = cfg.Campaign.Issuer
	}
	add(&st.colophonStrong, strings.ToUpper(b.Title))
	add(&st.colophon, b.Subtitle)
	out = append(out, typeset.Spacer(sh, 2))
	if issuer != "" {
		add(&st.colophon, "Biên soạn và phát hành: "+issuer)
	}
	run := "Khổ 14,8 × 21 cm"
	if q := cfg.Booklet.Quantity; q > 0 {
		run = fmt.Sprintf("In %s bản, khổ 14,8 × 21 cm", thousands(q))
	}
	if cfg.Booklet.Printer != "" {
		run += ", tại " + cfg.Booklet.Printer
	}
	add(&st.colophon, run+".")
	add(&st.colophon, cfg.Booklet.Permit)
	if cfg.Booklet.Internal {
		add(&st.colophonStrong, "TÀI LIỆU LƯU HÀNH NỘI BỘ")
	}
	foot := out
	sum := func(its []typeset.Item) float64 {
		t := 0.0
		for _, it := range its {
			t += it.H
		}
		return t
	}
	res := append(top, typeset.Spacer(sh, 3))
	res = append(res, mid...)
	res = append(res, typeset.Spacer(sh, max(1, h-sum(top)-3-sum(mid)-sum(foot))))
	return append(res, foot...)
}

// thousands writes a count with a dot between thousands, as Vietnamese
// does: 1.000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}
