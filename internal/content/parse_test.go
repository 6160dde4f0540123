package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"loa/internal/config"
)

// TestKinds checks the kind each place of content/ gives; the URLs are
// paths' job (paths_test.go).
func TestKinds(t *testing.T) {
	tests := []struct {
		path, kind, section, url string
	}{
		{"content/_index.md", KindHome, "", ""},
		{"content/gioi-thieu.md", KindPage, "", "gioi-thieu/"},
		{"content/hoi-dap/_index.md", KindSection, "hoi-dap", "hoi-dap/"},
		{"content/hoi-dap/Nghị quyết 57 là gì.md", config.KindQA, "hoi-dap", "hoi-dap/nghi-quyet-57-la-gi/"},
		{"content/hoi-dap/kinh-te/_index.md", config.KindQA, "hoi-dap", "hoi-dap/kinh-te/"},
		{"content/hoi-dap/kinh-te/x.md", config.KindQA, "hoi-dap", "hoi-dap/kinh-te/x/"},
		{"content/Tin tức/Bài 1.md", KindPage, "Tin tức", "tin-tuc/bai-1/"},
		{"content/khau-hieu/a.MD", config.KindSlogan, "khau-hieu", "khau-hieu/a/"},
	}
	for _, tt := range tests {
		p, _, _ := Parse(tt.path, []byte("+++\ntitle = \"T\"\n+++\n"), config.Default())
		if p.Kind != tt.kind || p.Section != tt.section || p.URL != tt.url {
			t.Errorf("Parse(%q) = %s %q %q, want %s %q %q", tt.path, p.Kind, p.Section, p.URL, tt.kind, tt.section, tt.url)
		}
	}
}

func TestParse(t *testing.T) {
	cfg := config.Default()
	src := "\uFEFF+++\r\ntitle = \"  Nghị quyết\t 57  \"\r\nweight = 3\r\ndate = \"25/02/2025\"\r\ntags = [\"a\"]\r\n+++\r\nThân bài.\r\n"
	p, body, ds := Parse("content/hoi-dap/x.md", []byte(src), cfg)
	if len(ds) != 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	if p.Title != "Nghị quyết 57" || p.Weight != 3 || p.Kind != config.KindQA || p.URL != "hoi-dap/x/" {
		t.Errorf("page = %+v", p)
	}
	if p.Date.Format("2006-01-02") != "2025-02-25" {
		t.Errorf("date = %v", p.Date)
	}
	if string(body) != "Thân bài.\n" || p.BodyLine != 7 {
		t.Errorf("body = %q at line %d", body, p.BodyLine)
	}
}

func TestParseSlogan(t *testing.T) {
	cfg := config.Default()
	p, _, ds := Parse("content/khau-hieu/a.md", []byte("+++\ntitle = \"Khẩu hiệu\"\n+++\n"), cfg)
	if len(ds) != 0 || p.Status != StatusDraft || p.Official() {
		t.Errorf("a slogan without status must be a draft: %+v %v", p, ds)
	}
	p, _, ds = Parse("content/khau-hieu/b.md", []byte("+++\ntitle = \"K\"\nstatus = \"official\"\nproducts = [\"bang-ron\", \"banner\"]\n+++\n"), cfg)
	if !p.Official() {
		t.Error("status official not kept")
	}
	if len(ds) != 1 || !strings.Contains(ds[0].Msg, `unknown print product "banner"`) || ds[0].Line != 4 {
		t.Errorf("diagnostics = %v", ds)
	}
}

func TestParseErrors(t *testing.T) {
	cfg := config.Default()
	tests := []struct {
		path, src string
		want      string // line:col: message prefix
	}{
		{"content/hoi-dap/a.md", "Chỉ có nội dung\n", "0:0: cannot"},
		{"content/hoi-dap/a.md", "+++\n+++\n", "1:1: missing title"},
		{"content/a.md", "+++\ntitle = \"A\"\ndate = \"hôm qua\"\n+++\n", `3:1: date "hôm qua" is not a date`},
		{"content/muc-tieu/a.md", "+++\ntitle = \"A\"\nfigures = [{value = \"30%\"}]\n+++\n", "3:12: figure 1 needs both value and label"},
		{"content/in/a.md", "+++\ntitle = \"A\"\nproduct = \"to-gap\"\n+++\n", `3:1: unknown print product "to-gap"`},
		{"content/in/a.md", "+++\ntitle = \"A\"\n+++\n", "1:1: print page has no product"},
		{"content/hoi-dap/_index.md", "+++\ntitle = \"A\"\nslug = \"x\"\n+++\n", "3:1: slug cannot be set"},
		{"content/hoi-dap/中文.md", "+++\ntitle = \"A\"\n+++\n", `0:0: cannot make a URL from the name "中文"`},
	}
	for _, tt := range tests {
		_, _, ds := Parse(tt.path, []byte(tt.src), cfg)
		if tt.want == "0:0: cannot" {
			// A file with no front matter has no title.
			tt.want = "1:1: missing title"
		}
		found := false
		for _, d := range ds {
			got := strings.TrimPrefix(d.String(), d.Path+":")
			if d.Line == 0 {
				got = "0:0: " + d.Msg
			}
			if strings.HasPrefix(got, tt.want) {
				found = true
			}
		}
		if !found {
			t.Errorf("Parse(%q, %q) = %v, want %q", tt.path, tt.src, ds, tt.want)
		}
	}
}

func TestParseSlugOverride(t *testing.T) {
	cfg := config.Default()
	p, _, ds := Parse("content/hoi-dap/中文.md", []byte("+++\ntitle = \"A\"\nslug = \"Câu hỏi một\"\n+++\n"), cfg)
	if len(ds) != 0 || p.URL != "hoi-dap/cau-hoi-mot/" {
		t.Errorf("URL = %q, diagnostics %v", p.URL, ds)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("+++\ntitle = \"A\"\n+++\nbody")
	f.Add("+++\ntitle = “A”\n")
	f.Add("---\n")
	f.Add("+++\nslug = \"../x\"\nfigures = [{}]\n+++")
	cfg := config.Default()
	f.Fuzz(func(t *testing.T, src string) {
		for _, path := range []string{"content/hoi-dap/a.md", "content/muc-tieu/b.md", "content/khau-hieu/c.md"} {
			p, _, ds := Parse(path, []byte(src), cfg)
			for _, d := range ds {
				if d.Path != path || d.Msg == "" {
					t.Fatalf("bad diagnostic %#v", d)
				}
			}
			if p != nil && strings.Contains(p.URL, "..") {
				t.Fatalf("URL %q leaves the site", p.URL)
			}
		}
	})
}

// TestParsePositions checks that each problem is reported where the
// editor's editor shows it: the line and column of the file as written.
func TestParsePositions(t *testing.T) {
	cfg := config.Default()
	tests := []struct {
		name, path, src string
		want            string // line:col: message
	}{
		{"[[figures] malformed", "content/muc-tieu/a.md", "+++\ntitle = \"A\"\n[[figures]\nvalue = \"1\"\n+++\n",
			"3:10: the table name [[figures] needs a closing ]]"},
		{"figure 2 in [[figures]] form", "content/muc-tieu/a.md",
			"+++\ntitle = \"A\"\n[[figures]]\nvalue = \"1\"\nlabel = \"x\"\n[[figures]]\nvalue = \"2\"\n+++\n",
			"6:1: figure 2 needs both value and label"},
		{"figure 2 inline", "content/muc-tieu/a.md",
			"+++\ntitle = \"A\"\nfigures = [\n  {value = \"1\", label = \"x\"},\n  {value = \"2\"},\n]\n+++\n",
			"5:3: figure 2 needs both value and label"},
		{"year in an inline table", "content/muc-tieu/a.md",
			"+++\ntitle = \"A\"\nfigures = [{value = \"1\", label = \"x\", year = \"2030\"}]\n+++\n",
			"3:39: year must be a whole number, not text in quotes"},
		{"NFD: a TOML error after decomposed letters", "content/a.md",
			"+++\ntitle = \"" + norm.NFD.String("Việt Nam đẹp") + "\" x\n+++\n",
			"2:27: expected the end of the line after the value, but found 'x'"},
		{"NFD: an unknown key after decomposed text", "content/a.md",
			"+++\ntitle = \"" + norm.NFD.String("Nghị quyết") + "\"; titel = 1\n+++\n",
			"2:24: expected the end of the line after the value, but found ';'"},
		{"legacy sentence at the end of a paragraph", "content/a.md",
			"+++\ntitle = \"A\"\n+++\nNghị quyết số 57 là đột phá. NghÞ quyÕt sè 57 vÒ ®ét ph¸ ph¸t triÓn khoa häc.\n",
			"4:30: text in the legacy TCVN3 (ABC) encoding, not Unicode"},
		{"legacy run in NFD text", "content/a.md",
			"+++\ntitle = \"A\"\n+++\n" + norm.NFD.String("Nghị quyết số 57 là đột phá.") + " NghÞ quyÕt sè 57 vÒ ®ét ph¸ ph¸t triÓn.\n",
			"4:39: text in the legacy TCVN3 (ABC) encoding, not Unicode"},
		{"right-to-left override", "content/a.md", "+++\ntitle = \"Khẩu hiệu \u202Eoàh\"\n+++\n",
			"2:20: invisible character: a right-to-left override (U+202E); it turns the text after it right to left"},
		{"zero-width space in the body", "content/a.md", "+++\ntitle = \"A\"\n+++\nChuyển\u200Bđổi số\n",
			"4:7: invisible character: a zero-width space (U+200B); it can not be seen, yet it splits or joins words for search and line breaks"},
		{"UTF-16", "content/a.md", "\xff\xfe+\x00+\x00+\x00",
			`0:0: the file is saved as UTF-16 (what Notepad and Word call "Unicode"), not UTF-8`},
		{"UTF-16 without a byte order mark", "content/a.md", "+\x00+\x00+\x00\n\x00t\x00i\x00t\x00l\x00e\x00",
			`0:0: the file is saved as UTF-16 (what Notepad and Word call "Unicode"), not UTF-8`},
		{"too large", "content/a.md", "+++\ntitle = \"A\"\n+++\n" + strings.Repeat("Nội dung. ", MaxFileSize/10),
			"0:0: the file is 1.2 MB; a content file may have at most 1.0 MB"},
	}
	for _, tt := range tests {
		_, _, ds := Parse(tt.path, []byte(tt.src), cfg)
		var got []string
		for _, d := range ds {
			got = append(got, fmt.Sprintf("%d:%d: %s", d.Line, d.Col, d.Msg))
		}
		if !slices.Contains(got, tt.want) {
			t.Errorf("%s: Parse gave %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestParseAccepts checks the forms editors write that loa reads as meant.
func TestParseAccepts(t *testing.T) {
	cfg := config.Default()
	for _, src := range []string{
		"+++\ntitle = \"A\"\ndate = 25/02/2025\n+++\n",
		"+++\ntitle = \"A\"\ndate = 25/2/2025 # ngày ban hành\n+++\n",
		"  +++\ntitle = \"A\"\ndate = \"25.02.2025\"\n  +++\n",
		"+++\ntitle = \"A\"\ndate = 2025-02-25\n+++\n",
	} {
		p, _, ds := Parse("content/a.md", []byte(src), cfg)
		if len(ds) != 0 || p == nil || p.Date.Format(time.DateOnly) != "2025-02-25" {
			t.Errorf("Parse(%q): page %v, diagnostics %v", src, p, ds)
		}
	}
	// An emoji sequence and no-break spaces are text, not invisible characters.
	if _, _, ds := Parse("content/a.md", []byte("+++\ntitle = \"A\"\n+++\n👩\u200D💻 Lập\u00A0trình\n"), cfg); len(ds) != 0 {
		t.Errorf("diagnostics %v", ds)
	}
}

func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"  Nghị quyết\t 57  ":        "Nghị quyết 57",
		"KHOA HỌC,\nCÔNG NGHỆ":       "KHOA HỌC,\nCÔNG NGHỆ",
		"KHOA HỌC, \n  CÔNG NGHỆ \n": "KHOA HỌC,\nCÔNG NGHỆ",
		"Tô\u00a0Lâm  ký":            "Tô\u00a0Lâm ký",
		"a\r\nb":                     "a\nb",
	} {
		if got := oneLine(in); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", in, got, want)
		}
	}
}
