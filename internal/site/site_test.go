package site

import (
	"reflect"
	"strings"
	"testing"

	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/vntext"
)

var coll = vntext.NewCollator()

func page(path, kind, section, url, title string, weight int) *Page {
	return NewPage(&content.Page{Path: path, Kind: kind, Section: section, URL: url, Title: title, Weight: weight}, "", "", coll)
}

func TestAssembleOrder(t *testing.T) {
	cfg := config.Default()
	qa := func(name, title string, w int) *Page {
		return page("content/hoi-dap/"+name+".md", config.KindQA, "hoi-dap", "hoi-dap/"+name+"/", title, w)
	}
	pages := []*Page{
		qa("e", "Ơ", 0), qa("d", "Ô", 0), qa("c", "O", 0), qa("b", "Đa", 0), qa("a", "Da", 0),
		qa("w2", "Zeta", 2), qa("w1", "Alpha", 1),
		page("content/hoi-dap/nhap.md", config.KindQA, "hoi-dap", "hoi-dap/nhap/", "Nháp", 0),
		page("content/quan-diem/x.md", config.KindViewpoint, "quan-diem", "quan-diem/x/", "X", 0),
		page("content/tin/y.md", content.KindPage, "tin", "tin/y/", "Y", 0),
		page("content/muc-tieu/_index.md", content.KindSection, "muc-tieu", "muc-tieu/", "Mục tiêu riêng", 1),
		page("content/muc-tieu/z.md", config.KindGoal, "muc-tieu", "muc-tieu/z/", "Z", 0),
	}
	pages[7].Page.Draft = true
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
	if s.Prev(items[0]) != nil || s.Next(items[0]) != items[1] || s.Prev(items[1]) != items[0] || s.Next(items[len(items)-1]) != nil {
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
	pages := []*Page{
		page("content/hoi-dap/trung.md", config.KindQA, "hoi-dap", "hoi-dap/trung/", "A", 0),
		page("content/hoi-dap/Trùng.md", config.KindQA, "hoi-dap", "hoi-dap/trung/", "B", 0),
		page("content/hoi-dap.md", content.KindPage, "", "hoi-dap/", "C", 0),
		// Two folders whose names give one slug, neither with _index.md.
		page("content/Tin tức/a.md", content.KindPage, "Tin tức", "tin-tuc/a/", "A", 0),
		page("content/tin-tuc/b.md", content.KindPage, "tin-tuc", "tin-tuc/b/", "B", 0),
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
		"content/tin-tuc/: URL /tin-tuc/ is already used by the section folder content/Tin tức/",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

// TestAssembleKeepsPages checks that assembling never changes a page: the
// live preview shares pages between versions of the site.
func TestAssembleKeepsPages(t *testing.T) {
	cfg := config.Default()
	cfg.Title = "Trang"
	home := page("content/_index.md", content.KindHome, "", "", "", 0)
	sec := page("content/hoi-dap/_index.md", content.KindSection, "hoi-dap", "hoi-dap/", "", 0)
	a := page("content/hoi-dap/a.md", config.KindQA, "hoi-dap", "hoi-dap/a/", "A", 0)
	before := *home.Page
	s, _ := Assemble(cfg, []*Page{home, sec, a}, false)
	if s.Home.Title != "Trang" || home.Title != "" || !reflect.DeepEqual(*home.Page, before) {
		t.Errorf("home title %q; the parsed home page changed: %+v", s.Home.Title, home.Page)
	}
	if s.Home.ID() != "content/_index.md" {
		t.Errorf("home ID = %q", s.Home.ID())
	}
	if got := s.Sections[0].Page; got.Title != "Hỏi – đáp" || sec.Title != "" || got.ID() != sec.ID() {
		t.Errorf("section page %q (%s); parsed %q", got.Title, got.ID(), sec.Title)
	}
	s2, _ := Assemble(cfg, []*Page{a}, false)
	if s2.Home.ID() != "home:" || s2.Sections[0].Page.ID() != "section:hoi-dap" {
		t.Errorf("made-up IDs %q %q", s2.Home.ID(), s2.Sections[0].Page.ID())
	}
}
