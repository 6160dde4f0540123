package overlay

import (
	"testing"
	"testing/fstest"
)

func TestFilesSiteOverridesDefaults(t *testing.T) {
	site := fstest.MapFS{
		"layouts/single.html":      {Data: []byte("site")},
		"layouts/.single.html.swp": {Data: []byte("swap")},
		"layouts/extra.html":       {Data: []byte("extra")},
	}
	defaults := fstest.MapFS{
		"layouts/single.html": {Data: []byte("default")},
		"layouts/home.html":   {Data: []byte("home")},
	}
	files, err := Files("layouts", Layer{FS: site}, Layer{FS: defaults, Origin: "built into loa"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range files {
		data, _ := f.Read()
		got[f.Path] = string(data) + "/" + f.Layer.Origin
	}
	want := map[string]string{
		"layouts/extra.html":  "extra/",
		"layouts/home.html":   "home/built into loa",
		"layouts/single.html": "site/",
	}
	if len(got) != len(want) {
		t.Fatalf("Files = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if _, err := Files("missing", Layer{FS: site}); err != nil {
		t.Errorf("a missing folder is not an error: %v", err)
	}
}
