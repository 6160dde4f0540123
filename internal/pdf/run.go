package pdf

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"loa/internal/config"
	"loa/internal/print"
)

// Options say which PDFs to make.
type Options struct {
	Files    Files         // the built site
	Entries  []print.Entry // its print pieces
	Dir      string        // the output folder the PDFs are written into
	Chromium string        // the browser's path; "" to look for one
	Products []string      // only these products; none for all
	Tabs     int           // pieces printed at once; 0 for a default
	// Press says how to make the press files (PDF/X) from the RGB PDFs
	// Chromium prints: NewPress(config.Print).
	Press Press
	// Family is the font family every piece must have loaded:
	// [print] font_family.
	Family string
	// Date is the date the PDFs are made, written on the slug lines and
	// into the files; the zero value is today.
	Date time.Time
	// Producer names the program in the files: "loa v1.2".
	Producer string
	// Progress, if set, is told about each piece once it is done.
	Progress func(done, total int, e print.Entry, took time.Duration, err error)
}

// Result is what a run made.
type Result struct {
	Written  []string      // PDF files, relative to Dir: press files and proofs
	Failed   []error       // one per piece that failed (overflow, ...)
	Warnings []string      // what was made but should be looked at
	Start    time.Duration // to start the browser
	Total    time.Duration
}

// Run makes the press file and the screen proof of every piece (or of
// the pieces of the chosen products) with one browser and a few tabs. A
// piece that fails does not stop the others; its error is in
// Result.Failed. A piece with a QR code is refused while base_url is not
// set or names this computer, and made with a warning while it is a
// placeholder.
func Run(ctx context.Context, opts Options) (*Result, error) {
	entries, err := choose(opts.Entries, opts.Products)
	if err != nil {
		return nil, err
	}
	path := opts.Chromium
	if path == "" {
		if path, err = FindChromium(); err != nil {
			return nil, err
		}
	}
	if opts.Date.IsZero() {
		opts.Date = time.Now()
	}
	if opts.Family == "" {
		opts.Family = "Noto Sans"
	}
	if opts.Producer == "" {
		opts.Producer = "loa"
	}
	sources, err := ReadSources(opts.Dir)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	b, err := Start(ctx, path)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	res := &Result{Start: time.Since(start)}
	if n := placeholders(entries); n > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%s: warning: base_url is a placeholder address: the QR codes of %d %s lead where no reader finds the site; set base_url before these go to press",
			config.File, n, plural(n, "piece", "pieces")))
	}
	tabs := opts.Tabs
	if tabs <= 0 {
		// Chromium lays out and prints on several threads of its own: one
		// tab per two cores keeps them busy without making them wait.
		tabs = max(1, runtime.NumCPU()/2)
	}
	var (
		mu   sync.Mutex
		done int
		wg   sync.WaitGroup
		work = make(chan print.Entry)
	)
	for range min(tabs, len(entries)) {
		wg.Go(func() {
			tab, closeTab, err := newTab(b, opts.Files)
			if err != nil {
				for e := range work {
					mu.Lock()
					res.Failed = append(res.Failed, fmt.Errorf("%s: open a tab: %w", e.File, err))
					mu.Unlock()
				}
				return
			}
			defer closeTab()
			for e := range work {
				t := time.Now()
				used, err := one(tab, &opts, e)
				mu.Lock()
				done++
				if err != nil {
					res.Failed = append(res.Failed, err)
					delete(sources, e.PDF)
				} else {
					res.Written = append(res.Written, e.PDF)
					if e.Proof != "" {
						res.Written = append(res.Written, e.Proof)
					}
					sources[e.PDF] = used
				}
				if opts.Progress != nil {
					opts.Progress(done, len(entries), e, time.Since(t), err)
				}
				mu.Unlock()
			}
		})
	}
	for _, e := range entries {
		if ctx.Err() != nil {
			break
		}
		work <- e
	}
	close(work)
	wg.Wait()
	if err := sources.Write(opts.Dir); err != nil {
		return nil, fmt.Errorf("write %s: %w", SourcesFile, err)
	}
	slices.Sort(res.Written)
	res.Total = time.Since(start)
	return res, ctx.Err()
}

// one makes the press file and the proof of one piece and returns the
// sums of the files they were made from.
func one(tab *tab, opts *Options, e print.Entry) (map[string]string, error) {
	if err := refuseQR(e); err != nil {
		return nil, err
	}
	rgb, used, err := Print(tab, e, Page{Family: opts.Family, Date: opts.Date.Format("02/01/2006")})
	if err != nil {
		return nil, err
	}
	type file struct {
		name string
		data []byte
	}
	// A product for the office printer (no press colour: a bulletin, a
	// deck) is its RGB PDF; one for a print shop, a press file and a proof.
	files := []file{{e.PDF, rgb}}
	if e.Color.Mode == "CMYK" {
		press, err := opts.Press.convert(rgb, e, opts.Date, opts.Producer)
		if err != nil {
			return nil, err
		}
		files = []file{{e.Proof, rgb}, {e.PDF, press}}
	}
	for _, f := range files {
		if err := writeFile(filepath.Join(opts.Dir, filepath.FromSlash(f.name)), f.data); err != nil {
			return nil, fmt.Errorf("write %s: %w", f.name, err)
		}
	}
	sums := map[string]string{}
	for _, name := range used {
		if b, ok := tab.files(name); ok {
			sums[name] = Sum(b)
		}
	}
	return sums, nil
}

// placeholders counts the pieces whose QR code leads to a placeholder
// address.
func placeholders(entries []print.Entry) int {
	n := 0
	for _, e := range entries {
		if e.QR != "" && e.QRBase == "placeholder" {
			n++
		}
	}
	return n
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// choose keeps the entries of the named products; an unknown name is an
// error listing the known ones.
func choose(entries []print.Entry, products []string) ([]print.Entry, error) {
	if len(products) == 0 {
		return entries, nil
	}
	var out []print.Entry
	known := map[string]bool{}
	for _, e := range entries {
		known[e.Product] = true
		if slices.Contains(products, e.Product) {
			out = append(out, e)
		}
	}
	for _, p := range products {
		if !known[p] {
			var names []string
			for k := range known {
				names = append(names, k)
			}
			slices.Sort(names)
			return nil, fmt.Errorf("no print product %q; the site has: %v", p, names)
		}
	}
	return out, nil
}
