// Package content turns the files under a site's content/ folder into Pages:
// it checks their encoding, splits and decodes the TOML front matter, works
// out each page's kind and slug from its folder and file name, and reports
// every mistake with its file, line and column.
//
// The package reads bytes and returns values: finding and reading files is
// the caller's job.
package content

import "time"

// Kinds of pages besides the content kinds of config (viewpoint, goal, ...).
const (
	KindHome    = "home"    // content/_index.md: the information page
	KindSection = "section" // content/<folder>/_index.md, or a folder without one
	KindPage    = "page"    // any other file
)

// Page is one content file, or a section or home page, as its front
// matter and place describe it. It is a value: once made, nothing changes
// it; the rendered Markdown and the page's place among the others belong
// to the later stages' values (site.Page, site.Site).
type Page struct {
	Path    string // file, slash-separated from the site folder: "content/hoi-dap/x.md"; "" for a section without _index.md
	Kind    string
	Section string // folder under content/ the page belongs to; "" for root pages and home
	URL     string // output folder relative to the site root, ending in "/": "hoi-dap/x/"; "" for home

	Title    string
	Summary  string
	Weight   int
	Date     time.Time
	Draft    bool
	Tags     []string
	Number   int      // viewpoint
	Figures  []Figure // goal
	Status   string   // slogan: "official" or "draft"
	Source   string   // slogan
	Products []string // slogan: print products it goes on; nil means all slogan products
	Product  string   // print: which product this file is

	BodyLine int // line of the file where the Markdown body starts

	// Links are the links and images of the Markdown body, at their place
	// in the file. The pipeline records them as it renders the body, and
	// checks them against the site once it is assembled.
	Links []Link
}

// Link is a link or an image of a page's body, where it is written.
type Link struct {
	Dest      string // the address as written
	Image     bool
	Line, Col int // in the file as written (see Columns)
}

// Figure is a key figure of a goal: "30%" of GDP by 2030.
type Figure struct {
	Value string `toml:"value"` // as printed: "30%", "Top 3", "12"
	Label string `toml:"label"`
	Year  int    `toml:"year"`
}

// Official reports whether a slogan's wording is approved for print; any
// other status makes every print product mark it "DỰ THẢO".
func (p *Page) Official() bool { return p.Status == StatusOfficial }

// Slogan statuses.
const (
	StatusOfficial = "official"
	StatusDraft    = "draft"
)

// IsItem reports whether p is an item of a section or a root page, rather
// than the home page or a section's list page.
func (p *Page) IsItem() bool { return p.Kind != KindHome && p.Kind != KindSection }
