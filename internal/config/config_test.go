package config

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"loa/internal/diag"
)

func TestLoadMissingUsesDefaults(t *testing.T) {
	c, ds := Load(fstest.MapFS{}, Overrides{Preview: true})
	if len(ds) != 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	if c.Language != "vi" || c.Kinds[KindQA] != "hoi-dap" || c.Paginate != 100 {
		t.Errorf("defaults not applied: %+v", c)
	}
	if len(c.Print.Products) != 5 {
		t.Errorf("got %d default products, want 5", len(c.Print.Products))
	}
}

func TestParse(t *testing.T) {
	src := `title = "Đột phá"
base_url = "https://nq57.example.vn/sub"

[campaign]
issuer = "Ban Tuyên giáo và Dân vận Tỉnh ủy Hưng Yên"
place = "Hưng Yên"
document = "Số 01-KH/BTGDVTU"
date = 2025-02-25

[kinds]
qa = "hoi-dap-nq57"

[home]
full = 5

[print]
bleed_mm = 2
imprint = "In tại ..."

[[print.product]]
name = "bang-ron"
layout = "banner"
trim_mm = [6000, 1200]

[[print.product]]
name = "co-phuon"
layout = "banner"
trim_mm = [800, 2500]
bleed_mm = 10
`
	c, ds := Parse([]byte(src), Overrides{Preview: true})
	if len(ds) != 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	if c.BaseURL != "https://nq57.example.vn/sub/" {
		t.Errorf("BaseURL = %q", c.BaseURL)
	}
	if c.Campaign.Date.Format(time.DateOnly) != "2025-02-25" {
		t.Errorf("Date = %v", c.Campaign.Date)
	}
	if c.Kinds[KindQA] != "hoi-dap-nq57" || c.Kinds[KindGoal] != "muc-tieu" {
		t.Errorf("Kinds = %v", c.Kinds)
	}
	if c.Home.Full != 5 || c.Home.Listed != 60 {
		t.Errorf("Home = %+v", c.Home)
	}
	banner, _ := c.Print.Product("bang-ron")
	if banner.TrimMM[0] != 6000 || banner.BleedMM != 10 || banner.Per != PerPage {
		t.Errorf("replaced banner = %+v", banner)
	}
	flag, ok := c.Print.Product("co-phuon")
	if !ok || flag.BleedMM != 10 || flag.SafeMM != 50 {
		t.Errorf("added product = %+v", flag)
	}
	if len(c.Print.Products) != 6 {
		t.Errorf("%d products, want 6", len(c.Print.Products))
	}
	if a5, _ := c.Print.Product("to-roi-a5"); a5.BleedMM != 2 {
		t.Errorf("paper product should take print.bleed_mm: %+v", a5)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // "line:col: message" prefixes
		hint      string
	}{
		{"unknown key", "titel = \"x\"\n", []string{`config.toml:1:1: unknown key "titel"`}, `did you mean "title"?`},
		{"unknown nested key", "[campaign]\nisuer = \"x\"\n", []string{`config.toml:2:1: unknown key "campaign.isuer"`}, `did you mean "issuer"?`},
		{"relative base_url", "base_url = \"nq57.vn\"\n", []string{`config.toml:1:1: base_url "nq57.vn" is not an absolute http(s) address`}, ""},
		{"unknown kind", "[kinds]\nslogans = \"kh\"\n", []string{`config.toml:2:1: unknown kind "slogans" in [kinds]`}, `did you mean "slogan"?`},
		{"kind escapes", "[kinds]\nqa = \"../x\"\n", []string{`config.toml:2:1: kinds.qa must name one folder inside content/`}, ""},
		{"syntax", "title = \"a\"\nbase_url = “https://x.vn/”\n", []string{`config.toml:2:12: invalid TOML`}, `replace the curly quotes “ ” with straight quotes "`},
		// The key is found in its own [[print.product]], not at the first
		// line that sets a key of the same name.
		{"unknown product key", "[campaign]\nissuer = \"x\"\n[[print.product]]\nname = \"a\"\nlayout = \"banner\"\ntrim_mm = [100, 200]\n[[print.product]]\nname = \"b\"\nlayout = \"banner\"\ntrim_mm = [100, 200]\nissuer = 3\n",
			[]string{`config.toml:11:1: unknown key "print.product.issuer"`}, ""},
		{"unknown table", "[printt]\nbleed_mm = 3\n", []string{`config.toml:1:1: unknown key "printt"`}, ""},
		{"bad product", "[[print.product]]\nname = \"ok\"\nlayout = \"banner\"\ntrim_mm = [1]\n\n[[print.product]]\nname = \"Bad Name\"\nlayout = \"x\"\ntrim_mm = [100, 200]\n",
			[]string{`config.toml:4:1: print.product "ok": trim_mm`, `config.toml:7:1: print.product name "Bad Name"`}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ds := Parse([]byte(tt.src), Overrides{Preview: true})
			if len(ds) != len(tt.want) {
				t.Fatalf("got %d diagnostics %v, want %d", len(ds), ds, len(tt.want))
			}
			for i, d := range ds.Sort() {
				if !strings.HasPrefix(d.String(), tt.want[i]) {
					t.Errorf("got %q, want prefix %q", d.String(), tt.want[i])
				}
			}
			if tt.hint != "" && ds[0].Hint != tt.hint {
				t.Errorf("hint = %q, want %q", ds[0].Hint, tt.hint)
			}
		})
	}
}

func TestDefaultProductsComplete(t *testing.T) {
	for _, p := range Default().Print.Products {
		if p.BleedMM == 0 || p.SafeMM == 0 || p.MarksMM == 0 || p.Pages == 0 {
			t.Errorf("default product %s is incomplete: %+v", p.Name, p)
		}
	}
	if a4, _ := Default().Print.Product("to-gap-a4"); a4.BleedMM != 3 {
		t.Errorf("paper bleed = %v, want 3", a4.BleedMM)
	}
}

func TestBaseURLWarnings(t *testing.T) {
	tests := []struct {
		name, src string
		o         Overrides
		want      string // the warning, "" for none
	}{
		{"missing", "title = \"x\"\n", Overrides{}, `config.toml:1:1: warning: base_url is not set: QR codes, share links, canonical addresses and the sitemap would point at http://localhost/`},
		{"no file", "", Overrides{}, `config.toml: warning: base_url is not set`},
		{"localhost", "title = \"x\"\nbase_url = \"http://localhost:1313/\"\n", Overrides{}, `config.toml:2:1: warning: base_url "http://localhost:1313/" is this computer's own address`},
		{"loopback", "base_url = \"http://127.0.0.1/\"\n", Overrides{}, `config.toml:1:1: warning: base_url "http://127.0.0.1/" is this computer's own address`},
		{"placeholder", "base_url = \"https://nq57.example.vn/\"\n", Overrides{}, `config.toml:1:1: warning: base_url "https://nq57.example.vn/" is a placeholder address`},
		{"real", "base_url = \"https://nq57.hungyen.gov.vn/\"\n", Overrides{}, ""},
		{"flag wins", "base_url = \"https://nq57.example.vn/\"\n", Overrides{BaseURL: "https://tuyengiao.hungyen.vn"}, ""},
		{"flag placeholder", "", Overrides{BaseURL: "https://x.example.com"}, `config.toml: warning: base_url "https://x.example.com/" is a placeholder address`},
		{"preview", "", Overrides{Preview: true}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var data []byte
			if tt.src != "" {
				data = []byte(tt.src)
			}
			c, ds := Parse(data, tt.o)
			if tt.want == "" {
				if len(ds) != 0 {
					t.Fatalf("diagnostics %v, want none", ds)
				}
				return
			}
			if len(ds) != 1 || !strings.HasPrefix(ds[0].String(), tt.want) || ds[0].Severity != diag.SeverityWarning {
				t.Fatalf("diagnostics %v, want the warning %q", ds, tt.want)
			}
			if ds.Err() != nil {
				t.Error("a warning made an error")
			}
			if c.BaseURLUsable() {
				t.Error("BaseURLUsable() = true")
			}
		})
	}
	if c, _ := Parse(nil, Overrides{BaseURL: "https://a.vn/b"}); c.BaseURL != "https://a.vn/b/" || !c.BaseURLUsable() {
		t.Errorf("--base-url not normalised: %q", c.BaseURL)
	}
}

// TestKindConflicts checks two kinds on one folder: reported at the line
// that makes the conflict, in the same words at every run (the kinds are a
// map), and resolved so that the folder's pages have one kind.
func TestKindConflicts(t *testing.T) {
	tests := []struct {
		src, want, hint, kind string // kind: of the folder hoi-dap after
	}{
		{"title = \"T\"\n\n[kinds]\nslogan = \"hoi-dap\"\n",
			`config.toml:4:1: the folder "hoi-dap" is already the folder of qa, by default`,
			`give qa another folder in [kinds], e.g. qa = "hoi-dap-2", or choose another folder for slogan`, KindSlogan},
		{"[kinds]\nqa = \"hoi-dap\"\ntask = \"hoi-dap\"\n",
			`config.toml:3:1: the folder "hoi-dap" is already the folder of qa`,
			"each kind needs a folder of its own; choose another folder for task or for qa", KindQA},
		{"kinds = {qa = \"x\", task = \"x\"}\n",
			`config.toml:1:20: the folder "x" is already the folder of qa`,
			"each kind needs a folder of its own; choose another folder for task or for qa", ""},
	}
	for _, tt := range tests {
		for range 20 {
			c, ds := Parse([]byte(tt.src), Overrides{Preview: true})
			if len(ds) != 1 || ds[0].String() != tt.want+"\n\thint: "+tt.hint {
				t.Fatalf("Parse(%q) = %v, want %s", tt.src, ds, tt.want)
			}
			if tt.kind != "" && c.FolderKinds()["hoi-dap"] != tt.kind {
				t.Fatalf("Parse(%q): hoi-dap holds %q, want %q", tt.src, c.FolderKinds()["hoi-dap"], tt.kind)
			}
		}
	}
}
