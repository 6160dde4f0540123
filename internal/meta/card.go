package meta

import (
	"strconv"
	"strings"

	"loa/internal/card"
	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/view"
)

// section is the section the page belongs to, or nil.
func (m *Page) section() *view.SectionView {
	name := m.p.Section()
	if name == "" {
		return nil
	}
	for _, sec := range m.s.Sections() {
		if sec.Name() == name {
			return sec
		}
	}
	return nil
}

// Label is the kind of the page in words, as its card shows it (in
// capitals) and its posts say it: [share.labels] of config for its kind,
// else its section's title, with the year of a goal's figures ("Mục tiêu
// đến năm 2030") and the number of a viewpoint ("Quan điểm chỉ đạo số 1").
// A section's list takes its items' label; the home page and plain pages
// have none unless config gives one.
func (m *Page) Label() string {
	labels := m.cfg().Share.Labels
	kind := m.p.Kind()
	switch kind {
	case content.KindHome, content.KindPage:
		return labels[kind]
	case KindNotFound:
		return ""
	}
	sec := m.section()
	if sec == nil {
		return labels[kind]
	}
	if kind == content.KindSection {
		if l := labels[sec.Kind()]; l != "" {
			return l
		}
		return sec.Page().Title()
	}
	l := labels[kind]
	if l == "" {
		l = sec.Page().Title()
		if y := commonYear(m.p.Figures()); y > 0 && kind == config.KindGoal {
			l += " đến năm " + strconv.Itoa(y)
		}
	}
	if n := m.p.Number(); n > 0 && kind == config.KindViewpoint {
		l += " số " + strconv.Itoa(n)
	}
	return l
}

// commonYear is the year all figures share, or 0.
func commonYear(figs []content.Figure) int {
	y := 0
	for i, f := range figs {
		if f.Year == 0 || (i > 0 && f.Year != y) {
			return 0
		}
		y = f.Year
	}
	return y
}

// Card is what the page's share cards show: the brand strip (short_title,
// else the site's title), the kind, the title (a list shows its
// section's summary under the section's title as kind), a goal's figures,
// DỰ THẢO for an unapproved slogan, the issuer and the site's address. A
// slogan's card is set as a banner.
func (m *Page) Card() card.Card {
	cfg := m.cfg()
	c := card.Card{
		Brand:   cmpOr(cfg.ShortTitle, cfg.Title),
		Kind:    m.Label(),
		Title:   cmpOr(m.p.Title(), cfg.Title),
		Issuer:  cfg.Campaign.Issuer,
		Address: Address(cfg.BaseURL),
	}
	switch kind := m.p.Kind(); kind {
	case content.KindSection:
		if s := m.p.Summary(); s != "" && s != c.Title {
			if c.Kind == "" {
				c.Kind = c.Title
			}
			c.Title = s
		}
	case config.KindGoal:
		for _, f := range m.p.Figures() {
			c.Figures = append(c.Figures, card.Figure{Value: f.Value, Label: f.Label})
		}
	case config.KindSlogan:
		c.Banner = true
		c.Draft = m.Draft()
	}
	return c
}

// Alt is what the cards show, in words, for og:image:alt and the
// team's page: the kind, the title, the figures shown, the draft mark and
// the issuer.
func (m *Page) Alt() string {
	c := m.Card()
	var b strings.Builder
	if c.Kind != "" {
		b.WriteString(c.Kind + ": ")
	}
	b.WriteString(strings.Join(strings.Fields(c.Title), " "))
	if c.Draft {
		b.WriteString(" (" + strings.ToLower(DraftWord) + ")")
	}
	figs := c.Figures
	if len(figs) > card.MaxFigures {
		figs = figs[:card.MaxFigures]
	}
	for i, f := range figs {
		if i == 0 {
			stop(&b)
		} else {
			b.WriteString("; ")
		}
		b.WriteString(f.Value + " " + f.Label)
	}
	if c.Issuer != "" {
		stop(&b)
		b.WriteString(c.Issuer)
	}
	return b.String()
}

// stop ends a sentence: a full stop unless it has its own mark, and a
// space.
func stop(b *strings.Builder) {
	if s := b.String(); s != "" && !strings.ContainsAny(s[len(s)-1:], ".?!…") {
		b.WriteString(".")
	}
	b.WriteString(" ")
}
