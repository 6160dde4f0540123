package diag

import (
	"errors"
	"testing"
)

func TestString(t *testing.T) {
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{At("content/a.md", 3, 7, "unknown key %q", "titel"), `content/a.md:3:7: unknown key "titel"`},
		{At("content/a.md", 3, 0, "bad"), "content/a.md:3: bad"},
		{At("config.toml", 0, 0, "bad"), "config.toml: bad"},
		{At("a.md", 1, 1, "x").WithHint("did you mean %q?", "title"), "a.md:1:1: x\n\thint: did you mean \"title\"?"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func TestSortAndErr(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Fatal("empty list gave an error")
	}
	l.Add(At("b.md", 1, 1, "x"), At("a.md", 10, 1, "y"), At("a.md", 2, 5, "z"), At("a.md", 2, 5, "z"))
	err := l.Err()
	var de *Error
	if !errors.As(err, &de) {
		t.Fatalf("Err() = %T, want *Error", err)
	}
	want := "a.md:2:5: z\na.md:10:1: y\nb.md:1:1: x"
	if got := err.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestSuggest(t *testing.T) {
	keys := []string{"title", "slug", "weight", "date", "draft", "summary", "tags"}
	tests := []struct{ word, want string }{
		{"titel", "title"},
		{"tilte", "title"},
		{"Title", "title"},
		{"wieght", "weight"},
		{"tag", "tags"},
		{"summery", "summary"},
		{"colour", ""},
		{"x", ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.word, keys); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestPrintable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"content/hỏi-đáp/Nghị quyết.md", "content/hỏi-đáp/Nghị quyết.md"},
		{"content/\x1b[31mđỏ.md", `content/\x1b[31mđỏ.md`},
		{"a\rb\x00c\x7f", `a\rb\x00c\x7f`},
		{"a\u009bb", `a\u009bb`}, // C1 CSI
		{"abc\u202etxt.md", `abc\u202etxt.md`},
		{"Nghị\u200bquyết\ufeff", `Nghị\u200bquyết\ufeff`},
		{"line\u2028sep", `line\u2028sep`},
		{"bad \xff byte", `bad \xff byte`},
		{"two\nlines\tand tab", `two\nlines\tand tab`},
	}
	for _, tt := range tests {
		if got := Printable(tt.in); got != tt.want {
			t.Errorf("Printable(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { Printable("content/hỏi-đáp/Nghị quyết.md") }); n != 0 {
		t.Errorf("Printable of printable text allocates %v times", n)
	}
}

// TestStringEscapes checks that no part of a printed diagnostic can act on
// a terminal, while the hint keeps its own line.
func TestStringEscapes(t *testing.T) {
	d := At("content/\x1b[31m.md", 2, 3, "title %s holds U+202E", "a\u202eb").WithHint("rename \x1b]0;x\x07 it")
	want := "content/\\x1b[31m.md:2:3: title a\\u202eb holds U+202E\n\thint: rename \\x1b]0;x\\x07 it"
	if got := d.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
