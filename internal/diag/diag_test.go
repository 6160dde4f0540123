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
