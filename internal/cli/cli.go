// Package cli is loa's command line: it parses arguments, calls the
// packages that do the work, prints their results and chooses the exit
// status: 0 for success, 1 when the site has errors, 2 for a wrong command
// line.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"syscall"

	"loa/internal/diag"
)

// Exit statuses.
const (
	ExitOK    = 0
	ExitError = 1 // the site has errors, or something failed
	ExitUsage = 2 // the command line is wrong
)

// Env is what a command may use of the outside world.
type Env struct {
	Stdout, Stderr io.Writer
}

// command is one sub-command.
type command struct {
	name, args, short string
	run               func(ctx context.Context, env Env, args []string) int
}

func commands() []command {
	return []command{
		{"build", "[-s SITE] [-d DEST] [--drafts] [--base-url URL]", "build the site into DEST (default SITE/public)", runBuild},
		{"check", "[-s SITE] [--drafts]", "check every content file and layout, write nothing", runCheck},
		{"serve", "[-s SITE] [--bind 127.0.0.1] [--port 1313] [--poll] [--drafts]", "preview the site while you edit it: rebuilds on every save and reloads the browser", runServe},
		{"pdf", "[-s SITE] [-d DEST] [--chromium PATH] [--cmyk] [PRODUCT...]", "turn the print products into PDF files for printers", runPDF},
		{"phat-thanh", "[-s SITE] [-d DEST] [--wav]", "list the loudspeaker bulletins with their reading times; --wav writes a spoken preview of each (espeak-ng)", runBulletins},
		{"new", "site DIR | KIND \"Title\"", "create a starter site, or a content file of a kind", runNew},
		{"nginx", "[-s SITE] [-d DEST] [--base-url URL] [--listen ADDR] [--brotli auto|on|off]", "print an nginx server block that serves DEST: precompressed files, cache and security headers", runNginx},
		{"fix-encoding", "FILE...", "convert text typed in TCVN3 (ABC) or VNI to Unicode, keeping a backup", runFixEncoding},
		{"version", "", "print loa's version", runVersion},
	}
}

// Run runs loa with the command-line arguments args (without the program
// name) and returns the exit status.
func Run(ctx context.Context, args []string, env Env) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.Stdout)
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	if args[0] == removeCommand {
		return runRemoveOld(ctx, env, args[1:])
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, env, args[1:])
		}
	}
	fmt.Fprintf(env.Stderr, "loa: unknown command %q\n", args[0])
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	if s := diag.Suggest(args[0], names); s != "" {
		fmt.Fprintf(env.Stderr, "\thint: did you mean %q?\n", s)
	}
	fmt.Fprintln(env.Stderr, "Run 'loa help' for the list of commands.")
	return ExitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "loa builds campaign websites and print-ready materials from Markdown.")
	fmt.Fprintln(w, "\nUsage:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  loa %s %s\n    \t%s\n", c.name, c.args, c.short)
	}
}

// flags returns a flag set for a command that reports its errors on stderr
// in loa's style.
func flags(env Env, name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet("loa "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "usage: loa %s %s\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args into fs; ok is false with the exit status to return.
func parse(fs *flag.FlagSet, args []string) (status int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK, false
		}
		return ExitUsage, false
	}
	return 0, true
}

// report prints an error: each diagnostic of a site error on its own line,
// or the error itself. It returns the exit status.
func report(env Env, err error) int {
	var de *diag.Error
	if errors.As(err, &de) {
		for _, d := range de.List {
			fmt.Fprintln(env.Stderr, d)
		}
		n, w := de.List.Errors(), len(de.List.Warnings())
		fmt.Fprintf(env.Stderr, "loa: %d %s found", n, plural(n, "problem", "problems"))
		if w > 0 {
			fmt.Fprintf(env.Stderr, " (and %d %s)", w, plural(w, "warning", "warnings"))
		}
		fmt.Fprintln(env.Stderr)
		return ExitError
	}
	fmt.Fprintf(env.Stderr, "loa: %s\n", diag.Printable(err.Error()))
	if h := hintFor(err); h != "" {
		fmt.Fprintf(env.Stderr, "\thint: %s\n", diag.Printable(h))
	}
	return ExitError
}

// hintFor says what to do about an error that is not the site's: a full
// disk, a folder that is not a site.
func hintFor(err error) string {
	var h interface{ Hint() string }
	switch {
	case errors.As(err, &h):
		return h.Hint()
	case errors.Is(err, syscall.ENOSPC):
		return "the disk is full: free some space on it, or build elsewhere with -d, and build again"
	case errors.Is(err, fs.ErrPermission):
		return "loa may not write there: check the folder's permissions, or build elsewhere with -d"
	}
	return ""
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// quote shows a path to the user.
func quote(p string) string {
	if strings.ContainsAny(p, " \t") {
		return `"` + p + `"`
	}
	return p
}
