package search

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// relevanceFloor is the number of queries of testdata/relevance.tsv whose
// page the reference query puts in its first three, as measured.
const relevanceFloor = 62

// relevanceCase is one line of testdata/relevance.tsv.
type relevanceCase struct {
	Query, Want, Note string
}

func relevanceSet(t testing.TB) []relevanceCase {
	t.Helper()
	f, err := os.Open("testdata/relevance.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []relevanceCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			t.Fatalf("relevance.tsv: bad line %q", line)
		}
		out = append(out, relevanceCase{parts[0], parts[1], parts[2]})
	}
	if len(out) < 40 {
		t.Fatalf("relevance.tsv has %d queries, want at least 40", len(out))
	}
	return out
}

// memFS holds files in memory for Open.
func memFS(files []File) fstest.MapFS {
	m := fstest.MapFS{}
	for _, f := range files {
		m[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	return m
}

// rankOf returns the 1-based rank of url among the results, or 0.
func rankOf(res []Result, docs []Doc, url string) int {
	for i, r := range res {
		if docs[r.Page].URL == url {
			return i + 1
		}
	}
	return 0
}

func TestRelevance(t *testing.T) {
	docs := campaignDocs(t)
	files, err := Build(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	set := relevanceSet(t)
	known := map[string]bool{}
	for _, d := range docs {
		known[d.URL] = true
	}
	ix, err := Open(memFS(files), DefaultDir)
	if err != nil {
		t.Fatal(err)
	}
	hits := 0
	for _, c := range set {
		if !known[c.Want] {
			t.Errorf("%q: no page %s", c.Query, c.Want)
			continue
		}
		res, err := ix.Search(c.Query)
		if err != nil {
			t.Fatal(err)
		}
		if r := rankOf(res, docs, c.Want); r >= 1 && r <= 3 {
			hits++
		} else {
			var top []string
			for _, x := range res[:min(3, len(res))] {
				top = append(top, docs[x.Page].URL)
			}
			t.Logf("miss %q (%s): %s at %d; top 3 %v", c.Query, c.Note, c.Want, r, top)
		}
	}
	t.Logf("relevance: %d of %d in the top 3", hits, len(set))
	if hits < relevanceFloor {
		t.Errorf("relevance: %d of %d in the top 3, below the floor of %d", hits, len(set), relevanceFloor)
	}
}
