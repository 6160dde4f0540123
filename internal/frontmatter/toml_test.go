package frontmatter

import (
	"errors"
	"strings"
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

func TestFind(t *testing.T) {
	data := []byte(`title = "A"
  titel="B"
"summary" = "x"
titles = 1
figures = [
  {value = "30%", label = "a"},
  {value = "5", lable = "b"},
]
[home]
full = 3 # a comment with = and [x]
[[print.product]]
name = "a"
[[print.product]]
name = "b"
colr = 1
s = """
name = 1
"""
`)
	tests := []struct {
		key       string
		nth       int
		line, col int
	}{
		{"title", 1, 3, 1},
		{"titel", 1, 4, 3},
		{"summary", 1, 5, 1},
		{"titles", 1, 6, 1},
		{"figures.value", 2, 9, 4},
		{"figures.lable", 1, 9, 17},
		{"home", 1, 11, 1},
		{"home.full", 1, 12, 1},
		{"print.product.name", 2, 16, 1},
		{"print.product.colr", 1, 17, 1},
		{"print.product.name", 3, 0, 0}, // inside a multi-line string: not a key
		{"full", 1, 0, 0},
		{"missing", 1, 0, 0},
	}
	for _, tt := range tests {
		line, col, _ := Find(data, 3, strings.Split(tt.key, "."), tt.nth)
		if line != tt.line || col != tt.col {
			t.Errorf("Find(%q, %d) = %d:%d, want %d:%d", tt.key, tt.nth, line, col, tt.line, tt.col)
		}
	}
	var elems []int
	for _, k := range Keys(data) {
		if strings.Join(k.Path, ".") == "print.product.name" {
			elems = append(elems, k.Elem)
		}
	}
	if len(elems) != 2 || elems[0] != 1 || elems[1] != 2 {
		t.Errorf("elements of print.product.name = %v, want [1 2]", elems)
	}
}

func FuzzKeys(f *testing.F) {
	for _, s := range []string{"a = 1\n[b]\nc.d = [{e = 1}]\n", "[[x]]\n'q' = \"\"\"\n\"\"\"\n", "= = [ { ] } \"", "a = '''\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, k := range Keys([]byte(s)) {
			if k.Line < 1 || k.Col < 1 || k.Line > strings.Count(s, "\n")+1 {
				t.Fatalf("key %v at %d:%d in %q", k.Path, k.Line, k.Col, s)
			}
		}
	})
}
