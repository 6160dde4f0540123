package build

import (
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"sync"

	"loa/internal/content"
	"loa/internal/diag"
	"loa/internal/markdown"
	"loa/internal/overlay"
	"loa/internal/publish"
	"loa/internal/render"
	"loa/internal/site"
	"loa/internal/vntext"
)

// claimed is an Output that remembers who wrote each path, so that a static
// file can not silently replace a page, or two sources one file.
type claimed struct {
	out render.Output
	mu  sync.Mutex
	by  map[string]string // output path → source
}

func newClaimed(out render.Output) *claimed {
	return &claimed{out: out, by: map[string]string{}}
}

// How claimed names what the renderers write.
const (
	pageSource  = "a page"
	printSource = "a print product"
)

func (c *claimed) WriteFile(name string, data []byte) error {
	return c.write(name, pageSource, data)
}

// as returns an Output that writes to c in the name of source.
func (c *claimed) as(source string) render.Output { return sourced{c, source} }

type sourced struct {
	c      *claimed
	source string
}

func (s sourced) WriteFile(name string, data []byte) error { return s.c.write(name, s.source, data) }

// write writes name for source, or returns a diagnostic if another source
// wrote it already.
func (c *claimed) write(name, source string, data []byte) error {
	c.mu.Lock()
	first, taken := c.by[name]
	if !taken {
		c.by[name] = source
	}
	c.mu.Unlock()
	if taken {
		return diag.At(source, 0, 0, "would overwrite %s, already written by %s", name, first).
			WithHint("rename or move one of them")
	}
	return c.out.WriteFile(name, data)
}

// copyFiles copies static files (site's over loa's) and the non-Markdown
// files of content/ to out.
func copyFiles(c *claimed, layers []overlay.Layer, site fs.FS, contentOther []string) (diag.List, error) {
	static, err := overlay.Files(StaticDir, layers...)
	if err != nil {
		return nil, fmt.Errorf("list static files: %w", err)
	}
	var ds diag.List
	copyOne := func(src, dst string, read func() ([]byte, error)) error {
		if !publish.Local(dst) {
			ds.Add(diag.At(src, 0, 0, "file name cannot be published as %q", dst))
			return nil
		}
		data, err := read()
		if err != nil {
			return fmt.Errorf("read %s: %w", src, err)
		}
		if err := c.write(dst, src, data); err != nil {
			if d, ok := err.(diag.Diagnostic); ok {
				ds.Add(d)
				return nil
			}
			return err
		}
		return nil
	}
	for _, f := range static {
		if err := copyOne(f.Path, strings.TrimPrefix(f.Path, StaticDir+"/"), f.Read); err != nil {
			return ds, err
		}
	}
	for _, p := range contentOther {
		if err := copyOne(p, contentAssetPath(p), func() ([]byte, error) { return fs.ReadFile(site, p) }); err != nil {
			return ds, err
		}
	}
	return ds, nil
}

// contentAssetPath is where a non-Markdown file of content/ is published:
// its folders slugged as page URLs are, so that an image beside the pages
// of content/Hỏi đáp/ lands in hoi-dap/ with them; its name kept.
func contentAssetPath(p string) string {
	rel := strings.TrimPrefix(p, content.Dir+"/")
	dir, file := path.Split(rel)
	var segs []string
	for _, f := range strings.Split(strings.TrimSuffix(dir, "/"), "/") {
		if f != "" {
			segs = append(segs, vntext.Slug(f))
		}
	}
	return path.Join(append(segs, vntext.NFCString(file))...)
}

// inlineHome prepares, for the information page, the content of the items
// it shows in full: IDs prefixed by the item's anchor, headings moved below
// the item's own heading.
func inlineHome(s *site.Site) {
	embed := func(p *content.Page, shift int) {
		if p.Inline == "" { // kept across rebuilds of the live preview
			p.Inline = template.HTML(markdown.Embed([]byte(p.Content), render.Anchor(p)+"-", shift))
		}
	}
	for _, sec := range s.Sections {
		for _, p := range sec.Items[:min(len(sec.Items), s.Config.Home.Full)] {
			embed(p, 2)
		}
	}
	for _, p := range s.RootPages {
		embed(p, 1)
	}
}
