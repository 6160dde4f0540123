package meta

import (
	"encoding/json"
	"fmt"
	"html/template"

	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/view"
)

// node is one thing of the structured data: a JSON object.
type node = map[string]any

// Home is the name of the home page in breadcrumbs.
const Home = "Trang chủ"

// JSONLD is the page's structured data, for a <script
// type="application/ld+json"> (a data block, which browsers never run and
// a Content Security Policy does not block): a graph of the issuer
// (GovernmentOrganization, from [campaign] issuer), the site (WebSite),
// the page's place in the site (BreadcrumbList) and the page itself: a
// FAQPage for a question and for the list of questions (the questions the
// list page shows: on its pages together, every published question; a
// section of a thousand answers would make one page of megabytes), an
// Article for
// another item, a WebPage (CollectionPage for a list) for the rest, all
// with inLanguage, the page's cards and, where dated, its dates. The
// not-found page has none: "".
//
// The JSON escapes <, > and & so that no text can end the script element.
func (m *Page) JSONLD() (template.JS, error) {
	g := m.Graph()
	if g == nil {
		return "", nil
	}
	data, err := json.Marshal(g)
	if err != nil {
		return "", fmt.Errorf("structured data of %s: %w", m.url, err)
	}
	return template.JS(data), nil
}

// Graph is the structured data as values; nil for the not-found page.
func (m *Page) Graph() node {
	if m.NotFound() {
		return nil
	}
	cfg := m.cfg()
	base, lang := cfg.BaseURL, cmpOr(cfg.Language, "vi")
	var graph []node
	org := ""
	if issuer := cfg.Campaign.Issuer; issuer != "" {
		org = base + "#don-vi"
		o := node{"@type": "GovernmentOrganization", "@id": org, "name": issuer, "url": base}
		if place := cfg.Campaign.Place; place != "" {
			o["areaServed"] = node{"@type": "AdministrativeArea", "name": place}
		}
		graph = append(graph, o)
	}
	site := node{"@type": "WebSite", "@id": base + "#website", "url": base, "name": cmpOr(cfg.Title, m.s.Home().Title()), "inLanguage": lang}
	if org != "" {
		site["publisher"] = ref(org)
	}
	graph = append(graph, site)

	url := m.URL()
	page := node{"@id": url + "#trang", "url": url, "name": m.OGTitle(), "description": m.Description(),
		"inLanguage": lang, "isPartOf": ref(base + "#website"),
		"image": []string{m.Image().URL, m.Square().URL}}
	if crumbs := m.breadcrumbs(); len(crumbs) >= 2 {
		graph = append(graph, node{"@type": "BreadcrumbList", "@id": url + "#vi-tri", "itemListElement": crumbs})
		page["breadcrumb"] = ref(url + "#vi-tri")
	}
	if d := m.Published(); d != "" {
		page["datePublished"], page["dateModified"] = d, m.Modified()
	}
	kind := m.p.Kind()
	switch {
	case kind == config.KindQA:
		page["@type"] = "FAQPage"
		page["mainEntity"] = []node{question(m.p)}
	case kind == content.KindSection && m.sectionKind() == config.KindQA:
		page["@type"] = "FAQPage"
		var qs []node
		for _, it := range m.listed() {
			qs = append(qs, question(it))
		}
		page["mainEntity"] = qs
	case kind == content.KindSection:
		page["@type"] = "CollectionPage"
	case m.Type() == "article":
		page["@type"] = "Article"
		page["headline"] = m.OGTitle()
		page["mainEntityOfPage"] = url
		if org != "" {
			page["author"], page["publisher"] = ref(org), ref(org)
		}
		if s := m.Section(); s != "" {
			page["articleSection"] = s
		}
	default:
		page["@type"] = "WebPage"
	}
	graph = append(graph, page)
	return node{"@context": "https://schema.org", "@graph": graph}
}

func ref(id string) node { return node{"@id": id} }

// listed returns the items a list page shows: the page's share of its
// section's items, paginate at a time.
func (m *Page) listed() []*view.Page {
	sec := m.section()
	if sec == nil {
		return nil
	}
	items := sec.Items()
	size := max(m.cfg().Paginate, 1)
	from := min((m.number()-1)*size, len(items))
	return items[from:min(from+size, len(items))]
}

// sectionKind is the kind of the items of a list page's section.
func (m *Page) sectionKind() string {
	if sec := m.section(); sec != nil {
		return sec.Kind()
	}
	return ""
}

// question is a Q&A item as a Question with its accepted answer: the
// whole answer, as plain text.
func question(p *view.Page) node {
	return node{"@type": "Question", "name": p.Title(),
		"acceptedAnswer": node{"@type": "Answer", "text": PlainText(string(p.Content()))}}
}

// breadcrumbs are the page's place in the site, from the home page: the
// home page, its section's list, itself; the last one without its address
// (Google's rule for the current page).
func (m *Page) breadcrumbs() []node {
	base := m.cfg().BaseURL
	type crumb struct{ name, url string }
	crumbs := []crumb{{Home, base}}
	switch m.p.Kind() {
	case content.KindHome:
		return nil
	case content.KindSection:
		crumbs = append(crumbs, crumb{m.p.Title(), base + m.p.URL()})
	default:
		if sec := m.section(); sec != nil {
			crumbs = append(crumbs, crumb{sec.Page().Title(), base + sec.Page().URL()})
		}
		crumbs = append(crumbs, crumb{m.p.Title(), base + m.p.URL()})
	}
	out := make([]node, len(crumbs))
	for i, c := range crumbs {
		out[i] = node{"@type": "ListItem", "position": i + 1, "name": c.name}
		if i < len(crumbs)-1 {
			out[i]["item"] = c.url
		}
	}
	return out
}
