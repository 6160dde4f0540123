package pdf

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

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
	CMYK     bool          // convert to CMYK with Ghostscript
	// Progress, if set, is told about each piece once it is done.
	Progress func(done, total int, e print.Entry, took time.Duration, err error)
}

// Result is what a run made.
type Result struct {
	Written []string      // PDF files, relative to Dir
	Failed  []error       // one per piece that failed (overflow, ...)
	Start   time.Duration // to start the browser
	Total   time.Duration
}

// Run makes the PDF of every piece (or of the pieces of the chosen
// products) with one browser and a few tabs. A piece that fails does not
// stop the others; its error is in Result.Failed.
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
	gs := ""
	if opts.CMYK {
		if gs, err = exec.LookPath("gs"); err != nil {
			return nil, fmt.Errorf("--cmyk needs Ghostscript (gs), which is not installed: sudo apt-get install ghostscript")
		}
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
				used, err := one(tab, opts.Dir, e, gs)
				mu.Lock()
				done++
				if err != nil {
					res.Failed = append(res.Failed, err)
					delete(sources, e.PDF)
				} else {
					res.Written = append(res.Written, e.PDF)
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

// one makes the PDF of one piece and returns the sums of the files it was
// made from.
func one(tab *tab, dir string, e print.Entry, gs string) (map[string]string, error) {
	data, used, err := Print(tab, e)
	if err != nil {
		return nil, err
	}
	out := filepath.Join(dir, filepath.FromSlash(e.PDF))
	if gs != "" {
		if data, err = cmyk(gs, data, e); err != nil {
			return nil, err
		}
	}
	if err := writeFile(out, data); err != nil {
		return nil, fmt.Errorf("write %s: %w", e.PDF, err)
	}
	sums := map[string]string{}
	for _, name := range used {
		if b, ok := tab.files(name); ok {
			sums[name] = Sum(b)
		}
	}
	return sums, nil
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

// cmyk converts a PDF to CMYK with Ghostscript and sets the boxes again,
// which a conversion may drop.
func cmyk(gs string, data []byte, e print.Entry) ([]byte, error) {
	dir, err := os.MkdirTemp("", "loa-cmyk-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in, out := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		return nil, err
	}
	cmd := exec.Command(gs, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite",
		"-sColorConversionStrategy=CMYK", "-sProcessColorModel=DeviceCMYK", "-o", out, in)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("%s: Ghostscript: %v: %s", e.File, err, msg)
	}
	converted, err := os.ReadFile(out)
	if err != nil {
		return nil, err
	}
	return finish(converted, e)
}
