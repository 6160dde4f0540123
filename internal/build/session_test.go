package build

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"loa"
)

func qa(title string, weight int) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("+++\ntitle = \"" + title + "\"\nweight = " + string(rune('0'+weight)) + "\n+++\nTrả lời: " + title + "\n")}
}

func TestSessionIncremental(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":     {Data: []byte("+++\ntitle = \"Trang\"\n+++\n")},
		"content/hoi-dap/a.md":  qa("Câu A?", 1),
		"content/hoi-dap/b.md":  qa("Câu B?", 2),
		"content/hoi-dap/c.md":  qa("Câu C?", 3),
		"content/nhiem-vu/x.md": qa("Nhiệm vụ X", 1),
		"static/css/extra.css":  {Data: []byte("a{}")},
	}
	s := NewSession(Options{Site: fsys, Defaults: loa.DefaultSite()})
	ctx := context.Background()
	rep, err := s.Rebuild(ctx, nil)
	if err != nil || len(rep.Problems) > 0 || !rep.Full {
		t.Fatalf("first build: %+v %v", rep, err)
	}
	get := func(name string) string {
		t.Helper()
		f, ok := s.Output().Get(name)
		if !ok {
			t.Fatalf("%s not in the output", name)
		}
		return string(f.Data)
	}
	untouched := s.Output().Names()
	xBefore, _ := s.Output().Get("nhiem-vu/x/index.html")

	// Edit one answer's title: its page, its neighbours, its list and the
	// home page change; another section's page does not.
	fsys["content/hoi-dap/b.md"] = qa("Câu B mới?", 2)
	rep, err = s.Rebuild(ctx, []string{"content/hoi-dap/b.md"})
	if err != nil || len(rep.Problems) > 0 || rep.Full {
		t.Fatalf("edit: %+v %v", rep, err)
	}
	for _, name := range []string{"hoi-dap/b/index.html", "hoi-dap/a/index.html", "hoi-dap/c/index.html", "hoi-dap/index.html", "index.html"} {
		if !strings.Contains(get(name), "Câu B mới?") {
			t.Errorf("%s does not show the new title", name)
		}
	}
	if xAfter, _ := s.Output().Get("nhiem-vu/x/index.html"); !xAfter.ModTime.Equal(xBefore.ModTime) {
		t.Error("a page of another section was rendered again")
	}
	// 6 web files (the page, 2 neighbours, the list, home, sitemap) and the
	// 5 print files that quote Q&A (composed leaflet, flyer, poster, index,
	// manifest).
	if rep.Rendered != 11 {
		t.Errorf("rendered %d files for one edit, want 11", rep.Rendered)
	}
	if len(s.Output().Names()) != len(untouched) {
		t.Errorf("files: %d, want %d", len(s.Output().Names()), len(untouched))
	}

	// A mistake: the output stays, the problem is reported; fixing it
	// recovers.
	fsys["content/hoi-dap/b.md"] = &fstest.MapFile{Data: []byte("+++\ntitel = \"x\"\n+++\n")}
	rep, _ = s.Rebuild(ctx, []string{"content/hoi-dap/b.md"})
	if len(rep.Problems) != 2 || !strings.Contains(rep.Problems[1].String(), `unknown key "titel"`) {
		t.Fatalf("problems = %v", rep.Problems)
	}
	if !strings.Contains(get("hoi-dap/b/index.html"), "Câu B mới?") {
		t.Error("the last good page was not kept")
	}
	fsys["content/hoi-dap/b.md"] = qa("Câu B sửa?", 2)
	rep, _ = s.Rebuild(ctx, []string{"content/hoi-dap/b.md"})
	if len(rep.Problems) > 0 || !strings.Contains(get("hoi-dap/a/index.html"), "Câu B sửa?") {
		t.Fatalf("did not recover: %v", rep.Problems)
	}

	// A deleted page disappears, and its neighbours lose it.
	delete(fsys, "content/hoi-dap/c.md")
	if rep, _ = s.Rebuild(ctx, []string{"content/hoi-dap/c.md"}); len(rep.Problems) > 0 {
		t.Fatal(rep.Problems)
	}
	if _, ok := s.Output().Get("hoi-dap/c/index.html"); ok {
		t.Error("deleted page still served")
	}
	if strings.Contains(get("hoi-dap/b/index.html"), "Câu C?") {
		t.Error("neighbour still links to the deleted page")
	}

	// A new section changes every page's navigation: all are rendered.
	fsys["content/khau-hieu/k.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Đổi mới\"\n+++\n")}
	rep, _ = s.Rebuild(ctx, []string{"content/khau-hieu/k.md"})
	if !rep.Full || !strings.Contains(get("nhiem-vu/x/index.html"), "khau-hieu/") {
		t.Errorf("new section: full = %v", rep.Full)
	}
	if _, ok := s.Output().Get("in/bang-ron/k.html"); !ok {
		t.Error("the new slogan has no banner")
	}

	// A style sheet alone.
	fsys["static/css/extra.css"] = &fstest.MapFile{Data: []byte("b{}")}
	rep, _ = s.Rebuild(ctx, []string{"static/css/extra.css"})
	if !rep.CSSOnly || get("css/extra.css") != "b{}" {
		t.Errorf("css change: %+v", rep)
	}

	// A layout: everything again.
	fsys["layouts/single.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<p class="mine">{{.Page.Title}}</p>{{end}}`)}
	rep, _ = s.Rebuild(ctx, []string{"layouts/single.html"})
	if !rep.Full || !strings.Contains(get("hoi-dap/a/index.html"), `<p class="mine">`) {
		t.Errorf("layout change: %+v", rep)
	}
}
