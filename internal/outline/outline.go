// Package outline makes the propaganda outline (đề cương tuyên truyền):
// the A4 document a provincial board sends to grassroots reporters, laid
// out as a Party document is, from the site's content, and printed by loa
// pdf.
//
// The form follows Hướng dẫn 36-HD/VPTW (03/4/2018) of the Party Central
// Office on the form of Party documents, and Nghị định 30/2020/NĐ-CP for
// what the two share:
//
//   - A4, text area 25 mm from the top and bottom edges, 35 mm from the
//     left and 15 mm from the right: inside the ranges of Nghị định
//     30/2020 (top and bottom 20–25, left 30–35, right 15–20 mm) and the
//     values a Party committee's handbook gives for Party documents (Đảng
//     ủy Khối Bình Thuận, "Yêu cầu kỹ thuật trình bày văn bản").
//   - Page numbers from the second page, Arabic, 10 mm from the top,
//     centred over the text (the same handbook).
//   - Sizes and styles from the guidance's Phụ lục 3: "ĐẢNG CỘNG SẢN VIỆT
//     NAM" 15 pt capitals, bold, with a rule as long as it under it; the
//     superior body 14 pt capitals, the issuing body 14 pt bold capitals,
//     a star under it; the number and symbol 14 pt; the place and date
//     line 14 pt italic; the kind of document 15–16 pt bold capitals, the
//     summary (trích yếu) 14–15 pt bold; the body 14–15 pt. Not found in
//     a source and chosen here: the signature block 14 pt bold capitals
//     (authority, title) and bold name; "Nơi nhận:" 14 pt underlined, the
//     recipients 12 pt.
//   - The body in numbered parts I-, 1., a), and "-" for lists.
//   - A free serif with full Vietnamese (Noto Serif) stands for the Times
//     New Roman the guidance names.
//
// Unless [outline] status = "official", the document carries the
// guidance's mark of a draft (DỰ THẢO), boxed, at the top left.
package outline

import (
	"context"
	"fmt"
	"html/template"
	"strings"
	"unicode/utf8"

	"loa/internal/config"
	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/markdown"
	"loa/internal/paged"
	"loa/internal/pagesrc"
	"loa/internal/typeset"
	"loa/internal/view"
	"loa/internal/vntext"
)

// The page, in mm.
var a4 = paged.Geometry{W: 210, H: 297, Top: 25, Bottom: 25, Inner: 35, Outer: 15}

// styles of the outline.
type styles struct {
	theme                                         typeset.Theme
	party, superior, issuer, number, date         typeset.Style
	kind, subject, part, item, sub                typeset.Style
	authority, signer, recipientsHead, recipients typeset.Style
	star                                          typeset.Style
}

func newStyles(serif *typeset.Family) *styles {
	pt := typeset.PT
	s := func(class string, base markdown.Style, size, lh float64, align typeset.Align) typeset.Style {
		return typeset.Style{Class: class, Family: serif, Base: base, Size: pt(size), Leading: pt(size * lh), Align: align}
	}
	st := &styles{
		party:          s("party", markdown.Bold, 15, 1.3, typeset.Center),
		superior:       s("sup", 0, 14, 1.3, typeset.Center),
		issuer:         s("iss", markdown.Bold, 14, 1.3, typeset.Center),
		star:           s("star", 0, 14, 1.2, typeset.Center),
		number:         s("num", 0, 14, 1.3, typeset.Center),
		date:           s("date", markdown.Italic, 14, 1.3, typeset.Center),
		kind:           s("kind", markdown.Bold, 15.5, 1.3, typeset.Center),
		subject:        s("subj", markdown.Bold, 14, 1.3, typeset.Center),
		part:           s("part", markdown.Bold, 14, 1.3, typeset.Justify),
		item:           s("item", markdown.Bold, 14, 1.3, typeset.Justify),
		sub:            s("sub", markdown.Bold|markdown.Italic, 14, 1.3, typeset.Justify),
		authority:      s("auth", markdown.Bold, 14, 1.3, typeset.Center),
		signer:         s("sign", markdown.Bold, 14, 1.3, typeset.Center),
		recipientsHead: s("rh", 0, 14, 1.3, typeset.Left),
		recipients:     s("rc", 0, 12, 1.25, typeset.Left),
	}
	body := s("body", 0, 14, 1.3, typeset.Justify)
	body.Indent = 10
	st.theme = typeset.Theme{
		Body: body, Item: s("li", 0, 14, 1.3, typeset.Justify), Quote: s("qt", markdown.Italic, 14, 1.3, typeset.Justify),
		Code: s("cd", 0, 12, 1.3, typeset.Left), Cell: s("ce", 0, 12, 1.3, typeset.Left), HeadCell: s("hc", markdown.Bold, 12, 1.3, typeset.Center),
		After: pt(6), Indent: 10, CellPad: 1.2, TableGap: pt(6),
	}
	for i := range st.theme.Headings {
		st.theme.Headings[i] = st.sub
		st.theme.Before[i], st.theme.Under[i] = pt(6), pt(3)
	}
	return st
}

func (st *styles) all() []*typeset.Style {
	return []*typeset.Style{&st.party, &st.superior, &st.issuer, &st.star, &st.number, &st.date, &st.kind, &st.subject,
		&st.part, &st.item, &st.sub, &st.authority, &st.signer, &st.recipientsHead, &st.recipients}
}

// doc is the outline, composed.
type doc struct {
	items []typeset.Item
	ds    diag.List
}

// fields are the outline's header and signature, from config.toml with
// the campaign's for defaults.
type fields struct {
	superior, issuer, number, place, kind, subject, authority, signer string
	date                                                              string
	recipients                                                        []string
	draft                                                             bool
}

func fieldsOf(cfg *config.Config) fields {
	o := cfg.Outline
	f := fields{superior: o.Superior, issuer: o.Issuer, number: o.Document, place: o.Place, kind: o.Title, subject: o.Subject,
		authority: o.Authority, signer: o.Signer, recipients: o.Recipients, draft: !o.Official()}
	if f.issuer == "" {
		f.issuer = cfg.Campaign.Issuer
	}
	if f.place == "" {
		f.place = cfg.Campaign.Place
	}
	date := o.Date
	if date.IsZero() {
		date = cfg.Campaign.Date
	}
	if !date.IsZero() {
		f.date = vntext.DateLine(f.place, date)
	} else if f.place != "" {
		f.date = f.place + ", ngày      tháng      năm"
	}
	if f.subject == "" {
		f.subject = "về " + lowerFirst(cfg.Title)
	}
	return f
}

// header sets the first page's header: the issuing body, the star and the
// number on the left; the Party's name with its rule and the date line on
// the right; then the kind of document and its summary, centred.
func (st *styles) header(sh *typeset.Sheet, f fields) (template.HTML, float64) {
	w := a4.TextW()
	// The Party's name and the date line want the wider column: a 14 pt
	// date line is some 95 mm long in Noto Serif.
	left, right := w*0.4, w*0.6
	var lh, rh float64
	var cur *float64
	col := func(s *typeset.Style, text string, width float64) string {
		var b strings.Builder
		for _, ln := range typeset.Balanced(s, []markdown.Run{{Text: text}}, width) {
			b.WriteString(string(typeset.LineHTML(sh, s, ln)))
			*cur += s.Leading
		}
		return b.String()
	}
	var l, r strings.Builder
	cur = &lh
	if f.superior != "" {
		l.WriteString(col(&st.superior, strings.ToUpper(f.superior), left))
	}
	l.WriteString(col(&st.issuer, strings.ToUpper(f.issuer), left))
	l.WriteString(col(&st.star, "*", left))
	if f.number != "" {
		// Spaces left for the number to be written in stay as typed.
		l.WriteString(col(&st.number, strings.ReplaceAll(f.number, " ", "\u00a0"), left))
	}
	cur = &rh
	party := "ĐẢNG CỘNG SẢN VIỆT NAM"
	pw := st.party.Family.Bold.Width(party, st.party.Size)
	r.WriteString(col(&st.party, party, right))
	// The rule under the Party's name is as long as the name.
	sh.Rule(".party-rule", fmt.Sprintf("height:0.3mm;background:currentColor;width:%s;margin:0.6mm auto 4mm", typeset.MM(pw)))
	r.WriteString(`<div class="party-rule"></div>`)
	rh += 0.3 + 0.6 + 4
	if f.date != "" {
		r.WriteString(col(&st.date, f.date, right))
	}
	sh.Rule(".hdr", "display:flex;align-items:flex-start")
	sh.Rule(".hdr-l", "flex:none;width:"+typeset.MM(left))
	sh.Rule(".hdr-r", "flex:none;width:"+typeset.MM(right))
	h := max(lh, rh)
	sh.Rule(".hdr.h-"+key(h), "height:"+typeset.MM(h))
	var b strings.Builder
	fmt.Fprintf(&b, `<div class="hdr h-%s"><div class="hdr-l">%s</div><div class="hdr-r">%s</div></div>`, key(h), l.String(), r.String())
	return template.HTML(b.String()), h
}

// compose sets the outline's body from the site: an introduction (the
// home page's first paragraph), then a part for the viewpoints, the
// goals, the tasks and the slogans, each item numbered within its part.
//
// It stops early when ctx is done (a newer save in the live preview); the
// caller must then not publish what it returns.
func compose(ctx context.Context, in *maker.Input, rec *view.Recorder, v *view.Site, ps *pagesrc.Parser, st *styles, sh *typeset.Sheet) ([]typeset.Item, diag.List) {
	w := a4.TextW()
	var items []typeset.Item
	var ds diag.List
	read := func(p *view.Page) *pagesrc.Source {
		if p.Path() == "" {
			return nil
		}
		src, err := ps.Read(in, rec, p)
		if err != nil {
			ds.Add(diag.At(p.Path(), 0, 0, "%v", err))
			return nil
		}
		return src
	}
	gap := func(h float64) {
		items = append(items, typeset.Item{H: h, Glue: true, HTML: template.HTML(fmt.Sprintf(`<div class="g-%s"></div>`, key(h)))})
		sh.Rule(".g-"+key(h), "height:"+typeset.MM(h))
	}
	line := func(s *typeset.Style, text string, keep bool) {
		for _, it := range typeset.Paragraph(sh, s, []markdown.Run{{Text: text}}, w, 0, "") {
			it.Keep = it.Keep || keep
			items = append(items, it)
		}
	}
	flow := func(src *pagesrc.Source, blocks []markdown.Block) {
		its, notes := st.theme.Flow(sh, letterHeadings(blocks), w, nil)
		for _, n := range notes {
			if src != nil {
				ds.Add(src.Warn(n.Offset, "%s", n.Msg))
			}
		}
		items = append(items, its...)
	}
	if src := read(v.Home()); src != nil {
		for _, b := range src.Blocks {
			if b.Kind == markdown.Paragraph {
				flow(src, []markdown.Block{b})
				break
			}
		}
	}
	part := 0
	for _, kind := range []string{config.KindViewpoint, config.KindGoal, config.KindTask, config.KindSlogan} {
		sec := v.Section(kind)
		if sec == nil || sec.Len() == 0 {
			continue
		}
		part++
		gap(typeset.PT(8))
		line(&st.part, fmt.Sprintf("%s- %s", roman(part), strings.ToUpper(sec.Page().Title())), true)
		gap(typeset.PT(4))
		if kind == config.KindSlogan {
			for _, p := range sec.Items() {
				t := p.Title()
				if !p.Official() {
					t += " (dự thảo)"
				}
				items = append(items, typeset.Paragraph(sh, &st.theme.Item, []markdown.Run{{Text: t}}, w, 10, "-")...)
			}
			continue
		}
		for i, p := range sec.Items() {
			if ctx.Err() != nil {
				return nil, nil
			}
			src := read(p)
			gap(typeset.PT(4))
			line(&st.item, fmt.Sprintf("%d. %s", i+1, p.Title()), true)
			var blocks []markdown.Block
			for _, f := range p.Figures() {
				label := f.Label
				if f.Year > 0 {
					label += fmt.Sprintf(" (đến năm %d)", f.Year)
				}
				blocks = append(blocks, markdown.Block{Kind: markdown.Item, Level: 1, Mark: "-",
					Runs: []markdown.Run{{Text: label + ": "}, {Text: f.Value, Style: markdown.Bold}}})
			}
			if src != nil {
				blocks = append(blocks, src.Blocks...)
			}
			flow(src, blocks)
		}
	}
	return items, ds
}

// letterHeadings writes a page's own headings as the third level of a
// Party document, a), b), c), and its list items with "-".
func letterHeadings(bs []markdown.Block) []markdown.Block {
	out := make([]markdown.Block, len(bs))
	copy(out, bs)
	n := 0
	for i := range out {
		switch out[i].Kind {
		case markdown.Heading:
			out[i].Runs = append([]markdown.Run{{Text: string(rune('a'+n%26)) + ") "}}, out[i].Runs...)
			n++
		case markdown.Item:
			if out[i].Mark == "–" {
				out[i].Mark = "-"
			}
		}
	}
	return out
}

// signature sets the end of the document: "Nơi nhận" on the left, the
// signature block on the right.
func (st *styles) signature(sh *typeset.Sheet, f fields) (template.HTML, float64) {
	w := a4.TextW()
	left, right := w*0.48, w*0.52
	set := func(s *typeset.Style, text string, width float64) (string, float64) {
		var b strings.Builder
		h := 0.0
		for _, ln := range typeset.Lines(s, []markdown.Run{{Text: text}}, width) {
			b.WriteString(string(typeset.LineHTML(sh, s, ln)))
			h += s.Leading
		}
		return b.String(), h
	}
	var l, r strings.Builder
	lh, rh := 0.0, 0.0
	if len(f.recipients) > 0 {
		sh.Rule(".l.rh", "text-decoration:underline;text-decoration-thickness:0.25mm;text-underline-offset:0.6mm")
		html, h := set(&st.recipientsHead, "Nơi nhận:", left)
		l.WriteString(html)
		lh += h
		for _, rc := range f.recipients {
			html, h := set(&st.recipients, "- "+rc, left)
			l.WriteString(html)
			lh += h
		}
	}
	for _, a := range strings.Split(strings.TrimSpace(f.authority), "\n") {
		if a = strings.TrimSpace(a); a != "" {
			html, h := set(&st.authority, strings.ToUpper(a), right)
			r.WriteString(html)
			rh += h
		}
	}
	const signSpace = 28.0 // room for the signature and the seal
	sh.Rule(".sign-space", "height:"+typeset.MM(signSpace))
	r.WriteString(`<div class="sign-space"></div>`)
	rh += signSpace
	if f.signer != "" {
		html, h := set(&st.signer, f.signer, right)
		r.WriteString(html)
		rh += h
	}
	sh.Rule(".sig", "display:flex;align-items:flex-start")
	sh.Rule(".sig-l", "flex:none;width:"+typeset.MM(left))
	sh.Rule(".sig-r", "flex:none;width:"+typeset.MM(right))
	h := max(lh, rh)
	sh.Rule(".sig.h-"+key(h), "height:"+typeset.MM(h))
	return template.HTML(fmt.Sprintf(`<div class="sig h-%s"><div class="sig-l">%s</div><div class="sig-r">%s</div></div>`, key(h), l.String(), r.String())), h
}

func key(v float64) string { return strings.ReplaceAll(typeset.Num(v), ".", "_") }

func roman(n int) string {
	r := []string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}
	if n < len(r) {
		return r[n]
	}
	return fmt.Sprint(n)
}

// lowerFirst lowers the first letter of a title to stand after "về".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return strings.ToLower(string(r)) + s[n:]
}
