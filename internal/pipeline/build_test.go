package pipeline

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"loa"
	"loa/internal/cache"
	"loa/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// memory is an Output that keeps files in a map.
type memory struct {
	mu    sync.Mutex
	files map[string]string
}

func (m *memory) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string]string{}
	}
	m.files[name] = string(data)
	return nil
}

func (m *memory) Remove(name string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.files, name)
	return nil
}

// testCards keeps the share cards the tests draw, as loa build keeps
// them across runs: without it every build of the property test would
// draw every card again. A card's key hashes all that it shows, so the
// builds sharing it can differ in nothing but time.
var testCards cache.Memory

// build builds a site from nothing into memory, as loa build does, and
// returns an error holding the site's errors.
func build(opts Options) (*memory, *Engine, error) {
	if opts.Cache == nil {
		opts.Cache = &testCards
	}
	var out memory
	e := New(opts)
	rep, err := e.Rebuild(context.Background(), nil, &out)
	if err == nil {
		err = rep.Problems.Err()
	}
	return &out, e, err
}

// siteFS reads a site from a txtar archive.
func siteFS(t *testing.T, file string) (fstest.MapFS, *txtar.Archive) {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys, ar
}

// TestGolden builds testdata/site.txtar with loa's built-in layouts and
// compares some pages with the golden files testdata/golden/*.html.
func TestGolden(t *testing.T) {
	fsys, _ := siteFS(t, "testdata/site.txtar")
	out, _, err := build(Options{Site: fsys, Defaults: loa.DefaultSite()})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "hoi-dap/index.html", "hoi-dap/nghi-quyet-57-la-gi/index.html", "khau-hieu/doi-moi/index.html", "muc-tieu/kinh-te-so/index.html"} {
		base := strings.ReplaceAll(strings.TrimSuffix(strings.TrimSuffix(name, "index.html"), "/"), "/", "_")
		golden := filepath.Join("testdata", "golden", cmp.Or(base, "home")+".html")
		got, ok := out.files[name]
		if !ok {
			t.Errorf("%s not written", name)
			continue
		}
		if *update {
			os.MkdirAll(filepath.Dir(golden), 0o755)
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("%s differs from %s; run go test -update and review the diff", name, golden)
		}
	}
}

// TestEveryItemOnHome checks the promise of the information page: every
// item of every section is on it, linked to its own page.
func TestEveryItemOnHome(t *testing.T) {
	fsys, _ := siteFS(t, "testdata/site.txtar")
	out, e, err := build(Options{Site: fsys, Defaults: loa.DefaultSite()})
	if err != nil {
		t.Fatal(err)
	}
	home := out.files["index.html"]
	for _, sec := range e.Site().Sections {
		for _, p := range sec.Items {
			if _, ok := out.files[p.URL+"index.html"]; !ok {
				t.Errorf("%s has no page at %s", p.Path, p.URL)
			}
			if !strings.Contains(home, `href="`+p.URL+`"`) {
				t.Errorf("%s is not linked from the information page", p.Path)
			}
		}
	}
}

// TestHomeThreshold checks that a huge section shows only a bounded part
// in full on the information page, then titles, then a link to its list.
func TestHomeThreshold(t *testing.T) {
	fsys := fstest.MapFS{"config.toml": {Data: []byte("[home]\nfull = 2\nlisted = 3\n")}}
	for i := range 10 {
		fsys[filepath.ToSlash(filepath.Join("content", "hoi-dap", string(rune('a'+i))+".md"))] = &fstest.MapFile{
			Data: []byte("+++\ntitle = \"Câu " + string(rune('A'+i)) + "?\"\nweight = " + strconv.Itoa(i+1) + "\n+++\nTrả lời số " + string(rune('A'+i)) + ".\n"),
		}
	}
	out, _, err := build(Options{Site: fsys, Defaults: loa.DefaultSite()})
	if err != nil {
		t.Fatal(err)
	}
	home := out.files["index.html"]
	for i, want := range []bool{true, true, false, false, false, false, false, false, false, false} {
		answer := "Trả lời số " + string(rune('A'+i))
		if strings.Contains(home, answer) != want {
			t.Errorf("answer %c on the home page = %v, want %v", 'A'+i, !want, want)
		}
	}
	if !strings.Contains(home, `href="hoi-dap/e/"`) || strings.Contains(home, `href="hoi-dap/f/"`) {
		t.Error("items 3-5 should be listed by title, 6+ left to the list page")
	}
	if !strings.Contains(home, "Xem tất cả 10 mục") {
		t.Error("no link to the full list")
	}
}

// TestPagination checks that long sections are split into list pages.
func TestPagination(t *testing.T) {
	fsys := fstest.MapFS{"config.toml": {Data: []byte("paginate = 4\n")}}
	for i := range 10 {
		fsys["content/tin/"+string(rune('a'+i))+".md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Tin " + string(rune('a'+i)) + "\"\n+++\n")}
	}
	out, _, err := build(Options{Site: fsys, Defaults: loa.DefaultSite()})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"tin/index.html", "tin/trang/2/index.html", "tin/trang/3/index.html"} {
		if _, ok := out.files[name]; !ok {
			t.Errorf("%s missing", name)
		}
	}
	if p3 := out.files["tin/trang/3/index.html"]; !strings.Contains(p3, `<ol class="list" start="9">`) || !strings.Contains(p3, `href="../../../tin/trang/2/"`) {
		t.Errorf("third list page wrong:\n%s", p3)
	}
}

// TestCollisions checks that two sources of one output file are an error
// naming both, not a silent overwrite, and that the other problems of the
// site are still reported.
func TestCollisions(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":    {Data: []byte("+++\ntitle = \"A\"\n+++\n")},
		"static/index.html":    {Data: []byte("static")},
		"static/in/index.html": {Data: []byte("static")},
		"content/bad.md":       {Data: []byte("+++\ntitel = \"B\"\n+++\n")},
	}
	_, _, err := build(Options{Site: fsys, Defaults: loa.DefaultSite()})
	var de *diag.Error
	if !errors.As(err, &de) {
		t.Fatalf("err = %v", err)
	}
	got := de.Error()
	for _, want := range []string{
		"static/index.html: would be published as index.html, which content/_index.md makes already",
		"static/in/index.html: would be published as in/index.html, which loa's print makes already",
		`content/bad.md:2:1: unknown key "titel"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

// TestIgnoredFiles checks that the files an editor's tools leave beside the
// real ones are neither read nor published: the watcher and the build use
// one list.
func TestIgnoredFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"config.toml":                         {Data: []byte("base_url = \"https://thu.vn/\"\n")},
		"content/hoi-dap/a.md":                {Data: []byte("+++\ntitle = \"A?\"\n+++\n")},
		"content/hoi-dap/a.md___jb_tmp___":    {Data: []byte("+++\ntitle = \"Bí mật\"\n+++\n")},
		"content/hoi-dap/.#a.md":              {Data: []byte("x")},
		"content/hoi-dap/~$bai.docx":          {Data: []byte("x")},
		"static/css/x.css.crswap":             {Data: []byte("x")},
		"static/css/site.css.kate-swp":        {Data: []byte("x")},
		"static/.DS_Store":                    {Data: []byte("x")},
		"content/hoi-dap/.goutputstream-AB12": {Data: []byte("x")},
	}
	out, _, err := build(Options{Site: fsys, Defaults: loa.DefaultSite()})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range out.files {
		if strings.Contains(name, "jb_tmp") || strings.Contains(name, "crswap") || strings.Contains(name, "swp") ||
			strings.Contains(name, "DS_Store") || strings.Contains(name, "~$") || strings.Contains(data, "Bí mật") {
			t.Errorf("published %s", name)
		}
	}
}

// TestGlyphs checks that a character the site's font lacks is an error at
// its place, whether it lies in the table of common characters (ş) or
// beyond it (an emoji), and that NFD text the font draws is fine.
func TestGlyphs(t *testing.T) {
	fsys := fstest.MapFS{
		"config.toml":          {Data: []byte("base_url = \"https://thu.vn/\"\n")},
		"content/hoi-dap/a.md": {Data: []byte("+++\ntitle = \"Câu hỏi?\"\n+++\nMột dòng.\nTên Beşiktaş và 😀 ở đây.\n")},
		"content/hoi-dap/b.md": {Data: []byte("+++\ntitle = \"Nghi\u0323 quyê\u0301t\"\n+++\nChuyê\u0309n đô\u0309i sô\u0301 ≥ 30% → 2030.\n")},
	}
	_, _, err := build(Options{Site: fsys, Defaults: loa.DefaultSite()})
	var de *diag.Error
	if !errors.As(err, &de) {
		t.Fatalf("err = %v", err)
	}
	var got []string
	for _, d := range de.List.ErrorsOnly() {
		got = append(got, fmt.Sprintf("%s:%d:%d %s", d.Path, d.Line, d.Col, d.Msg[:strings.Index(d.Msg, ":")]))
	}
	want := []string{
		"content/hoi-dap/a.md:5:7 the site's font has no character 'ş' (U+015F)",
		"content/hoi-dap/a.md:5:17 the site's font has no character '😀' (U+1F600)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
