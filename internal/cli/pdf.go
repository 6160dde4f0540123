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
	"loa/internal/print"
)

func runPDF(ctx context.Context, env Env, args []string) int {
	fl := flags(env, "pdf", "[-s SITE] [-d DEST] [--chromium PATH] [--cmyk] [PRODUCT...]")
	site := fl.String("s", ".", "the site `folder`")
	dest := fl.String("d", "", "the output `folder` of loa build (default SITE/public)")
	chromium := fl.String("chromium", "", "the `path` of Chromium or Chrome")
	cmyk := fl.Bool("cmyk", false, "convert the PDFs to CMYK with Ghostscript")
	tabs := fl.Int("tabs", 0, "pieces printed at once (default: one per two cores)")
	if status, ok := parse(fl, args); !ok {
		return status
	}
	if *dest == "" {
		*dest = filepath.Join(*site, "public")
	}
	tty := isTerminal(env.Stderr)
	opts := pdf.Options{Dir: *dest, Chromium: *chromium, Products: fl.Args(), Tabs: *tabs, CMYK: *cmyk,
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
