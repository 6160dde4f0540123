// Package config reads a site's config.toml, fills in the defaults and
// checks it. A site without config.toml is valid: every default applies.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"strings"
	"time"

	"loa/internal/diag"
	"loa/internal/frontmatter"
)

// File is the name of the configuration file in a site's folder.
const File = "config.toml"

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

	folderKinds map[string]string // Kinds inverted, made once by finish
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
	}).finish()
}

// Load reads config.toml from the site's file system, applies defaults and
// validates the result. Every problem is returned, each with its line.
func Load(site fs.FS) (*Config, diag.List) {
	c := Default()
	data, err := fs.ReadFile(site, File)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, diag.List{diag.At(File, 0, 0, "cannot read: %v", err)}
	}
	return Parse(data)
}

// Parse decodes config.toml's text over the defaults and validates it.
func Parse(data []byte) (*Config, diag.List) {
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
	merge(c, &file, &md)
	ds.Add(c.validate(data)...)
	return c.finish(), ds
}

// merge copies what the file sets onto the defaults.
func merge(c, file *Config, md interface{ IsDefined(...string) bool }) {
	c.Title = file.Title
	if file.BaseURL != "" {
		c.BaseURL = file.BaseURL
	}
	if file.Language != "" {
		c.Language = file.Language
	}
	c.Campaign = file.Campaign
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
	c.Print = mergePrint(c.Print, file.Print, md)
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
	known := DefaultKinds()
	folders := map[string]string{}
	for kind, folder := range c.Kinds {
		if _, ok := known[kind]; !ok {
			d := at(kind, "unknown kind %q in [kinds]", kind)
			if s := diag.Suggest(kind, keys(known)); s != "" {
				d.Hint = fmt.Sprintf("did you mean %q?", s)
			}
			ds = append(ds, d)
			continue
		}
		if folder == "" || strings.ContainsAny(folder, `/\`) || folder == "." || folder == ".." {
			ds = append(ds, at(kind, "kinds.%s must name one folder inside content/, not %q", kind, folder))
			continue
		}
		if other, ok := folders[folder]; ok {
			ds = append(ds, at(kind, "kinds %q and %q both use the folder %q", other, kind, folder))
		}
		folders[folder] = kind
	}
	if c.Home.Full < 0 || c.Home.Listed < 0 {
		ds = append(ds, at("full", "home.full and home.listed must not be negative"))
	}
	if c.Paginate < 1 {
		ds = append(ds, at("paginate", "paginate must be at least 1, not %d", c.Paginate))
	}
	ds = append(ds, c.Print.validate(data)...)
	return ds
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
