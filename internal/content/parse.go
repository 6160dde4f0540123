package content

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"loa/internal/config"
	"loa/internal/diag"
	"loa/internal/frontmatter"
	"loa/internal/paths"
	"loa/internal/vntext"
)

// front is the front matter as decoded; Page is what it becomes.
type front struct {
	Title    string   `toml:"title"`
	Slug     string   `toml:"slug"`
	Weight   int      `toml:"weight"`
	Date     any      `toml:"date"`
	Draft    bool     `toml:"draft"`
	Summary  string   `toml:"summary"`
	Tags     []string `toml:"tags"`
	Number   int      `toml:"number"`
	Figures  []Figure `toml:"figures"`
	Status   string   `toml:"status"`
	Source   string   `toml:"source"`
	Products []string `toml:"products"`
	Product  string   `toml:"product"`
}

// kindKeys lists, for each front matter key that only some kinds may use,
// the kinds that may.
var kindKeys = map[string][]string{
	"number":   {config.KindViewpoint},
	"figures":  {config.KindGoal},
	"status":   {config.KindSlogan},
	"source":   {config.KindSlogan},
	"products": {config.KindSlogan},
	"product":  {config.KindPrint},
}

// Parse builds the page of the content file at path (slash-separated, from
// the site folder) out of its bytes, and returns it with its Markdown body
// (NFC, LF line endings; it starts at the page's BodyLine). It returns nil
// and the reasons when the file cannot become a page; otherwise the page
// and possibly problems that were found in it.
func Parse(path string, data []byte, cfg *config.Config) (*Page, []byte, []diag.Diagnostic) {
	if d, ok := checkSize(path, data); !ok {
		return nil, nil, []diag.Diagnostic{d}
	}
	if d, ok := checkUTF16(path, data); !ok {
		return nil, nil, []diag.Diagnostic{d}
	}
	if d, ok := checkUTF8(path, data); !ok {
		return nil, nil, []diag.Diagnostic{d}
	}
	cols := NewColumns(data)
	p, body, ds := parse(path, vntext.NFC(frontmatter.Normalize(data)), cfg)
	return p, body, cols.Fix(ds)
}

// parse is Parse on the text as loa reads it: UTF-8, NFC, LF line ends.
func parse(path string, data []byte, cfg *config.Config) (*Page, []byte, []diag.Diagnostic) {
	var ds []diag.Diagnostic
	if d, ok := checkLegacy(path, data); !ok {
		ds = append(ds, d)
	}
	invisible := checkInvisible(path, data)
	doc, err := frontmatter.Split(path, data)
	if err != nil {
		return nil, nil, append(append(ds, invisible...), err.(diag.Diagnostic))
	}
	var f front
	md, err := frontmatter.DecodeTOML(path, quoteDates(doc.Front), doc.FrontLine, &f)
	if err != nil {
		d := err.(diag.Diagnostic)
		return nil, nil, append(append(ds, except(invisible, d)...), d)
	}
	ds = append(ds, invisible...)
	pl := paths.Locate(path)
	p := &Page{
		Path: path, Kind: kindOf(pl, cfg), Section: pl.Section,
		Title: oneLine(f.Title), Summary: oneLine(f.Summary), Weight: f.Weight, Draft: f.Draft,
		Tags: f.Tags, Number: f.Number, Figures: f.Figures, Status: f.Status, Source: f.Source,
		Products: f.Products, Product: f.Product,
		BodyLine: doc.BodyLine,
	}
	c := checker{path: path, doc: doc, md: md, page: p, cfg: cfg}
	c.keys(&f)
	c.url(pl, f.Slug)
	c.title()
	c.date(f.Date)
	c.kindFields()
	return p, doc.Body, append(ds, c.ds...)
}

// except returns ds without the diagnostics at the place of d: a TOML
// error that already names the invisible character there.
func except(ds []diag.Diagnostic, d diag.Diagnostic) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, x := range ds {
		if x.Line != d.Line || x.Col != d.Col {
			out = append(out, x)
		}
	}
	return out
}

// kindOf works out a page's kind from its place: the home page, a
// section's list page, an item of a kind's folder, or a plain page.
func kindOf(pl paths.Place, cfg *config.Config) string {
	switch {
	case pl.Depth == 0 && pl.Index:
		return KindHome
	case pl.Depth == 1 && pl.Index:
		return KindSection
	case pl.Depth > 0:
		if k, ok := cfg.FolderKinds()[pl.Section]; ok {
			return k
		}
	}
	return KindPage
}

// checker collects the problems of one page's front matter.
type checker struct {
	path string
	doc  frontmatter.Doc
	md   frontmatter.Meta
	page *Page
	cfg  *config.Config
	ds   []diag.Diagnostic
}

func (c *checker) errorf(key, format string, args ...any) *diag.Diagnostic {
	d := frontmatter.Errorf(c.path, c.doc.Front, c.doc.FrontLine, key, format, args...)
	c.ds = append(c.ds, d)
	return &c.ds[len(c.ds)-1]
}

// keys reports keys no page may have, and keys this page's kind may not.
func (c *checker) keys(f *front) {
	c.ds = append(c.ds, frontmatter.Unknown(c.path, c.doc.Front, c.doc.FrontLine, c.md, f)...)
	for key, kinds := range kindKeys {
		if c.md.IsDefined(key) && !slices.Contains(kinds, c.page.Kind) {
			folder := c.cfg.Kinds[kinds[0]]
			c.errorf(key, "%q is not a field of this page", key).Hint =
				fmt.Sprintf("%s is only used in content/%s/", key, folder)
		}
	}
}

// url sets the page's URL from its place and an optional slug override.
func (c *checker) url(pl paths.Place, slug string) {
	p := c.page
	if slug != "" {
		switch {
		case pl.Index:
			c.errorf("slug", "slug cannot be set in %s.md", paths.IndexName).Hint = "rename the folder instead"
			slug = ""
		case strings.ContainsAny(slug, `/\`) || strings.Contains(slug, ".."):
			c.errorf("slug", "slug %q would leave the page's folder", slug).Hint = `a slug is one word-like name, e.g. slug = "nghi-quyet-57"`
			slug = ""
		case vntext.Slug(slug) == "":
			c.errorf("slug", "slug %q has no letters or digits to make a URL from", slug)
			slug = ""
		default:
			pl = pl.WithSlug(slug)
		}
	}
	if bad := pl.Bad(); bad != "" {
		d := diag.At(c.path, 0, 0, "cannot make a URL from the name %q", bad)
		d.Hint = "use Latin letters or digits in file and folder names, or set slug = \"...\" in the front matter"
		c.ds = append(c.ds, d)
	}
	p.URL = pl.URL()
}

func (c *checker) title() {
	p := c.page
	if p.Title != "" || !p.IsItem() {
		return
	}
	line := max(c.doc.FrontLine-1, 1)
	d := diag.At(c.path, line, 1, "missing title")
	d.Hint = `add a line title = "..." between the +++ lines`
	if c.doc.Front == nil {
		d.Hint = "start the file with front matter: a line +++, title = \"...\", and another line +++"
	}
	c.ds = append(c.ds, d)
}

// dateLayouts are the forms a date may be written in as text, besides TOML
// dates (2025-02-25): Vietnamese day/month/year, quoted or not (see
// quoteDates).
var dateLayouts = []string{time.DateOnly, "2/1/2006", "2-1-2006", "2.1.2006"}

func (c *checker) date(v any) {
	switch v := v.(type) {
	case nil:
	case time.Time:
		c.page.Date = v
	case string:
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, strings.TrimSpace(v)); err == nil {
				c.page.Date = t
				return
			}
		}
		c.errorf("date", "date %q is not a date", v).Hint = "write date = 2025-02-25 (year-month-day)"
	default:
		c.errorf("date", "date must be a date, not %v", v).Hint = "write date = 2025-02-25 (year-month-day)"
	}
}

// kindFields checks the fields that belong to the page's kind.
func (c *checker) kindFields() {
	p := c.page
	switch p.Kind {
	case config.KindSlogan:
		c.slogan()
	case config.KindGoal:
		for i, f := range p.Figures {
			if strings.TrimSpace(f.Value) == "" || strings.TrimSpace(f.Label) == "" {
				d := c.errorf("figures", "figure %d needs both value and label", i+1)
				d.Hint = `write figures = [{value = "30%", label = "GDP từ kinh tế số", year = 2030}]`
				if line, col, ok := frontmatter.FindItem(c.doc.Front, c.doc.FrontLine, []string{"figures"}, i+1); ok {
					d.Line, d.Col = line, col
				}
			}
		}
	case config.KindPrint:
		if p.Product == "" {
			c.errorf("product", "print page has no product").Hint = "name one: " + strings.Join(c.pageProducts(), ", ")
			break
		}
		if !slices.Contains(c.pageProducts(), p.Product) {
			d := c.errorf("product", "unknown print product %q", p.Product)
			d.Hint = "known: " + strings.Join(c.pageProducts(), ", ")
			if s := diag.Suggest(p.Product, c.pageProducts()); s != "" {
				d.Hint = fmt.Sprintf("did you mean %q?", s)
			}
		}
	}
}

func (c *checker) slogan() {
	p := c.page
	switch p.Status {
	case "":
		p.Status = StatusDraft // unapproved unless said otherwise
	case StatusOfficial, StatusDraft:
	default:
		d := c.errorf("status", "status %q must be %q or %q", p.Status, StatusOfficial, StatusDraft)
		if s := diag.Suggest(p.Status, []string{StatusOfficial, StatusDraft}); s != "" {
			d.Hint = fmt.Sprintf("did you mean %q?", s)
		}
		p.Status = StatusDraft
	}
	var names []string
	for _, q := range c.cfg.Print.Products {
		names = append(names, q.Name)
	}
	for _, name := range p.Products {
		if !slices.Contains(names, name) {
			d := c.errorf("products", "unknown print product %q", name)
			d.Hint = "known: " + strings.Join(names, ", ")
			if s := diag.Suggest(name, names); s != "" {
				d.Hint = fmt.Sprintf("did you mean %q?", s)
			}
		}
	}
}

// pageProducts lists the products an editor may write as a content page.
func (c *checker) pageProducts() []string {
	var names []string
	for _, q := range c.cfg.Print.Products {
		if q.Per == config.PerPage {
			names = append(names, q.Name)
		}
	}
	return names
}

// oneLine trims s and collapses its runs of spaces and tabs into one
// space. Two controls of the editor's stay: a line feed (written \n in
// TOML) forces a line break where the text is set on lines (banners,
// cards, slides), and a no-break space (U+00A0) forbids one; a line feed
// loses the spaces around it.
func oneLine(s string) string {
	lines := strings.Split(strings.TrimSpace(strings.ReplaceAll(s, "\r", "")), "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.FieldsFunc(l, func(r rune) bool { return r == ' ' || r == '\t' }), " ")
	}
	return strings.Join(lines, "\n")
}

// checkUTF8 reports the first invalid UTF-8 sequence in data, with a hint
// when the bytes look like a legacy Vietnamese encoding.
func checkUTF8(path string, data []byte) (diag.Diagnostic, bool) {
	if utf8.Valid(data) {
		return diag.Diagnostic{}, true
	}
	i := 0
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		i += size
	}
	line, col := lineCol(data, i)
	d := diag.At(path, line, col, "invalid UTF-8: byte 0x%02X is not Unicode text", data[i])
	if enc := vntext.DetectLegacyBytes(data); enc != vntext.Unicode {
		d.Msg = fmt.Sprintf("file is not UTF-8: it looks saved in the %s encoding", enc)
		d.Hint = fmt.Sprintf("run: loa fix-encoding %s (keeps a backup), or save it as \"UTF-8\" in your editor", path)
	} else {
		d.Hint = "save the file as \"UTF-8\" in your editor"
	}
	return d, false
}

// checkLegacy reports text pasted from a legacy Vietnamese font (TCVN3,
// VNI): valid UTF-8 that reads like "NghÞ quyÕt", anywhere in a line, even
// a sentence at the end of a Unicode paragraph. It names the place where
// the first run of such words starts and counts the other lines.
func checkLegacy(path string, data []byte) (diag.Diagnostic, bool) {
	runs := vntext.LegacyRuns(string(data))
	if len(runs) == 0 {
		return diag.Diagnostic{}, true
	}
	line, col := lineCol(data, runs[0].Start)
	lines := map[int]bool{}
	for _, r := range runs {
		l, _ := lineCol(data, r.Start)
		lines[l] = true
	}
	msg := fmt.Sprintf("text in the legacy %s encoding, not Unicode", runs[0].Enc)
	if n := len(lines) - 1; n > 0 {
		msg += fmt.Sprintf(" (and %d more %s)", n, plural(n, "line", "lines"))
	}
	d := diag.At(path, line, col, "%s", msg)
	d.Hint = fmt.Sprintf("run: loa fix-encoding %s (keeps a backup), or retype it with a Unicode font", path)
	return d, false
}

// lineCol returns the line and column, in characters, of the byte offset
// i of data.
func lineCol(data []byte, i int) (line, col int) {
	line = bytes.Count(data[:i], []byte("\n")) + 1
	start := bytes.LastIndexByte(data[:i], '\n') + 1
	return line, utf8.RuneCount(data[start:i]) + 1
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
