package share_test

import (
	"context"
	"html"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"loa"
	"loa/internal/cache"
	"loa/internal/pipeline"
)

// output is an Output in memory.
type output struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (o *output) WriteFile(name string, data []byte) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.files == nil {
		o.files = map[string][]byte{}
	}
	o.files[name] = append([]byte(nil), data...)
	return nil
}

func (o *output) Remove(name string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	delete(o.files, name)
	return nil
}

// built is a site built into memory.
type built struct {
	files map[string][]byte
	e     *pipeline.Engine
	base  string
}

// cards keeps the cards the tests of this package draw.
var cards cache.Memory

func build(t *testing.T, site fs.FS, c cache.Cache) *built {
	t.Helper()
	var out output
	e := pipeline.New(pipeline.Options{Site: site, Defaults: loa.DefaultSite(), Cache: c})
	rep, err := e.Rebuild(context.Background(), nil, &out)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed() {
		t.Fatal(rep.Problems.Err())
	}
	return &built{files: out.files, e: e, base: e.Config().BaseURL}
}

var campaign struct {
	once sync.Once
	b    *built
}

// campaignSite is the NQ 57 campaign site that loa carries, built once.
func campaignSite(t *testing.T) *built {
	campaign.once.Do(func() { campaign.b = build(t, loa.DefaultSite(), &cards) })
	if campaign.b == nil {
		t.FailNow()
	}
	return campaign.b
}

// small is a site with what the campaign lacks: dates, a list of several
// pages, a plain page, a title too long for a suffix, an official slogan.
func small() fstest.MapFS {
	page := func(front, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("+++\n" + front + "\n+++\n" + body + "\n")}
	}
	return fstest.MapFS{
		"config.toml": {Data: []byte(`title = "Thông tin Nghị quyết"
base_url = "https://thu.hungyen.gov.vn/"
short_title = "NQ 57 – Hưng Yên"
paginate = 2
[campaign]
issuer = "Ban Tuyên giáo và Dân vận Tỉnh ủy Hưng Yên"
[share]
hashtags = ["NghiQuyet57"]
[share.utm]
zalo = "zalo"
[share.labels]
qa = "Hỏi đáp Nghị quyết"
`)},
		"content/_index.md":          page(`title = "Thông tin Nghị quyết"`, "Giới thiệu."),
		"content/gioi-thieu.md":      page(`title = "Giới thiệu"`+"\ndate = 2025-03-04", "Trang giới thiệu."),
		"content/hoi-dap/_index.md":  page(`title = "Hỏi – đáp"`, "Các câu hỏi."),
		"content/hoi-dap/a.md":       page(`title = "Câu hỏi thứ nhất về chuyển đổi số?"`+"\ndate = 2025-02-25\nweight = 1", "Trả lời **thứ nhất**."),
		"content/hoi-dap/b.md":       page(`title = "Câu hỏi thứ hai: người dân và doanh nghiệp được xác định là trung tâm, là chủ thể như thế nào?"`+"\nweight = 2", "Trả lời thứ hai."),
		"content/hoi-dap/c.md":       page(`title = "Câu hỏi thứ ba?"`+"\nweight = 3\nsummary = \"Tóm tắt câu ba.\"", "Trả lời thứ ba."),
		"content/hoi-dap/d.md":       page(`title = "Câu hỏi chưa đăng?"`+"\ndraft = true", "Chưa đăng."),
		"content/khau-hieu/chinh.md": page(`title = "Toàn dân học tập số"`+"\nstatus = \"official\"", "Câu đã duyệt."),
		"content/khau-hieu/nhap.md":  page(`title = "Đổi mới để vươn mình"`+"\nstatus = \"draft\"", "Câu dự thảo."),
		"content/muc-tieu/kt.md": page(`title = "Kinh tế số"`+"\nfigures = [{value = \"≥ 30%\", label = \"GDP\", year = 2030}, {value = \"80%\", label = \"Không dùng tiền mặt\", year = 2030}]",
			"Mục tiêu."),
	}
}

// head is what a page's <head> tells crawlers.
type head struct {
	title, canonical string
	props            map[string][]string // og:..., article:... and name=... metas
	jsonld           []string
	h1               string
	date             string // the <time datetime> of an item's page
	scripts          []string
}

var (
	metaRE   = regexp.MustCompile(`<meta (?:property|name)="([^"]+)" content="([^"]*)">`)
	titleRE  = regexp.MustCompile(`<title>([^<]*)</title>`)
	canonRE  = regexp.MustCompile(`<link rel="canonical" href="([^"]+)">`)
	ldRE     = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)
	h1RE     = regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`)
	tagRE    = regexp.MustCompile(`<[^>]+>`)
	timeRE   = regexp.MustCompile(`<p class="meta">Cập nhật ngày <time datetime="([^"]+)">`)
	scriptRE = regexp.MustCompile(`<script[^>]*>`)
)

func parseHead(page []byte) head {
	s := string(page)
	h := head{props: map[string][]string{}}
	if m := titleRE.FindStringSubmatch(s); m != nil {
		h.title = html.UnescapeString(m[1])
	}
	if m := canonRE.FindStringSubmatch(s); m != nil {
		h.canonical = html.UnescapeString(m[1])
	}
	for _, m := range metaRE.FindAllStringSubmatch(s, -1) {
		h.props[m[1]] = append(h.props[m[1]], html.UnescapeString(m[2]))
	}
	for _, m := range ldRE.FindAllStringSubmatch(s, -1) {
		h.jsonld = append(h.jsonld, m[1])
	}
	if m := h1RE.FindStringSubmatch(s); m != nil {
		h.h1 = strings.TrimSpace(html.UnescapeString(tagRE.ReplaceAllString(m[1], "")))
	}
	if m := timeRE.FindStringSubmatch(s); m != nil {
		h.date = m[1]
	}
	h.scripts = scriptRE.FindAllString(s, -1)
	return h
}

func (h head) one(t *testing.T, file, key string) string {
	t.Helper()
	v := h.props[key]
	if len(v) != 1 {
		t.Errorf("%s: %d %s, want 1", file, len(v), key)
		return ""
	}
	return v[0]
}

// webPages returns the web pages of a build: every HTML file but the
// print pieces and the team's page.
func (b *built) webPages() []string {
	var out []string
	for _, f := range slices.Sorted(maps.Keys(b.files)) {
		// The bulletins' and decks' pages are the channels' own, not the
		// site's pages, and are not shared as items.
		if path.Ext(f) == ".html" && !strings.HasPrefix(f, "in/") && !strings.HasPrefix(f, "chia-se/") &&
			!strings.HasPrefix(f, "phat-thanh/") && !strings.HasPrefix(f, "trinh-chieu/") {
			out = append(out, f)
		}
	}
	return out
}
