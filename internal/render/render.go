package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"time"

	"loa/internal/content"
	"loa/internal/diag"
	"loa/internal/site"
)

// Output receives rendered files; name is a slash path under the output
// folder ("hoi-dap/x/index.html"). Implementations must be safe for
// concurrent use, and must copy data if they keep it after WriteFile
// returns: the caller reuses the buffer.
type Output interface {
	WriteFile(name string, data []byte) error
}

// ListDir is the folder under a section that holds the later pages of its
// list: "hoi-dap/trang/2/".
const ListDir = "trang"

// job is one HTML file to render.
type job struct {
	index   int      // place in the site's order, to report the first page a problem hits
	layouts []string // first found wins
	data    *PageData
	out     string
}

// Jobs lists the HTML files of the site's web pages.
func (t *Templates) jobs(s *site.Site) []job {
	var jobs []job
	add := func(data *PageData, layouts ...string) {
		jobs = append(jobs, job{index: len(jobs), layouts: layouts, data: data, out: data.URL + "index.html"})
	}
	add(&PageData{Site: s, Page: s.Home}, "home.html")
	for _, sec := range s.Sections {
		for _, pg := range paginate(sec, s.Config.Paginate) {
			add(&PageData{Site: s, Page: sec.Page, Section: sec, Pager: pg, URL: pagerURL(sec, pg.Number)},
				"list-"+sec.Kind+".html", "list.html")
		}
		for _, p := range sec.Items {
			add(&PageData{Site: s, Page: p, Section: sec, URL: p.URL}, p.Kind+".html", "single.html")
		}
	}
	for _, p := range s.RootPages {
		add(&PageData{Site: s, Page: p, URL: p.URL}, "page.html", "single.html")
	}
	if _, ok := t.byName["404.html"]; ok {
		// Servers show 404.html at any depth: its links must be absolute.
		data := &PageData{Site: s, Page: &content.Page{Title: "Không tìm thấy trang", Kind: "404"}, absolute: true}
		jobs = append(jobs, job{index: len(jobs), layouts: []string{"404.html"}, data: data, out: "404.html"})
	}
	return jobs
}

// paginate splits a section's items into list pages of size items; a
// section without items still has one, empty, list page.
func paginate(sec *site.Section, size int) []*Pager {
	total := max(1, (len(sec.Items)+size-1)/size)
	pagers := make([]*Pager, total)
	for i := range pagers {
		from, to := i*size, min((i+1)*size, len(sec.Items))
		pagers[i] = &Pager{Number: i + 1, Total: total, Start: from + 1, Items: sec.Items[from:to]}
		if i > 0 {
			pagers[i].Prev = pagerURL(sec, i)
		}
		if i+1 < total {
			pagers[i].Next = pagerURL(sec, i+2)
		}
	}
	return pagers
}

func pagerURL(sec *site.Section, n int) string {
	if n == 1 {
		return sec.Page.URL
	}
	return sec.Page.URL + ListDir + "/" + strconv.Itoa(n) + "/"
}

// Site renders every web page of s to out, in parallel. Template errors are
// returned as diagnostics, one per place in a layout however many pages
// hit it; a failure of out is returned as an error.
func (t *Templates) Site(ctx context.Context, s *site.Site, out Output) (diag.List, error) {
	return t.Some(ctx, s, out, nil)
}

// Target is one web page a site makes: the file and the page it shows.
type Target struct {
	File    string        // "hoi-dap/x/index.html"
	Page    *content.Page // the page shown; a section's page for its list pages
	Section *site.Section // the section of a list page or an item; nil otherwise
}

// SitemapFile is the sitemap's file in the output.
const SitemapFile = "sitemap.xml"

// Some renders the web pages of s that want accepts (all of them when want
// is nil) to out, as Site does. want is asked about every web page of the
// site, SitemapFile last (unless rendering failed), one after the other in
// the caller's goroutine, so it may also note them all.
func (t *Templates) Some(ctx context.Context, s *site.Site, out Output, want func(Target) bool) (diag.List, error) {
	all := t.jobs(s)
	jobs := all
	if want != nil {
		jobs = nil
		for _, j := range all {
			if want(Target{File: j.out, Page: j.data.Page, Section: j.data.Section}) {
				jobs = append(jobs, j)
			}
		}
	}
	sh := &shared{set: t.byName["single.html"]}
	for _, j := range jobs {
		j.data.shared = sh
	}
	work := make(chan job)
	var (
		mu       sync.Mutex
		problems = map[string]*problem{}
		firstErr error
		wg       sync.WaitGroup
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for j := range work {
				d, err := t.render(&buf, j, out)
				if d == nil && err == nil {
					continue
				}
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				if d != nil {
					record(problems, *d, j)
				}
				mu.Unlock()
			}
		})
	}
	for _, j := range jobs {
		if ctx.Err() != nil {
			break
		}
		work <- j
	}
	close(work)
	wg.Wait()
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	if firstErr == nil && (want == nil || want(Target{File: SitemapFile})) {
		firstErr = out.WriteFile(SitemapFile, sitemap(all))
	}
	return report(problems), firstErr
}

// sitemap lists the absolute address of every web page for search engines.
func sitemap(jobs []job) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, j := range jobs {
		if j.data.absolute {
			continue // the not-found page
		}
		b.WriteString("<url><loc>")
		xml.EscapeText(&b, []byte(j.data.Permalink()))
		b.WriteString("</loc>")
		if p := j.data.Page; !p.Date.IsZero() && j.data.URL == p.URL {
			b.WriteString("<lastmod>" + p.Date.Format(time.DateOnly) + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// render executes one job into buf and writes the result.
func (t *Templates) render(buf *bytes.Buffer, j job, out Output) (*diag.Diagnostic, error) {
	set, _ := t.lookup(j.layouts...)
	if set == nil {
		d := diag.At(LayoutsDir+"/"+j.layouts[len(j.layouts)-1], 0, 0, "missing layout")
		return &d, nil
	}
	buf.Reset()
	if err := set.ExecuteTemplate(buf, "baseof.html", j.data); err != nil {
		d := TemplateError(err, t.files)
		return &d, nil
	}
	if err := out.WriteFile(j.out, buf.Bytes()); err != nil {
		return nil, fmt.Errorf("write %s: %w", j.out, err)
	}
	return nil, nil
}

// problem is one template error and the pages it broke.
type problem struct {
	d     diag.Diagnostic
	first job
	count int
}

func record(problems map[string]*problem, d diag.Diagnostic, j job) {
	key := d.String()
	p, ok := problems[key]
	if !ok {
		p = &problem{d: d, first: j}
		problems[key] = p
	}
	if j.index < p.first.index {
		p.first = j
	}
	p.count++
}

func source(j job) string {
	if j.data.Page != nil && j.data.Page.Path != "" {
		return j.data.Page.Path
	}
	return j.out
}

func report(problems map[string]*problem) diag.List {
	var ds diag.List
	for _, p := range problems {
		d := p.d
		d.Msg += " (while rendering " + source(p.first)
		switch p.count {
		case 1:
		case 2:
			d.Msg += " and 1 other page"
		default:
			d.Msg += fmt.Sprintf(" and %d other pages", p.count-1)
		}
		d.Msg += ")"
		ds = append(ds, d)
	}
	return ds
}
