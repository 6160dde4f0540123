package pdf

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"loa"
	"loa/internal/config"
	"loa/internal/pipeline"
	"loa/internal/print"
	"loa/internal/publish"
)

// needTools returns the path of Chromium, or skips the test with a message
// when it or one of poppler's or zbar's tools is missing. With
// LOA_REQUIRE_CHROMIUM=1 (as in CI) the test fails instead of skipping.
func needTools(t testing.TB, tools ...string) string {
	t.Helper()
	missing := func(what string) {
		msg := what + " is not installed (apt-get install -y chromium poppler-utils zbar-tools)"
		if os.Getenv("LOA_REQUIRE_CHROMIUM") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	path, err := FindChromium()
	if err != nil {
		missing("Chromium")
	}
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			missing(tool)
		}
	}
	return path
}

// built is a site built into a folder: its output and print entries.
type built struct {
	dest    string
	entries []print.Entry
	cfg     *config.Config
}

// options returns the options that print the site's pieces (of the
// given products, or all) as loa pdf does.
func (b built) options(t testing.TB, chromium string, products ...string) Options {
	t.Helper()
	press, err := NewPress(b.cfg.Print)
	if err != nil {
		t.Fatal(err)
	}
	return Options{Files: DirFiles(b.dest), Entries: b.entries, Dir: b.dest, Chromium: chromium, Products: products,
		Press: press, Family: b.cfg.Print.FontFamily, Date: time.Date(2025, 2, 25, 9, 0, 0, 0, time.UTC)}
}

// buildSite builds a site from files into a new folder.
func buildSite(t testing.TB, files map[string]string) built {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return buildFS(t, fsys)
}

// buildFS builds the site fsys, over loa's own layouts and static files.
func buildFS(t testing.TB, fsys fs.FS) built {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	staging, err := publish.Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	eng := pipeline.New(pipeline.Options{Site: fsys, Defaults: loa.DefaultSite()})
	rep, err := eng.Rebuild(context.Background(), nil, staging)
	if err == nil {
		err = rep.Problems.Err()
	}
	if err != nil {
		staging.Abort()
		t.Fatal(err)
	}
	if err := staging.Commit(); err != nil {
		t.Fatal(err)
	}
	return built{dest: dest, entries: print.Entries(eng.Results("print")), cfg: eng.Config()}
}

// fixture is a small site with every default product, a draft and an
// official slogan, a two-word and a 200-character slogan, an editor's
// leaflet and a product made at 1:10.
var fixture = map[string]string{
	"config.toml": `title = "Trang thử in"
base_url = "https://in.example.vn/"
[campaign]
issuer = "Ban Tuyên giáo và Dân vận Tỉnh ủy Hưng Yên"
place = "Hưng Yên"
document = "Số 01-KH/BTGDVTU"
date = 2025-02-25
[print]
imprint = "In tại Xưởng in thử, Hưng Yên; đơn vị treo: UBND xã thử"
[[print.product]]
name = "bang-ron-lon"
title = "Băng rôn 6 m"
layout = "banner"
trim_mm = [6000, 1200]
per = "slogan"
`,
	"content/_index.md":            "+++\ntitle = \"Trang thử in\"\n+++\nGiới thiệu.\n",
	"content/quan-diem/mot.md":     "+++\ntitle = \"Đột phá quan trọng hàng đầu\"\nnumber = 1\nsummary = \"Khoa học, công nghệ là động lực chính.\"\n+++\nNội dung.\n",
	"content/muc-tieu/kinh-te.md":  "+++\ntitle = \"Kinh tế số\"\nfigures = [{value = \"30%\", label = \"GDP từ kinh tế số\", year = 2030}, {value = \"50%\", label = \"GDP từ kinh tế số\", year = 2045}]\n+++\n",
	"content/nhiem-vu/mot.md":      "+++\ntitle = \"Nâng cao nhận thức\"\n+++\n",
	"content/hoi-dap/mot.md":       "+++\ntitle = \"Nghị quyết 57 là gì?\"\nsummary = \"Nghị quyết của Bộ Chính trị ngày 22/12/2024.\"\n+++\n",
	"content/khau-hieu/ngan.md":    "+++\ntitle = \"Đổi mới\"\nstatus = \"official\"\n+++\n",
	"content/khau-hieu/du-thao.md": "+++\ntitle = \"Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là đột phá quan trọng hàng đầu\"\nstatus = \"draft\"\nproducts = [\"bang-ron\", \"pano\", \"bang-ron-lon\"]\n+++\n",
	"content/khau-hieu/rat-dai.md": "+++\ntitle = \"" + longSlogan + "\"\nstatus = \"official\"\nproducts = [\"bang-ron\", \"pano\"]\n+++\n",
	"content/in/to-gap-cua-xa.md":  "+++\ntitle = \"Tờ gấp của xã\"\nproduct = \"to-gap-a4\"\n+++\n## Bìa\n\nNghị quyết 57\n\n---\n\n## Gấp vào\n\nMột.\n\n---\n\n## Trong 1\n\nHai.\n\n---\n\nBa.\n\n---\n\nBốn.\n\n---\n\n## Mặt sau\n",
}

// longSlogan has 200 characters.
const longSlogan = "Toàn Đảng, toàn dân, toàn quân đoàn kết, đồng lòng, quyết tâm thực hiện thắng lợi Nghị quyết 57-NQ/TW, đưa khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số thành động lực chính của sự phát triển"

func TestPDFProducts(t *testing.T) {
	chromium := needTools(t, "pdfinfo", "pdffonts", "pdftotext", "pdftoppm", "zbarimg")
	site := buildSite(t, fixture)
	dest, entries := site.dest, site.entries
	if n := len([]rune(longSlogan)); n != 200 {
		t.Fatalf("long slogan has %d characters", n)
	}
	res, err := Run(context.Background(), site.options(t, chromium))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Failed {
		t.Error(f)
	}
	if len(res.Written) != 2*len(entries) {
		t.Fatalf("wrote %d PDFs, want %d press files and their proofs", len(res.Written), len(entries))
	}
	seen := map[string]string{}
	for _, e := range entries {
		t.Run(strings.TrimSuffix(e.PDF, ".pdf"), func(t *testing.T) {
			file := filepath.Join(dest, e.PDF)
			if _, err := exec.LookPath("gs"); err == nil && exec.Command(python, "-c", "import pikepdf").Run() == nil {
				checkPress(t, file, site.cfg, seen)
			}
			checkSystemFonts(t, file)
			proof := filepath.Join(dest, e.Proof)
			checkBoxes(t, proof, e)
			if out := run(t, "pdffonts", proof); !strings.Contains(out, "NotoSans") {
				t.Errorf("the proof has no fonts:\n%s", out)
			}
			checkBoxes(t, file, e)
			checkFonts(t, file)
			checkTextInsideTrim(t, file, e)
			checkDraftStamp(t, file, e)
			if e.Layout != "banner" && e.Layout != "panel" {
				checkQR(t, file, e)
			}
		})
	}
	if large := find(entries, "bang-ron-lon"); large == nil || large.Scale != 0.1 {
		t.Errorf("a 6000 mm banner must be made at 1:10: %+v", large)
	}
}

func find(entries []print.Entry, product string) *print.Entry {
	for i := range entries {
		if entries[i].Product == product {
			return &entries[i]
		}
	}
	return nil
}

// run runs a command and returns its output.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

var boxRE = regexp.MustCompile(`(?m)^Page\s+(\d+)\s+(MediaBox|TrimBox|BleedBox):\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)`)

// checkBoxes compares pdfinfo's page boxes with the geometry of the entry.
func checkBoxes(t *testing.T, file string, e print.Entry) {
	out := run(t, "pdfinfo", "-box", "-f", "1", "-l", strconv.Itoa(e.Pages+1), file)
	if !strings.Contains(out, fmt.Sprintf("Pages:           %d\n", e.Pages)) {
		t.Errorf("page count: %s", out)
	}
	s := e.Scale
	ptOf := func(mm float64) float64 { return mm * s * 72 / 25.4 }
	w, h := ptOf(e.SheetMM[0]), ptOf(e.SheetMM[1])
	m, b := e.MarksMM, e.BleedMM
	want := map[string][4]float64{
		"MediaBox": {0, 0, w, h},
		"TrimBox":  {ptOf(m + b), ptOf(m + b), ptOf(m + b + e.TrimMM[0]), ptOf(m + b + e.TrimMM[1])},
		"BleedBox": {ptOf(m), ptOf(m), ptOf(m + 2*b + e.TrimMM[0]), ptOf(m + 2*b + e.TrimMM[1])},
	}
	found := 0
	for _, mt := range boxRE.FindAllStringSubmatch(out, -1) {
		wb := want[mt[2]]
		for i := range 4 {
			got, _ := strconv.ParseFloat(mt[3+i], 64)
			if math.Abs(got-wb[i]) > 0.5 {
				t.Errorf("page %s %s = %v, want %v", mt[1], mt[2], mt[3:7], wb)
				break
			}
		}
		found++
	}
	if found != 3*e.Pages {
		t.Errorf("found %d boxes in pdfinfo output, want %d:\n%s", found, 3*e.Pages, out)
	}
}

// checkFonts checks that every font of the PDF is embedded, and that the
// campaign font is among them.
func checkFonts(t *testing.T, file string) {
	out := run(t, "pdffonts", file)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("no fonts:\n%s", out)
	}
	noto := false
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type [type2] encoding emb sub uni object ID
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
		noto = noto || strings.Contains(f[0], "NotoSans")
	}
	if !noto {
		t.Errorf("Noto Sans is not embedded:\n%s", out)
	}
}

var wordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// checkTextInsideTrim checks with pdftotext -bbox that every word printed
// outside the trim is in the slug line, in the mark area under the bleed.
func checkTextInsideTrim(t *testing.T, file string, e print.Entry) {
	out := run(t, "pdftotext", "-bbox", file, "-")
	s := e.Scale
	ptOf := func(mm float64) float64 { return mm * s * 72 / 25.4 }
	x0, y0 := ptOf(e.MarksMM+e.BleedMM), ptOf(e.MarksMM+e.BleedMM)
	x1, y1 := x0+ptOf(e.TrimMM[0]), y0+ptOf(e.TrimMM[1])
	slugTop := y1 + ptOf(e.BleedMM)
	for _, m := range wordRE.FindAllStringSubmatch(out, -1) {
		var v [4]float64
		for i := range 4 {
			v[i], _ = strconv.ParseFloat(m[1+i], 64)
		}
		inside := v[0] >= x0-0.5 && v[2] <= x1+0.5 && v[1] >= y0-0.5 && v[3] <= y1+0.5
		slug := v[1] >= slugTop && v[0] >= x0 && v[2] <= x1+0.5
		// The letters of the rotated DỰ THẢO mark have boxes (the font's
		// ascent and descent, turned) that reach past the trim, which
		// clips them; their middle is inside.
		cx, cy := (v[0]+v[2])/2, (v[1]+v[3])/2
		mark := strings.Contains("DỰ THẢO", m[5]) && cx > x0 && cx < x1 && cy > y0 && cy < y1
		if !inside && !slug && !mark {
			t.Errorf("word %q at %v is outside the trim and not in the slug line", m[5], v)
		}
	}
}

// checkDraftStamp checks that a piece carrying a draft slogan shows
// DỰ THẢO inside the trim, and that others do not.
func checkDraftStamp(t *testing.T, file string, e print.Entry) {
	s := e.Scale
	ptOf := func(mm float64) float64 { return mm * s * 72 / 25.4 }
	x := ptOf(e.MarksMM + e.BleedMM)
	// Crop to the trim, so that the label in the mark area does not count.
	out := run(t, "pdftotext", "-x", strconv.Itoa(int(math.Ceil(x))), "-y", strconv.Itoa(int(math.Ceil(x))),
		"-W", strconv.Itoa(int(ptOf(e.TrimMM[0]))), "-H", strconv.Itoa(int(ptOf(e.TrimMM[1]))), file, "-")
	if got := strings.Contains(out, "DỰ THẢO"); got != e.Draft {
		t.Errorf("DỰ THẢO inside the trim = %v, want %v (drafts %v)", got, e.Draft, e.Drafts)
	}
}

// checkQR renders the pages at 300 dpi and decodes the QR code.
func checkQR(t *testing.T, file string, e print.Entry) {
	dir := t.TempDir()
	run(t, "pdftoppm", "-r", "300", "-png", file, filepath.Join(dir, "page"))
	pages, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	// zbarimg exits with 4 when any page has no code; the pages that have
	// one are still printed.
	out, err := exec.Command("zbarimg", append([]string{"-q", "--raw"}, pages...)...).Output()
	if len(out) == 0 {
		t.Fatalf("zbarimg found no code in %s: %v", e.File, err)
	}
	if got := strings.TrimSpace(string(out)); got != e.QR {
		t.Errorf("QR code = %q, want %q", got, e.QR)
	}
}

// TestOverflowRefused checks that an editor's flyer with too much text is
// refused, naming the product, the file and the side.
func TestOverflowRefused(t *testing.T) {
	chromium := needTools(t)
	long := strings.Repeat("Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia. ", 60)
	files := map[string]string{
		"content/in/qua-dai.md": "+++\ntitle = \"Quá dài\"\nproduct = \"to-roi-a5\"\n+++\nMặt trước.\n\n---\n\n" + long + "\n",
		// A leaflet whose fourth part (the inside middle panel) is too long.
		"content/in/to-gap-dai.md": "+++\ntitle = \"Tờ gấp dài\"\nproduct = \"to-gap-a4\"\n+++\nBìa\n\n---\n\nGấp vào\n\n---\n\nTrong trái\n\n---\n\n" + long + "\n\n---\n\nTrong phải\n\n---\n\nMặt sau\n",
		"config.toml":              "base_url = \"https://thu.vn/\"\n",
	}
	site := buildSite(t, files)
	dest := site.dest
	res, err := Run(context.Background(), site.options(t, chromium, "to-roi-a5", "to-gap-a4"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Failed) != 2 {
		t.Fatalf("failed = %v, want two overflows", res.Failed)
	}
	for _, want := range [][]string{
		{"in/to-roi-a5/qua-dai.html", "to-roi-a5", "side 2", "content/in/qua-dai.md"},
		{"in/to-gap-a4/to-gap-dai.html: inside middle (to-gap-a4, side 2)", "content/in/to-gap-dai.md"},
	} {
		found := false
		for _, f := range res.Failed {
			var oe *OverflowError
			if !errors.As(f, &oe) {
				t.Fatalf("error = %v, want an OverflowError", f)
			}
			msg := oe.Error()
			if strings.Contains(msg, want[0]) {
				found = true
				for _, w := range want[1:] {
					if !strings.Contains(msg, w) {
						t.Errorf("message %q lacks %q", msg, w)
					}
				}
			}
		}
		if !found {
			t.Errorf("no failure names %q: %v", want[0], res.Failed)
		}
	}
	for _, pdf := range []string{"in/pdf/to-roi-a5/qua-dai.pdf", "in/pdf/to-gap-a4/to-gap-dai.pdf"} {
		if _, err := os.Stat(filepath.Join(dest, pdf)); err == nil {
			t.Errorf("an overflowing piece was printed: %s", pdf)
		}
	}
}

// TestOnlyTheSitesFiles checks that a piece that asks for a file outside
// the site (an image on another host, on this machine's own web server) or
// one the site does not have is refused, naming the Markdown file, and
// that nothing was fetched.
func TestOnlyTheSitesFiles(t *testing.T) {
	chromium := needTools(t)
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	files := map[string]string{
		"content/in/anh.md":   "+++\ntitle = \"Ảnh\"\nproduct = \"to-roi-a5\"\n+++\n![ảnh](" + srv.URL + "/a.png)\n\n![khác](https://anh.example.com/b.png)\n\n---\n\nMặt sau.\n",
		"content/in/thieu.md": "+++\ntitle = \"Thiếu\"\nproduct = \"to-gap-a4\"\n+++\n![ảnh](/img/khong-co.png)\n" + strings.Repeat("\n---\n", 5),
		"config.toml":         "base_url = \"https://thu.vn/\"\n",
	}
	site := buildSite(t, files)
	res, err := Run(context.Background(), site.options(t, chromium, "to-roi-a5", "to-gap-a4"))
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, f := range res.Failed {
		var re *RefusedError
		if !errors.As(f, &re) {
			t.Errorf("error = %v, want a RefusedError", f)
		}
		msgs = append(msgs, f.Error())
	}
	got := strings.Join(msgs, "\n")
	for _, want := range []string{
		"content/in/anh.md: in/to-roi-a5/anh.html asks for " + srv.URL + "/a.png, outside the site; loa pdf loads only the site's own files",
		"content/in/anh.md: in/to-roi-a5/anh.html asks for https://anh.example.com/b.png, outside the site",
		"content/in/thieu.md: in/to-gap-a4/thieu.html uses img/khong-co.png, which the site does not have",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the server outside the site got %d requests", n)
	}
}
