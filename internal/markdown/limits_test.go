package markdown

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"
)

func TestCheckLimits(t *testing.T) {
	nested := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i) + "- mục\n")
		}
		return b.String()
	}
	tests := []struct {
		name   string
		src    string
		offset int // -1: no problem
		msg    string
	}{
		{"a real page", "# Tiêu đề\n\n- một\n  - hai\n    - ba\n\n> trích\n> > lồng\n\n[liên kết](../x/) và ![ảnh](/img/a.jpg)\n", -1, ""},
		{"a list 100 levels deep", nested(100), -1, ""},
		{"a list 150 levels deep", nested(150), len(nested(100)), "lists or quotes are nested 101 levels deep here; loa reads at most 100"},
		{"markers on one line", "Mở đầu\n" + strings.Repeat("- ", 2000) + "x\n", len("Mở đầu\n"), "lists or quotes are nested 2000 levels deep here; loa reads at most 100"},
		{"quotes on one line", strings.Repeat(">", 300) + " x\n", 0, "lists or quotes are nested 300 levels deep here; loa reads at most 100"},
		{"deep indentation inside fenced code", "```\n" + strings.Repeat(" ", 400) + "x\n```\n", -1, ""},
		{"160 KB of [a](", "Mở đầu.\n\n" + strings.Repeat("[a](", 40000), len("Mở đầu.\n\n") + 2,
			"this paragraph has too many links opened with ]( and never closed for loa to read"},
		{"ten thousand closed links", strings.Repeat("[a](b) ", 10000), -1, ""},
		{"unclosed links spread over paragraphs", strings.Repeat("[a](\n\n", 20000), -1, ""},
	}
	for _, tt := range tests {
		ps := CheckLimits([]byte(tt.src))
		switch {
		case tt.offset < 0 && len(ps) > 0:
			t.Errorf("%s: problems %v, want none", tt.name, ps)
		case tt.offset >= 0 && (len(ps) != 1 || ps[0].Offset != tt.offset || ps[0].Msg != tt.msg || ps[0].Hint == ""):
			t.Errorf("%s: problems %v, want one at %d: %s", tt.name, ps, tt.offset, tt.msg)
		}
	}
}

// TestCheckLimitsFast checks that what CheckLimits lets through renders
// quickly, and that it is itself fast on what it refuses.
func TestCheckLimitsFast(t *testing.T) {
	r := New()
	for _, src := range []string{
		strings.Repeat("[a](", 3000),                             // just under MaxLinkScan
		strings.Repeat("- ", MaxDepth) + "x\n",                   // MaxDepth on one line
		strings.Repeat(strings.Repeat("- ", MaxDepth)+"x\n", 50), // fifty such lines
	} {
		if ps := CheckLimits([]byte(src)); len(ps) > 0 {
			t.Fatalf("refused %.40q...: %v", src, ps)
		}
		start := time.Now()
		if _, err := r.RenderWithin([]byte(src), Budget); err != nil {
			t.Fatal(err)
		}
		if took := time.Since(start); took > time.Second {
			t.Errorf("%.40q... took %v to render", src, took)
		}
	}
	start := time.Now()
	CheckLimits([]byte(strings.Repeat("[a](", 1<<18)))
	if took := time.Since(start); took > time.Second {
		t.Errorf("CheckLimits took %v on 1 MB of [a](", took)
	}
}

func TestRenderWithin(t *testing.T) {
	r := New()
	res, err := r.RenderWithin([]byte("Xin *chào*"), time.Second)
	if err != nil || string(res.HTML) != "<p>Xin <em>chào</em></p>\n" {
		t.Errorf("RenderWithin = %q, %v", res.HTML, err)
	}
	release := make(chan struct{})
	slow := func(doc any, src []byte) { <-release }
	start := time.Now()
	_, err = r.RenderWithin([]byte("x"), 50*time.Millisecond, func(_ ast.Node, src []byte) { slow(nil, src) })
	close(release)
	if !errors.Is(err, ErrSlow) || time.Since(start) > 2*time.Second {
		t.Errorf("a slow rendering gave %v after %v, want ErrSlow after 50ms", err, time.Since(start))
	}
}

func FuzzCheckLimits(f *testing.F) {
	f.Add("- - - x\n> > y\n[a](b) [c](\n\n```\n      code\n```\n")
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range CheckLimits([]byte(s)) {
			if p.Offset < 0 || p.Offset > len(s) || p.Msg == "" {
				t.Fatalf("problem %+v in %q", p, s)
			}
		}
	})
}
