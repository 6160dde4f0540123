// Package paths owns every path rule of loa, so that no two packages can
// disagree about one: the folders of a site (content/, layouts/, static/,
// config.toml), which files a site never reads (hidden files, editors'
// temporary files), where each content file is published, and the output
// paths of every kind of output (pages, list pages, copied files, print
// pieces and their PDFs, the sitemap, the manifest).
//
// Paths here are slash-separated and relative: site paths from the site
// folder ("content/hoi-dap/x.md"), output paths from the output folder
// ("hoi-dap/x/index.html"), URLs as output folders ending in "/"
// ("hoi-dap/x/"; "" for the home page).
package paths

import (
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"loa/internal/vntext"
)

// The folders and files of a site.
const (
	ContentDir   = "content"     // Markdown pages
	LayoutsDir   = "layouts"     // html/template layouts
	StaticDir    = "static"      // files published as they are
	ConfigFile   = "config.toml" // the configuration
	PrintLayouts = LayoutsDir + "/print"
)

// Sources lists the folders of a site that loa reads, watches and never
// writes into.
var Sources = [...]string{ContentDir, LayoutsDir, StaticDir}

// IndexName is the file that introduces a folder (and, at the root, the
// whole site) instead of being an item of it.
const IndexName = "_index"

// Markdown reports whether a file name is a Markdown page: .md, .markdown
// or .mdown, in any case.
func Markdown(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown", ".mdown":
		return true
	}
	return false
}

// Ignored reports whether a file or folder name is one a site never reads
// nor publishes: hidden (".git", ".DS_Store"), or a temporary or backup
// file of an editor, an office suite or an OS (Vim's .swp and 4913,
// Emacs's #x# and .#x, gedit's .goutputstream-*, JetBrains' ___jb_tmp___,
// Word's ~$x, Kate's .kate-swp, Chrome's .crswap, *.tmp, *~ ...). Build,
// watch and serve all ask this one function.
//
// One hidden folder is read: WellKnown, where servers and crawlers expect
// security.txt and the like (RFC 8615), so that static/.well-known/ is
// published. Hidden files inside it are still ignored.
func Ignored(name string) bool {
	lower := strings.ToLower(name)
	switch {
	case name == WellKnown:
		return false
	case strings.HasPrefix(name, "."),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasPrefix(name, "~$"), // Word's lock file
		strings.HasSuffix(name, "~"), name == "4913",
		strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"),
		strings.HasSuffix(lower, ".crswap"), strings.HasSuffix(lower, ".kate-swp"),
		lower == "thumbs.db", lower == "desktop.ini":
		return true
	}
	switch path.Ext(lower) {
	case ".swp", ".swx", ".swo", ".tmp", ".bak", ".orig", ".part", ".crdownload":
		return true
	}
	return false
}

// WellKnown is the one hidden folder a site publishes: static/.well-known/
// holds security.txt and the files other services look for at
// /.well-known/.
const WellKnown = ".well-known"

// IgnoredPath reports whether any segment of the slash path p is Ignored.
func IgnoredPath(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		if seg != "" && Ignored(seg) {
			return true
		}
	}
	return false
}

// Local reports whether the slash path name stays inside the folder it is
// relative to: not empty, not absolute, no "..", no backslash or drive
// letter that Windows would read as a way out, no NUL.
func Local(name string) bool {
	return name != "" && !strings.ContainsAny(name, "\\\x00:") && !strings.HasPrefix(name, "/") &&
		filepath.IsLocal(filepath.FromSlash(name))
}

// Source says which part of a site a site path belongs to.
type Source uint8

const (
	Other   Source = iota // a file loa does not read
	Config                // config.toml
	Content               // under content/
	Layout                // under layouts/
	Static                // under static/
)

// SourceOf returns the part of the site that the site path p is in.
func SourceOf(p string) Source {
	switch {
	case p == ConfigFile:
		return Config
	case under(p, ContentDir):
		return Content
	case under(p, LayoutsDir):
		return Layout
	case under(p, StaticDir):
		return Static
	}
	return Other
}

func under(p, dir string) bool { return p == dir || strings.HasPrefix(p, dir+"/") }

// Place is where a content file sits in the site: its section and the
// URL its folder and file names give it.
type Place struct {
	Section  string   // first folder under content/, NFC; "" at the root
	Segments []string // URL segments: slugs of the folders and the file name
	Names    []string // the folder and file names the segments come from, NFC
	Index    bool     // the file is an _index.md
	Depth    int      // folders between content/ and the file
}

// Locate works out the place of the content file at the site path p,
// which starts with "content/".
func Locate(p string) Place {
	rel := strings.TrimPrefix(p, ContentDir+"/")
	dir, file := path.Split(rel)
	name := vntext.NFCString(strings.TrimSuffix(file, path.Ext(file)))
	var pl Place
	pl.Index = name == IndexName
	var folders []string
	if dir != "" {
		folders = strings.Split(strings.TrimSuffix(dir, "/"), "/")
	}
	pl.Depth = len(folders)
	for _, f := range folders {
		pl.add(vntext.NFCString(f))
	}
	if !pl.Index {
		pl.add(name)
	}
	if len(folders) > 0 {
		pl.Section = vntext.NFCString(folders[0])
	}
	return pl
}

func (pl *Place) add(name string) {
	pl.Segments = append(pl.Segments, vntext.Slug(name))
	pl.Names = append(pl.Names, name)
}

// Bad returns the first folder or file name that gives no slug, or "".
func (pl Place) Bad() string {
	for i, s := range pl.Segments {
		if s == "" {
			return pl.Names[i]
		}
	}
	return ""
}

// WithSlug returns the place with its last segment replaced by slug.
func (pl Place) WithSlug(slug string) Place {
	segs := append([]string(nil), pl.Segments...)
	if len(segs) > 0 {
		segs[len(segs)-1] = vntext.Slug(slug)
	}
	pl.Segments = segs
	return pl
}

// URL returns the output folder of the place, "" for the home page.
func (pl Place) URL() string {
	if len(pl.Segments) == 0 {
		return ""
	}
	return strings.Join(pl.Segments, "/") + "/"
}

// SectionURL is the URL of the section whose folder is name.
func SectionURL(name string) string { return vntext.Slug(name) + "/" }

// SectionFolder is the site path of a section's folder, for messages.
func SectionFolder(name string) string { return ContentDir + "/" + name + "/" }

// Page is the output file of the page at url.
func Page(url string) string { return url + "index.html" }

// ListDir is the folder under a section that holds the later pages of its
// list: "hoi-dap/trang/2/".
const ListDir = "trang"

// ListURL is the URL of page n (from 1) of the list of the section at
// sectionURL.
func ListURL(sectionURL string, n int) string {
	if n <= 1 {
		return sectionURL
	}
	return sectionURL + ListDir + "/" + strconv.Itoa(n) + "/"
}

// StaticOutput is where a file of static/ is published: at the same path
// under the output folder.
func StaticOutput(p string) string { return strings.TrimPrefix(p, StaticDir+"/") }

// ContentAsset is where a file of content/ that is not a page (an image
// beside the pages) is published: its folders slugged as page URLs are,
// so that an image beside the pages of content/Hỏi đáp/ lands in hoi-dap/
// with them; its name kept.
func ContentAsset(p string) string {
	rel := strings.TrimPrefix(p, ContentDir+"/")
	dir, file := path.Split(rel)
	var segs []string
	for _, f := range strings.Split(strings.TrimSuffix(dir, "/"), "/") {
		if f != "" {
			segs = append(segs, vntext.Slug(f))
		}
	}
	return path.Join(append(segs, vntext.NFCString(file))...)
}

// Output files with fixed names.
const (
	Sitemap  = "sitemap.xml"
	NotFound = "404.html"
	Marker   = ".loa-output" // marks a folder as loa's output
	Robots   = "robots.txt"
	// The icons browsers and phones look for: the classic one at the
	// root, the SVG one, and the one a phone puts on its home screen.
	FaviconICO = "favicon.ico"
	FaviconSVG = "icon.svg"
	TouchIcon  = "apple-touch-icon.png"
)

// Search.
const (
	SearchPage  = "tim-kiem/index.html" // the search page; ?q= gives results
	SearchIndex = "tim-kiem/index/"     // the folder of the index's files
)

// FeedName is the name of an Atom feed in its folder.
const FeedName = "atom.xml"

// Feed is the Atom feed of the page at url: the site's at the root
// ("atom.xml"), a section's in its folder ("hoi-dap/atom.xml").
func Feed(url string) string { return url + FeedName }

// Print products.
const (
	PrintDir   = "in"                        // the printers' folder of the output
	PrintIndex = PrintDir + "/index.html"    // the printers' index
	Manifest   = PrintDir + "/manifest.json" // the same, as data
)

// PrintFile is the print-ready HTML of piece name of a product.
func PrintFile(product, name string) string {
	return path.Join(PrintDir, product, name+".html")
}

// PrintPDF is where `loa pdf` writes the press file (PDF/X) of piece
// name of a product.
func PrintPDF(product, name string) string {
	return path.Join(PrintDir, "pdf", product, name+".pdf")
}

// PrintProof is where `loa pdf` writes the screen proof (RGB, as the
// browser printed it) of piece name of a product.
func PrintProof(product, name string) string {
	return path.Join(PrintDir, "pdf", product, name+".rgb.pdf")
}

// Rel returns a relative link from the output folder dir ("hoi-dap/x/",
// "in/bang-ron/", "" for the root) to the output path target.
func Rel(dir, target string) string {
	target = strings.TrimPrefix(target, "./")
	if rel := strings.Repeat("../", strings.Count(dir, "/")) + target; rel != "" {
		return rel
	}
	return "./"
}

// The social-media team's folder: its page (every item with its share
// cards and ready posts) and the same posts as data for scheduling tools.
const (
	ShareDir      = "chia-se"
	SharePage     = ShareDir + "/index.html"
	SharePosts    = ShareDir + "/bai-dang.json"
	SharePostsCSV = ShareDir + "/bai-dang.csv"
)

// Card is the share card of the web page at url, 1200 × 630, which link
// previews show: "hoi-dap/x/chia-se.png", "chia-se.png" for the home page.
// It is named by the page's address, not its title, so that the posts
// already shared keep their picture when a title is corrected.
func Card(url string) string { return url + "chia-se.png" }

// CardSquare is the 1080 × 1080 card beside it, for feed posts.
func CardSquare(url string) string { return url + "chia-se-vuong.png" }
