package share_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"loa/internal/config"
	"loa/internal/content"
)

// required is what each type of structured data loa writes must hold,
// from the documentation (written for this test from Google Search
// Central's pages on structured data and schema.org, July 2025):
//
//   - FAQPage (Google, FAQ): mainEntity, the questions, required.
//   - Question: name (the full question) and acceptedAnswer required.
//   - Answer: text (the full answer) required.
//   - BreadcrumbList (Google, Breadcrumb): itemListElement required, at
//     least two ListItem.
//   - ListItem: position and name required; item (the URL) required but
//     on the last crumb, the page itself.
//   - WebSite (Google, Site names): name and url required.
//   - Article (Google, Article): no property required; headline, image,
//     author, datePublished and dateModified recommended: loa writes all
//     of them, the dates where the page has one, and this test asks for
//     them as if required.
//   - GovernmentOrganization (schema.org, a subtype of Organization; Google,
//     Organization): nothing required; name and url recommended, asked here.
//   - WebPage, CollectionPage (schema.org): nothing required; loa writes
//     name, url and inLanguage, asked here.
//
// schema.org itself requires no property of any type.
var required = map[string][]string{
	"FAQPage":                {"mainEntity", "name", "url", "inLanguage"},
	"Question":               {"name", "acceptedAnswer"},
	"Answer":                 {"text"},
	"BreadcrumbList":         {"itemListElement"},
	"ListItem":               {"position", "name"},
	"WebSite":                {"name", "url", "inLanguage"},
	"Article":                {"headline", "image", "author", "publisher", "inLanguage", "mainEntityOfPage"},
	"GovernmentOrganization": {"name", "url"},
	"WebPage":                {"name", "url", "inLanguage"},
	"CollectionPage":         {"name", "url", "inLanguage"},
	"AdministrativeArea":     {"name"}, // the issuer's areaServed
}

// nodes returns every object of a JSON-LD value that has a @type.
func nodes(v any) []map[string]any {
	var out []map[string]any
	switch x := v.(type) {
	case map[string]any:
		if _, ok := x["@type"]; ok {
			out = append(out, x)
		}
		for _, k := range slices.Sorted(mapsKeys(x)) {
			out = append(out, nodes(x[k])...)
		}
	case []any:
		for _, e := range x {
			out = append(out, nodes(e)...)
		}
	}
	return out
}

func mapsKeys(m map[string]any) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func empty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return strings.TrimSpace(x) == ""
	case []any:
		return len(x) == 0
	}
	return false
}

// checkNode checks one node against the table; dated says whether the
// page has a date.
func checkNode(n map[string]any, dated bool) []string {
	typ, _ := n["@type"].(string)
	props, ok := required[typ]
	if !ok {
		return []string{fmt.Sprintf("type %q is not one loa means to write", typ)}
	}
	if typ == "Article" && dated {
		props = append(props, "datePublished", "dateModified")
	}
	var bad []string
	for _, p := range props {
		if empty(n[p]) {
			bad = append(bad, fmt.Sprintf("%s without %s", typ, p))
		}
	}
	if l, ok := n["inLanguage"]; ok && l != "vi" {
		bad = append(bad, fmt.Sprintf("%s in language %v", typ, l))
	}
	if typ == "BreadcrumbList" {
		items, _ := n["itemListElement"].([]any)
		if len(items) < 2 {
			bad = append(bad, "a breadcrumb of fewer than two items")
		}
		for i, it := range items {
			m, _ := it.(map[string]any)
			if pos, _ := m["position"].(float64); int(pos) != i+1 {
				bad = append(bad, fmt.Sprintf("crumb %d at position %v", i+1, m["position"]))
			}
			if _, has := m["item"]; i < len(items)-1 && !has {
				bad = append(bad, fmt.Sprintf("crumb %d without its address", i+1))
			}
		}
	}
	return bad
}

// TestJSONLD parses the structured data of every web page and checks each
// thing it describes against the table of required properties; the page
// itself with its own title and address; and that the list of questions
// holds every published question, in order.
func TestJSONLD(t *testing.T) {
	for name, b := range map[string]*built{"campaign": campaignSite(t), "small": build(t, small(), &cards)} {
		t.Run(name, func(t *testing.T) {
			listed := map[int][]string{} // the questions of each page of the Q&A list
			for _, file := range b.webPages() {
				h := parseHead(b.files[file])
				kind, n, url := b.kindOf(file)
				if kind == "404" {
					if len(h.jsonld) != 0 {
						t.Errorf("%s: structured data on the not-found page", file)
					}
					continue
				}
				if len(h.jsonld) != 1 {
					t.Fatalf("%s: %d JSON-LD blocks", file, len(h.jsonld))
				}
				var doc map[string]any
				if err := json.Unmarshal([]byte(h.jsonld[0]), &doc); err != nil {
					t.Fatalf("%s: %v", file, err)
				}
				if doc["@context"] != "https://schema.org" {
					t.Errorf("%s: @context %v", file, doc["@context"])
				}
				p := b.page(url)
				dated := p != nil && !p.Date.IsZero() && kind == "item"
				types := map[string]map[string]any{}
				for _, nd := range nodes(doc) {
					for _, bad := range checkNode(nd, dated) {
						t.Errorf("%s: %s", file, bad)
					}
					if typ := nd["@type"].(string); nd["url"] != nil && typ != "WebSite" && typ != "GovernmentOrganization" {
						types["page"] = nd
					}
					types[nd["@type"].(string)] = nd
				}
				for _, typ := range []string{"GovernmentOrganization", "WebSite"} {
					if types[typ] == nil {
						t.Errorf("%s: no %s", file, typ)
					}
				}
				if (kind == "item" || kind == "list") && types["BreadcrumbList"] == nil {
					t.Errorf("%s: no breadcrumb", file)
				}
				page := types["page"]
				if page == nil || page["url"] != b.base+strings.TrimSuffix(file, "index.html") || page["name"] != h.props["og:title"][0] {
					t.Errorf("%s: the page's node %v does not agree with the page", file, page)
					continue
				}
				wantType := map[string]string{"home": "WebPage", "list": "CollectionPage", "item": "Article"}[kind]
				switch {
				case p != nil && p.Kind == config.KindQA:
					wantType = "FAQPage"
				case p != nil && p.Kind == content.KindSection && b.sectionKind(url) == config.KindQA:
					wantType = "FAQPage"
				}
				if page["@type"] != wantType {
					t.Errorf("%s: the page is a %v, want %s", file, page["@type"], wantType)
				}
				if wantType != "FAQPage" {
					continue
				}
				var got []string
				for _, q := range page["mainEntity"].([]any) {
					got = append(got, q.(map[string]any)["name"].(string))
				}
				if kind == "item" {
					// The heading glues words with no-break spaces.
					if !slices.Equal(got, []string{strings.ReplaceAll(h.h1, "\u00a0", " ")}) {
						t.Errorf("%s: FAQPage holds %q, want its own question %q", file, got, h.h1)
					}
				} else {
					listed[n] = got
				}
			}
			// The list's pages together hold every published question, in
			// order, each once.
			var all, want []string
			for n := 1; n <= len(listed); n++ {
				all = append(all, listed[n]...)
			}
			for _, it := range b.e.Site().Items(config.KindQA) {
				want = append(want, it.Title)
			}
			if !slices.Equal(all, want) {
				t.Errorf("the list's FAQPages hold %q, want every published question %q", all, want)
			}
		})
	}
}

func (b *built) sectionKind(url string) string {
	for _, sec := range b.e.Site().Sections {
		if sec.Page.URL == url {
			return sec.Kind
		}
	}
	return ""
}

// TestCheckNode makes sure the check catches what it is for.
func TestCheckNode(t *testing.T) {
	for _, tc := range []struct {
		node  string
		dated bool
		want  string
	}{
		{`{"@type":"FAQPage","name":"x","url":"u","inLanguage":"vi"}`, false, "FAQPage without mainEntity"},
		{`{"@type":"Question","name":"x","acceptedAnswer":{"@type":"Answer","text":" "}}`, false, "Answer without text"},
		{`{"@type":"Article","headline":"x","image":["i"],"author":{},"publisher":{},"inLanguage":"vi","mainEntityOfPage":"u"}`, true, "Article without datePublished"},
		{`{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"a"},{"@type":"ListItem","position":2,"name":"b"}]}`, false, "crumb 1 without its address"},
		{`{"@type":"WebPage","name":"x","url":"u","inLanguage":"en"}`, false, "WebPage in language en"},
	} {
		var v any
		if err := json.Unmarshal([]byte(tc.node), &v); err != nil {
			t.Fatal(err)
		}
		var bad []string
		for _, n := range nodes(v) {
			bad = append(bad, checkNode(n, tc.dated)...)
		}
		if !slices.Contains(bad, tc.want) {
			t.Errorf("%s: %q, want %q among them", tc.node, bad, tc.want)
		}
	}
}
