package search

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestBuildDeterministic(t *testing.T) {
	docs := campaignDocs(t)
	a, err := Build(docs, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []int{1, 2, 5} {
		b, err := Build(docs, Options{Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		if len(a) != len(b) {
			t.Fatalf("workers %d: %d files, want %d", w, len(b), len(a))
		}
		for i := range a {
			if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
				t.Fatalf("workers %d: file %s differs", w, b[i].Path)
			}
		}
	}
}

func TestBuildFiles(t *testing.T) {
	docs := campaignDocs(t)
	files, err := Build(docs, Options{Dir: "x/i/", ShardBytes: 2000})
	if err != nil {
		t.Fatal(err)
	}
	paths := map[string]bool{}
	for _, f := range files {
		paths[f.Path] = true
		if !strings.HasPrefix(f.Path, "x/i/") || !strings.HasSuffix(f.Path, ".js") {
			t.Errorf("file %s outside x/i/ or not .js", f.Path)
		}
		if !bytes.HasPrefix(f.Data, []byte(bom+"loaSearch.")) || !bytes.HasSuffix(f.Data, []byte(");\n")) {
			t.Errorf("%s is not one loaSearch call: %.40q", f.Path, f.Data)
		}
	}
	if !paths["x/i/meta.js"] || !paths["x/i/d/0.js"] || !paths["x/i/w/0.js"] || !paths["x/i/p/0.js"] {
		t.Fatalf("missing files among %d", len(files))
	}
	ix, err := Open(memFS(files), "x/i/")
	if err != nil {
		t.Fatal(err)
	}
	// Separators are sorted, and each shard holds exactly the keys from
	// its separator to the next one.
	for _, kind := range []string{"w", "p"} {
		seps := ix.meta.Words
		if kind == "p" {
			seps = ix.meta.Pairs
		}
		if len(seps) < 3 {
			t.Fatalf("%s: only %d shards of at most 2000 bytes", kind, len(seps))
		}
		for i := range seps {
			if i > 0 && seps[i-1] >= seps[i] {
				t.Errorf("%s: separators %q, %q out of order", kind, seps[i-1], seps[i])
			}
			m, err := ix.shard(kind, i)
			if err != nil {
				t.Fatal(err)
			}
			for k := range m {
				if k < seps[i] || i+1 < len(seps) && k >= seps[i+1] {
					t.Errorf("%s shard %d [%q, next) holds %q", kind, i, seps[i], k)
				}
				if shardOf(seps, k) != i {
					t.Errorf("%s: %q found in shard %d, lives in %d", kind, k, shardOf(seps, k), i)
				}
				if kind == "p" && strings.Count(k, " ") != 1 || kind == "w" && strings.Contains(k, " ") {
					t.Errorf("%s: key %q", kind, k)
				}
			}
		}
	}
	// Each page's file holds its fields as JSON.
	for i, d := range docs {
		data, err := ix.read("d/"+itoa(i)+".js", "doc(")
		if err != nil {
			t.Fatal(err)
		}
		_, arr, _ := bytes.Cut(data, []byte(","))
		_, arr, _ = bytes.Cut(arr, []byte(","))
		var got []string
		if err := json.Unmarshal(arr, &got); err != nil {
			t.Fatalf("page %d: %v", i, err)
		}
		want := []string{d.URL, d.Title, d.Kind, d.KindLabel, d.Summary, d.Body}
		if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			t.Errorf("page %d: file holds %q", i, got)
		}
	}
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func TestJSString(t *testing.T) {
	if b := appendJSString(nil, "\xe2\x80 \xff"); !json.Valid(b) {
		t.Errorf("invalid UTF-8 gives %q, not JSON", b)
	}
	for _, s := range []string{"", `a"b\c`, "dòng\nmới\ttab\r\x01", "sep\u2028ara\u2029tor", "\u20ac \xe2\x82\xac", "Việt Nam"} {
		b := appendJSString(nil, s)
		var got string
		if err := json.Unmarshal(b, &got); err != nil {
			t.Errorf("%q: %s is not JSON: %v", s, b, err)
			continue
		}
		if got != s {
			t.Errorf("%q comes back as %q", s, got)
		}
		if bytes.Contains(b, []byte("\u2028")) || bytes.Contains(b, []byte("\n")) {
			t.Errorf("%q: %s holds a line break", s, b)
		}
	}
}

// TestBuildNFD checks that decomposed text (NFD) finds what composed
// text does, in the same order: only the lengths of the bodies, which
// weigh a little in the impacts, differ.
func TestBuildNFD(t *testing.T) {
	docs := campaignDocs(t)
	nfd := make([]Doc, len(docs))
	for i, d := range docs {
		d.Title, d.Summary, d.Body = norm.NFD.String(d.Title), norm.NFD.String(d.Summary), norm.NFD.String(d.Body)
		nfd[i] = d
	}
	open := func(docs []Doc) *Index {
		files, err := Build(docs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		ix, err := Open(memFS(files), DefaultDir)
		if err != nil {
			t.Fatal(err)
		}
		return ix
	}
	a, b := open(docs), open(nfd)
	for _, c := range relevanceSet(t) {
		ra, _ := a.Search(c.Query)
		rb, _ := b.Search(norm.NFD.String(c.Query))
		if len(ra) != len(rb) {
			t.Errorf("%q: %d results in NFC, %d in NFD", c.Query, len(ra), len(rb))
			continue
		}
		for i := range min(3, len(ra)) {
			if ra[i].Page != rb[i].Page {
				t.Errorf("%q: result %d is page %d in NFC, %d in NFD", c.Query, i+1, ra[i].Page, rb[i].Page)
			}
		}
	}
}

func TestBuildErrors(t *testing.T) {
	for _, dir := range []string{"/abs/", "no-slash", "../up/", "a/../../b/"} {
		if _, err := Build(nil, Options{Dir: dir}); err == nil {
			t.Errorf("Dir %q accepted", dir)
		}
	}
	files, err := Build(nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(memFS(files), DefaultDir)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := ix.Search("chuyen doi so"); err != nil || len(res) != 0 {
		t.Errorf("empty index: %v, %v", res, err)
	}
}

func TestCut(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"Nghị quyết về đột phá", 0, "Nghị quyết về đột phá"},
		{"Nghị quyết về đột phá", 100, "Nghị quyết về đột phá"},
		{"Nghị quyết về đột phá", 13, "Nghị"},       // "Nghị quyết" is 14 bytes
		{"Nghị quyết về đột phá", 14, "Nghị quyết"}, // cut at the space after it
		{"Nghị quyết về đột phá", 19, "Nghị quyết về"},
		{"Nghịquyết", 4, "Ngh"},
	}
	for _, tt := range tests {
		if got := cut(tt.s, tt.n); got != tt.want {
			t.Errorf("cut(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}
