// Package content turns the files under a site's content/ folder into Pages:
// it checks their encoding, splits and decodes the TOML front matter, works
// out each page's kind and slug from its folder and file name, and reports
// every mistake with its file, line and column.
//
// The package reads bytes and returns values: finding and reading files is
// the caller's job.
package content

import (
	"html/template"
	"time"
)

// Dir is the folder of a site that holds its content.
const Dir = "content"

// Kinds of pages besides the content kinds of config (viewpoint, goal, ...).
const (
	KindHome    = "home"    // content/_index.md: the information page
	KindSection = "section" // content/<folder>/_index.md, or a folder without one
	KindPage    = "page"    // any other file
)

// Page is one content file, or a section or home page, as the rest of the
// pipeline sees it.
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

	Body     []byte        // Markdown, NFC, LF line endings; dropped once rendered
	BodyLine int           // line of the file where Body starts
	Content  template.HTML // Body rendered; set by the build
	Inline   template.HTML // Body rendered for the information page: IDs prefixed, headings shifted; set by the build
	Lead     string        // plain text of the first paragraph; set by the build

	SortKey []byte // collation key of the title; set by the build
	Prev    *Page  // neighbours in the section's order; set by the build
	Next    *Page
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
