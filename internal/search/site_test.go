package search

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/markdown"
	"loa/internal/vntext"
)

// campaignDocs returns the Docs of the campaign site in ../../content, made
// the way the build is asked to make them (see the package doc): every item
// page that is not a draft nor a print product, in the order of the files.
func campaignDocs(t testing.TB) []Doc {
	t.Helper()
	docs := siteDocs(t, "../..")
	if len(docs) < 40 {
		t.Fatalf("only %d pages in the campaign content", len(docs))
	}
	return docs
}

// siteDocs returns the Docs of the site in folder dir.
func siteDocs(t testing.TB, dir string) []Doc {
	t.Helper()
	site := os.DirFS(dir)
	cfg, ds := config.Load(site, config.Overrides{Preview: true})
	if len(ds) > 0 {
		t.Fatalf("config: %v", ds)
	}
	md := markdown.New()
	labels := map[string]string{}
	var pages []*content.Page
	var htmls []string
	err := fs.WalkDir(site, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".md" {
			return err
		}
		data, err := fs.ReadFile(site, p)
		if err != nil {
			return err
		}
		pg, body, ds := content.Parse(p, data, cfg)
		if pg == nil {
			return fmt.Errorf("%s: %v", p, ds)
		}
		res, err := md.Render(body)
		if err != nil {
			return err
		}
		if pg.Summary == "" {
			pg.Summary = vntext.Truncate(res.Lead, 160)
		}
		if pg.Kind == content.KindSection {
			labels[pg.Section] = pg.Title
			return nil
		}
		if !pg.IsItem() || pg.Draft || pg.Kind == config.KindPrint {
			return nil
		}
		pages = append(pages, pg)
		htmls = append(htmls, string(res.HTML))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var docs []Doc
	for i, pg := range pages {
		label := labels[pg.Section]
		if label == "" {
			label = "Trang"
		}
		docs = append(docs, DocOf(pg.URL, pg.Title, pg.Kind, label, pg.Summary, figures(pg), htmls[i]))
	}
	return docs
}

// figures is the text of a goal's key figures, one per line.
func figures(p *content.Page) []string {
	var out []string
	for _, f := range p.Figures {
		s := f.Value + " " + f.Label
		if f.Year != 0 {
			s += fmt.Sprintf(" (%d)", f.Year)
		}
		out = append(out, s)
	}
	return out
}

// writeFiles writes an index's files under dir.
func writeTree(t testing.TB, dir string, files []File) {
	t.Helper()
	for _, f := range files {
		p := path.Join(dir, f.Path)
		if err := os.MkdirAll(path.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCampaignDocs(t *testing.T) {
	docs := campaignDocs(t)
	urls := make([]string, len(docs))
	for i, d := range docs {
		urls[i] = d.URL
		if d.Title == "" || d.KindLabel == "" || d.Body == "" || strings.Contains(d.Body, "<") {
			t.Errorf("doc %s: %+v", d.URL, d)
		}
	}
	if !slices.Contains(urls, "hoi-dap/binh-dan-hoc-vu-so-la-gi/") {
		t.Errorf("no Q&A page among %v", urls)
	}
}
