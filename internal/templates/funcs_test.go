package templates

import (
	"fmt"
	"html/template"
	"strings"
	"testing"

	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/site"
	"loa/internal/view"
)

func figs(years ...int) []content.Figure {
	var out []content.Figure
	for i, y := range years {
		out = append(out, content.Figure{Value: fmt.Sprint(i), Label: "l", Year: y})
	}
	return out
}

func TestCommonYear(t *testing.T) {
	for _, tc := range []struct {
		figures []content.Figure
		want    int
	}{
		{nil, 0},
		{figs(2030), 2030},
		{figs(2030, 2030, 2030), 2030},
		{figs(2030, 2045), 0},
		{figs(0, 0), 0},
		{figs(2030, 0), 0},
	} {
		if got := CommonYear(tc.figures); got != tc.want {
			t.Errorf("CommonYear(%v) = %d, want %d", tc.figures, got, tc.want)
		}
	}
}

func TestHeadlines(t *testing.T) {
	goals := func(years ...[]int) []*view.Page {
		v := view.New(&site.Site{Config: config.Default()}, &view.Recorder{})
		var out []*view.Page
		for i, ys := range years {
			out = append(out, v.Page(site.NewPage(&content.Page{Title: fmt.Sprint("g", i), Path: fmt.Sprint(i), Figures: figs(ys...)}, "", "", nil)))
		}
		return out
	}
	show := func(hs []Headline) string {
		var b []string
		for _, h := range hs {
			b = append(b, fmt.Sprintf("%s:%d", h.Page.Title(), h.Year))
		}
		return strings.Join(b, " ")
	}
	for _, tc := range []struct {
		years [][]int
		n     int
		want  string
	}{
		// The first figure of each goal, of the year most have.
		{[][]int{{2030, 2045}, {2030}, {2045}, {2030}}, 4, "g0:2030 g1:2030 g3:2030"},
		{[][]int{{2030}, {2030}, {2030}, {2030}, {2030}}, 4, "g0:2030 g1:2030 g2:2030 g3:2030"},
		// A tie goes to the earlier year; goals without figures are
		// skipped.
		{[][]int{{2045}, {}, {2030}}, 4, "g2:2030"},
		{[][]int{{}, {}}, 4, ""},
		{nil, 4, ""},
		{[][]int{{2030}, {2030}}, 1, "g0:2030"},
	} {
		if got := show(Headlines(goals(tc.years...), tc.n)); got != tc.want {
			t.Errorf("Headlines(%v, %d) = %q, want %q", tc.years, tc.n, got, tc.want)
		}
	}
}

func TestTel(t *testing.T) {
	tel := Funcs()["tel"].(func(config.Contact) template.URL)
	for phone, want := range map[string]string{"0221 3862 000": "tel:02213862000", "+84 (221) 3.862.000": "tel:+842213862000", "": ""} {
		if got := string(tel(config.Contact{Phone: phone})); got != want {
			t.Errorf("tel(%q) = %q, want %q", phone, got, want)
		}
	}
}

func TestFigureValue(t *testing.T) {
	for in, want := range map[string]string{
		"16–18%/năm": `<span class="nobr">16–18%/</span><wbr><span class="nobr">năm</span>`,
		"≥ 30%":      `<span class="nobr">≥ 30%</span>`,
		"a/b/<c>":    `<span class="nobr">a/</span><wbr><span class="nobr">b/</span><wbr><span class="nobr">&lt;c&gt;</span>`,
		"":           ``,
	} {
		if got := string(FigureValue(in)); got != want {
			t.Errorf("FigureValue(%q) = %s, want %s", in, got, want)
		}
	}
}
