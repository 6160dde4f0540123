package search

import (
	"html"
	"strings"
)

// HTMLText returns the text of an HTML fragment such as a page's rendered
// Markdown, for Doc.Body: tags removed, entities decoded, white space
// collapsed. A block element (paragraph, heading, list item, table cell,
// line break) ends a phrase: a full stop-like break is kept as a newline,
// so that the last word of a heading and the first of the next paragraph
// do not count as adjacent. Inline elements (strong, a, em, code ...)
// join their text to the words around them. The contents of script and
// style elements are dropped.
func HTMLText(h string) string {
	var b strings.Builder
	b.Grow(len(h))
	space, brk := false, false
	flush := func() {
		if b.Len() == 0 {
			space, brk = false, false
			return
		}
		switch {
		case brk:
			b.WriteByte('\n')
		case space:
			b.WriteByte(' ')
		}
		space, brk = false, false
	}
	for i := 0; i < len(h); {
		c := h[i]
		switch {
		case c == '<':
			end := strings.IndexByte(h[i:], '>')
			if end < 0 {
				i = len(h)
				continue
			}
			tag := h[i+1 : i+end]
			i += end + 1
			name := tagName(tag)
			if (name == "script" || name == "style") && tag[0] != '/' {
				if j := strings.Index(h[i:], "</"+name); j >= 0 {
					i += j
				} else {
					i = len(h)
				}
				continue
			}
			if blockTags[name] {
				brk = true
			}
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			space = true
			i++
		default:
			j := i
			for j < len(h) && h[j] != '<' && h[j] != ' ' && h[j] != '\n' && h[j] != '\t' && h[j] != '\r' {
				j++
			}
			flush()
			if strings.IndexByte(h[i:j], '&') >= 0 {
				b.WriteString(html.UnescapeString(h[i:j]))
			} else {
				b.WriteString(h[i:j])
			}
			i = j
		}
	}
	return b.String()
}

// tagName returns the lower-case name of a tag's inside ("/p", "a href=..").
func tagName(tag string) string {
	tag = strings.TrimPrefix(tag, "/")
	end := 0
	for end < len(tag) && (tag[end] >= 'a' && tag[end] <= 'z' || tag[end] >= 'A' && tag[end] <= 'Z' || tag[end] >= '0' && tag[end] <= '9') {
		end++
	}
	return strings.ToLower(tag[:end])
}

// blockTags are the elements whose start or end breaks a phrase.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "hr": true, "li": true, "ul": true, "ol": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "td": true, "th": true,
	"blockquote": true, "pre": true, "dl": true, "dt": true, "dd": true,
	"section": true, "article": true, "figure": true, "figcaption": true, "caption": true,
}
