package render_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"image/png"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"loa"
	"loa/internal/pipeline"
)

// out is an Output that keeps files in a map.
type out struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (o *out) WriteFile(name string, data []byte) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.files[name] = bytes.Clone(data)
	return nil
}

func (o *out) Remove(name string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	delete(o.files, name)
	return nil
}

// build builds the site of files over loa's built-in layouts and static
// files, failing the test on any error.
func build(t *testing.T, files map[string]string) map[string][]byte {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	o := &out{files: map[string][]byte{}}
	rep, err := pipeline.New(pipeline.Options{Site: fsys, Defaults: loa.DefaultSite(), Preview: true}).Rebuild(context.Background(), nil, o)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed() {
		t.Fatal(rep.Problems)
	}
	return o.files
}

const config = `title = "Đột phá phát triển khoa học"
base_url = "https://nq57.gov.test/tuyen-truyen/"

[campaign]
issuer = "Ban Tuyên giáo và Dân vận Tỉnh ủy Hưng Yên"
place = "Hưng Yên"
date = 2025-02-25

[site]
initials = "57"

[site.subject]
document = "Nghị quyết số 57-NQ/TW"
issuer = "Bộ Chính trị"
date = 2024-12-22

[site.contact]
agency = "Ban Tuyên giáo và Dân vận Tỉnh ủy Hưng Yên"
responsible = "Ban biên tập"
address = "Thành phố Hưng Yên"
phone = "0221 3862 000"
email = "lienhe@nq57.gov.test"
`

// site is a small site: dated and undated items in two sections, one
// section without a date, a dated page at the top.
func site() map[string]string {
	return map[string]string{
		"config.toml":          config,
		"content/_index.md":    "+++\ntitle = \"Đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số\"\n+++\nGiới thiệu.\n",
		"content/hoi-dap/a.md": "+++\ntitle = \"Câu A?\"\nweight = 1\ndate = 2025-03-01\nsummary = \"Tóm tắt A.\"\n+++\nĐáp A.\n",
		"content/hoi-dap/b.md": "+++\ntitle = \"Câu B?\"\nweight = 2\n+++\nĐáp B.\n",
		"content/hoi-dap/c.md": "+++\ntitle = \"Câu C?\"\nweight = 3\ndate = 2025-04-10\n+++\nĐáp C.\n",
		"content/muc-tieu/x.md": "+++\ntitle = \"Kinh tế số\"\nfigures = [{value = \"≥ 30%\", label = \"Kinh tế số so với GDP\", year = 2030}," +
			" {value = \"> 80%\", label = \"Dịch vụ công trực tuyến\", year = 2030}]\n+++\nMục tiêu.\n",
		"content/muc-tieu/y.md": "+++\ntitle = \"Tầm nhìn\"\nweight = 9\nfigures = [{value = \"Top 30\", label = \"Đổi mới sáng tạo\", year = 2045}]\n+++\nTầm nhìn.\n",
		"content/ke-hoach.md":   "+++\ntitle = \"Kế hoạch của tỉnh\"\ndate = 2025-02-25\n+++\nKế hoạch.\n",
	}
}

type atom struct {
	Title   string `xml:"title"`
	ID      string `xml:"id"`
	Updated string `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Author struct {
		Name  string `xml:"name"`
		Email string `xml:"email"`
	} `xml:"author"`
	Entries []struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
	} `xml:"entry"`
}

func TestFeeds(t *testing.T) {
	files := build(t, site())
	if _, ok := files["muc-tieu/atom.xml"]; ok {
		t.Error("a section without a dated item has a feed")
	}
	var f atom
	if err := xml.Unmarshal(files["atom.xml"], &f); err != nil {
		t.Fatal(err)
	}
	base := "https://nq57.gov.test/tuyen-truyen/"
	var got []string
	for _, e := range f.Entries {
		got = append(got, e.Updated[:10]+" "+e.Title+" "+strings.TrimPrefix(e.ID, base))
	}
	want := []string{"2025-04-10 Câu C? hoi-dap/c/", "2025-03-01 Câu A? hoi-dap/a/", "2025-02-25 Kế hoạch của tỉnh ke-hoach/"}
	if !slices.Equal(got, want) {
		t.Errorf("site feed entries\n%q\nwant\n%q", got, want)
	}
	if f.Updated != "2025-04-10T00:00:00Z" || f.ID != base+"atom.xml" || f.Links[0].Href != base+"atom.xml" || f.Links[1].Href != base ||
		f.Author.Name != "Ban Tuyên giáo và Dân vận Tỉnh ủy Hưng Yên" || f.Author.Email != "lienhe@nq57.gov.test" {
		t.Errorf("site feed: %+v", f)
	}
	if f.Entries[1].Summary != "Tóm tắt A." {
		t.Errorf("summary = %q", f.Entries[1].Summary)
	}
	var sec atom
	if err := xml.Unmarshal(files["hoi-dap/atom.xml"], &sec); err != nil {
		t.Fatal(err)
	}
	if len(sec.Entries) != 2 || sec.Links[1].Href != base+"hoi-dap/" || !strings.HasSuffix(sec.Title, " – Đột phá phát triển khoa học") {
		t.Errorf("section feed: %+v", sec)
	}
	// Pages point at the feeds that exist: their section's, the site's.
	item := string(files["hoi-dap/a/index.html"])
	for _, l := range []string{`<link rel="alternate" type="application/atom+xml" href="../../hoi-dap/atom.xml" title="Tin mới: Hỏi – đáp">`,
		`<link rel="alternate" type="application/atom+xml" href="../../atom.xml" title="Tin mới">`} {
		if !strings.Contains(item, l) {
			t.Errorf("hoi-dap/a/index.html lacks %s", l)
		}
	}
	if goal := string(files["muc-tieu/x/index.html"]); strings.Count(goal, "application/atom+xml") != 1 {
		t.Error("an item of a section without feed links other than the site's")
	}
}

func TestSitemapLastmod(t *testing.T) {
	files := build(t, site())
	var sm struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &sm); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, u := range sm.URLs {
		got[strings.TrimPrefix(u.Loc, "https://nq57.gov.test/tuyen-truyen/")] = u.Lastmod
	}
	want := map[string]string{
		"":            "2025-04-10", // the newest date of the site
		"hoi-dap/":    "2025-04-10", // the newest of its items
		"hoi-dap/a/":  "2025-03-01",
		"hoi-dap/b/":  "2025-02-25", // no date: the campaign's
		"hoi-dap/c/":  "2025-04-10",
		"muc-tieu/":   "2025-02-25",
		"muc-tieu/x/": "2025-02-25",
		"muc-tieu/y/": "2025-02-25",
		"ke-hoach/":   "2025-02-25",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("lastmod of %q = %q, want %q", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("sitemap has %d URLs, want %d: %v", len(got), len(want), got)
	}
	// [site] updated stands in for the campaign's date.
	s := site()
	s["config.toml"] = strings.Replace(config, "[site]\n", "[site]\nupdated = 2025-05-01\n", 1)
	if files := build(t, s); !bytes.Contains(files["sitemap.xml"], []byte("hoi-dap/b/</loc><lastmod>2025-05-01</lastmod>")) {
		t.Error("[site] updated is not the lastmod of an undated page")
	}
	if page := string(build(t, s)["hoi-dap/b/index.html"]); !strings.Contains(page, `Cập nhật ngày <time datetime="2025-05-01">01/05/2025</time>`) {
		t.Error("an undated item does not say when the site was reviewed")
	}
}

func TestRobots(t *testing.T) {
	files := build(t, site())
	if got := string(files["robots.txt"]); got != "User-agent: *\nAllow: /\n\nSitemap: https://nq57.gov.test/tuyen-truyen/sitemap.xml\n" {
		t.Errorf("robots.txt = %q", got)
	}
	s := site()
	s["static/robots.txt"] = "User-agent: *\nDisallow: /\n"
	if got := string(build(t, s)["robots.txt"]); got != s["static/robots.txt"] {
		t.Errorf("the site's own robots.txt was replaced: %q", got)
	}
}

func TestIcons(t *testing.T) {
	files := build(t, site())
	for name, size := range map[string]int{"apple-touch-icon.png": 180} {
		cfg, err := png.DecodeConfig(bytes.NewReader(files[name]))
		if err != nil || cfg.Width != size || cfg.Height != size {
			t.Errorf("%s: %v %+v", name, err, cfg)
		}
	}
	if ico := files["favicon.ico"]; len(ico) < 6 || !bytes.Equal(ico[:6], []byte{0, 0, 1, 0, 3, 0}) {
		t.Errorf("favicon.ico does not start as an icon of 3 images: % x", ico[:min(6, len(ico))])
	}
	if svg := string(files["icon.svg"]); !strings.Contains(svg, `fill="#a50e0e"`) || !strings.Contains(svg, `fill="#ffd54a"`) {
		t.Errorf("icon.svg is not in the brand colours: %.200s", svg)
	}
	// Another red in the tokens: the icons and the theme colour follow.
	s := site()
	s["static/css/tokens.css"] = ":root { --red: #0b5394; --yellow: #ffffff; --red-dark: #073763; --ink: #111; --muted: #555; --paper: #fff; --tint: #f4f8fc; --line: #cdd; --font-sans: sans-serif; }\n"
	s["static/img/logo.svg"] = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5"/></svg>`
	s["config.toml"] = strings.Replace(config, "[site]\n", "[site]\nlogo = \"img/logo.svg\"\n", 1)
	s["static/favicon.ico"] = "mine"
	files = build(t, s)
	if string(files["icon.svg"]) != s["static/img/logo.svg"] || string(files["favicon.ico"]) != "mine" {
		t.Error("the logo is not the SVG icon, or the site's own favicon.ico was replaced")
	}
	if home := string(files["index.html"]); !strings.Contains(home, `<meta name="theme-color" content="#0b5394">`) ||
		!regexp.MustCompile(`<img class="brand-mark" src="img/logo\.[0-9a-f]{10}\.svg"`).MatchString(home) {
		t.Error("the home page does not show the logo or the tokens' brand colour")
	}
}

func TestNotFound(t *testing.T) {
	files := build(t, site())
	page := string(files["404.html"])
	if !strings.Contains(page, `<meta name="robots" content="noindex">`) || strings.Contains(page, `rel="canonical"`) {
		t.Error("404.html must have noindex and no canonical link")
	}
	// Every link starts at the root of the site: base_url's path.
	links := links(page)
	if len(links) < 8 {
		t.Fatalf("404.html has %d links", len(links))
	}
	for _, l := range links {
		if !strings.HasPrefix(l, "/tuyen-truyen/") {
			t.Errorf("404.html links %q, not from the site's root", l)
			continue
		}
		if !exists(files, strings.TrimPrefix(l, "/tuyen-truyen/")) {
			t.Errorf("404.html links %q, which is not in the output", l)
		}
	}
}

var linkRE = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// links returns the local links of a page: href and src, without
// anchors, absolute addresses and mailto: or tel:.
func links(page string) []string {
	var out []string
	for _, m := range linkRE.FindAllStringSubmatch(page, -1) {
		l := m[1]
		if l == "" || strings.HasPrefix(l, "#") || strings.Contains(l, ":") {
			continue
		}
		if i := strings.IndexAny(l, "#?"); i >= 0 {
			l = l[:i]
		}
		out = append(out, l)
	}
	return out
}

// exists reports whether an output path (a folder meaning its index.html)
// was made.
func exists(files map[string][]byte, p string) bool {
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	_, ok := files[p]
	return ok
}

// TestEveryLinkResolves follows every local link of every web page and of
// the printers' index, from the page's folder, as a browser does from a
// disk or a server: each leads to a file that was made.
func TestEveryLinkResolves(t *testing.T) {
	files := build(t, site())
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") || name == "404.html" || strings.Count(name, "/") > 1 && strings.HasPrefix(name, "in/") {
			continue
		}
		dir := path.Dir(name)
		for _, l := range links(string(data)) {
			if name == "in/index.html" && strings.HasPrefix(l, "pdf/") {
				continue // made by loa pdf; the index shows them only once they are
			}
			target := path.Join(dir, l)
			if strings.HasSuffix(l, "/") || l == "." || l == ".." {
				target += "/"
			}
			if strings.HasPrefix(target, "../") || !exists(files, strings.TrimPrefix(target, "./")) {
				t.Errorf("%s links %q: %s is not in the output", name, l, target)
			}
		}
	}
}

var (
	inlineRE = regexp.MustCompile(`(?i)<style|\sstyle=|\son[a-z]+=|javascript:`)
	scriptRE = regexp.MustCompile(`(?i)<script[^>]*>`)
)

// inline returns the first inline code of a page: a style element or
// attribute, an event handler, a javascript: link, a script without src
// that is not a data block.
func inline(page []byte) string {
	if m := inlineRE.Find(page); m != nil {
		return string(m)
	}
	for _, m := range scriptRE.FindAll(page, -1) {
		// A data block (JSON-LD) is not run, and CSP does not apply to it.
		if !bytes.Contains(m, []byte(" src=")) && !bytes.Contains(m, []byte(`type="application/ld+json"`)) {
			return string(m)
		}
	}
	return ""
}

// TestNoInlineCode checks that no web page and not the printers' index
// has an inline script, style element, style attribute or event handler,
// so that Content-Security-Policy default-src 'self' holds.
func TestNoInlineCode(t *testing.T) {
	files := build(t, site())
	n := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") || strings.HasPrefix(name, "in/") && name != "in/index.html" {
			continue
		}
		n++
		if m := inline(data); m != "" {
			t.Errorf("%s has %q", name, m)
		}
	}
	if n < 10 {
		t.Errorf("checked %d pages", n)
	}
	for _, bad := range []string{`<script src="x.js" defer></script><script>1</script>`, `<p style="x">`, `<a onclick="x">`, `<STYLE>`} {
		if inline([]byte(bad)) == "" {
			t.Errorf("the check misses %s", bad)
		}
	}
	if m := inline([]byte(`<script src="x.js" defer></script><p>style=onclick</p>`)); m != "" {
		t.Errorf("the check flags %q", m)
	}
}

func TestFirstScreen(t *testing.T) {
	files := build(t, site())
	home := string(files["index.html"])
	for _, want := range []string{
		`<p class="hero-subject"><strong>Nghị quyết số 57-NQ/TW</strong> ngày 22/12/2024 của Bộ Chính trị</p>`,
		// Syllables of one word glued: the browser balances between words.
		"<h1>Đột\u00a0phá phát\u00a0triển khoa\u00a0học, công\u00a0nghệ, đổi\u00a0mới\u00a0sáng\u00a0tạo và\u00a0chuyển\u00a0đổi\u00a0số</h1>",
		`<h2 id="con-so">Mục tiêu đến năm 2030</h2>`,
		`<li><a href="#muc-tieu-x"><span class="value"><span class="nobr">≥ 30%</span></span> <span class="label">Kinh tế số so với GDP</span></a></li>`,
		`<p>Điện thoại: <a href="tel:02213862000">0221 3862 000</a></p>`,
		`<a href="mailto:lienhe@nq57.gov.test">lienhe@nq57.gov.test</a>`,
		`<p class="agency">Cơ quan chủ quản: Ban Tuyên giáo và Dân vận Tỉnh ủy Hưng Yên</p>`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("the home page lacks %s", want)
		}
	}
	// The strip keeps one horizon: the 2045 vision is not in it.
	if i, j := strings.Index(home, `class="headlines"`), strings.Index(home, "Top 30"); j < 0 || j < strings.Index(home[i:], "</section>")+i {
		t.Error("the 2045 figure is in the strip of 2030")
	}
	// A list of one year says it once.
	goal := string(files["muc-tieu/x/index.html"])
	if !strings.Contains(goal, `<p class="figures-year">Đến năm 2030</p>`) || strings.Contains(goal, `class="year"`) {
		t.Error("the goal's figures repeat their year")
	}
	if !strings.Contains(goal, `Cập nhật ngày <time datetime="2025-02-25">25/02/2025</time>`) {
		t.Error("the goal page does not say when it was updated")
	}
	// Style sheets, fonts and the script go by fingerprinted names, from
	// every depth.
	for _, re := range []string{`href="\.\./\.\./css/site\.[0-9a-f]{10}\.css"`, `href="\.\./\.\./fonts/NotoSans-Bold\.[0-9a-f]{10}\.woff2" as="font"`,
		`src="\.\./\.\./js/site\.[0-9a-f]{10}\.js"`} {
		if !regexp.MustCompile(re).MatchString(goal) {
			t.Errorf("muc-tieu/x/index.html lacks %s", re)
		}
	}
}

// TestIncremental edits what the pages link of the other outputs (a first
// date in a section, which makes its feed; the brand colour; a style
// sheet) and checks that each incremental rebuild equals a full build.
func TestIncremental(t *testing.T) {
	files := site()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	e := pipeline.New(pipeline.Options{Site: fsys, Defaults: loa.DefaultSite(), Preview: true})
	o := &out{files: map[string][]byte{}}
	if rep, err := e.Rebuild(context.Background(), nil, o); err != nil || rep.Failed() {
		t.Fatal(err, rep.Problems)
	}
	css, _ := fs.ReadFile(loa.DefaultSite(), "static/css/site.css")
	tokens, _ := fs.ReadFile(loa.DefaultSite(), "static/css/tokens.css")
	for _, edit := range []struct{ file, text string }{
		{"content/muc-tieu/x.md", strings.Replace(files["content/muc-tieu/x.md"], "title =", "date = 2025-06-01\ntitle =", 1)},
		{"static/css/tokens.css", strings.Replace(string(tokens), "--red: #a50e0e", "--red: #9a0d0d", 1)},
		{"static/css/site.css", string(css) + "\n.new { color: red }\n"},
		{"content/muc-tieu/x.md", files["content/muc-tieu/x.md"]},
	} {
		fsys[edit.file] = &fstest.MapFile{Data: []byte(edit.text)}
		rep, err := e.Rebuild(context.Background(), []string{edit.file}, o)
		if err != nil || rep.Failed() {
			t.Fatal(err, rep.Problems)
		}
		want := map[string]string{}
		for name, f := range fsys {
			want[name] = string(f.Data)
		}
		full := build(t, want)
		for name, data := range full {
			if !bytes.Equal(o.files[name], data) {
				t.Errorf("after editing %s, %s differs from a full build", edit.file, name)
			}
		}
		for name := range o.files {
			if _, ok := full[name]; !ok {
				t.Errorf("after editing %s, %s is left over", edit.file, name)
			}
		}
		if len(rep.Written) == 0 || len(rep.Written) == len(full) {
			t.Errorf("editing %s made %d of %d files", edit.file, len(rep.Written), len(full))
		}
	}
}
