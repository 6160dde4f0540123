package content

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestColumns(t *testing.T) {
	// "Việt Nam" decomposed: ệ is e, U+0323, U+0302.
	file := "title = \"" + norm.NFD.String("Việt Nam đẹp") + "\" x\r\nplain line\n" + norm.NFD.String("ệabc ỗ") + "z\n"
	c := NewColumns([]byte(file))
	tests := []struct{ line, col, want int }{
		{1, 1, 1},   // t
		{1, 10, 10}, // V
		{1, 12, 12}, // ệ starts where it is written
		{1, 13, 15}, // t, after e and two marks
		{1, 15, 17}, // N
		{1, 19, 21}, // đ: no decomposition
		{1, 20, 22}, // ẹ
		{1, 21, 24}, // p
		{1, 24, 27}, // x
		{2, 5, 5},   // a line that NFC leaves alone
		{3, 1, 1},   // ệ
		{3, 2, 4},   // a
		{3, 4, 6},   // c
		{3, 6, 8},   // ỗ
		{3, 7, 11},  // z
	}
	for _, tt := range tests {
		if got := c.Col(tt.line, tt.col); got != tt.want {
			t.Errorf("Col(%d, %d) = %d, want %d", tt.line, tt.col, got, tt.want)
		}
	}
	if c := NewColumns([]byte("title = \"Việt\"\n")); len(c.lines) != 0 {
		t.Error("an NFC file has columns to map")
	}
}

// FuzzColumns checks that every column of the normalised text maps into
// its line as written, in order.
func FuzzColumns(f *testing.F) {
	f.Add("title = \"Vie\u0323\u0302t\"\nx\r\ny")
	f.Add("\uFEFFa\u0301\u0302b\u0308")
	f.Fuzz(func(t *testing.T, s string) {
		c := NewColumns([]byte(s))
		for line, segs := range c.lines {
			last := 0
			for col := 1; col <= segs[len(segs)-1].nfc; col++ {
				got := c.Col(line, col)
				if got < last || got < 1 {
					t.Fatalf("line %d: Col(%d) = %d after %d in %q", line, col, got, last, s)
				}
				last = got
			}
		}
	})
}
