package paths

import "testing"

func TestLocate(t *testing.T) {
	tests := []struct {
		path, section, url string
		index              bool
		depth              int
	}{
		{"content/_index.md", "", "", true, 0},
		{"content/gioi-thieu.md", "", "gioi-thieu/", false, 0},
		{"content/hoi-dap/_index.md", "hoi-dap", "hoi-dap/", true, 1},
		{"content/hoi-dap/Nghị quyết 57 là gì.md", "hoi-dap", "hoi-dap/nghi-quyet-57-la-gi/", false, 1},
		{"content/hoi-dap/Nghi\u0323 quyê\u0301t.md", "hoi-dap", "hoi-dap/nghi-quyet/", false, 1},
		{"content/hoi-dap/kinh-te/x.md", "hoi-dap", "hoi-dap/kinh-te/x/", false, 2},
		{"content/Tin tức/Bài 1.md", "Tin tức", "tin-tuc/bai-1/", false, 1},
		{"content/khau-hieu/a.MD", "khau-hieu", "khau-hieu/a/", false, 1},
		{"content/khau-hieu/a.markdown", "khau-hieu", "khau-hieu/a/", false, 1},
	}
	for _, tt := range tests {
		pl := Locate(tt.path)
		if pl.Section != tt.section || pl.URL() != tt.url || pl.Index != tt.index || pl.Depth != tt.depth {
			t.Errorf("Locate(%q) = %q %q %v %d, want %q %q %v %d", tt.path, pl.Section, pl.URL(), pl.Index, pl.Depth,
				tt.section, tt.url, tt.index, tt.depth)
		}
	}
	if bad := Locate("content/hoi-dap/中文.md").Bad(); bad != "中文" {
		t.Errorf("Bad() = %q, want 中文", bad)
	}
	if u := Locate("content/hoi-dap/x.md").WithSlug("Câu một").URL(); u != "hoi-dap/cau-mot/" {
		t.Errorf("WithSlug: %q", u)
	}
}

func TestIgnored(t *testing.T) {
	for _, name := range []string{".git", ".DS_Store", "a.md~", "#a.md#", ".#a.md", "4913", "a.swp", "~$bai.docx",
		"a.md___jb_tmp___", "a.md___jb_old___", ".goutputstream-XYZ", "a.md.crswap", "a.md.kate-swp", "Thumbs.db", "a.tmp", "a.bak"} {
		if !Ignored(name) {
			t.Errorf("Ignored(%q) = false", name)
		}
	}
	for _, name := range []string{"a.md", "site.css", "x.png", "_index.md", "4914", ".well-known"} {
		if Ignored(name) {
			t.Errorf("Ignored(%q) = true", name)
		}
	}
	if IgnoredPath("static/.well-known/security.txt") || !IgnoredPath("static/.well-known/.htaccess") {
		t.Error("IgnoredPath must read static/.well-known/ but not the hidden files in it")
	}
	if !IgnoredPath("content/.git/x.md") || IgnoredPath("content/hoi-dap/x.md") {
		t.Error("IgnoredPath")
	}
}

func TestLocal(t *testing.T) {
	for name, want := range map[string]bool{
		"a/b.html": true, "": false, "/a": false, "../a": false, "a/../../b": false,
		`a\b`: false, "c:/x": false, "a\x00b": false, "a/./b": true,
	} {
		if got := Local(name); got != want {
			t.Errorf("Local(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestOutputs(t *testing.T) {
	tests := []struct{ got, want string }{
		{Page("hoi-dap/x/"), "hoi-dap/x/index.html"},
		{Page(""), "index.html"},
		{ListURL("hoi-dap/", 1), "hoi-dap/"},
		{ListURL("hoi-dap/", 3), "hoi-dap/trang/3/"},
		{ContentAsset("content/Hỏi đáp/Ảnh 1.png"), "hoi-dap/Ảnh 1.png"},
		{StaticOutput("static/css/site.css"), "css/site.css"},
		{PrintFile("bang-ron", "doi-moi"), "in/bang-ron/doi-moi.html"},
		{PrintPDF("bang-ron", "doi-moi"), "in/pdf/bang-ron/doi-moi.pdf"},
		{PrintProof("bang-ron", "doi-moi"), "in/pdf/bang-ron/doi-moi.rgb.pdf"},
		{Rel("hoi-dap/x/", "css/site.css"), "../../css/site.css"},
		{Rel("", "./"), "./"},
		{Rel("in/bang-ron/", ""), "../../"},
		{SectionURL("Hỏi đáp"), "hoi-dap/"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	for p, want := range map[string]Source{"config.toml": Config, "content/a.md": Content, "content": Content,
		"layouts/x.html": Layout, "static/a.css": Static, "staticx/a": Other, "README.md": Other} {
		if got := SourceOf(p); got != want {
			t.Errorf("SourceOf(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestCard(t *testing.T) {
	for _, tc := range []struct{ url, wide, square string }{
		{"", "chia-se.png", "chia-se-vuong.png"},
		{"hoi-dap/", "hoi-dap/chia-se.png", "hoi-dap/chia-se-vuong.png"},
		{"hoi-dap/nghi-quyet-57-la-gi/", "hoi-dap/nghi-quyet-57-la-gi/chia-se.png", "hoi-dap/nghi-quyet-57-la-gi/chia-se-vuong.png"},
	} {
		if got := Card(tc.url); got != tc.wide || !Local(got) {
			t.Errorf("Card(%q) = %q, want %q", tc.url, got, tc.wide)
		}
		if got := CardSquare(tc.url); got != tc.square {
			t.Errorf("CardSquare(%q) = %q, want %q", tc.url, got, tc.square)
		}
	}
}
