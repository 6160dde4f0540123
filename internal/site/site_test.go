package site

import (
	"strings"
	"testing"

	"loa/internal/config"
	"loa/internal/content"
)

func page(path, kind, section, url, title string, weight int) *content.Page {
	return &content.Page{Path: path, Kind: kind, Section: section, URL: url, Title: title, Weight: weight}
}

func TestAssembleOrder(t *testing.T) {
	cfg := config.Default()
	qa := func(name, title string, w int) *content.Page {
		return page("content/hoi-dap/"+name+".md", config.KindQA, "hoi-dap", "hoi-dap/"+name+"/", title, w)
	}
	pages := []*content.Page{
		qa("e", "Ơ", 0), qa("d", "Ô", 0), qa("c", "O", 0), qa("b", "Đa", 0), qa("a", "Da", 0),
		qa("w2", "Zeta", 2), qa("w1", "Alpha", 1),
		page("content/hoi-dap/nhap.md", config.KindQA, "hoi-dap", "hoi-dap/nhap/", "Nháp", 0),
		page("content/quan-diem/x.md", config.KindViewpoint, "quan-diem", "quan-diem/x/", "X", 0),
		page("content/tin/y.md", content.KindPage, "tin", "tin/y/", "Y", 0),
		page("content/muc-tieu/_index.md", content.KindSection, "muc-tieu", "muc-tieu/", "Mục tiêu riêng", 1),
		page("content/muc-tieu/z.md", config.KindGoal, "muc-tieu", "muc-tieu/z/", "Z", 0),
	}
	pages[7].Draft = true
	s, ds := Assemble(cfg, pages, false)
	if len(ds) != 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	// Weighted items first, then Vietnamese dictionary order: D < Đ, O < Ô < Ơ.
	var got []string
	for _, p := range s.Items(config.KindQA) {
		got = append(got, p.Title)
	}
	if want := "Alpha Zeta Da Đa O Ô Ơ"; strings.Join(got, " ") != want {
		t.Errorf("order = %q, want %q", strings.Join(got, " "), want)
	}
	// Sections: weighted _index first, then the resolution's order, then others.
	var secs []string
	for _, sec := range s.Sections {
		secs = append(secs, sec.Name+"="+sec.Page.Title)
	}
	if want := "muc-tieu=Mục tiêu riêng quan-diem=Quan điểm chỉ đạo hoi-dap=Hỏi – đáp tin=tin"; strings.Join(secs, " ") != want {
		t.Errorf("sections = %q, want %q", strings.Join(secs, " "), want)
	}
	items := s.Items(config.KindQA)
	if items[0].Prev != nil || items[0].Next != items[1] || items[len(items)-1].Next != nil {
		t.Error("prev/next not linked")
	}
	if s.Home == nil || s.Home.Kind != content.KindHome {
		t.Error("no home page made up")
	}
	s, _ = Assemble(cfg, pages, true)
	if len(s.Items(config.KindQA)) != 8 {
		t.Error("--drafts did not include the draft")
	}
}

func TestAssembleDuplicateURLs(t *testing.T) {
	cfg := config.Default()
	pages := []*content.Page{
		page("content/hoi-dap/trung.md", config.KindQA, "hoi-dap", "hoi-dap/trung/", "A", 0),
		page("content/hoi-dap/Trùng.md", config.KindQA, "hoi-dap", "hoi-dap/trung/", "B", 0),
		page("content/hoi-dap.md", content.KindPage, "", "hoi-dap/", "C", 0),
	}
	_, ds := Assemble(cfg, pages, false)
	var msgs []string
	for _, d := range ds.Sort() {
		msgs = append(msgs, d.String())
	}
	got := strings.Join(msgs, "\n")
	for _, want := range []string{
		"content/hoi-dap/trung.md: URL /hoi-dap/trung/ is already used by content/hoi-dap/Trùng.md",
		"content/hoi-dap.md: URL /hoi-dap/ is already used by the section folder content/hoi-dap/",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}
