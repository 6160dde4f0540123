package config

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestLoadMissingUsesDefaults(t *testing.T) {
	c, ds := Load(fstest.MapFS{})
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
	c, ds := Parse([]byte(src))
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
		{"bad product", "[[print.product]]\nname = \"ok\"\nlayout = \"banner\"\ntrim_mm = [1]\n\n[[print.product]]\nname = \"Bad Name\"\nlayout = \"x\"\ntrim_mm = [1, 2]\n",
			[]string{`config.toml:4:1: print.product "ok": trim_mm`, `config.toml:7:1: print.product name "Bad Name"`}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ds := Parse([]byte(tt.src))
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
