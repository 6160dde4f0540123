package config

import (
	"strings"
	"testing"
	"time"
)

func TestSiteKeys(t *testing.T) {
	src := `title = "Đột phá phát triển khoa học"

[site]
logo = "img/logo.svg"
initials = "57"
updated = 2025-03-10

[site.subject]
document = "Nghị quyết số 57-NQ/TW"
issuer = "Bộ Chính trị"
date = 2024-12-22

[site.contact]
agency = "Ban Tuyên giáo và Dân vận Tỉnh ủy Hưng Yên"
responsible = "Trưởng ban biên tập"
address = "Thành phố Hưng Yên, tỉnh Hưng Yên"
phone = "+84 (221) 3.862.000"
email = "lienhe@nq57.example.vn"
`
	c, ds := Parse([]byte(src), Overrides{Preview: true})
	if len(ds) != 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	s := c.Site
	if s.Logo != "img/logo.svg" || s.LogoFile() != "static/img/logo.svg" {
		t.Errorf("logo = %q, file %q", s.Logo, s.LogoFile())
	}
	if line, col := s.LogoAt(); line != 4 || col != 1 {
		t.Errorf("logo at %d:%d, want 4:1", line, col)
	}
	if s.Subject.Document != "Nghị quyết số 57-NQ/TW" || s.Subject.Issuer != "Bộ Chính trị" || s.Subject.Date.Format(time.DateOnly) != "2024-12-22" {
		t.Errorf("subject = %+v", s.Subject)
	}
	if got := s.Contact.Tel(); got != "tel:+842213862000" {
		t.Errorf("Tel() = %q", got)
	}
	if !s.Contact.Any() || (Contact{}).Any() {
		t.Error("Any() is wrong")
	}
	if got := c.Reviewed().Format(time.DateOnly); got != "2025-03-10" {
		t.Errorf("Reviewed() = %s, want the site's updated date", got)
	}
	if got := c.IconInitials(); got != "57" {
		t.Errorf("IconInitials() = %q", got)
	}
}

func TestSiteDefaults(t *testing.T) {
	c, ds := Parse([]byte("title = \"đột phá phát triển\"\n[campaign]\ndate = 2025-02-25\n"), Overrides{Preview: true})
	if len(ds) != 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	if got := c.IconInitials(); got != "ĐP" {
		t.Errorf("IconInitials() = %q, want ĐP", got)
	}
	if got := c.Reviewed().Format(time.DateOnly); got != "2025-02-25" {
		t.Errorf("Reviewed() = %s, want the campaign's date", got)
	}
	if c.Site.LogoFile() != "" || c.Site.Contact.Tel() != "" {
		t.Errorf("empty site: %+v", c.Site)
	}
	if d := Default(); !d.Reviewed().IsZero() || d.IconInitials() != "" {
		t.Errorf("default config: reviewed %v, initials %q", d.Reviewed(), d.IconInitials())
	}
}

func TestSiteErrors(t *testing.T) {
	for _, tc := range []struct {
		key, value, want string
	}{
		{"logo", `"static/img/logo.svg"`, `3:1: site.logo is a path inside static/: write "img/logo.svg"`},
		{"logo", `"../logo.svg"`, `3:1: site.logo "../logo.svg" must be a file inside static/`},
		{"logo", `"img/./logo.svg"`, `3:1: site.logo "img/./logo.svg" must be a file inside static/`},
		{"logo", `"img/logo.png"`, `3:1: site.logo "img/logo.png" must be an SVG file`},
		{"initials", `"NQ-57"`, `3:1: site.initials "NQ-57" must be one to four letters or digits`},
		{"initials", `"ABCDE"`, `3:1: site.initials "ABCDE" must be one to four`},
		{"contact.phone", `"0221 386 x"`, `3:1: site.contact.phone "0221 386 x" has "x"`},
		{"contact.phone", `"0221; 0987"`, `3:1: site.contact.phone "0221; 0987" has ";"`},
		{"contact.phone", `"11"`, `3:1: site.contact.phone "11" has 2 digits`},
		{"contact.phone", `"0123456789012345"`, `3:1: site.contact.phone "0123456789012345" has 16 digits`},
		{"contact.email", `"lienhe.example.vn"`, `has no @`},
		{"contact.email", `"a@b@c.vn"`, `has more than one @`},
		{"contact.email", `"a@b.vn, c@d.vn"`, `must be one address`},
		{"contact.email", `"@b.vn"`, `has nothing before the @`},
		{"contact.email", `"a@localhost"`, `has no valid domain after the @ ("localhost")`},
		{"contact.email", `"a@b..vn"`, `has no valid domain`},
	} {
		table, key, _ := strings.Cut(tc.key, ".")
		src := "[site]\n\n" + tc.key + " = " + tc.value + "\n"
		if key != "" {
			src = "[site." + table + "]\n\n" + key + " = " + tc.value + "\n"
		}
		_, ds := Parse([]byte(src), Overrides{Preview: true})
		if len(ds) != 1 || !strings.Contains(ds[0].String(), tc.want) || ds[0].Line != 3 {
			t.Errorf("%s = %s: got %v, want one error at line 3 with %q", tc.key, tc.value, ds, tc.want)
		}
	}
}

func TestSiteUnknownKey(t *testing.T) {
	_, ds := Parse([]byte("[site.contact]\nemial = \"a@b.vn\"\n"), Overrides{Preview: true})
	if len(ds) != 1 || !strings.Contains(ds[0].String(), `config.toml:2:1: unknown key "site.contact.emial"`) || !strings.Contains(ds[0].Hint, `"email"`) {
		t.Errorf("got %v", ds)
	}
}
