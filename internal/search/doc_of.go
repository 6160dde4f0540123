package search

import "strings"

// DocOf makes the Doc of a page from its fields as the build has them:
// extra lines (a goal's key figures: "≥ 30% Quy mô kinh tế số so với GDP
// (2030)") go first in the body, then the text of the rendered HTML.
func DocOf(url, title, kind, kindLabel, summary string, extra []string, html string) Doc {
	body := HTMLText(html)
	if len(extra) > 0 {
		body = strings.Join(extra, "\n") + "\n" + body
	}
	return Doc{URL: url, Title: title, Kind: kind, KindLabel: kindLabel, Summary: summary, Body: body}
}
