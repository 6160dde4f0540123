package pipeline

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/text/unicode/norm"

	"loa"
)

func page(title, extra, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("+++\ntitle = \"" + title + "\"\n" + extra + "+++\n" + body)}
}

// problems builds fsys and returns its problems, one per line, and the
// files made when the build succeeded.
func problems(t *testing.T, fsys fstest.MapFS) ([]string, map[string]string) {
	t.Helper()
	var out memory
	rep, err := New(Options{Site: fsys, Defaults: loa.DefaultSite()}).Rebuild(context.Background(), nil, &out)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, d := range rep.Problems {
		if !strings.HasPrefix(d.Path, "config.toml") {
			lines = append(lines, d.String())
		}
	}
	return lines, out.files
}

// TestContentFiles checks what of content/ is published: pages written in
// .md, .markdown or .mdown (drafts left out), and images beside them;
// office documents, archives and unknown files are refused, saying where
// they belong.
func TestContentFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":                        page("Trang chủ", "", "Mở đầu.\n"),
		"content/bai-viet.markdown":                page("Bài nháp", "draft = true\n", "Nội dung bí mật.\n"),
		"content/tin/tin-1.mdown":                  page("Tin một", "", "Tin.\n"),
		"content/hoi-dap/a.md":                     page("A?", "", "![Ảnh](../anh.jpg)\n"),
		"content/hoi-dap/anh.jpg":                  {Data: []byte("jpeg")},
		"content/.well-known/x.md":                 page("Ẩn", "", "Ẩn.\n"),
		"content/Dự thảo kế hoạch (bản nháp).docx": {Data: []byte("PK office")},
		"content/tai-lieu/ban-thao.zip":            {Data: []byte("PK zip")},
		"content/tai-lieu/ghi-chu.xyz":             {Data: []byte("?")},
	}
	got, _ := problems(t, fsys)
	want := []string{
		"content/Dự thảo kế hoạch (bản nháp).docx: a Word document in content/ would be published as it is; content/ holds pages (.md) and their images\n" +
			"\thint: to publish it, move it to static/ (it is then at /Dự thảo kế hoạch (bản nháp).docx); to keep it private, move it out of the site folder",
		"content/tai-lieu/ban-thao.zip: an archive in content/ would be published as it is; content/ holds pages (.md) and their images\n" +
			"\thint: to publish it, move it to static/ (it is then at /ban-thao.zip); to keep it private, move it out of the site folder",
		"content/tai-lieu/ghi-chu.xyz: a file of a type loa does not know in content/ would be published as it is; content/ holds pages (.md) and their images\n" +
			"\thint: to publish it, move it to static/ (it is then at /ghi-chu.xyz); to keep it private, move it out of the site folder",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range []string{"content/Dự thảo kế hoạch (bản nháp).docx", "content/tai-lieu/ban-thao.zip", "content/tai-lieu/ghi-chu.xyz"} {
		delete(fsys, f)
	}
	got, files := problems(t, fsys)
	if len(got) != 0 {
		t.Fatalf("problems: %v", got)
	}
	for _, f := range []string{"tin/tin-1/index.html", "hoi-dap/a/index.html", "hoi-dap/anh.jpg"} {
		if _, ok := files[f]; !ok {
			t.Errorf("%s not published", f)
		}
	}
	for name, data := range files {
		if strings.Contains(data, "bí mật") || strings.Contains(name, "bai-viet") || strings.Contains(name, "well-known") {
			t.Errorf("published %s", name)
		}
	}
}

// TestTwinNames checks two file names that differ only in how their
// accents are stored: one is read, the other refused with the reason, and
// once the first is gone the second is read.
func TestTwinNames(t *testing.T) {
	nfd := "content/hoi-dap/" + norm.NFD.String("Trùng") + ".md"
	fsys := fstest.MapFS{
		"content/hoi-dap/Trùng.md": page("Một", "", ""),
		nfd:                        page("Hai", "", ""),
	}
	p := newPreview(fsys)
	rep := p.rebuild(t)
	// The decomposed name sorts first (u and a mark before ù): it is read.
	want := "content/hoi-dap/Trùng.md: two files are named content/hoi-dap/Trùng.md: they differ only in how the accents are stored (one as letters, NFC; one as letters and separate marks, NFD, as macOS writes names)\n" +
		"\thint: delete one of them; until then loa reads only the one with separate marks"
	var got []string
	for _, d := range rep.Problems.ErrorsOnly() {
		got = append(got, d.String())
	}
	if len(got) != 1 || got[0] != want {
		t.Errorf("problems = %+q, want %+q", got, want)
	}
	delete(fsys, nfd)
	if rep := p.rebuild(t, nfd); rep.Failed() {
		t.Fatalf("after deleting one: %v", rep.Problems)
	}
	fsys[nfd] = page("Hai", "", "")
	delete(fsys, "content/hoi-dap/Trùng.md")
	rep = p.rebuild(t, nfd, "content/hoi-dap/Trùng.md")
	if rep.Failed() || !strings.Contains(p.files["hoi-dap/trung/index.html"], "Hai") {
		t.Errorf("the decomposed name alone is not read: %v", rep.Problems)
	}
}

// TestLinks checks that links to pages that do not exist and missing
// images are warnings at the link's line and column, and that links to
// what exists, out of the site and into loa's outputs are not.
func TestLinks(t *testing.T) {
	body := "Đọc [câu B](../b/), [câu C](/hoi-dap/c/) và [trang chủ](/).\n" +
		"![Ảnh](/img/a.png) ![Thiếu](/img/thieu.png) ![Bên cạnh](anh.jpg)\n" +
		"[danh sách](/hoi-dap/trang/2/) [ngoài](https://thu.vn/x) [in](/in/) [mục](#muc) [tệp](/tai-lieu/khong.pdf)\n"
	fsys := fstest.MapFS{
		"config.toml":             {Data: []byte("base_url = \"https://thu.vn/nq57/\"\n")},
		"content/hoi-dap/a.md":    page("A?", "", body),
		"content/hoi-dap/b.md":    page("B?", "", "[về A](/nq57/hoi-dap/a/)\n"),
		"content/hoi-dap/anh.jpg": {Data: []byte("jpeg")},
		"static/img/a.png":        {Data: []byte("png")},
		// Decomposed: columns count the file's own characters.
		"content/nfd.md": page("Nfd", "", norm.NFD.String("Đọc kỹ: ")+"[x](/khong/)\n"),
	}
	got, files := problems(t, fsys)
	want := []string{
		"content/hoi-dap/a.md:4:21: warning: links to /hoi-dap/c/, a page that does not exist\n" +
			"\thint: check the address; a page's address comes from its file name: content/hoi-dap/x.md is /hoi-dap/x/",
		"content/hoi-dap/a.md:5:20: warning: an image /img/thieu.png is not in the site\n" +
			"\thint: put it in static/img/thieu.png, or beside the page in content/, and check the name's spelling and case",
		"content/hoi-dap/a.md:5:45: warning: an image /hoi-dap/a/anh.jpg is not in the site\n" +
			"\thint: the file of that name is published at /hoi-dap/anh.jpg: write ../anh.jpg",
		"content/hoi-dap/a.md:6:81: warning: a file /tai-lieu/khong.pdf is not in the site\n" +
			"\thint: put it in static/tai-lieu/khong.pdf, or beside the page in content/, and check the name's spelling and case",
		"content/nfd.md:4:11: warning: links to /khong/, a page that does not exist\n" +
			"\thint: check the address; a page's address comes from its file name: content/hoi-dap/x.md is /hoi-dap/x/",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Root-relative links work under the base_url's path.
	for _, want := range []string{`href="/nq57/hoi-dap/c/"`, `src="/nq57/img/a.png"`, `href="../b/"`, `href="https://thu.vn/x"`} {
		if !strings.Contains(files["hoi-dap/a/index.html"], want) {
			t.Errorf("hoi-dap/a/index.html lacks %s", want)
		}
	}
	if !strings.Contains(files["hoi-dap/b/index.html"], `href="/nq57/hoi-dap/a/"`) {
		t.Error("a link already under the base path got it twice")
	}
}

// TestLimits checks that a page goldmark would take half a minute over is
// refused at once, at its place, and the rest of the site still reported.
func TestLimits(t *testing.T) {
	fsys := fstest.MapFS{
		"content/cham.md":   page("Chậm", "", "Mở đầu.\n\n"+strings.Repeat("[a](", 40000)),
		"content/sau.md":    page("Sâu", "", strings.Repeat("- ", 2000)+"x\n"),
		"content/loi.md":    {Data: []byte("+++\ntitel = \"x\"\n+++\n")},
		"content/dung.md":   page("Đúng", "", "Được.\n"),
		"content/_index.md": page("Trang chủ", "", ""),
	}
	start := time.Now()
	got, _ := problems(t, fsys)
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("the build took %v", took)
	}
	want := []string{
		"content/cham.md:6:3: this paragraph has too many links opened with ]( and never closed for loa to read\n" +
			"\thint: close each link as [text](address), or put such text in a code block",
		"content/loi.md:1:1: missing title\n\thint: add a line title = \"...\" between the +++ lines",
		`content/loi.md:2:1: unknown key "titel"` + "\n\thint: did you mean \"title\"?",
		"content/sau.md:4:1: lists or quotes are nested 2000 levels deep here; loa reads at most 100\n" +
			"\thint: no document needs so many: check the indentation and the - and > at the start of the lines",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
