package print_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"loa"
	"loa/internal/pipeline"
	"loa/internal/print"
)

// memory is an Output that keeps files in a map.
type memory struct {
	mu    sync.Mutex
	files map[string]string
}

func (m *memory) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = string(data)
	return nil
}

func (m *memory) Remove(name string) error { return nil }

func build(t *testing.T, files map[string]string) (*memory, *pipeline.Report) {
	t.Helper()
	return buildConfig(t, "base_url = \"https://thu.vn/\"\n", files)
}

// buildConfig builds a site of files with config.toml cfg ("" for none).
func buildConfig(t *testing.T, cfg string, files map[string]string) (*memory, *pipeline.Report) {
	t.Helper()
	fsys := fstest.MapFS{}
	if cfg != "" {
		fsys["config.toml"] = &fstest.MapFile{Data: []byte(cfg)}
	}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	out := &memory{files: map[string]string{}}
	rep, err := pipeline.New(pipeline.Options{Site: fsys, Defaults: loa.DefaultSite()}).Rebuild(context.Background(), nil, out)
	if err != nil {
		t.Fatal(err)
	}
	return out, rep
}

// TestDraftsByData checks that a piece is stamped DỰ THẢO because it was
// handed an unapproved slogan, whatever the wording: a "+" that HTML
// escapes as &#43; once let a draft reach the composed leaflet unmarked.
func TestDraftsByData(t *testing.T) {
	out, rep := build(t, map[string]string{
		"content/khau-hieu/a.md": "+++\ntitle = \"Khoa học + Công nghệ = Phát triển\"\nweight = 1\nstatus = \"draft\"\nproducts = [\"bang-ron\"]\n+++\n",
		"content/khau-hieu/b.md": "+++\ntitle = \"Đổi mới để vươn mình\"\nstatus = \"official\"\nproducts = [\"pano\"]\n+++\n",
	})
	if rep.Failed() {
		t.Fatal(rep.Problems)
	}
	var entries []print.Entry
	if err := json.Unmarshal([]byte(out.files["in/manifest.json"]), &entries); err != nil {
		t.Fatal(err)
	}
	draft := map[string]bool{}
	for _, e := range entries {
		draft[e.File] = e.Draft
		stamped := strings.Contains(out.files[e.File], `data-loa="du-thao"`)
		if stamped != e.Draft {
			t.Errorf("%s: stamped %v, draft %v", e.File, stamped, e.Draft)
		}
	}
	for file, want := range map[string]bool{
		"in/bang-ron/a.html":           true,  // the draft's own banner
		"in/pano/b.html":               false, // an official slogan
		"in/to-gap-a4/mac-dinh.html":   true,  // the composed leaflet quotes the first slogan, the draft
		"in/ap-phich-a3/mac-dinh.html": true,
	} {
		if got, ok := draft[file]; !ok || got != want {
			t.Errorf("%s: draft %v (listed %v), want %v", file, got, ok, want)
		}
	}
}

func TestSloganOutsideTheFont(t *testing.T) {
	_, rep := build(t, map[string]string{
		"content/khau-hieu/x.md": "+++\ntitle = \"Đổi mới 中文\"\n+++\n",
	})
	ds := rep.Problems.ErrorsOnly()
	if len(ds) != 2 || ds[0].String() != `content/khau-hieu/x.md:2:18: the site's font has no character '中' (U+4E2D): readers and printers would see it in another font, or not at all
	hint: replace it with a character of Vietnamese or Latin text, or remove it` || ds[1].Line != 2 || ds[1].Col != 19 {
		t.Errorf("diagnostics = %v", rep.Problems)
	}
}
