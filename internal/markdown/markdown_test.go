package markdown

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden renders the "input.md" of every testdata/*.txtar and compares
// the result with its "output.html". A file "embed" asks for Embed with a
// prefix and a shift ("prefix hoi-dap-x-" and "shift 2" lines); "lead" holds
// the expected lead.
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
			res, err := r.Render([]byte(parts["input.md"]))
			if err != nil {
				t.Fatal(err)
			}
			if e, ok := parts["embed"]; ok {
				prefix, shift := parseEmbed(t, e)
				res.HTML = Embed(res.HTML, prefix, shift)
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

func parseEmbed(t *testing.T, s string) (prefix string, shift int) {
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		name, value, _ := strings.Cut(line, " ")
		switch name {
		case "prefix":
			prefix = value
		case "shift":
			n, err := strconv.Atoi(value)
			if err != nil {
				t.Fatal(err)
			}
			shift = n
		default:
			t.Fatalf("unknown embed option %q", name)
		}
	}
	return prefix, shift
}

func FuzzRender(f *testing.F) {
	for _, s := range []string{"# Chương trình\n\ntext", "<script>x</script>", "| a |\n|---|\n| b |", "x[^1]\n\n[^1]: y"} {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, src string) {
		res, err := r.Render([]byte(src))
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
		if _, err := r.Render(src); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzEmbed checks Embed's promises on any rendered document: every id
// and every link to one carries the prefix, no heading goes past h6, and
// nothing else changes.
func FuzzEmbed(f *testing.F) {
	f.Add("## Chương trình\n\nx[^1] <h2 id=\"a\">\n\n[^1]: y\n\n[l](#a) [m](https://x.vn/#b)\n\n###### Sáu")
	r := New()
	idRE := regexp.MustCompile(`\bid="([^"]*)"|href="#([^"]*)"`)
	f.Fuzz(func(t *testing.T, src string) {
		res, _ := r.Render([]byte(src))
		got := string(Embed(res.HTML, "p-", 2))
		for _, m := range idRE.FindAllStringSubmatch(got, -1) {
			if !strings.HasPrefix(m[1]+m[2], "p-") {
				t.Fatalf("%q lacks the prefix in %s", m[0], got)
			}
		}
		if strings.Contains(got, "<h7") {
			t.Fatalf("heading past h6: %s", got)
		}
		if same := string(Embed(res.HTML, "", 0)); same != string(res.HTML) {
			t.Fatalf("Embed with no prefix and no shift changed the HTML:\n%s\n%s", same, res.HTML)
		}
	})
}
