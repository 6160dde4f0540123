package pipeline

import (
	"context"
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"loa"
	"loa/internal/asset"
)

// preview is what loa serve keeps: an engine and its output in memory,
// where a rebuild's files count only when it succeeded.
type preview struct {
	e     *Engine
	files map[string]string
}

func newPreview(fsys fstest.MapFS) *preview {
	return &preview{e: New(Options{Site: fsys, Defaults: loa.DefaultSite(), Cache: &testCards}), files: map[string]string{}}
}

func (p *preview) rebuild(t testing.TB, changed ...string) *Report {
	t.Helper()
	var batch memory
	var removed []string
	rep, err := p.e.Rebuild(context.Background(), changed, &recording{&batch, &removed})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Failed() {
		maps.Copy(p.files, batch.files)
		for _, f := range removed {
			delete(p.files, f)
		}
	}
	return rep
}

// recording is a memory Output that keeps what was removed.
type recording struct {
	*memory
	removed *[]string
}

func (r *recording) Remove(name string) error {
	*r.removed = append(*r.removed, name)
	return r.memory.Remove(name)
}

func qa(title string, weight int) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(fmt.Sprintf("+++\ntitle = %q\nweight = %d\n+++\nTrả lời: %s\n", title, weight, title))}
}

func TestRebuildFollowsReads(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":     {Data: []byte("+++\ntitle = \"Trang\"\n+++\n")},
		"content/hoi-dap/a.md":  qa("Câu A?", 1),
		"content/hoi-dap/b.md":  qa("Câu B?", 2),
		"content/hoi-dap/c.md":  qa("Câu C?", 3),
		"content/nhiem-vu/x.md": qa("Nhiệm vụ X", 1),
		"static/css/extra.css":  {Data: []byte("a{}")},
	}
	p := newPreview(fsys)
	if rep := p.rebuild(t); rep.Failed() || !rep.Full {
		t.Fatalf("first build: %+v", rep)
	}
	written := func(rep *Report) string { return strings.Join(rep.Written, " ") }

	// Edit one answer's title: its page, its neighbours, its list, the
	// home page and the sitemap show it, its share cards, the team's page
	// and data of posts, and the print pieces that quote Q&A titles; the
	// channels that read Q&A (the bulletin of Q&A, whose
	// reading time changes, and so the list of bulletins and the printers'
	// index and manifest that list it; the booklet; the composed deck);
	// another section's page does not.
	fsys["content/hoi-dap/b.md"] = qa("Câu B mới?", 2)
	rep := p.rebuild(t, "content/hoi-dap/b.md")
	// The manifest and the printers' index carry each piece's version.
	want := "chia-se/bai-dang.csv chia-se/bai-dang.json chia-se/index.html " +
		"hoi-dap/a/index.html hoi-dap/b/chia-se-vuong.png hoi-dap/b/chia-se.png hoi-dap/b/index.html hoi-dap/c/index.html hoi-dap/index.html " +
		"in/index.html in/manifest.json in/phat-thanh/hoi-dap.html in/tai-lieu-hoi-dap-in/hoi-dap.html in/tai-lieu-hoi-dap/hoi-dap.html " +
		"in/to-gap-a4/mac-dinh.html in/to-roi-a5/mac-dinh.html in/trinh-chieu-a4/tong-hop.html in/trinh-chieu/tong-hop.html index.html " +
		"phat-thanh/hoi-dap/hoi-dap.txt phat-thanh/hoi-dap/index.html phat-thanh/index.html tim-kiem/index/meta.js trinh-chieu/tong-hop/index.html trinh-chieu/tong-hop/trinh-chieu.css"
	if rep.Failed() || rep.Full || written(rep) != want {
		t.Errorf("edit of a title made\n%s\nwant\n%s", written(rep), want)
	}
	for _, name := range []string{"hoi-dap/a/index.html", "hoi-dap/c/index.html", "hoi-dap/index.html", "index.html"} {
		if !strings.Contains(p.files[name], "Câu B mới?") {
			t.Errorf("%s does not show the new title", name)
		}
	}

	// Edit one answer's body only: its page, the home page that shows it
	// in full, the list whose structured data holds every answer, and the
	// channels that read answers (the bulletin, the booklet, the deck's
	// notes); the print pieces and the posts quote titles and summaries,
	// and the summary is the body's start.
	fsys["content/hoi-dap/a.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Câu A?\"\nweight = 1\nsummary = \"Tóm tắt.\"\n+++\nTrả lời mới.\n")}
	p.rebuild(t, "content/hoi-dap/a.md")
	fsys["content/hoi-dap/a.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Câu A?\"\nweight = 1\nsummary = \"Tóm tắt.\"\n+++\nTrả lời khác.\n")}
	rep = p.rebuild(t, "content/hoi-dap/a.md")
	if written(rep) != "hoi-dap/a/index.html hoi-dap/index.html in/phat-thanh/hoi-dap.html in/tai-lieu-hoi-dap-in/hoi-dap.html in/tai-lieu-hoi-dap/hoi-dap.html "+
		"in/trinh-chieu-a4/tong-hop.html in/trinh-chieu/tong-hop.html index.html phat-thanh/hoi-dap/hoi-dap.txt phat-thanh/hoi-dap/index.html "+
		"tim-kiem/index/meta.js trinh-chieu/tong-hop/index.html trinh-chieu/tong-hop/trinh-chieu.css" {
		t.Errorf("edit of a body made %s", written(rep))
	}

	// A mistake: the output stays, the problem is reported; fixing it
	// recovers, with the changes made meanwhile.
	fsys["content/hoi-dap/b.md"] = &fstest.MapFile{Data: []byte("+++\ntitel = \"x\"\n+++\n")}
	fsys["content/hoi-dap/c.md"] = qa("Câu C đã sửa?", 3)
	rep = p.rebuild(t, "content/hoi-dap/b.md", "content/hoi-dap/c.md")
	if !rep.Failed() || !strings.Contains(rep.Problems.Err().Error(), `unknown key "titel"`) {
		t.Fatalf("problems = %v", rep.Problems)
	}
	if !strings.Contains(p.files["hoi-dap/b/index.html"], "Câu B mới?") {
		t.Error("the last good page was not kept")
	}
	fsys["content/hoi-dap/b.md"] = qa("Câu B sửa?", 2)
	if rep = p.rebuild(t, "content/hoi-dap/b.md"); rep.Failed() {
		t.Fatal(rep.Problems)
	}
	if !strings.Contains(p.files["hoi-dap/a/index.html"], "Câu B sửa?") || !strings.Contains(p.files["index.html"], "Câu C đã sửa?") {
		t.Error("did not recover with every change")
	}

	// A deleted page disappears, and its neighbours lose it.
	delete(fsys, "content/hoi-dap/c.md")
	if rep = p.rebuild(t, "content/hoi-dap/c.md"); rep.Failed() || !slices.Contains(rep.Removed, "hoi-dap/c/index.html") {
		t.Fatalf("delete: %+v", rep)
	}
	if _, ok := p.files["hoi-dap/c/index.html"]; ok || strings.Contains(p.files["hoi-dap/b/index.html"], "Câu C") {
		t.Error("deleted page still there, or linked")
	}

	// A new section changes every page's navigation.
	fsys["content/khau-hieu/k.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Đổi mới\"\n+++\n")}
	rep = p.rebuild(t, "content/khau-hieu/k.md")
	if !strings.Contains(p.files["nhiem-vu/x/index.html"], "khau-hieu/") || p.files["in/bang-ron/k.html"] == "" {
		t.Errorf("new section: %s", written(rep))
	}

	// A style sheet no page links: it and its fingerprinted copy alone.
	fsys["static/css/extra.css"] = &fstest.MapFile{Data: []byte("b{}")}
	if rep = p.rebuild(t, "static/css/extra.css"); written(rep) != "css/extra.css "+asset.Name("css/extra.css", []byte("b{}")) || p.files["css/extra.css"] != "b{}" {
		t.Errorf("css change made %s", written(rep))
	}

	// A site's own layout for items that lists every Q&A title: editing
	// one title makes every item again, and the home page; not the lists
	// of other sections.
	fsys["layouts/single.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<ul class="mine">{{range .Site.Items "qa"}}<li>{{.Title}}</li>{{end}}</ul>{{end}}`)}
	p.rebuild(t, "layouts/single.html")
	if !strings.Contains(p.files["nhiem-vu/x/index.html"], `<li>Câu A?</li>`) {
		t.Fatal("the site's layout is not used")
	}
	fsys["content/hoi-dap/a.md"] = qa("Câu A khác?", 1)
	rep = p.rebuild(t, "content/hoi-dap/a.md")
	if !strings.Contains(p.files["nhiem-vu/x/index.html"], `<li>Câu A khác?</li>`) || slices.Contains(rep.Written, "nhiem-vu/index.html") {
		t.Errorf("own layout: made %s", written(rep))
	}
}

var steps = flag.Int("steps", 200, "random edits in TestRebuildEqualsBuild, per seed")

// TestRebuildEqualsBuild drives random edit sequences over a generated
// site with its own layouts (edit, add, delete, rename, break and fix,
// change a layout, a static file, the configuration) and checks after each
// step that the incremental output equals a fresh full build, byte for
// byte, and that a build that fails leaves it as it was.
func TestRebuildEqualsBuild(t *testing.T) {
	n := *steps
	if raceEnabled {
		n = min(n, 20)
	}
	for seed := range uint64(3) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 57))
			fsys := randomSite(rng)
			p := newPreview(fsys)
			p.rebuild(t)
			compared := 0
			defer func() {
				t.Logf("%d steps, %d compared with a full build", n, compared)
				if compared < n/2 {
					t.Errorf("only %d of %d steps built", compared, n)
				}
			}()
			for step := range n {
				what, changed := randomEdit(rng, fsys)
				rep := p.rebuild(t, changed...)
				fresh, _, err := build(Options{Site: fsys, Defaults: loa.DefaultSite()})
				if (err != nil) != rep.Failed() {
					t.Fatalf("step %d (%s): full build error %v, rebuild problems %v", step, what, err, rep.Problems)
				}
				if err != nil {
					continue // the preview keeps its last good output
				}
				compared++
				if !maps.Equal(p.files, fresh.files) {
					for name := range fresh.files {
						if p.files[name] != fresh.files[name] {
							t.Errorf("step %d (%s): %s differs from a full build:\n%s\n---- full build:\n%s", step, what, name, p.files[name], fresh.files[name])
							break
						}
					}
					for name := range p.files {
						if _, ok := fresh.files[name]; !ok {
							t.Errorf("step %d (%s): %s is not in a full build", step, what, name)
						}
					}
					t.FailNow()
				}
			}
		})
	}
}

var (
	sections = []string{"hoi-dap", "khau-hieu", "muc-tieu", "tin-tuc"}
	words    = strings.Fields("chuyển đổi số khoa học công nghệ đổi mới sáng tạo người dân doanh nghiệp thể chế hạ tầng dữ liệu an ninh mạng")
)

func randomText(rng *rand.Rand, n int) string {
	var w []string
	for range n {
		w = append(w, words[rng.IntN(len(words))])
	}
	return strings.Join(w, " ")
}

func randomPage(rng *rand.Rand, sec string) *fstest.MapFile {
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = %q\n", strings.ToUpper(randomText(rng, 1))+" "+randomText(rng, 2+rng.IntN(3)))
	if rng.IntN(2) == 0 {
		fmt.Fprintf(&b, "weight = %d\n", rng.IntN(5))
	}
	if rng.IntN(6) == 0 {
		b.WriteString("draft = true\n")
	}
	if rng.IntN(3) == 0 {
		fmt.Fprintf(&b, "date = 2025-0%d-1%d\n", 1+rng.IntN(9), rng.IntN(10))
	}
	switch sec {
	case "khau-hieu":
		if rng.IntN(3) == 0 {
			b.WriteString("status = \"official\"\n")
		}
	case "muc-tieu":
		fmt.Fprintf(&b, "figures = [{value = \"%d%%\", label = %q, year = 2030}]\n", rng.IntN(100), randomText(rng, 2))
	}
	fmt.Fprintf(&b, "+++\n%s.\n\n## %s\n\n%s.\n", randomText(rng, 8), randomText(rng, 2), randomText(rng, 12))
	return &fstest.MapFile{Data: []byte(b.String())}
}

// layouts are the site's own layouts the edits choose from: lists of
// another section, neighbours, shared partials, none.
var layouts = map[string][]string{
	"layouts/single.html": {
		`{{define "main"}}<h1>{{.Page.Title}}</h1>{{.Page.Content}}<ul>{{range .Site.Items "qa"}}<li>{{.Title}}</li>{{end}}</ul>{{with .Page.Next}}<a>{{.Title}}</a>{{end}}{{end}}`,
		`{{define "main"}}<h1>{{.Page.Title}}</h1><p>{{.Page.Summary}}</p>{{range .Site.Sections}}<b>{{.Page.Title}} {{len .Items}}</b>{{end}}{{end}}`,
		"",
	},
	"layouts/partials/footer.html": {
		`<footer>{{range .Site.RootPages}}{{.Title}}{{end}}{{with .Site.Section "slogan"}}{{range .Items}}<q>{{.Title}}</q>{{end}}{{end}}</footer>`,
		"",
	},
	"layouts/list-goal.html": {
		`{{define "main"}}{{range .Pager.Items}}<p>{{.Title}}{{range .Figures}} {{.Value}}{{end}}</p>{{end}}{{end}}`,
		"",
	},
}

func randomSite(rng *rand.Rand) fstest.MapFS {
	fsys := fstest.MapFS{
		"content/_index.md":          {Data: []byte("+++\ntitle = \"Trang chủ\"\n+++\nGiới thiệu.\n")},
		"content/gioi-thieu.md":      {Data: []byte("+++\ntitle = \"Giới thiệu\"\n+++\nVề trang.\n")},
		"content/muc-tieu/_index.md": {Data: []byte("+++\ntitle = \"Mục tiêu\"\nweight = 1\n+++\n")},
		"static/css/extra.css":       {Data: []byte("a{}")},
		"config.toml":                {Data: []byte("title = \"Thử\"\nbase_url = \"https://thu.vn/\"\npaginate = 3\n[home]\nfull = 2\nlisted = 2\n")},
	}
	for i := range 12 {
		sec := sections[i%len(sections)]
		fsys[fmt.Sprintf("content/%s/p%d.md", sec, i)] = randomPage(rng, sec)
	}
	for f, variants := range layouts {
		if v := variants[rng.IntN(len(variants))]; v != "" {
			fsys[f] = &fstest.MapFile{Data: []byte(v)}
		}
	}
	return fsys
}

// broken is the title of a broken page: curly quotes in TOML.
const broken = "“cong”"

// randomEdit changes fsys at random and returns what it did and the site
// paths it changed.
func randomEdit(rng *rand.Rand, fsys fstest.MapFS) (string, []string) {
	var pages []string
	for f := range fsys {
		if strings.HasPrefix(f, "content/") && !strings.HasSuffix(f, "_index.md") && strings.Count(f, "/") == 2 {
			pages = append(pages, f)
		}
	}
	slices.Sort(pages)
	pick := func() string { return pages[rng.IntN(len(pages))] }
	sec := func(f string) string { return strings.Split(f, "/")[1] }
	// A broken page is fixed soon after, as an editor would.
	for _, f := range pages {
		if strings.Contains(string(fsys[f].Data), broken) && rng.IntN(2) == 0 {
			fsys[f] = randomPage(rng, sec(f))
			return "fix " + f, []string{f}
		}
	}
	switch n := rng.IntN(20); {
	case n < 6 && len(pages) > 0: // edit a page
		f := pick()
		fsys[f] = randomPage(rng, sec(f))
		return "edit " + f, []string{f}
	case n < 8: // add a page
		s := sections[rng.IntN(len(sections))]
		f := fmt.Sprintf("content/%s/n%d.md", s, rng.IntN(1000))
		fsys[f] = randomPage(rng, s)
		return "add " + f, []string{f}
	case n < 10 && len(pages) > 3: // delete a page
		f := pick()
		delete(fsys, f)
		return "delete " + f, []string{f}
	case n < 11 && len(pages) > 0: // rename a page, or move it into another section
		f := pick()
		s := sections[rng.IntN(len(sections))]
		to := fmt.Sprintf("content/%s/r%d.md", s, rng.IntN(1000))
		fsys[to] = fsys[f]
		if s != sec(f) {
			fsys[to] = randomPage(rng, s) // its fields must suit the new kind
		}
		delete(fsys, f)
		return "rename " + f + " " + to, []string{f, to}
	case n < 13 && len(pages) > 0: // break a page, or fix it
		f := pick()
		fsys[f] = &fstest.MapFile{Data: []byte("+++\ntitle = " + broken + "\n+++\n")}
		return "break " + f, []string{f}
	case n < 16: // change a layout
		names := slices.Sorted(maps.Keys(layouts))
		f := names[rng.IntN(len(names))]
		v := layouts[f][rng.IntN(len(layouts[f]))]
		if v == "" {
			delete(fsys, f)
		} else {
			fsys[f] = &fstest.MapFile{Data: []byte(v)}
		}
		return "layout " + f, []string{f}
	case n < 17: // a static file
		fsys["static/css/extra.css"] = &fstest.MapFile{Data: []byte(randomText(rng, 3))}
		return "static", []string{"static/css/extra.css"}
	case n < 18: // the configuration
		fsys["config.toml"] = &fstest.MapFile{Data: []byte(fmt.Sprintf("title = %q\nbase_url = \"https://thu.vn/\"\npaginate = %d\n[home]\nfull = %d\n", randomText(rng, 2), 2+rng.IntN(3), rng.IntN(3)))}
		return "config", []string{"config.toml"}
	case n < 19: // a section's introduction
		f := "content/muc-tieu/_index.md"
		fsys[f] = &fstest.MapFile{Data: []byte(fmt.Sprintf("+++\ntitle = %q\nweight = %d\n+++\n%s\n", randomText(rng, 2), rng.IntN(4), randomText(rng, 5)))}
		return "section", []string{f}
	default: // the watcher lost count
		if len(pages) > 0 {
			f := pick()
			fsys[f] = randomPage(rng, sec(f))
		}
		return "lost", nil
	}
}
