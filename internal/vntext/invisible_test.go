package vntext

import (
	"slices"
	"testing"
)

func TestFindInvisible(t *testing.T) {
	tests := []struct {
		in   string
		want []int // byte offsets
	}{
		{"Nghị quyết 57", nil},
		{"abc\u202Etxt", []int{3}},
		{"Nghị\u200Bquyết", []int{6}},
		{"a\u2060b\uFEFFc\u2066d\u2069", []int{1, 5, 9, 13}},
		{"x\x01y\x1b[31m", []int{1, 3}},
		{"tab\tand\nnewline\r\n", nil},
		{"no-break\u00A0space and narrow\u202Fone", nil}, // spaces that look like spaces
		{"TCVN3 M\u00adêng", nil},                        // TCVN3's ư: reported as legacy text
		{"👩\u200D💻 coder", nil},                          // emoji sequence
		{"a\u200Db", []int{1}},                           // a joiner between letters
		{"line\u2028break", []int{4}},
	}
	for _, tt := range tests {
		var got []int
		for _, c := range FindInvisible(tt.in) {
			got = append(got, c.Offset)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("FindInvisible(%q) at %v, want %v", tt.in, got, tt.want)
		}
	}
	if c, _ := InvisibleRune('\u202E'); c.String() != "a right-to-left override (U+202E)" {
		t.Errorf("U+202E is named %q", c)
	}
	if c, _ := InvisibleRune(0x07); c.String() != "a control character (U+0007)" {
		t.Errorf("BEL is named %q", c)
	}
	if _, ok := InvisibleRune('a'); ok {
		t.Error("a is invisible")
	}
}

func FuzzFindInvisible(f *testing.F) {
	f.Add("abc\u202Etxt 👩\u200D💻")
	f.Fuzz(func(t *testing.T, s string) {
		last := -1
		for _, c := range FindInvisible(s) {
			if c.Offset <= last || c.Offset >= len(s) {
				t.Fatalf("offset %d after %d in %q", c.Offset, last, s)
			}
			if _, ok := InvisibleRune(c.Rune); !ok || c.Name == "" {
				t.Fatalf("%U reported but not invisible", c.Rune)
			}
			last = c.Offset
		}
	})
}
