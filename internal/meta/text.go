package meta

import (
	"html"
	"strings"
)

// blocks are the elements that end a line of text.
var blocks = map[string]bool{
	"p": true, "li": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"tr": true, "blockquote": true, "pre": true, "br": true, "div": true, "table": true, "ul": true, "ol": true,
}

// PlainText returns the text of rendered Markdown (goldmark's HTML, where
// every tag is well formed and raw HTML is shown as text): tags dropped,
// character references decoded, a line break after each block, cells of
// a table apart, runs of spaces as one.
func PlainText(h string) string {
	var b strings.Builder
	for h != "" {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			b.WriteString(h)
			break
		}
		b.WriteString(h[:i])
		j := strings.IndexByte(h[i:], '>')
		if j < 0 {
			break
		}
		tag := strings.TrimPrefix(h[i+1:i+j], "/")
		name := ""
		if f := strings.FieldsFunc(tag, func(r rune) bool { return r == ' ' || r == '/' || r == '\n' }); len(f) > 0 {
			name = strings.ToLower(f[0])
		}
		switch {
		case blocks[name]:
			b.WriteString("\n")
		case name == "td" || name == "th":
			b.WriteString(" ")
		}
		h = h[i+j+1:]
	}
	var lines []string
	for _, l := range strings.Split(html.UnescapeString(b.String()), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}
