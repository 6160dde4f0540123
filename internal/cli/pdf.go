package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"loa/internal/paths"
	"loa/internal/pdf"
	"loa/internal/pipeline"
	"loa/internal/print"
	"loa/internal/serve"
)

func runPDF(ctx context.Context, env Env, args []string) int {
	var sf siteFlags
	fl := flags(env, "pdf", "[-s SITE] [-d DEST] [--chromium PATH] [PRODUCT...]")
	sf.register(fl)
	dest := fl.String("d", "", "the output `folder` of loa build, where in/pdf/ is written (default SITE/public)")
	chromium := fl.String("chromium", "", "the `path` of Chromium or Chrome")
	fl.Bool("cmyk", false, "no effect: the press files are always CMYK (PDF/X-1a); kept for old scripts")
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
	cfg := eng.Config()
	press, err := pdf.NewPress(cfg.Print)
	if err != nil {
		return report(env, err)
	}
	var entries []print.Entry
	for _, name := range pipeline.PrintMakers() {
		entries = append(entries, print.Entries(eng.Results(name))...)
	}
	opts := pdf.Options{Files: files, Entries: entries, Dir: *dest,
		Chromium: *chromium, Products: fl.Args(), Tabs: *tabs,
		Press: press, Family: cfg.Print.FontFamily, Date: buildDate(), Producer: "loa",
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
	for _, w := range res.Warnings {
		fmt.Fprintln(env.Stderr, w)
	}
	for _, f := range res.Failed {
		fmt.Fprintln(env.Stderr, f)
	}
	n := len(res.Written) / 2
	fmt.Fprintf(env.Stdout, "Wrote %d %s (%s, %s) and %s into %s in %.1f s (browser start %.1f s)\n",
		n, plural(n, "press file", "press files"), cfg.Print.PDFX, cfg.Print.OutputCondition, plural(n, "its RGB proof", "their RGB proofs"),
		quote(filepath.Join(*dest, paths.PrintDir, "pdf")), res.Total.Seconds(), res.Start.Seconds())
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

// buildDate is the date the PDFs are made: today, or the day of
// SOURCE_DATE_EPOCH when set, for files that build the same twice.
func buildDate() time.Time {
	if v := os.Getenv("SOURCE_DATE_EPOCH"); v != "" {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Now()
}
