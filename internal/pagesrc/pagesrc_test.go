package pagesrc

import (
	"testing"

	"loa/internal/markdown"
)

func TestParse(t *testing.T) {
	data := []byte("\ufeff+++\r\ntitle = \"Thử\"\r\n+++\r\n\r\nDòng một.\r\n\r\n## Tiêu đề\r\n")
	src, err := parse(markdown.New(), "content/x.md", data)
	if err != nil {
		t.Fatal(err)
	}
	if src.BodyLine != 4 || len(src.Blocks) != 2 {
		t.Fatalf("body at %d, %d blocks", src.BodyLine, len(src.Blocks))
	}
	if l, c := src.At(src.Blocks[1].Start); l != 7 || c != 1 {
		t.Errorf("the heading is at %d:%d, want 7:1", l, c)
	}
	if l, c := src.Key("title"); l != 2 || c != 1 {
		t.Errorf("title at %d:%d, want 2:1", l, c)
	}
	if l, _ := src.Key("summary"); l != 1 {
		t.Errorf("a missing key at line %d, want 1", l)
	}
	// Four bytes into "Dòng một." is after "Dòn": the fourth column.
	if d := src.Warn(src.Blocks[0].Start+4, "x"); d.Line != 5 || d.Col != 4 || d.Path != "content/x.md" {
		t.Errorf("warning at %v", d)
	}
}
