// Package config reads a site's config.toml, fills in the defaults and
// checks it. A site without config.toml is valid: every default applies.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"slices"
	"strings"
	"time"

	"loa/internal/diag"
	"loa/internal/frontmatter"
	"loa/internal/paths"
)

// File is the name of the configuration file in a site's folder.
const File = paths.ConfigFile

// Config is a site's configuration.
type Config struct {
	Title    string            `toml:"title"`
	BaseURL  string            `toml:"base_url"` // absolute, ends with "/"
	Language string            `toml:"language"`
	Campaign Campaign          `toml:"campaign"`
	Kinds    map[string]string `toml:"kinds"` // kind → content folder
	Home     Home              `toml:"home"`
	Paginate int               `toml:"paginate"` // items per section list page
	Print    Print             `toml:"print"`
	Site     Site              `toml:"site"` // the website's identity and contact block
	Radio    Radio             `toml:"radio"`
	Slides   Slides            `toml:"slides"`
	Booklet  Booklet           `toml:"booklet"`
	Outline  Outline           `toml:"outline"`
	// ShortTitle and Share: see share.go.
	ShortTitle string `toml:"short_title"`
	Share      Share  `toml:"share"`

	folderKinds map[string]string // Kinds inverted, made once by finish
	baseURLSet  bool              // base_url was given, in the file or on the command line
}

// Campaign identifies who issues the campaign and the plan it carries out;
// it gives the official date line and the imprint.
type Campaign struct {
	Issuer   string    `toml:"issuer"`
	Place    string    `toml:"place"`
	Document string    `toml:"document"` // kept verbatim: "Số 01-KH/BTGDVTU"
	Date     time.Time `toml:"date"`
}

// Home says how much of each section the information page shows, so that it
// stays readable when a section holds hundreds of items.
type Home struct {
	Full   int `toml:"full"`   // items shown in full, per section
	Listed int `toml:"listed"` // further items shown as linked titles
}

// The kinds of content, each with a default folder under content/.
const (
	KindViewpoint = "viewpoint"
	KindGoal      = "goal"
	KindTask      = "task"
	KindSlogan    = "slogan"
	KindQA        = "qa"
	KindPrint     = "print"
)

// DefaultKinds maps each kind to its default content folder.
func DefaultKinds() map[string]string {
	return map[string]string{
		KindViewpoint: "quan-diem",
		KindGoal:      "muc-tieu",
		KindTask:      "nhiem-vu",
		KindSlogan:    "khau-hieu",
		KindQA:        "hoi-dap",
		KindPrint:     "in",
		KindRadio:     "phat-thanh",
		KindSlides:    "trinh-chieu",
	}
}

// Default returns the configuration of a site without config.toml.
func Default() *Config {
	return (&Config{
		BaseURL:  "http://localhost/",
		Language: "vi",
		Kinds:    DefaultKinds(),
		Home:     Home{Full: 24, Listed: 60},
		Paginate: 100,
		Print:    DefaultPrint(),
		Radio:    defaultRadio(),
		Slides:   defaultSlides(),
		Booklet:  defaultBooklet(),
		Outline:  defaultOutline(),
	}).finish()
}

// Overrides are what the command line sets over config.toml.
type Overrides struct {
	BaseURL string // --base-url
	// Preview says the site is built for the live preview, whose own
	// address stands in for base_url: no warning about it.
	Preview bool
}

// Load reads config.toml from the site's file system, applies defaults and
// the overrides, and validates the result. Every problem is returned, each
// with its line; a base_url that QR codes and share links can not use is a
// warning.
func Load(site fs.FS, o Overrides) (*Config, diag.List) {
	data, err := fs.ReadFile(site, File)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		data = nil
	case err != nil:
		return Default(), diag.List{diag.At(File, 0, 0, "cannot read: %v", err)}
	}
	return Parse(data, o)
}

// Parse decodes config.toml's text (nil for a site without one) over the
// defaults, applies the overrides and validates the result.
func Parse(data []byte, o Overrides) (*Config, diag.List) {
	c, ds := parse(data)
	if o.BaseURL != "" {
		base, err := NormalizeBaseURL(o.BaseURL)
		if err != nil {
			ds.Add(diag.At("--base-url", 0, 0, "%v", err))
		} else {
			c.BaseURL, c.baseURLSet = base, true
		}
	}
	if !o.Preview {
		ds.Add(c.checkBaseURL(data)...)
	}
	return c, ds
}

func parse(data []byte) (*Config, diag.List) {
	c := Default()
	data = frontmatter.Normalize(data)
	// Kinds given in the file replace the defaults one by one.
	var file Config
	md, err := frontmatter.DecodeTOML(File, data, 1, &file)
	if err != nil {
		return c, diag.List{asDiag(err)}
	}
	var ds diag.List
	ds.Add(frontmatter.Unknown(File, data, 1, md, &file)...)
	merge(c, &file, md, data)
	c.baseURLSet = md.IsDefined("base_url")
	ds.Add(c.validate(data)...)
	return c.finish(), ds
}

// checkBaseURL warns about a base_url that the printed QR codes, share
// links, canonical addresses and the sitemap can not use: none, a
// localhost address, or a placeholder such as nq57.example.vn.
func (c *Config) checkBaseURL(data []byte) diag.List {
	const uses = "QR codes, share links, canonical addresses and the sitemap"
	hint := `set base_url = "https://..." in config.toml to the address the site will be published at, or use loa build --base-url`
	line, col, ok := frontmatter.Find(data, 1, []string{"base_url"}, 1)
	if !ok && data != nil {
		line, col = 1, 1 // where it would be added
	}
	var d diag.Diagnostic
	switch {
	case !c.baseURLSet:
		d = diag.Warn(File, line, col, "base_url is not set: %s would point at %s", uses, c.BaseURL)
	case c.BaseURLLocal():
		d = diag.Warn(File, line, col, "base_url %q is this computer's own address: %s would point there", c.BaseURL, uses)
	case c.BaseURLPlaceholder():
		d = diag.Warn(File, line, col, "base_url %q is a placeholder address: %s would point there", c.BaseURL, uses)
	default:
		return nil
	}
	return diag.List{d.WithHint("%s", hint)}
}

// BaseURLLocal reports whether base_url names this computer (localhost,
// 127.0.0.1, ::1): fine for a preview, useless on paper.
func (c *Config) BaseURLLocal() bool {
	host := c.baseHost()
	return host == "localhost" || strings.HasSuffix(host, ".localhost") || host == "::1" ||
		strings.HasPrefix(host, "127.") || host == "0.0.0.0"
}

// BaseURLPlaceholder reports whether base_url is an address reserved for
// examples (example.com, nq57.example.vn, *.test, *.invalid), which no
// reader can open.
func (c *Config) BaseURLPlaceholder() bool {
	host := c.baseHost()
	for _, label := range strings.Split(host, ".") {
		if label == "example" {
			return true
		}
	}
	return strings.HasSuffix(host, ".test") || strings.HasSuffix(host, ".invalid")
}

// BaseURLUsable reports whether base_url can go on paper and into share
// links: set, and neither local nor a placeholder.
func (c *Config) BaseURLUsable() bool {
	return c.baseURLSet && !c.BaseURLLocal() && !c.BaseURLPlaceholder()
}

// BaseURLSet reports whether base_url was given, in config.toml or on the
// command line.
func (c *Config) BaseURLSet() bool { return c.baseURLSet }

func (c *Config) baseHost() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// merge copies what the file sets onto the defaults.
func merge(c, file *Config, md frontmatter.Meta, data []byte) {
	c.Title = file.Title
	if file.BaseURL != "" {
		c.BaseURL = file.BaseURL
	}
	if file.Language != "" {
		c.Language = file.Language
	}
	c.Campaign = file.Campaign
	c.Site = file.Site
	for k, v := range file.Kinds {
		c.Kinds[k] = v
	}
	if md.IsDefined("home", "full") {
		c.Home.Full = file.Home.Full
	}
	if md.IsDefined("home", "listed") {
		c.Home.Listed = file.Home.Listed
	}
	if md.IsDefined("paginate") {
		c.Paginate = file.Paginate
	}
	c.Print = mergePrint(c.Print, file.Print, md, data)
	mergeChannels(c, file, md)
	c.ShortTitle, c.Share = file.ShortTitle, file.Share
}

func (c *Config) validate(data []byte) []diag.Diagnostic {
	var ds []diag.Diagnostic
	at := func(key, format string, args ...any) diag.Diagnostic {
		return frontmatter.Errorf(File, data, 1, key, format, args...)
	}
	if base, err := NormalizeBaseURL(c.BaseURL); err != nil {
		ds = append(ds, at("base_url", "%v", err).WithHint(`write the full address, e.g. base_url = "https://nq57.example.vn/"`))
	} else {
		c.BaseURL = base
	}
	ds = append(ds, c.validateKinds(data, at)...)
	if c.Home.Full < 0 || c.Home.Listed < 0 {
		ds = append(ds, at("home.full", "home.full and home.listed must not be negative"))
	}
	if c.Paginate < 1 {
		ds = append(ds, at("paginate", "paginate must be at least 1, not %d", c.Paginate))
	}
	ds = append(ds, c.Print.validate(data)...)
	ds = append(ds, c.Site.validate(data)...)
	ds = append(ds, c.validateChannels(data)...)
	ds = append(ds, c.validateShare(data)...)
	return ds
}

// validateKinds checks [kinds]: known kinds, one folder each, and no
// folder for two kinds. The kinds are weighed in the order written, after
// the defaults the file leaves as they are, so that a conflict is reported
// at the line that makes it, the same at every run. Of two kinds on one
// folder the one written wins, or the first written: the folder's pages
// get that kind, and no page reports a follow-on error.
func (c *Config) validateKinds(data []byte, at func(key, format string, args ...any) diag.Diagnostic) []diag.Diagnostic {
	var ds []diag.Diagnostic
	known := DefaultKinds()
	written := map[string]bool{}
	var order []string
	for _, k := range frontmatter.Keys(data) {
		if len(k.Path) == 2 && k.Path[0] == "kinds" && !k.Header && !written[k.Path[1]] {
			written[k.Path[1]] = true
			order = append(order, k.Path[1])
		}
	}
	var defaults []string
	for kind := range c.Kinds {
		if !written[kind] {
			defaults = append(defaults, kind)
		}
	}
	slices.Sort(defaults)
	folders := map[string]string{}
	for _, kind := range append(defaults, order...) {
		folder, ok := c.Kinds[kind]
		if !ok {
			continue
		}
		if _, ok := known[kind]; !ok {
			d := at("kinds."+kind, "unknown kind %q in [kinds]", kind)
			if s := diag.Suggest(kind, keys(known)); s != "" {
				d.Hint = fmt.Sprintf("did you mean %q?", s)
			} else {
				d.Hint = "the kinds are: " + strings.Join(sortedKeys(known), ", ")
			}
			ds = append(ds, d)
			delete(c.Kinds, kind)
			continue
		}
		if folder == "" || strings.ContainsAny(folder, `/\`) || folder == "." || folder == ".." {
			ds = append(ds, at("kinds."+kind, "kinds.%s must name one folder inside content/, not %q", kind, folder))
			c.Kinds[kind] = known[kind]
			continue
		}
		other, taken := folders[folder]
		switch {
		case !taken:
			folders[folder] = kind
		case !written[other]:
			// A default gives way to what the file says.
			ds = append(ds, at("kinds."+kind, "the folder %q is already the folder of %s, by default", folder, other).
				WithHint(`give %s another folder in [kinds], e.g. %s = "%s-2", or choose another folder for %s`, other, other, folder, kind))
			folders[folder] = kind
			delete(c.Kinds, other)
		default:
			ds = append(ds, at("kinds."+kind, "the folder %q is already the folder of %s", folder, other).
				WithHint("each kind needs a folder of its own; choose another folder for %s or for %s", kind, other))
			delete(c.Kinds, kind)
		}
	}
	return ds
}

func sortedKeys[V any](m map[string]V) []string {
	out := keys(m)
	slices.Sort(out)
	return out
}

// NormalizeBaseURL checks that s is an absolute http or https address and
// returns it with a final slash.
func NormalizeBaseURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("base_url %q is not an absolute http(s) address", s)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("base_url %q must not have a query or fragment", s)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), nil
}

// FolderKinds returns the inverse of Kinds: content folder → kind. It is
// asked once per content file, so it is made once, when the configuration
// is loaded; the map must not be changed.
func (c *Config) FolderKinds() map[string]string {
	if c.folderKinds == nil {
		return (&Config{Kinds: c.Kinds}).finish().folderKinds // made by hand, not loaded
	}
	return c.folderKinds
}

// finish derives what the rest of loa asks of the configuration often.
func (c *Config) finish() *Config {
	c.folderKinds = make(map[string]string, len(c.Kinds))
	for k, f := range c.Kinds {
		c.folderKinds[f] = k
	}
	return c
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func asDiag(err error) diag.Diagnostic {
	var d diag.Diagnostic
	if errors.As(err, &d) {
		return d
	}
	return diag.At(File, 0, 0, "%v", err)
}
