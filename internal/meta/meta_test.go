package meta

import (
	"strings"
	"testing"
	"unicode/utf8"

	"loa/internal/content"
)

func TestAddress(t *testing.T) {
	for _, tc := range []struct{ base, want string }{
		{"https://nq57.hungyen.gov.vn/", "nq57.hungyen.gov.vn"},
		{"https://www.hungyen.gov.vn/nq57/", "hungyen.gov.vn/nq57"},
		{"http://NQ57.Example.vn:8080/", "nq57.example.vn:8080"},
		{"not a url/", "not a url"},
	} {
		if got := Address(tc.base); got != tc.want {
			t.Errorf("Address(%q) = %q, want %q", tc.base, got, tc.want)
		}
	}
}

func TestPlainText(t *testing.T) {
	for _, tc := range []struct{ html, want string }{
		{"<p>Nghị quyết số <strong>57-NQ/TW</strong> do Bộ Chính trị ban hành.</p>", "Nghị quyết số 57-NQ/TW do Bộ Chính trị ban hành."},
		{"<ol>\n<li>Quan điểm;</li>\n<li>Mục tiêu.</li>\n</ol>", "Quan điểm;\nMục tiêu."},
		{"<table><tr><th>Chỉ tiêu</th><th>2030</th></tr><tr><td>Kinh tế số</td><td>30%</td></tr></table>", "Chỉ tiêu 2030\nKinh tế số 30%"},
		{"<p>&quot;về đột phá&quot; &amp; &lt;b&gt;</p>", `"về đột phá" & <b>`},
		{"<p>một<br>hai</p>", "một\nhai"},
		{"dở <", "dở"},
		{"<>x</>", "x"},
	} {
		if got := PlainText(tc.html); got != tc.want {
			t.Errorf("PlainText(%q) = %q, want %q", tc.html, got, tc.want)
		}
	}
}

func FuzzPlainText(f *testing.F) {
	f.Add("<p>Nghị quyết <em>57</em></p><ul><li>a</li></ul>")
	f.Add("<</>>&amp;")
	f.Fuzz(func(t *testing.T, h string) {
		got := PlainText(h)
		if utf8.ValidString(h) && !utf8.ValidString(got) {
			t.Fatalf("PlainText(%q) = %q: not UTF-8", h, got)
		}
		if strings.Contains(got, "\n\n") {
			t.Fatalf("PlainText(%q) has an empty line", h)
		}
	})
}

func TestCommonYear(t *testing.T) {
	for _, tc := range []struct {
		figs []content.Figure
		want int
	}{
		{nil, 0},
		{[]content.Figure{{Year: 2030}, {Year: 2030}}, 2030},
		{[]content.Figure{{Year: 2030}, {Year: 2045}}, 0},
		{[]content.Figure{{Year: 2030}, {}}, 0},
	} {
		if got := commonYear(tc.figs); got != tc.want {
			t.Errorf("commonYear(%v) = %d, want %d", tc.figs, got, tc.want)
		}
	}
}
