package markdown

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden renders the "input.md" of every testdata/*.txtar and compares
// the result with its "output.html". A file "options" may set IDPrefix and
// HeadingShift (one "name value" per line); "lead" holds the expected lead.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	r := New()
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			parts := map[string]string{}
			for _, f := range ar.Files {
				parts[f.Name] = string(f.Data)
			}
			opts := parseOptions(t, parts["options"])
			res, err := r.Render([]byte(parts["input.md"]), opts)
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				for i, f := range ar.Files {
					switch f.Name {
					case "output.html":
						ar.Files[i].Data = res.HTML
					case "lead":
						ar.Files[i].Data = []byte(res.Lead + "\n")
					}
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got, want := string(res.HTML), parts["output.html"]; got != want {
				t.Errorf("HTML differs\n--- got\n%s\n--- want\n%s", got, want)
			}
			if want, ok := parts["lead"]; ok && res.Lead != strings.TrimSuffix(want, "\n") {
				t.Errorf("lead = %q, want %q", res.Lead, want)
			}
		})
	}
}

func parseOptions(t *testing.T, s string) Options {
	var o Options
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		name, value, _ := strings.Cut(line, " ")
		switch name {
		case "":
		case "IDPrefix":
			o.IDPrefix = value
		case "HeadingShift":
			n, err := strconv.Atoi(value)
			if err != nil {
				t.Fatal(err)
			}
			o.HeadingShift = n
		default:
			t.Fatalf("unknown option %q", name)
		}
	}
	return o
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"ngắn", 10, "ngắn"},
		{"Nghị quyết số 57 về đột phá phát triển khoa học", 20, "Nghị quyết số 57 về…"},
		{"Mộthaibabốnnămsáubảytámchín", 10, "Mộthaibab…"},
	}
	for _, tt := range tests {
		if got := Truncate(tt.in, tt.n); got != tt.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func FuzzRender(f *testing.F) {
	for _, s := range []string{"# Chương trình\n\ntext", "<script>x</script>", "| a |\n|---|\n| b |", "x[^1]\n\n[^1]: y"} {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, src string) {
		res, err := r.Render([]byte(src), Options{IDPrefix: "p-", HeadingShift: 2})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.ToLower(string(res.HTML)), "<script") {
			t.Fatalf("raw HTML passed through: %q", res.HTML)
		}
	})
}

func BenchmarkRender(b *testing.B) {
	src := []byte(strings.Repeat("## Mục tiêu đến năm 2030\n\nKinh tế số chiếm **tối thiểu 30% GDP**; chi cho nghiên cứu và phát triển đạt 2% GDP, trong đó kinh phí từ xã hội chiếm hơn 60%.\n\n- Một\n- Hai\n\n", 20))
	r := New()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := r.Render(src, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
