package content

import (
	"strings"
	"testing"

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
		{"content/muc-tieu/a.md", "+++\ntitle = \"A\"\nfigures = [{value = \"30%\"}]\n+++\n", "3:1: figure 1 needs both value and label"},
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
