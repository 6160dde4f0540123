package templates

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"loa/internal/meta"
	"loa/internal/view"
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
		// meta is what crawlers and link previews read of a web page:
		// {{$m := meta .Site .Page .URL}} (package meta).
		"meta": meta.Of,
	}
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
