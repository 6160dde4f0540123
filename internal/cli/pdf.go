package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"loa/internal/paths"
	"loa/internal/pdf"
	"loa/internal/pipeline"
	"loa/internal/print"
	"loa/internal/serve"
)

func runPDF(ctx context.Context, env Env, args []string) int {
	var sf siteFlags
	fl := flags(env, "pdf", "[-s SITE] [-d DEST] [--chromium PATH] [--cmyk] [PRODUCT...]")
	sf.register(fl)
	dest := fl.String("d", "", "the output `folder` of loa build, where in/pdf/ is written (default SITE/public)")
	chromium := fl.String("chromium", "", "the `path` of Chromium or Chrome")
	cmyk := fl.Bool("cmyk", false, "convert the PDFs to CMYK with Ghostscript")
	tabs := fl.Int("tabs", 0, "pieces printed at once (default: one per two cores)")
	if status, ok := parse(fl, args); !ok {
		return status
	}
	if *dest == "" {
		*dest = filepath.Join(sf.dir, "public")
	}
	if _, err := os.Stat(filepath.Join(*dest, paths.Marker)); err != nil {
		fmt.Fprintf(env.Stderr, "loa pdf: %s is not the output of loa build: run loa build first\n", quote(*dest))
		return ExitError
	}
	// The print pieces are made afresh, in memory, by the same engine as
	// loa build: the PDFs show the site as it is now.
	site, done, err := sf.open()
	if err != nil {
		return report(env, err)
	}
	defer done()
	site.Only = append(pipeline.PrintMakers(), "static")
	eng := pipeline.New(site)
	store := serve.NewStore(false)
	batch := store.Batch()
	rep, err := eng.Rebuild(ctx, nil, batch)
	if err == nil && rep.Failed() {
		err = rep.Problems.Err()
	}
	if err != nil {
		return report(env, err)
	}
	batch.Commit()
	warn(env, rep.Problems)
	files := func(name string) ([]byte, bool) {
		f, ok := store.Get(name)
		return f.Data, ok
	}
	tty := isTerminal(env.Stderr)
	var entries []print.Entry
	for _, name := range pipeline.PrintMakers() {
		entries = append(entries, print.Entries(eng.Results(name))...)
	}
	opts := pdf.Options{Files: files, Entries: entries, Dir: *dest,
		Chromium: *chromium, Products: fl.Args(), Tabs: *tabs, CMYK: *cmyk,
		Progress: func(done, total int, e print.Entry, took time.Duration, err error) {
			status := fmt.Sprintf("%.1f s", took.Seconds())
			if err != nil {
				status = "FAILED"
			}
			if tty || err != nil {
				fmt.Fprintf(env.Stderr, "[%d/%d] %s %s\n", done, total, e.PDF, status)
			}
		}}
	res, err := pdf.Run(ctx, opts)
	if errors.Is(err, pdf.ErrNoChromium) {
		fmt.Fprintf(env.Stderr, "loa pdf: %v: %s\n", err, pdf.InstallHint)
		return ExitError
	}
	if err != nil {
		return report(env, err)
	}
	for _, f := range res.Failed {
		fmt.Fprintln(env.Stderr, f)
	}
	fmt.Fprintf(env.Stdout, "Wrote %d PDF files into %s in %.1f s (browser start %.1f s)\n",
		len(res.Written), quote(filepath.Join(*dest, paths.PrintDir, "pdf")), res.Total.Seconds(), res.Start.Seconds())
	if len(res.Failed) > 0 {
		fmt.Fprintf(env.Stderr, "loa pdf: %d %s failed\n", len(res.Failed), plural(len(res.Failed), "piece", "pieces"))
		return ExitError
	}
	return ExitOK
}

// isTerminal reports whether w is a terminal, where progress is worth
// showing line by line.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
