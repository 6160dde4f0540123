package pdf

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"loa/internal/vnbreak"
)

// checkBreaks checks that lines of a slogan, as printed, break only where
// Vietnamese allows: never inside a word of two or more syllables, a
// name, a number with its unit, nor before a last syllable alone.
func checkBreaks(t *testing.T, file string, lines []string) {
	t.Helper()
	for _, p := range badBreaks(lines) {
		t.Errorf("%s: %s", file, p)
	}
}

// badBreaks returns the line breaks of lines that package vnbreak would
// never make.
func badBreaks(lines []string) []string {
	whole := strings.Join(lines, " ")
	a := vnbreak.Analyze(whole)
	var out []string
	at := 0
	for i, l := range lines[:len(lines)-1] {
		at += len(strings.Fields(l))
		if at-1 >= len(a.Costs) {
			return append(out, fmt.Sprintf("the lines %q have more parts than %q", lines, whole))
		}
		if c := a.Costs[at-1]; c >= vnbreak.Keep {
			out = append(out, fmt.Sprintf("%q | %q breaks where Vietnamese does not (%v)", l, lines[i+1], c))
		}
	}
	return out
}

// TestBadBreaks checks the checker: the splits the issue measured on the
// old banners are caught, good breaks pass.
func TestBadBreaks(t *testing.T) {
	for _, tt := range []struct {
		lines []string
		bad   int
	}{
		{[]string{"BẢO ĐẢM AN", "NINH, AN TOÀN"}, 1},
		{[]string{"TOÀN DÂN HỌC TẬP", "SỐ"}, 1},
		{[]string{"CHUYỂN", "ĐỔI SỐ DOANH", "NGHIỆP"}, 2},
		{[]string{"KHOA HỌC,", "CÔNG NGHỆ"}, 0},
		{[]string{"TOÀN DÂN", "HỌC TẬP SỐ"}, 0},
	} {
		if got := badBreaks(tt.lines); len(got) != tt.bad {
			t.Errorf("%q: %d bad breaks %v, want %d", tt.lines, len(got), got, tt.bad)
		}
	}
}

// TestNoWordSplit prints slogans made of compound words on a narrow flag
// (800 × 2500 mm) and a panel, where they take many lines, and checks
// each line break in the PDF.
func TestNoWordSplit(t *testing.T) {
	chromium := needPress(t)
	slogans := []string{
		"Bảo đảm an ninh, an toàn không gian mạng",
		"Chuyển đổi số doanh nghiệp nhỏ và vừa",
		"Xây dựng chính phủ số, kinh tế số, xã hội số",
		"Quyết tâm thực hiện thắng lợi Nghị quyết 57-NQ/TW",
		"Phát triển nguồn nhân lực chất lượng cao",
		"Đổi mới sáng tạo là động lực tăng trưởng",
		"Toàn dân học tập số",
	}
	files := map[string]string{
		"config.toml": "base_url = \"https://thu.vn/\"\n[[print.product]]\nname = \"co-phuon\"\nlayout = \"banner\"\ntrim_mm = [800, 2500]\nper = \"slogan\"\n",
	}
	for i, s := range slogans {
		files["content/khau-hieu/k"+itoa(i)+".md"] = "+++\ntitle = \"" + s + "\"\nstatus = \"official\"\nproducts = [\"co-phuon\", \"pano\"]\n+++\n"
	}
	site := buildSite(t, files)
	res, err := Run(context.Background(), site.options(t, chromium, "co-phuon", "pano"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Failed {
		t.Error(f)
	}
	for _, e := range site.entries {
		if e.Product == "co-phuon" || e.Product == "pano" {
			checkSloganLines(t, filepath.Join(site.dest, e.PDF), e)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestQRNeedsBaseURL checks that without base_url the pieces with a QR
// code are refused, naming config.toml, and the others are made.
func TestQRNeedsBaseURL(t *testing.T) {
	chromium := needTools(t)
	site := buildSite(t, map[string]string{
		"content/khau-hieu/a.md": "+++\ntitle = \"Đổi mới\"\nstatus = \"official\"\n+++\n",
	})
	res, err := Run(context.Background(), site.options(t, chromium, "to-roi-a5", "bang-ron"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Failed) != 1 {
		t.Fatalf("failed %v, want the flyer only", res.Failed)
	}
	want := "config.toml: base_url is not set: the QR code of in/to-roi-a5/mac-dinh.html would lead to http://localhost/, which no reader can open; set base_url to the address the site is published at"
	if got := res.Failed[0].Error(); got != want {
		t.Errorf("error\n%s\nwant\n%s", got, want)
	}
	if !slices.Contains(res.Written, "in/pdf/bang-ron/a.pdf") {
		t.Errorf("the banner, without a QR code, was not made: %v", res.Written)
	}
}

// TestEditorLeafletParts prints README's example of an editor's leaflet,
// whose "---" lines sit right under text, and checks that each part is
// on its panel, its footnote with it.
func TestEditorLeafletParts(t *testing.T) {
	chromium := needTools(t)
	src := "+++\ntitle = \"Tờ gấp tháng 10\"\nproduct = \"to-gap-a4\"\n+++\n## Nghị quyết 57\nBìa trước.\n---\n## Gấp vào\nTấm gấp vào[^1].\n---\n## Trong trái\nMột.\n---\n## Trong giữa\nHai.\n---\n## Trong phải\nBa.\n---\n## Mặt sau\nBốn.\n\n[^1]: Chú thích của tấm gấp vào.\n"
	site := buildSite(t, map[string]string{
		"config.toml":            "base_url = \"https://thu.vn/\"\n",
		"content/in/thang-10.md": src,
	})
	res, err := Run(context.Background(), site.options(t, chromium, "to-gap-a4"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Failed) > 0 {
		t.Fatal(res.Failed)
	}
	e := find(site.entries, "to-gap-a4")
	text := panelText(t, filepath.Join(site.dest, e.PDF), *e)
	for panel, want := range map[string][]string{
		"front cover":     {"Nghị quyết 57", "Bìa trước."},
		"flap (folds in)": {"Gấp vào", "Tấm gấp vào", "Chú thích của tấm gấp vào."},
		"inside left":     {"Trong trái", "Một."},
		"inside middle":   {"Trong giữa", "Hai."},
		"inside right":    {"Trong phải", "Ba."},
		"back cover":      {"Mặt sau", "Bốn.", "Quét mã"},
	} {
		got := strings.Join(strings.Fields(text[panel]), " ") // lines rejoined
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %q:\n%s", panel, w, text[panel])
			}
		}
	}
	if strings.Contains(text["back cover"], "Chú thích") {
		t.Error("the flap's footnote is on the back cover")
	}
}
