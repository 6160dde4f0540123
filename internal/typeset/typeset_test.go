package typeset

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"loa/internal/markdown"
)

func family(t testing.TB, name string) *Family {
	t.Helper()
	var fs Fonts
	read := func(p string) ([]byte, error) { return os.ReadFile("../../" + p) }
	f, err := fs.Family(read, `"`+name+`"`, "static/fonts/"+strings.ReplaceAll(name, " ", "")+"-Regular.ttf",
		"static/fonts/"+strings.ReplaceAll(name, " ", "")+"-Bold.ttf", "static/fonts/"+strings.ReplaceAll(name, " ", "")+"-Italic.ttf")
	if err != nil {
		t.Fatal(err)
	}
	return f
}

const para = "Nghị quyết đặt mục tiêu đến năm 2030, đóng góp của năng suất nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế đạt trên 55%; " +
	"tỉ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt trên 40% tổng số doanh nghiệp, và kinh tế số đạt tối thiểu 30% GDP."

// TestLinesFit checks every line against the font measured independently
// of Lines: the line's own text, as one string, fits the measure; no word
// is lost, split or reordered; lines end only at spaces.
func TestLinesFit(t *testing.T) {
	f := family(t, "Noto Serif")
	for _, width := range []float64{40, 60, 90, 117, 170} {
		for _, align := range []Align{Left, Justify} {
			st := &Style{Class: "b", Family: f, Size: PT(10.5), Leading: 5, Align: align, Indent: 5}
			lines := Lines(st, []markdown.Run{{Text: para}}, width)
			var words []string
			for i, ln := range lines {
				room := width * (1 - Safety)
				if i == 0 {
					room -= st.Indent
				}
				if w := f.Regular.Width(ln.Text(), st.Size); w > room+1e-9 {
					t.Errorf("width %g: line %d %q is %.2f mm, more than %.2f", width, i, ln.Text(), w, room)
				}
				if ln.Justify != (align == Justify && i < len(lines)-1) {
					t.Errorf("width %g: line %d justified = %v", width, i, ln.Justify)
				}
				words = append(words, strings.Fields(ln.Text())...)
			}
			if got := strings.Join(words, " "); got != para {
				t.Errorf("width %g: the lines hold %q", width, got)
			}
		}
	}
}

// TestLinesKeep checks that vnbreak's Keep gaps hold: "năm 2030", "30%
// GDP" and a no-break space never end a line when another break fits.
func TestLinesKeep(t *testing.T) {
	f := family(t, "Noto Sans")
	st := &Style{Class: "b", Family: f, Size: 4, Leading: 6}
	text := "đến năm 2030 kinh tế số đạt 30% GDP theo Nghị quyết 57-NQ/TW do Tổng Bí thư Tô\u00a0Lâm ký"
	for width := 25.0; width <= 120; width += 2.5 {
		for _, ln := range Lines(st, []markdown.Run{{Text: text}}, width) {
			s := ln.Text()
			for _, bad := range []string{"năm", "30%", "Tô"} {
				if strings.HasSuffix(s, " "+bad) || s == bad {
					t.Errorf("width %g: a line ends with %q: %q", width, bad, s)
				}
			}
		}
	}
}

// TestLinesStyles checks that a word set in two styles stays one word and
// that a forced break (a hard line break) ends a line unjustified.
func TestLinesStyles(t *testing.T) {
	f := family(t, "Noto Sans")
	st := &Style{Class: "b", Family: f, Size: 4, Leading: 6, Align: Justify}
	runs := []markdown.Run{{Text: "Số "}, {Text: "57", Style: markdown.Bold}, {Text: "-NQ/TW rất dài dòng một\nhai ba bốn năm sáu bảy tám chín mười"}}
	lines := Lines(st, runs, 300)
	if len(lines) != 2 || lines[0].Text() != "Số 57-NQ/TW rất dài dòng một" || lines[0].Justify {
		t.Fatalf("lines = %+v", lines)
	}
	if len(lines[0].Spans) < 3 || lines[0].Spans[1].Text != "57" || lines[0].Spans[1].Style != markdown.Bold {
		t.Errorf("spans = %+v", lines[0].Spans)
	}
	want := f.Regular.Width("Số ", 4) + f.Bold.Width("57", 4) + f.Regular.Width("-NQ/TW rất dài dòng một", 4)
	if d := lines[0].Width - want; d > 1e-9 || d < -1e-9 {
		t.Errorf("width %.4f, want %.4f", lines[0].Width, want)
	}
}

func items(spec string) []Item {
	// "k" a kept line, "l" a line, "g" glue, "b" a line that breaks before;
	// each 10 mm high.
	var out []Item
	for i, c := range spec {
		it := Item{H: 10, Text: fmt.Sprint(i)}
		switch c {
		case 'k':
			it.Keep = true
		case 'g':
			it.Glue = true
		case 'b':
			it.Break = true
		}
		out = append(out, it)
	}
	return out
}

func texts(pages []Page) string {
	var out []string
	for _, p := range pages {
		var t []string
		for _, it := range p.Items {
			t = append(t, it.Text)
		}
		out = append(out, strings.Join(t, ","))
	}
	return strings.Join(out, " / ")
}

func TestPaginate(t *testing.T) {
	tests := []struct {
		name, spec string
		height     float64
		want       string
	}{
		{"fills pages", "llllll", 30, "0,1,2 / 3,4,5"},
		{"a kept pair moves whole", "llkll", 30, "0,1 / 2,3,4"},
		{"glue is dropped at a page's head and foot", "llgll", 30, "0,1 / 3,4"},
		{"glue inside a page stays", "lgll", 40, "0,1,2,3"},
		{"a forced break", "lbll", 40, "0 / 1,2,3"},
		{"a chain longer than a page breaks where full", "kkkkl", 30, "0,1,2 / 3,4"},
		{"an item taller than the page stands alone", "l", 5, "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := texts(Paginate(items(tt.spec), tt.height)); got != tt.want {
				t.Errorf("Paginate(%s, %g) = %s, want %s", tt.spec, tt.height, got, tt.want)
			}
		})
	}
	if p := Paginate(items("l"), 5); p[0].Over != 5 {
		t.Errorf("Over = %g, want 5", p[0].Over)
	}
}

// TestFlowKeeps sets real text and checks the keep rules page by page: no
// page ends with a heading, no page holds a single line of a paragraph of
// several, and no page is taller than the page.
func TestFlowKeeps(t *testing.T) {
	sans, serif := family(t, "Noto Sans"), family(t, "Noto Serif")
	th := Theme{
		Body: Style{Class: "b", Family: serif, Size: PT(10.5), Leading: 5.3, Align: Justify},
		Item: Style{Class: "i", Family: serif, Size: PT(10.5), Leading: 5.3}, Quote: Style{Class: "q", Family: serif, Size: 3.7, Leading: 5.3},
		Code: Style{Class: "c", Family: serif, Size: 3.7, Leading: 5.3}, Cell: Style{Class: "t", Family: serif, Size: 3.2, Leading: 4.5},
		HeadCell: Style{Class: "th", Family: serif, Base: markdown.Bold, Size: 3.2, Leading: 4.5},
		After:    1.5, Indent: 5, CellPad: 1, TableGap: 2,
	}
	for i := range th.Headings {
		th.Headings[i] = Style{Class: fmt.Sprint("h", i), Family: sans, Base: markdown.Bold, Size: 4.2, Leading: 6}
		th.Before[i], th.Under[i] = 3, 1
	}
	var src strings.Builder
	for i := range 12 {
		fmt.Fprintf(&src, "## Mục %d\n\n%s %s\n\n- %s\n- ngắn\n\n", i, para, para, para)
	}
	blocks := markdown.New().Blocks([]byte(src.String()))
	var sh Sheet
	its, _ := th.Flow(&sh, blocks, 117, nil)
	for _, h := range []float64{60, 100, 175} {
		pages := Paginate(its, h)
		for n, p := range pages {
			if p.Height() > h+1e-9 {
				t.Errorf("height %g: page %d is %.1f mm", h, n+1, p.Height())
			}
			last := p.Items[len(p.Items)-1]
			if last.Keep && n < len(pages)-1 {
				t.Errorf("height %g: page %d ends with %q, which keeps with the next", h, n+1, last.Text)
			}
			if strings.HasPrefix(last.Text, "Mục") {
				t.Errorf("height %g: page %d ends with the heading %q", h, n+1, last.Text)
			}
		}
	}
	css := sh.CSS()
	for _, want := range []string{".l.b{", ".l.h2{", "font-size:3.704mm", ".l.j{text-align:justify;text-align-last:justify}"} {
		if !strings.Contains(css, want) {
			t.Errorf("the CSS lacks %q", want)
		}
	}
}
