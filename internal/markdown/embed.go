package markdown

import (
	"bytes"
	"regexp"
	"strconv"
)

// embedRE matches the parts of rendered HTML that Embed changes: heading
// tags, and the id and fragment-link attributes that goldmark writes.
var embedRE = regexp.MustCompile(`<(/?)h([1-6])\b|\b(id|href)="(#?)`)

// Embed rewrites HTML made by Render so that it can stand inside a bigger
// page next to other documents: every id (headings, footnotes) and every
// link to one gets prefix, and every heading moves down by shift levels
// (at most to h6), so that the document's headings nest under the page's
// and its links to its own headings and footnotes keep working. Rewriting
// costs far less than parsing the Markdown again.
//
// The rewrite is exact because Render's output holds no HTML it did not
// write itself: raw HTML in the source is escaped, so "<h2" or ` id="` in
// an editor's text reaches the output as "&lt;h2" or " id=&quot;".
// External links (href="https://...") are left alone.
func Embed(html []byte, prefix string, shift int) []byte {
	var out bytes.Buffer
	out.Grow(len(html) + len(html)/16)
	last := 0
	for _, m := range embedRE.FindAllSubmatchIndex(html, -1) {
		out.Write(html[last:m[0]])
		last = m[1]
		switch {
		case m[4] >= 0: // heading tag
			level, _ := strconv.Atoi(string(html[m[4]:m[5]]))
			out.WriteByte('<')
			out.Write(html[m[2]:m[3]])
			out.WriteByte('h')
			out.WriteString(strconv.Itoa(min(level+shift, 6)))
		case string(html[m[6]:m[7]]) == "href" && m[8] == m[9]:
			out.Write(html[m[0]:m[1]]) // a link elsewhere, not to an id
		default:
			out.Write(html[m[0]:m[1]])
			out.WriteString(prefix)
		}
	}
	out.Write(html[last:])
	return out.Bytes()
}
