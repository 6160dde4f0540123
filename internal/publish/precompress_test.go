package publish

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestPrecompress(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	s, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	page := strings.Repeat("<p>Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ.</p>\n", 40)
	files := map[string]string{
		"index.html":          page,
		"css/site.abc.css":    strings.Repeat("a { color: red }\n", 30),
		"atom.xml":            page,
		"fonts/x.woff2":       page, // compressed already, whatever it holds
		"img/a.png":           page,
		"tiny.txt":            "a", // would not get smaller
		"hoi-dap/a/index.htm": page,
	}
	for name, text := range files {
		if err := s.WriteFile(name, []byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	var got []string
	filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if !d.IsDir() {
			rel, _ := filepath.Rel(dest, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return nil
	})
	want := []string{".loa-output", "atom.xml", "atom.xml.br", "atom.xml.gz", "css/site.abc.css", "css/site.abc.css.br",
		"css/site.abc.css.gz", "fonts/x.woff2", "hoi-dap/a/index.htm", "hoi-dap/a/index.htm.br", "hoi-dap/a/index.htm.gz",
		"img/a.png", "index.html", "index.html.br", "index.html.gz", "tiny.txt"}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("files\n%q\nwant\n%q", got, want)
	}
	for _, name := range []string{"index.html", "css/site.abc.css", "atom.xml"} {
		zr, err := gzip.NewReader(bytes.NewReader([]byte(read(t, dest, name+".gz"))))
		if err != nil {
			t.Fatal(err)
		}
		if zr.Name != "" || !zr.ModTime.IsZero() {
			t.Errorf("%s.gz names %q at %v: builds would differ", name, zr.Name, zr.ModTime)
		}
		unz, _ := io.ReadAll(zr)
		unbr, _ := io.ReadAll(brotli.NewReader(strings.NewReader(read(t, dest, name+".br"))))
		if string(unz) != files[name] || string(unbr) != files[name] {
			t.Errorf("%s: the compressed files do not give it back", name)
		}
	}
}

func TestPrecompressPlainAndSame(t *testing.T) {
	page := []byte(strings.Repeat("<p>Chuyển đổi số</p>", 100))
	gz1, br1, err := Compress("index.html", page)
	gz2, br2, _ := Compress("index.html", page)
	if err != nil || !bytes.Equal(gz1, gz2) || !bytes.Equal(br1, br2) {
		t.Error("the same file compressed twice differs")
	}
	dest := filepath.Join(t.TempDir(), "public")
	s, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	s.Plain = true
	s.WriteFile("index.html", page)
	s.Commit()
	if _, err := os.Stat(filepath.Join(dest, "index.html.gz")); !os.IsNotExist(err) {
		t.Error("Plain output has index.html.gz")
	}
}

// BenchmarkBrotli compresses a page and a style sheet of loa's built-in
// site at the qualities worth weighing, and reports the bytes.
func BenchmarkBrotli(b *testing.B) {
	var files [][]byte
	for _, p := range []string{"../pipeline/testdata/golden/home.html", "../../static/css/site.css"} {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Skip(err)
		}
		files = append(files, data)
	}
	for _, q := range []int{5, 8, 11} {
		b.Run(fmt.Sprint("quality-", q), func(b *testing.B) {
			n := 0
			for b.Loop() {
				n = 0
				for _, f := range files {
					var out bytes.Buffer
					w := brotli.NewWriterLevel(&out, q)
					w.Write(f)
					w.Close()
					n += out.Len()
				}
			}
			b.ReportMetric(float64(n), "bytes")
		})
	}
}

// TestBrotliQualityByName: a fingerprinted style sheet or script, which
// every reader loads, is compressed at quality 11; the same bytes under
// any other name (a search shard) at the quicker BrotliQuality.
func TestBrotliQualityByName(t *testing.T) {
	css, err := os.ReadFile("../../static/css/site.css")
	if err != nil {
		t.Fatal(err)
	}
	at := func(q int) int {
		var out bytes.Buffer
		w := brotli.NewWriterLevel(&out, q)
		w.Write(css)
		w.Close()
		return out.Len()
	}
	tight, quick := at(BrotliQualityAssets), at(BrotliQuality)
	if tight >= quick {
		t.Fatalf("quality %d gives %d bytes, %d gives %d: the test cannot tell them apart", BrotliQualityAssets, tight, BrotliQuality, quick)
	}
	for name, want := range map[string]int{
		"css/site.3f9a1c2e07.css":  tight,
		"js/site.3f9a1c2e07.js":    tight,
		"css/site.css":             quick,
		"tim-kiem/index/ab.js":     quick,
		"tim-kiem/index/ab.json":   quick,
		"css/site.3f9a1c2e07.html": quick,
	} {
		_, br, err := Compress(name, css)
		if err != nil || len(br) != want {
			t.Errorf("%s: %d bytes of brotli (%v), want %d", name, len(br), err, want)
		}
	}
}
