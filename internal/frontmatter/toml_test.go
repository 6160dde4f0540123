package frontmatter

import (
	"errors"
	"testing"

	"loa/internal/diag"
)

func TestDecodeTOMLErrors(t *testing.T) {
	type front struct {
		Title  string
		Weight int
	}
	tests := []struct {
		name      string
		data      string
		first     int
		line, col int
		hint      string
	}{
		{"curly quotes", "title = “Nghị quyết”\n", 2, 2, 9, `replace the curly quotes “ ” with straight quotes "`},
		{"yaml", "title: Nghị quyết\n", 2, 2, 6, `front matter is TOML: write key = "value", not key: value`},
		{"bare text", "weight = 1\ntitle = Nghị quyết\n", 5, 6, 0, `put text values in straight quotes: key = "value"`},
		{"unclosed quote", "title = \"Nghị quyết\n", 2, 2, 0, `a text value needs a closing quote "`},
		{"wrong type", "title = \"A\"\n\n  weight = \"ba\"\n", 2, 4, 3, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v front
			_, err := DecodeTOML("a.md", []byte(tt.data), tt.first, &v)
			var d diag.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("err = %v, want diagnostic", err)
			}
			if d.Line != tt.line {
				t.Errorf("line = %d, want %d (%s)", d.Line, tt.line, d)
			}
			if tt.col != 0 && d.Col != tt.col {
				t.Errorf("col = %d, want %d (%s)", d.Col, tt.col, d)
			}
			if tt.name == "wrong type" && d.Msg != "weight must be a whole number, not text in quotes" {
				t.Errorf("msg = %q", d.Msg)
			}
			if d.Hint != tt.hint {
				t.Errorf("hint = %q, want %q", d.Hint, tt.hint)
			}
		})
	}
}

func TestKeyLine(t *testing.T) {
	data := []byte("title = \"A\"\n  titel=\"B\"\n\"summary\" = \"x\"\ntitles = 1\n")
	tests := []struct {
		key       string
		line, col int
	}{
		{"title", 3, 1},
		{"titel", 4, 3},
		{"summary", 5, 1},
		{"titles", 6, 1},
		{"missing", 0, 0},
	}
	for _, tt := range tests {
		line, col := KeyLine(data, 3, tt.key)
		if line != tt.line || col != tt.col {
			t.Errorf("KeyLine(%q) = %d:%d, want %d:%d", tt.key, line, col, tt.line, tt.col)
		}
	}
}
