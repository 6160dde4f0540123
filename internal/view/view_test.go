package view

import (
	"fmt"
	"slices"
	"testing"

	"loa/internal/content"
	"loa/internal/site"
)

// TestItemReadsTheListOnly: finding one item by its file depends on the
// section's list, not on every item's fields, so an output made from one
// question of thousands is not made again when another changes.
func TestItemReadsTheListOnly(t *testing.T) {
	sec := &site.Section{Name: "hoi-dap", Kind: "qa"}
	for i := range 1000 {
		src := &content.Page{Path: fmt.Sprintf("content/hoi-dap/q%d.md", i), Kind: "qa", Section: "hoi-dap", Title: fmt.Sprint("Câu ", i)}
		sec.Items = append(sec.Items, site.NewPage(src, "", "", nil))
	}
	s := &site.Site{Sections: []*site.Section{sec}}
	var rec Recorder
	v := New(s, &rec)
	p := v.Item("qa", "content/hoi-dap/q777.md")
	if p == nil || p.Title() != "Câu 777" {
		t.Fatalf("Item = %v", p)
	}
	want := []Key{{What: Sections}, {ID: "content/hoi-dap/q777.md", What: Title}, {ID: "hoi-dap", What: Items}}
	slices.SortFunc(want, func(a, b Key) int {
		if a.ID != b.ID {
			return map[bool]int{true: -1, false: 1}[a.ID < b.ID]
		}
		return int(a.What) - int(b.What)
	})
	if got := rec.Keys(); !slices.Equal(got, want) {
		t.Errorf("read %v, want %v", got, want)
	}
	if v.Item("qa", "content/hoi-dap/none.md") != nil || v.Item("task", "content/hoi-dap/q1.md") != nil {
		t.Error("found a page that is not there")
	}
}
