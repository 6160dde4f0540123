package config

import (
	"fmt"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"loa/internal/diag"
	"loa/internal/frontmatter"
	"loa/internal/paths"
	"loa/internal/vntext"
)

// Site is what the website says about itself and who stands behind it:
// the document the campaign carries out, shown above the title of the
// information page; the emblem or logo; the initials of the generated
// icons; and the contact block of every page's footer. Every key is
// optional: what is not set is not shown.
type Site struct {
	// Logo is an SVG file of static/ ("img/logo.svg"): shown in the
	// header and used as the SVG icon. Without it loa draws a badge of
	// the initials in the brand colours.
	Logo string `toml:"logo"`
	// Initials are the one to four letters or digits of the generated
	// icons ("57"); by default the first letters of the title's first
	// two words.
	Initials string `toml:"initials"`
	// Updated is the date on which the pages that have no date of their
	// own were last reviewed: their "Cập nhật ngày …" line and their
	// sitemap lastmod. Without it, the campaign's date stands in.
	Updated time.Time `toml:"updated"`
	Subject Subject   `toml:"subject"`
	Contact Contact   `toml:"contact"`

	logoAt, initialsAt [2]int // line and column of the keys in config.toml
}

// Subject identifies the document the campaign disseminates: number,
// issuer and date, as the first screen of the information page shows
// them: "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị".
type Subject struct {
	Document string    `toml:"document"` // kept verbatim: "Nghị quyết số 57-NQ/TW"
	Issuer   string    `toml:"issuer"`   // "Bộ Chính trị"
	Date     time.Time `toml:"date"`
}

// Contact is the footer's block, as Vietnamese state agencies' sites show
// it: the managing agency, the person responsible for the content, the
// address, a telephone number and an e-mail address.
type Contact struct {
	Agency      string `toml:"agency"`      // cơ quan chủ quản
	Responsible string `toml:"responsible"` // người chịu trách nhiệm nội dung
	Address     string `toml:"address"`
	Phone       string `toml:"phone"`
	Email       string `toml:"email"`
}

// Any reports whether any contact field is set.
func (c Contact) Any() bool {
	return c.Agency != "" || c.Responsible != "" || c.Address != "" || c.Phone != "" || c.Email != ""
}

// Tel is the phone number as a tel: address: digits, and a leading +.
func (c Contact) Tel() string {
	var b strings.Builder
	for i, r := range c.Phone {
		if r >= '0' && r <= '9' || r == '+' && i == 0 {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "tel:" + b.String()
}

// LogoFile is the site path of the logo ("static/img/logo.svg"), or "".
func (s Site) LogoFile() string {
	if s.Logo == "" {
		return ""
	}
	return paths.StaticDir + "/" + s.Logo
}

// LogoAt is where logo is written in config.toml, for messages about the
// file it names: line and column, 0 when it is not written there.
func (s Site) LogoAt() (line, col int) { return s.logoAt[0], s.logoAt[1] }

// InitialsAt is where initials is written in config.toml.
func (s Site) InitialsAt() (line, col int) { return s.initialsAt[0], s.initialsAt[1] }

// Reviewed is the date of a page that has none of its own: updated, else
// the campaign's date; zero when neither is set.
func (c *Config) Reviewed() time.Time {
	if !c.Site.Updated.IsZero() {
		return c.Site.Updated
	}
	return c.Campaign.Date
}

// IconInitials are the initials the generated icons show: initials as
// configured, else the first letters of the title's first two words, upper
// case; "" for a site without a title.
func (c *Config) IconInitials() string {
	if c.Site.Initials != "" {
		return vntext.NFCString(c.Site.Initials)
	}
	words := strings.Fields(c.Title)
	var b strings.Builder
	for _, w := range words[:min(2, len(words))] {
		r, _ := utf8.DecodeRuneInString(vntext.NFCString(w))
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// validate checks the [site] table, each problem at its own line.
func (s *Site) validate(data []byte) []diag.Diagnostic {
	var ds []diag.Diagnostic
	at := func(key, format string, args ...any) diag.Diagnostic {
		return frontmatter.Errorf(File, data, 1, "site."+key, format, args...)
	}
	if line, col, ok := frontmatter.Find(data, 1, []string{"site", "logo"}, 1); ok {
		s.logoAt = [2]int{line, col}
	}
	if line, col, ok := frontmatter.Find(data, 1, []string{"site", "initials"}, 1); ok {
		s.initialsAt = [2]int{line, col}
	}
	if s.Logo != "" {
		logo := strings.TrimPrefix(s.Logo, "/")
		switch {
		case strings.HasPrefix(logo, paths.StaticDir+"/"):
			ds = append(ds, at("logo", "site.logo is a path inside static/: write %q, not %q", strings.TrimPrefix(logo, paths.StaticDir+"/"), s.Logo))
		case !paths.Local(logo) || path.Clean(logo) != logo:
			ds = append(ds, at("logo", "site.logo %q must be a file inside static/, such as \"img/logo.svg\"", s.Logo))
		case strings.ToLower(path.Ext(logo)) != ".svg":
			ds = append(ds, at("logo", "site.logo %q must be an SVG file", s.Logo).
				WithHint("an SVG stays sharp at every size, in the header and as the icon; export the emblem as SVG"))
		}
		s.Logo = logo
	}
	if n := utf8.RuneCountInString(s.Initials); s.Initials != "" {
		ok := n <= 4
		for _, r := range s.Initials {
			ok = ok && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
		}
		if !ok {
			ds = append(ds, at("initials", "site.initials %q must be one to four letters or digits, such as \"57\"", s.Initials))
		}
	}
	if p := s.Contact.Phone; p != "" {
		digits := 0
		bad := ""
		for i, r := range p {
			switch {
			case r >= '0' && r <= '9':
				digits++
			case r == '+' && i == 0, r == ' ', r == '.', r == '-', r == '(', r == ')':
			default:
				if bad == "" {
					bad = string(r)
				}
			}
		}
		switch {
		case bad != "":
			ds = append(ds, at("contact.phone", "site.contact.phone %q has %q: write digits, spaces and + ( ) . - only", p, bad).
				WithHint("one number per site; put other numbers in a page of content/"))
		case digits < 3 || digits > 15:
			ds = append(ds, at("contact.phone", "site.contact.phone %q has %d digits: a telephone number has 3 to 15", p, digits))
		}
	}
	if e := s.Contact.Email; e != "" {
		if msg := checkEmail(e); msg != "" {
			ds = append(ds, at("contact.email", "site.contact.email %q %s", e, msg))
		}
	}
	return ds
}

// checkEmail says what is wrong with an e-mail address, or "".
func checkEmail(e string) string {
	local, domain, ok := strings.Cut(e, "@")
	switch {
	case strings.ContainsFunc(e, func(r rune) bool {
		return unicode.IsSpace(r) || r == '<' || r == '>' || r == '"' || r == ',' || r == ';'
	}):
		return "must be one address, without spaces, quotes or brackets"
	case !ok:
		return "has no @"
	case strings.Contains(domain, "@"):
		return "has more than one @"
	case local == "":
		return "has nothing before the @"
	case !strings.Contains(strings.Trim(domain, "."), ".") || strings.Contains(domain, ".."):
		return fmt.Sprintf("has no valid domain after the @ (%q)", domain)
	}
	return ""
}
