package config

import (
	"slices"
	"strings"
	"testing"
)

func TestShare(t *testing.T) {
	src := `title = "Đột phá"
short_title = "NQ 57 – Hưng Yên"

[share]
hashtags = ["NghịQuyết57", "#ChuyểnĐổiSố"]
utm_campaign = "nq57"

[share.utm]
facebook = "facebook"

[share.labels]
goal = "Mục tiêu đến năm 2030"
`
	c, ds := Parse([]byte(src), Overrides{Preview: true})
	if len(ds) != 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	if c.ShortTitle != "NQ 57 – Hưng Yên" || c.Share.Labels["goal"] != "Mục tiêu đến năm 2030" {
		t.Errorf("config = %+v", c)
	}
	if got := c.Share.Tags(); !slices.Equal(got, []string{"#NghịQuyết57", "#ChuyểnĐổiSố"}) {
		t.Errorf("Tags = %q", got)
	}
	for _, tc := range []struct{ url, network, want string }{
		{"https://a.vn/x/", "facebook", "https://a.vn/x/?utm_source=facebook&utm_medium=social&utm_campaign=nq57"},
		{"https://a.vn/x/?a=1", "facebook", "https://a.vn/x/?a=1&utm_source=facebook&utm_medium=social&utm_campaign=nq57"},
		{"https://a.vn/x/", "zalo", "https://a.vn/x/"}, // not tagged
	} {
		if got := c.Share.Link(tc.url, tc.network); got != tc.want {
			t.Errorf("Link(%q, %q) = %q, want %q", tc.url, tc.network, got, tc.want)
		}
	}
	d, _ := Parse(nil, Overrides{Preview: true})
	if d.ShortTitle != "" || len(d.Share.Tags()) != 0 || d.Share.Link("https://a.vn/", "facebook") != "https://a.vn/" {
		t.Errorf("defaults: %+v", d.Share)
	}
}

func TestShareErrors(t *testing.T) {
	for _, tc := range []struct {
		src, want string // want: "line:col: message part"
		hint      string
	}{
		{"short_title = \"Đột phá phát triển khoa học, công nghệ\"\n", "1:1: short_title has 38 characters", "short name"},
		{"[share]\nhashtags = [\"Nghị quyết 57\"]\n", `2:1: hashtag "Nghị quyết 57" may hold only`, "together"},
		{"[share]\nhashtags = [\"#NQ57\", \"NQ-57\"]\n", `2:1: hashtag "NQ-57"`, ""},
		{"[share.utm]\nfacebok = \"fb\"\n", `2:1: unknown network "facebok"`, `did you mean "facebook"?`},
		{"[share.utm]\nzalo = \"zalo oa\"\n", `2:1: share.utm.zalo must be`, ""},
		{"[share]\nutm_campaign = \"nq 57\"\n", `2:1: share.utm_campaign must be`, ""},
		{"[share.labels]\ngaol = \"Mục tiêu\"\n", `2:1: unknown kind "gaol"`, `did you mean "goal"?`},
		{"[share.labels]\nqa = \" \"\n", `2:1: share.labels.qa is empty`, ""},
		{"[share]\nhashtag = [\"a\"]\n", `2:1: unknown key "share.hashtag"`, `did you mean "hashtags"?`},
	} {
		_, ds := Parse([]byte(tc.src), Overrides{Preview: true})
		if len(ds) != 1 {
			t.Errorf("%q: %d diagnostics, want 1: %v", tc.src, len(ds), ds)
			continue
		}
		got := ds[0].String()
		if !strings.Contains(got, "config.toml:"+tc.want) || !strings.Contains(got, tc.hint) {
			t.Errorf("%q:\n%s\nwant %q, hint %q", tc.src, got, tc.want, tc.hint)
		}
	}
}
