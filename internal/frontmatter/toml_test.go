package frontmatter

import (
	"errors"
	"fmt"
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
		{"unclosed quote", "title = \"Nghị quyết\n", 2, 2, 0, `add the closing quote " at the end of the text; a text on several lines is written between """ and """`},
		{"wrong type", "title = \"A\"\n\n  weight = \"ba\"\n", 2, 4, 3, "write a whole number without quotes: weight = 3"},
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

// TestPlainMessages checks what editors read for the TOML mistakes they
// make: each message in plain words, at the place to fix.
func TestPlainMessages(t *testing.T) {
	type front struct {
		Title   string   `toml:"title"`
		Weight  int      `toml:"weight"`
		Tags    []string `toml:"tags"`
		Draft   bool     `toml:"draft"`
		Figures []struct {
			Value string `toml:"value"`
			Year  int    `toml:"year"`
		} `toml:"figures"`
	}
	tests := []struct {
		data string
		want string // line:col: message, the front matter starting at line 2
		hint string
	}{
		{"title = \"A\"\n[[figures]\nvalue = \"1\"\n", "3:10: the table name [[figures] needs a closing ]]",
			"an array of tables is written [[name]], with two brackets on each side"},
		{"title = \"Chuông\x07\"\n", "2:16: the text holds a control character (U+0007), which can not be seen",
			"delete it: put the cursor just after it and press Backspace (it comes with text copied from some programs and PDFs)"},
		{"title = \"A\x01b\"\n", "2:11: the text holds a control character (U+0001), which can not be seen",
			"delete it: put the cursor just after it and press Backspace (it comes with text copied from some programs and PDFs)"},
		{"title = \"A\"\ntiêu đề = \"x\"\n", `3:1: "tiêu" can not be a key: keys are written in Latin letters without accents, digits, _ and -`,
			"the keys here are: title, weight, tags, draft, figures"},
		{"weight\u00a0= 1\n", `2:7: after the key "weight" there is a no-break space (U+00A0), which TOML does not read as a space`,
			"delete it and type an ordinary space (Word and web pages paste such characters)"},
		{"title\u200b = \"A\"\n", `2:6: after the key "title" there is a zero-width space (U+200B), which TOML does not read as a space`,
			"delete it and type an ordinary space (Word and web pages paste such characters)"},
		{"date = 25/02/2025\n", "2:10: date = 25/02/2025 is not a date TOML can read", "write it year-month-day: date = 2025-02-25"},
		{"weight = 1 draft = true\n", "2:12: expected the end of the line after the value, but found 'd'", "write one key = value per line"},
		{"title = \"a\"\ntitle = \"b\"\n", `3:1: "title" is set twice`, "keep one of them: it is also set at line 2"},
		{"weight = 1.5\n", "2:1: weight must be a whole number, not a decimal number", "write a whole number without quotes: weight = 3"},
		{"tags = \"a, b\"\n", "2:1: tags must be a list [ ... ], not text in quotes", `write a list in square brackets: tags = ["a", "b"]`},
		{"draft = \"yes\"\n", "2:1: draft must be true or false, not text in quotes", "write draft = true or draft = false, without quotes"},
		{"figures = 3\n", "2:1: figures must be a list [ ... ], not a whole number", `write a list in square brackets: figures = ["a", "b"]`},
		{"figures = [{value = \"1\", year = \"2030\"}]\n", "2:26: year must be a whole number, not text in quotes", "write a whole number without quotes: year = 3"},
		{"weight = 99999999999999999999\n", "2:10: 99999999999999999999 is too large a number", ""},
		{"weight = 01\n", "2:10: 01: a number can not start with 0", `write 1, or put it in quotes: "01"`},
		{"title =\n", "2:8: a value is missing after =", `write key = "text", a number, true or false`},
		{"tags = [\"a\"\n", "2:12: the list [ ... ] is not closed", "add ] after its last value"},
	}
	for _, tt := range tests {
		var v front
		_, err := DecodeTOML("a.md", []byte(tt.data), 2, &v)
		var d diag.Diagnostic
		if !errors.As(err, &d) {
			t.Errorf("DecodeTOML(%q) = %v, want a diagnostic", tt.data, err)
			continue
		}
		if got := fmt.Sprintf("%d:%d: %s", d.Line, d.Col, d.Msg); got != tt.want || d.Hint != tt.hint {
			t.Errorf("DecodeTOML(%q) =\n\t%s\n\thint: %s\nwant\n\t%s\n\thint: %s", tt.data, got, d.Hint, tt.want, tt.hint)
		}
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

func TestFindItem(t *testing.T) {
	data := []byte(`title = "A"
figures = [
  {value = "30%", label = "a"},
  {value = "5"}, {value = "6", nested = [1, 2]},
]
[[print.product]]
name = "a"
[[print.product]]
name = "b"
`)
	tests := []struct {
		key       string
		nth       int
		line, col int
	}{
		{"figures", 1, 4, 3},
		{"figures", 2, 5, 3},
		{"figures", 3, 5, 18},
		{"figures", 4, 0, 0},
		{"print.product", 1, 7, 1},
		{"print.product", 2, 9, 1},
		{"figures.nested", 2, 5, 45},
		{"figures.nested", 3, 0, 0},
	}
	for _, tt := range tests {
		line, col, _ := FindItem(data, 2, strings.Split(tt.key, "."), tt.nth)
		if line != tt.line || col != tt.col {
			t.Errorf("FindItem(%q, %d) = %d:%d, want %d:%d", tt.key, tt.nth, line, col, tt.line, tt.col)
		}
	}
}
