package templates

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/meta"
	"loa/internal/view"
	"loa/internal/vnbreak"
	"loa/internal/vntext"
)

// Funcs are the template functions every layout may use, web and print.
func Funcs() template.FuncMap {
	return template.FuncMap{
		// dateline formats "Hưng Yên, ngày 25 tháng 02 năm 2025".
		"dateline": vntext.DateLine,
		// date formats 25/02/2025.
		"date": func(t time.Time) string { return t.Format("02/01/2006") },
		// iso formats 2025-02-25, for <time datetime>.
		"iso":      func(t time.Time) string { return t.Format(time.DateOnly) },
		"upper":    strings.ToUpper,
		"anchor":   func(p *view.Page) string { return p.Anchor() },
		"truncate": vntext.Truncate,
		"add":      func(a, b int) int { return a + b },
		"slice": func(items []*view.Page, from, to int) []*view.Page {
			from, to = min(max(from, 0), len(items)), min(max(to, 0), len(items))
			return items[from:max(from, to)]
		},
		// mm writes a length in millimetres of the design through the
		// sheet's one scale variable: calc(297 * var(--mm)).
		"mm":    func(v float64) template.CSS { return template.CSS(MM(v)) },
		"addf":  func(a, b float64) float64 { return a + b },
		"sub":   func(a, b float64) float64 { return a - b },
		"mul":   func(a, b float64) float64 { return a * b },
		"div":   func(a, b float64) float64 { return a / b },
		"float": func(n int) float64 { return float64(n) },
		// balance glues the syllables of each Vietnamese word and term
		// with no-break spaces, so that a browser's text-wrap: balance
		// breaks a title between words only (package vnbreak).
		"balance": func(s string) string { return vnbreak.Analyze(s).Glued() },
		// year is the year every figure of a list shares, or 0: a list
		// of one year says it once, not under every figure.
		"year": CommonYear,
		// headlines picks the headline figures of the goals.
		"headlines": Headlines,
		// value writes a key figure so that it breaks only after a
		// slash: "16–18%/năm" on one line, or as "16–18%/" and "năm",
		// never after the dash.
		"value": FigureValue,
		// tel is the tel: link of a contact's phone number (html/template
		// would refuse the scheme in a plain string).
		"tel": func(c config.Contact) template.URL { return template.URL(c.Tel()) },
		// meta is what crawlers and link previews read of a web page:
		// {{$m := meta .Site .Page .URL}} (package meta).
		"meta": meta.Of,
	}
}

// FigureValue returns the HTML of a figure's value: its parts, each ending
// in a slash, kept whole (white-space: nowrap in the class nobr), with a
// break allowed between them.
func FigureValue(v string) template.HTML {
	var b strings.Builder
	for i, part := range strings.SplitAfter(v, "/") {
		if part == "" {
			continue
		}
		if i > 0 {
			b.WriteString("<wbr>")
		}
		b.WriteString(`<span class="nobr">` + template.HTMLEscapeString(part) + `</span>`)
	}
	return template.HTML(b.String())
}

// CommonYear returns the year all figures share, or 0 when they do not
// (or there are none).
func CommonYear(figures []content.Figure) int {
	if len(figures) == 0 {
		return 0
	}
	y := figures[0].Year
	for _, f := range figures[1:] {
		if f.Year != y {
			return 0
		}
	}
	return y
}

// Headline is one figure of the strip under the information page's title,
// with the goal it comes from.
type Headline struct {
	content.Figure
	Page *view.Page
}

// Headlines returns the first figure of each of the goals, in their order,
// keeping those of the year most of them have (the earliest on a tie), at
// most n: the strip of key figures of one horizon, "đến năm 2030".
func Headlines(goals []*view.Page, n int) []Headline {
	var all []Headline
	count := map[int]int{}
	for _, g := range goals {
		if fs := g.Figures(); len(fs) > 0 {
			all = append(all, Headline{Figure: fs[0], Page: g})
			count[fs[0].Year]++
		}
	}
	best := 0
	for y, c := range count {
		if c > count[best] || c == count[best] && y < best {
			best = y
		}
	}
	var out []Headline
	for _, h := range all {
		if h.Year == best && len(out) < n {
			out = append(out, h)
		}
	}
	return out
}

// MM formats a length in millimetres as CSS through the sheet's scale
// variable --mm, so that a sheet made at 1:10 scales every length at once.
func MM(v float64) string { return fmt.Sprintf("calc(%s * var(--mm))", Num(v)) }

// Num formats a number without trailing zeros: 297, 12.5, 0.25.
func Num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 3, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}
