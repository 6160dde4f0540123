package slides_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"loa"
	"loa/internal/diag"
	"loa/internal/pipeline"
)

// memory is an Output in memory.
type memory struct {
	mu    sync.Mutex
	files map[string]string
}

func (m *memory) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = string(data)
	return nil
}

func (m *memory) Remove(name string) error { return nil }

func build(t *testing.T, files map[string]string) (map[string]string, diag.List) {
	t.Helper()
	fsys := fstest.MapFS{"config.toml": {Data: []byte("base_url = \"https://nq57.hungyen.vn/\"\n")}}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	out := &memory{files: map[string]string{}}
	rep, err := pipeline.New(pipeline.Options{Site: fsys, Defaults: loa.DefaultSite(), Only: []string{"trinh-chieu"}}).
		Rebuild(context.Background(), nil, out)
	if err != nil {
		t.Fatal(err)
	}
	return out.files, rep.Problems
}

const deck = `+++
title = "Giới thiệu Nghị quyết 57"
+++

## Trang một

Nội dung **một**.

Ghi chú: nói chậm ở đây,
nhấn mạnh con số.

---

## Trang hai

Dòng thường
---

` + "```" + `
--- trong khối mã không phải là ngắt trang
` + "```" + `

---

## Trang ba

- Mục một
- Mục hai
`

func TestEditorDeck(t *testing.T) {
	files, ds := build(t, map[string]string{"content/trinh-chieu/gioi-thieu.md": deck})
	if ds.Errors() > 0 {
		t.Fatal(ds)
	}
	html := files["trinh-chieu/gioi-thieu/index.html"]
	// The cover, three slides, the closing slide.
	if n := strings.Count(html, `<section class="stage"`); n != 5 {
		t.Errorf("the deck has %d slides, want 5", n)
	}
	notes := regexp.MustCompile(`(?s)<aside class="notes" hidden>(.*?)</aside>`).FindAllStringSubmatch(html, -1)
	if len(notes) != 1 || !strings.Contains(notes[0][1], "nói chậm ở đây, nhấn mạnh con số.") {
		t.Errorf("notes = %q", notes)
	}
	if strings.Contains(html, "Ghi chú:") {
		t.Error("the notes' mark is shown on the slide")
	}
	if !strings.Contains(html, "trong khối mã không phải là ngắt trang") {
		t.Error("the code block's line is lost")
	}
	// The "---" under "Dòng thường" makes a heading, not a slide: a warning
	// at that line of the file.
	var found bool
	for _, d := range ds {
		if d.Severity == diag.SeverityWarning && d.Path == "content/trinh-chieu/gioi-thieu.md" && d.Line == 16 && strings.Contains(d.Msg, "heading, not a new slide") {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning at line 16 for the underlined line: %v", ds)
	}
	for _, f := range []string{"trinh-chieu/gioi-thieu/slides.js", "trinh-chieu/gioi-thieu/slides.css", "trinh-chieu/gioi-thieu/tokens.css",
		"trinh-chieu/gioi-thieu/fonts.css", "trinh-chieu/gioi-thieu/fonts/NotoSans-Bold.woff2", "trinh-chieu/gioi-thieu/trinh-chieu.css",
		"in/trinh-chieu/gioi-thieu.html", "in/trinh-chieu-a4/gioi-thieu.html", "trinh-chieu/index.html"} {
		if files[f] == "" {
			t.Errorf("%s is missing", f)
		}
	}
	// A site with no viewpoints, goals, tasks or questions has no composed deck.
	if _, ok := files["trinh-chieu/tong-hop/index.html"]; ok {
		t.Error("a composed deck of nothing")
	}
	// No inline script or style: the site's CSP allows neither.
	for name, text := range files {
		if strings.HasSuffix(name, "index.html") && strings.HasPrefix(name, "trinh-chieu/") {
			if regexp.MustCompile(`<script>|<style|\sstyle="|\son[a-z]+=`).MatchString(text) {
				t.Errorf("%s has an inline script or style", name)
			}
		}
	}
}

// TestOverflow checks that a slide too long for its box is an error that
// names the slide and the line of the file it starts at.
func TestOverflow(t *testing.T) {
	long := strings.Repeat("Đây là một câu rất dài để làm đầy trang chiếu. ", 60)
	src := fmt.Sprintf("+++\ntitle = \"Dài\"\n+++\n\n## Một\n\nNgắn.\n\n---\n\n## Hai\n\n%s\n", long)
	_, ds := build(t, map[string]string{"content/trinh-chieu/dai.md": src})
	var got []string
	for _, d := range ds {
		if d.Severity == diag.SeverityError {
			got = append(got, d.String())
		}
	}
	want := "content/trinh-chieu/dai.md:11:1: slide 3 does not fit"
	if len(got) != 1 || !strings.HasPrefix(got[0], want) {
		t.Errorf("errors = %q, want one starting %q", got, want)
	}
}

// TestTasksRunOn: a site of hundreds of task groups, some with long
// titles, gets a composed deck whose list runs on over as many slides as
// it needs, every title once and in order, with no slide overflowing.
func TestTasksRunOn(t *testing.T) {
	files := map[string]string{"content/nhiem-vu/_index.md": "+++\ntitle = \"Nhiệm vụ, giải pháp\"\n+++\n"}
	const n = 300
	for i := range n {
		title := fmt.Sprintf("Nhóm nhiệm vụ số %d", i+1)
		if i%7 == 3 {
			title += " về hoàn thiện thể chế, hạ tầng số và đào tạo nguồn nhân lực chất lượng cao cho chuyển đổi số"
		}
		files[fmt.Sprintf("content/nhiem-vu/n%03d.md", i)] = fmt.Sprintf("+++\ntitle = %q\nweight = %d\n+++\n\nNội dung.\n", title, i+1)
	}
	out, ds := build(t, files)
	if ds.Errors() > 0 {
		t.Fatal(ds)
	}
	html := out["trinh-chieu/tong-hop/index.html"]
	slides := strings.Count(html, `<section class="stage"`)
	// Seven short items fit a slide at the least size; the deck must not
	// take one slide per item either.
	if slides < 2+n/20 || slides > 2+n/4 {
		t.Errorf("%d slides for %d task groups", slides, n)
	}
	last := -1
	for i := range n {
		at := strings.Index(html, fmt.Sprintf(">Nhóm nhiệm vụ số %d<", i+1))
		if at < 0 {
			at = strings.Index(html, fmt.Sprintf(">Nhóm nhiệm vụ số %d ", i+1))
		}
		if at <= last {
			t.Fatalf("task %d is missing or out of order", i+1)
		}
		last = at
	}
	if !strings.Contains(html, fmt.Sprintf("%d NHÓM · 2/", n)) {
		t.Error("a continued slide does not say which part it is")
	}
}
