package asset

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"

	"loa/internal/config"
	"loa/internal/maker"
	"loa/internal/site"
	"loa/internal/view"
)

// input returns a maker input over files (site path → text).
func input(files map[string]string, cfg *config.Config) *maker.Input {
	list := func(dir string) []string {
		var out []string
		for p := range files {
			if strings.HasPrefix(p, dir+"/") {
				out = append(out, p)
			}
		}
		slices.Sort(out)
		return out
	}
	read := func(p string) ([]byte, error) {
		if s, ok := files[p]; ok {
			return []byte(s), nil
		}
		return nil, fs.ErrNotExist
	}
	return maker.NewInput(&site.Site{Config: cfg}, nil, list, nil, read, nil)
}

func TestFingerprints(t *testing.T) {
	files := map[string]string{
		"static/css/site.css":              `@font-face{src:url("../fonts/NotoSans-Bold.woff2")}`,
		"static/css/tokens.css":            `:root{--red:#a50e0e}`,
		"static/fonts/NotoSans-Bold.woff2": "wOF2 bold",
		"static/fonts/NotoSans-Bold.ttf":   "print only",
		"static/js/site.js":                "1;",
		"static/img/logo.svg":              "<svg/>",
		"static/img/photo.svg":             "<svg/>",
	}
	cfg := config.Default()
	cfg.Site.Logo = "img/logo.svg"
	in := input(files, cfg)
	var m Fingerprints
	jobs, ds := m.Jobs(in)
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	font := Name("fonts/NotoSans-Bold.woff2", []byte("wOF2 bold"))
	css := `@font-face{src:url("../fonts/` + strings.TrimPrefix(font, "fonts/") + `")}`
	want := map[string]string{ // fingerprinted output → content
		font:                                   "wOF2 bold",
		Name("js/site.js", []byte("1;")):       "1;",
		Name("img/logo.svg", []byte("<svg/>")): "<svg/>",
		Name("css/tokens.css", []byte(files["static/css/tokens.css"])): files["static/css/tokens.css"],
		Name("css/site.css", []byte(css)):                              css,
	}
	got := map[string]string{}
	for _, j := range jobs {
		var rec view.Recorder
		made, ds, err := m.Make(context.Background(), in, j, &rec)
		if err != nil || len(ds) != 0 {
			t.Fatal(err, ds)
		}
		if keys := rec.Keys(); len(keys) != 1 || keys[0].ID != j.Source || keys[0].What != view.File {
			t.Errorf("%s recorded %v, want the read of %s", j.File, keys, j.Source)
		}
		got[j.File] = string(made.Data)
	}
	if !maps.Equal(got, want) {
		t.Errorf("made\n%v\nwant\n%v", got, want)
	}
	all, _, _ := Scan(in)
	if len(all) != 5 {
		t.Errorf("Scan = %v", all)
	}
	var rec view.Recorder
	if name, ok := all.Link("css/site.css", &rec); !ok || name != Name("css/site.css", []byte(css)) {
		t.Errorf("Link(css/site.css) = %s", name)
	}
	if got := fmt.Sprint(rec.Keys()); got != fmt.Sprint([]view.Key{{ID: "static/css/site.css", What: view.File}, {ID: "static/fonts/NotoSans-Bold.woff2", What: view.File}}) {
		t.Errorf("linking the style sheet records %s, want its file and its font's", got)
	}
	if name, ok := all.Link("fonts/NotoSans-Bold.woff2", &view.Recorder{}); !ok || name != font {
		t.Errorf("Link(font) = %s", name)
	}
	if _, ok := all.Link("css/nope.css", &view.Recorder{}); ok {
		t.Error("Link of a file that is not there")
	}

	// A new font gives the style sheet that loads it a new name too.
	files["static/fonts/NotoSans-Bold.woff2"] = "wOF2 bolder"
	jobs2, _ := m.Jobs(input(files, cfg))
	if n := len(changed(jobs, jobs2)); n != 2 {
		t.Errorf("a new font changed %d names, want 2 (the font and site.css): %v", n, changed(jobs, jobs2))
	}
}

func changed(a, b []maker.Job) []string {
	old := map[string]bool{}
	for _, j := range a {
		old[j.File] = true
	}
	var out []string
	for _, j := range b {
		if !old[j.File] {
			out = append(out, j.File)
		}
	}
	return out
}

func TestMissingLogo(t *testing.T) {
	cfg, ds := config.Parse([]byte("title = \"T\"\n\n[site]\nlogo = \"img/quoc-huy.svg\"\n"), config.Overrides{Preview: true})
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	_, ds = Fingerprints{}.Jobs(input(map[string]string{"static/css/site.css": "a{}"}, cfg))
	if len(ds) != 1 || !strings.HasPrefix(ds[0].String(), "config.toml:4:1: site.logo: there is no file static/img/quoc-huy.svg\n") {
		t.Errorf("got %v", ds)
	}
}
