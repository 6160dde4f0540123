package frontmatter

import (
	"errors"
	"strings"
	"testing"

	"loa/internal/diag"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		front     string
		frontLine int
		body      string
		bodyLine  int
	}{
		{"plain", "+++\ntitle = \"A\"\n+++\nbody\n", "title = \"A\"\n", 2, "body\n", 4},
		{"no body", "+++\ntitle = \"A\"\n+++", "title = \"A\"\n", 2, "", 4},
		{"empty front", "+++\n+++\nx", "", 2, "x", 3},
		{"leading blank lines", "\n\n+++\na = 1\n+++\n\nx", "a = 1\n", 4, "\nx", 6},
		{"trailing spaces on delimiters", "+++  \na = 1\n+++\t\nx", "a = 1\n", 2, "x", 4},
		{"no front matter", "# Title\ntext", "", 0, "# Title\ntext", 1},
		{"indented delimiters", "  +++\na = 1\n\t+++\nx", "a = 1\n", 2, "x", 4},
		{"plus inside body", "+++\na = 1\n+++\n+++\n", "a = 1\n", 2, "+++\n", 4},
		{"empty file", "", "", 0, "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Split("a.md", []byte(tt.src))
			if err != nil {
				t.Fatalf("Split: %v", err)
			}
			if string(doc.Front) != tt.front || doc.FrontLine != tt.frontLine {
				t.Errorf("front = %q at %d, want %q at %d", doc.Front, doc.FrontLine, tt.front, tt.frontLine)
			}
			if string(doc.Body) != tt.body || doc.BodyLine != tt.bodyLine {
				t.Errorf("body = %q at %d, want %q at %d", doc.Body, doc.BodyLine, tt.body, tt.bodyLine)
			}
		})
	}
}

func TestSplitErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line, col int
		msg       string
	}{
		{"unclosed", "\n+++\ntitle = \"A\"\nbody\n", 2, 1, "front matter opened with +++ is never closed"},
		{"yaml", "---\ntitle: A\n---\n", 1, 1, "front matter in YAML (---) is not supported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Split("a.md", []byte(tt.src))
			var d diag.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("Split error = %v, want a diagnostic", err)
			}
			if d.Path != "a.md" || d.Line != tt.line || d.Col != tt.col || d.Msg != tt.msg {
				t.Errorf("got %s, want a.md:%d:%d: %s", d, tt.line, tt.col, tt.msg)
			}
			if d.Hint == "" {
				t.Error("no hint")
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\uFEFF+++\r\na = 1\r\n+++\r\nx\r\n", "+++\na = 1\n+++\nx\n"},
		{"a\rb\r\nc", "a\nb\nc"},
		{"plain\n", "plain\n"},
	}
	for _, tt := range tests {
		if got := string(Normalize([]byte(tt.in))); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"+++\ntitle = \"A\"\n+++\nbody", "---\n", "+++", "\n\n+++\n+++", "x"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		src = Normalize(src)
		doc, err := Split("f.md", src)
		if err != nil {
			var d diag.Diagnostic
			if !errors.As(err, &d) || d.Line < 1 {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		if doc.BodyLine < 1 {
			t.Fatalf("BodyLine = %d", doc.BodyLine)
		}
		// The body is the end of the file, and its line number is the
		// number of newlines before it, plus one.
		if !strings.HasSuffix(string(src), string(doc.Body)) {
			t.Fatalf("body %q is not the end of %q", doc.Body, src)
		}
		prefix := src[:len(src)-len(doc.Body)]
		if n := strings.Count(string(prefix), "\n") + 1; len(doc.Body) > 0 && n != doc.BodyLine {
			t.Fatalf("BodyLine = %d, want %d for %q", doc.BodyLine, n, src)
		}
		if doc.Front != nil {
			if n := strings.Count(string(src[:strings.Index(string(src), string(doc.Front))]), "\n") + 1; len(doc.Front) > 0 && n > doc.FrontLine {
				t.Fatalf("FrontLine = %d, want ≥ %d", doc.FrontLine, n)
			}
		}
	})
}
