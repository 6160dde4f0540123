package render

import (
	"bytes"
	"context"
	"fmt"
	"image/color"
	"regexp"
	"slices"
	"sync"

	"golang.org/x/image/font/sfnt"

	"loa/internal/config"
	"loa/internal/diag"
	"loa/internal/icon"
	"loa/internal/maker"
	"loa/internal/paths"
	"loa/internal/view"
)

// The files the icons are made from: the brand colours of the design
// tokens (--red the square, --yellow the letters) and the bold face.
const (
	TokensFile = paths.StaticDir + "/css/tokens.css"
	IconFont   = paths.StaticDir + "/fonts/NotoSans-Bold.ttf"
)

// The brand colours a site without those tokens gets.
var defaultBrand = [2]string{"#a50e0e", "#ffd54a"}

// Icons makes the icons browsers and phones ask a site for: favicon.ico
// (16, 32 and 48 px), icon.svg and apple-touch-icon.png (180 px), drawn
// by package icon from the brand colours and the initials of config.toml
// ([site] initials). With [site] logo, icon.svg is the logo itself; the
// raster icons stay drawn, since loa does not rasterise SVG. A file of
// the same name in the site's static/ replaces the one loa would make.
//
// It keeps the parsed font across rebuilds.
type Icons struct {
	mu   sync.Mutex
	data []byte
	font *sfnt.Font
}

// Name implements maker.Maker.
func (*Icons) Name() string { return "icons" }

type iconJob struct {
	sizes []int // PNG sizes; none for the SVG
}

// Jobs implements maker.Maker.
func (*Icons) Jobs(in *maker.Input) ([]maker.Job, diag.List) {
	own := in.Files(paths.StaticDir)
	var jobs []maker.Job
	for _, j := range []struct {
		file  string
		sizes []int
	}{{paths.FaviconSVG, nil}, {paths.FaviconICO, []int{16, 32, 48}}, {paths.TouchIcon, []int{180}}} {
		if !slices.Contains(own, paths.StaticDir+"/"+j.file) {
			jobs = append(jobs, maker.Job{File: j.file, Sig: j.file, Data: iconJob{sizes: j.sizes}})
		}
	}
	return jobs, nil
}

// Make implements maker.Maker.
func (m *Icons) Make(_ context.Context, in *maker.Input, j maker.Job, rec *view.Recorder) (maker.Made, diag.List, error) {
	ij := j.Data.(iconJob)
	cfg := in.View(rec).Config()
	back, fore, ds := brand(in, rec)
	if logo := cfg.Site.LogoFile(); logo != "" && ij.sizes == nil {
		data, err := in.Read(rec, logo)
		if err != nil {
			line, col := cfg.Site.LogoAt()
			return maker.Made{}, diag.List{diag.At(config.File, line, col, "site.logo: there is no file %s", logo)}, nil
		}
		return maker.Made{Data: data}, ds, nil
	}
	f, err := m.parsed(in, rec)
	if err != nil {
		return maker.Made{}, append(ds, diag.At(IconFont, 0, 0, "the icons' font: %v", err)), nil
	}
	b := icon.Badge{Initials: cfg.IconInitials(), Back: back, Fore: fore, Font: f}
	problem := func(err error) diag.Diagnostic {
		line, col := 0, 0
		if cfg.Site.Initials != "" {
			line, col = cfg.Site.InitialsAt()
		}
		return diag.At(config.File, line, col, "the icons' initials %q: %v", b.Initials, err).
			WithHint("set [site] initials to letters or digits of the site's font")
	}
	if ij.sizes == nil {
		svg, err := b.SVG()
		if err != nil {
			return maker.Made{}, append(ds, problem(err)), nil
		}
		return maker.Made{Data: svg}, ds, nil
	}
	var pngs [][]byte
	for _, s := range ij.sizes {
		p, err := b.PNG(s)
		if err != nil {
			return maker.Made{}, append(ds, problem(err)), nil
		}
		pngs = append(pngs, p)
	}
	if j.File != paths.FaviconICO {
		return maker.Made{Data: pngs[0]}, ds, nil
	}
	ico, err := icon.ICO(pngs...)
	if err != nil {
		return maker.Made{}, nil, err
	}
	return maker.Made{Data: ico}, ds, nil
}

// parsed returns the icons' font, parsed once per version of the file.
func (m *Icons) parsed(in *maker.Input, rec *view.Recorder) (*sfnt.Font, error) {
	data, err := in.Read(rec, IconFont)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.font != nil && bytes.Equal(m.data, data) {
		return m.font, nil
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	m.data, m.font = data, f
	return f, nil
}

// hexColor writes a colour as CSS: "#a50e0e".
func hexColor(c color.NRGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

var tokenRE = regexp.MustCompile(`--(red|yellow)\s*:\s*(#[0-9a-fA-F]{3,6})\b`)

// brand returns the square's and the letters' colours from the design
// tokens.
func brand(in *maker.Input, rec *view.Recorder) (back, fore color.NRGBA, ds diag.List) {
	found := map[string]string{"red": defaultBrand[0], "yellow": defaultBrand[1]}
	if css, err := in.Read(rec, TokensFile); err == nil {
		for _, m := range tokenRE.FindAllSubmatch(css, -1) {
			found[string(m[1])] = string(m[2])
		}
	}
	back, err1 := icon.ParseColor(found["red"])
	fore, err2 := icon.ParseColor(found["yellow"])
	if err1 != nil || err2 != nil {
		ds.Add(diag.Warn(TokensFile, 0, 0, "the brand colours --red and --yellow must be #rrggbb for the icons; using loa's"))
		back, _ = icon.ParseColor(defaultBrand[0])
		fore, _ = icon.ParseColor(defaultBrand[1])
	}
	return back, fore, ds
}
