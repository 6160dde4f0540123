package pipeline

import (
	"context"
	"net/url"
	"path"
	"strings"

	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/paths"
	"loa/internal/site"
	"loa/internal/view"
)

// Links checks the links and images that editors write in their pages
// against the site: a link to a page that does not exist, or an image
// that is not there, is a warning at the link's line and column. It makes
// no file: its Jobs are the check, run at every rebuild on the assembled
// site (cheap: map look-ups, one per link).
type Links struct{}

// Name implements maker.Maker.
func (Links) Name() string { return "links" }

// Jobs implements maker.Maker: it returns no job, and the warnings.
func (Links) Jobs(in *maker.Input) ([]maker.Job, diag.List) {
	t := targets(in)
	var ds diag.List
	for _, p := range append(in.Site.Pages(), in.Site.Print...) {
		if p.Page == nil {
			continue
		}
		for _, l := range p.Links {
			if d, ok := t.check(p, l); !ok {
				ds.Add(d)
			}
		}
	}
	return nil, ds
}

// Make implements maker.Maker; Links has no jobs to make.
func (Links) Make(context.Context, *maker.Input, maker.Job, *view.Recorder) (maker.Made, diag.List, error) {
	return maker.Made{}, nil, nil
}

// linkTargets is what a link of the site may lead to.
type linkTargets struct {
	pages    map[string]bool // URLs of the web pages: "", "hoi-dap/", "hoi-dap/x/"
	sections map[string]bool // URLs of the sections, whose list pages go on in trang/N/
	files    map[string]bool // output paths of copied files: static/ and the images of content/
	base     string          // the path of base_url, which links may start with: "/nq57/"
	channels []string        // the folders of the channels' lists: "phat-thanh", "trinh-chieu"
}

func targets(in *maker.Input) linkTargets {
	t := linkTargets{pages: map[string]bool{}, sections: map[string]bool{}, files: map[string]bool{}, base: basePath(in.Site.Config)}
	for _, k := range []string{config.KindRadio, config.KindSlides} {
		t.channels = append(t.channels, strings.TrimSuffix(paths.SectionURL(in.Site.Config.Kinds[k]), "/"))
	}
	for _, p := range in.Site.Pages() {
		t.pages[p.URL] = true
	}
	for _, sec := range in.Site.Sections {
		t.sections[sec.Page.URL] = true
	}
	for _, f := range in.Files(paths.StaticDir) {
		t.files[paths.StaticOutput(f)] = true
	}
	for _, f := range in.Assets {
		t.files[paths.ContentAsset(f)] = true
	}
	return t
}

// check reports a link of page p that leads nowhere on the site. Links
// out of the site, to anchors, and into the folders of loa's other
// outputs (the printers' in/, ...) are not checked.
func (t linkTargets) check(p *site.Page, l content.Link) (diag.Diagnostic, bool) {
	target, ok := resolve(p.URL, l.Dest, t.base)
	if !ok || t.reserved(target) {
		return diag.Diagnostic{}, true
	}
	isPage := !l.Image && (strings.HasSuffix(target, "/") || target == "" || path.Ext(target) == "" || strings.HasSuffix(target, "/index.html"))
	if isPage {
		u := strings.TrimSuffix(target, "index.html")
		if u != "" && !strings.HasSuffix(u, "/") {
			u += "/"
		}
		if t.pages[u] || t.listPage(u) || t.files[target] || t.files[u+"index.html"] {
			return diag.Diagnostic{}, true
		}
		return diag.Warn(p.Path, l.Line, l.Col, "links to /%s, a page that does not exist", u).
			WithHint("check the address; a page's address comes from its file name: content/hoi-dap/x.md is /hoi-dap/x/"), false
	}
	if t.files[target] {
		return diag.Diagnostic{}, true
	}
	what := "a file"
	if l.Image {
		what = "an image"
	}
	d := diag.Warn(p.Path, l.Line, l.Col, "%s /%s is not in the site", what, target).
		WithHint("put it in %s/%s, or beside the page in %s/, and check the name's spelling and case", paths.StaticDir, target, paths.ContentDir)
	if near := t.near(p.URL, target); near != "" {
		// An image beside the page's file is published in its folder,
		// one level above the page.
		d = d.WithHint("the file of that name is published at /%s: write %s", near, relative(p.URL, near))
	}
	return d, false
}

// relative returns the shortest relative address of the output path
// target from the output folder dir: "../anh.jpg" from "hoi-dap/a/".
func relative(dir, target string) string {
	d := strings.Split(strings.TrimSuffix(dir, "/"), "/")
	t := strings.Split(target, "/")
	i := 0
	for i < len(d) && i < len(t)-1 && d[i] == t[i] && d[i] != "" {
		i++
	}
	up := len(d) - i
	if dir == "" {
		up = 0
	}
	return strings.Repeat("../", up) + strings.Join(t[i:], "/")
}

// near returns the published file of the same name as target in the
// folder of the page at pageURL or the folder above it, or "".
func (t linkTargets) near(pageURL, target string) string {
	name := path.Base(target)
	for dir := strings.TrimSuffix(pageURL, "/"); ; dir = path.Dir(dir) {
		if dir == "." {
			dir = ""
		}
		if f := path.Join(dir, name); t.files[f] {
			return f
		}
		if dir == "" || strings.Count(pageURL, "/")-strings.Count(dir, "/") > 1 {
			return ""
		}
	}
}

// listPage reports whether u is a later page of a section's list:
// hoi-dap/trang/2/.
func (t linkTargets) listPage(u string) bool {
	i := strings.Index(u, "/"+paths.ListDir+"/")
	return i >= 0 && t.sections[u[:i+1]]
}

// reservedDirs are the output folders of loa's own outputs, which a link
// may lead into without a page or a file of the site there.
var reservedDirs = []string{paths.PrintDir, path.Dir(paths.SearchPage), paths.ShareDir}

// reserved reports whether target is one of loa's own outputs rather than
// a page or file of the site: a folder above, the sitemap, the feeds, the
// icons, or a channel's list (bulletins, decks), whose folders config
// names.
func (t linkTargets) reserved(target string) bool {
	for _, d := range append(reservedDirs, t.channels...) {
		if target == d || target == d+"/" || strings.HasPrefix(target, d+"/") {
			return true
		}
	}
	switch target {
	case paths.Sitemap, paths.NotFound, paths.Robots, paths.FeedName, paths.FaviconICO, paths.FaviconSVG, paths.TouchIcon:
		return true
	}
	return path.Base(target) == paths.FeedName
}

// resolve turns the address dest of a link on the page at URL pageURL into
// an output path of the site ("hoi-dap/x/", "img/a.jpg"), without its
// query and fragment. A root-relative address may start with base, the
// path of base_url. ok is false for an address that leaves the site (a
// scheme, a host) or is an anchor of the page itself.
func resolve(pageURL, dest, base string) (string, bool) {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" || u.Path == "" {
		return "", false
	}
	p := u.Path
	switch {
	case !strings.HasPrefix(p, "/"):
		p = "/" + pageURL + p
	case base != "/" && strings.HasPrefix(p, base):
		p = "/" + strings.TrimPrefix(p, base)
	}
	clean := path.Clean(p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	return strings.TrimPrefix(clean, "/"), true
}
