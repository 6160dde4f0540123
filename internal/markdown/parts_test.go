package markdown

import (
	"strings"
	"testing"
)

func TestRenderParts(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		want   []string // each part's HTML
		breaks []int
	}{
		{
			// README's own example: "---" right under text, which
			// CommonMark reads as a heading underline.
			name:   "under text",
			src:    "## Nghị quyết 57\nMột đoạn.\n---\n## Những con số\nHai.\n",
			want:   []string{"<h2 id=\"phan-1-nghi-quyet-57\">Nghị quyết 57</h2>\n<p>Một đoạn.</p>\n", "<h2 id=\"phan-2-nhung-con-so\">Những con số</h2>\n<p>Hai.</p>\n"},
			breaks: []int{3},
		},
		{
			name:   "blank lines, other marks, an empty part",
			src:    "Bìa.\n\n***\n\n- - -\n\nBa.\n\n___\n",
			want:   []string{"<p>Bìa.</p>\n", "", "<p>Ba.</p>\n", ""},
			breaks: []int{3, 5, 9},
		},
		{
			name: "no part",
			src:  "Chỉ một phần.\n",
			want: []string{"<p>Chỉ một phần.</p>\n"},
		},
		{
			// Inside a list, a quotation or code, a line of dashes is not
			// a break between parts.
			name: "nested",
			src:  "- một\n  ---\n\n> hai\n> ---\n\n```\n---\n```\n\n    ---\n",
			want: []string{"<ul>\n<li>\n<h2 id=\"phan-1-mot\">một</h2>\n</li>\n</ul>\n<blockquote>\n<h2 id=\"phan-1-hai\">hai</h2>\n</blockquote>\n<pre><code>---\n</code></pre>\n<pre><code>---\n</code></pre>\n"},
		},
		{
			name: "setext heading with =",
			src:  "Tiêu đề\n===\n",
			want: []string{"<h1 id=\"phan-1-tieu-de\">Tiêu đề</h1>\n"},
		},
		{
			name: "list item then dashes",
			src:  "- một\n---\nhai\n",
			want: []string{"<ul>\n<li>một</li>\n</ul>\n", "<p>hai</p>\n"}, breaks: []int{2},
		},
	}
	r := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := r.RenderParts([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(got.HTML) != len(tt.want) {
				t.Fatalf("%d parts %q, want %d", len(got.HTML), got.HTML, len(tt.want))
			}
			for i := range tt.want {
				if string(got.HTML[i]) != tt.want[i] {
					t.Errorf("part %d:\n%s\nwant\n%s", i+1, got.HTML[i], tt.want[i])
				}
			}
			if !equalInts(got.Breaks, tt.breaks) {
				t.Errorf("breaks at lines %v, want %v", got.Breaks, tt.breaks)
			}
		})
	}
}

// TestPartsFootnotes checks that each footnote is printed with the part
// that refers to it, numbered within the part, and that the parts' ids do
// not collide.
func TestPartsFootnotes(t *testing.T) {
	src := "Một[^a] và hai[^b].\n\n---\n\nBa[^c], lại một[^a].\n\n[^a]: Ghi chú A.\n[^b]: Ghi chú B.\n[^c]: Ghi chú C.\n"
	got, err := New().RenderParts([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`<p>Một<sup id="phan-1-fnref:1"><a href="#phan-1-fn:1" class="footnote-ref" role="doc-noteref">1</a></sup> và hai<sup id="phan-1-fnref:2"><a href="#phan-1-fn:2" class="footnote-ref" role="doc-noteref">2</a></sup>.</p>
<div class="footnotes" role="doc-endnotes">
<ol>
<li id="phan-1-fn:1">
<p>Ghi chú A.</p>
</li>
<li id="phan-1-fn:2">
<p>Ghi chú B.</p>
</li>
</ol>
</div>
`,
		`<p>Ba<sup id="phan-2-fnref:1"><a href="#phan-2-fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>, lại một<sup id="phan-2-fnref:2"><a href="#phan-2-fn:2" class="footnote-ref" role="doc-noteref">2</a></sup>.</p>
<div class="footnotes" role="doc-endnotes">
<ol>
<li id="phan-2-fn:1">
<p>Ghi chú C.</p>
</li>
<li id="phan-2-fn:2">
<p>Ghi chú A.</p>
</li>
</ol>
</div>
`,
	}
	if len(got.HTML) != 2 {
		t.Fatalf("%d parts", len(got.HTML))
	}
	for i := range want {
		if string(got.HTML[i]) != want[i] {
			t.Errorf("part %d:\n%s\nwant\n%s", i+1, got.HTML[i], want[i])
		}
	}
	// The one-piece rendering of the web page is unchanged: one list at
	// the end, with links back.
	web, err := New().Render([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if h := string(web.HTML); strings.Count(h, `class="footnotes"`) != 1 || !strings.Contains(h, "footnote-backref") || !strings.Contains(h, "<hr>") {
		t.Errorf("web rendering changed:\n%s", h)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// FuzzRenderParts checks that any text renders without a panic, in one
// part more than it has breaks, each break on a line of the text.
func FuzzRenderParts(f *testing.F) {
	for _, s := range []string{"a\n---\nb", "[^1]\n\n---\n\n[^1]: x", "- a\n  ---\n", "```\n---", "---", "a\n===\n---\n", "> a\n---\n"} {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, src string) {
		p, err := r.RenderParts([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if len(p.HTML) != len(p.Breaks)+1 {
			t.Fatalf("%d parts, %d breaks", len(p.HTML), len(p.Breaks))
		}
		lines := strings.Count(src, "\n") + 1
		for _, l := range p.Breaks {
			if l < 1 || l > lines {
				t.Fatalf("break at line %d of %d", l, lines)
			}
		}
	})
}
