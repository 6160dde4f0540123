package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"loa"
	"loa/internal/diag"
	"loa/internal/paths"
	"loa/internal/pdf"
	"loa/internal/pipeline"
	"loa/internal/print"
	"loa/internal/publish"
)

// siteFlags are the flags shared by the commands that read a site.
type siteFlags struct {
	dir    string
	drafts bool
}

func (f *siteFlags) register(fs interface {
	StringVar(*string, string, string, string)
	BoolVar(*bool, string, bool, string)
}) {
	fs.StringVar(&f.dir, "s", ".", "the site `folder`")
	fs.BoolVar(&f.drafts, "drafts", false, "include pages with draft = true")
}

// open returns the site folder as a file system that no symbolic link can
// leave, and build options for it. A folder without content/ is refused:
// it is not a site (-s pointing one level too high, or too low).
func (f *siteFlags) open() (pipeline.Options, func(), error) {
	st, err := os.Stat(f.dir)
	if err != nil || !st.IsDir() {
		return pipeline.Options{}, nil, fmt.Errorf("site folder %s not found", quote(f.dir))
	}
	if _, err := os.Lstat(filepath.Join(f.dir, paths.ContentDir)); errors.Is(err, fs.ErrNotExist) {
		return pipeline.Options{}, nil, noContentError{f.dir}
	}
	root, err := os.OpenRoot(f.dir)
	if err != nil {
		return pipeline.Options{}, nil, fmt.Errorf("open site folder: %w", err)
	}
	opts := pipeline.Options{Site: root.FS(), Defaults: loa.DefaultSite(), Drafts: f.drafts, Cache: openCardCache()}
	return opts, func() { root.Close() }, nil
}

func runBuild(ctx context.Context, env Env, args []string) int {
	var sf siteFlags
	fl := flags(env, "build", "[-s SITE] [-d DEST] [--drafts] [--base-url URL]")
	sf.register(fl)
	dest := fl.String("d", "", "the output `folder` (default SITE/public)")
	baseURL := fl.String("base-url", "", "the site's address, overriding base_url in config.toml")
	if status, ok := parse(fl, args); !ok {
		return status
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "loa build: unexpected argument %q\n", fl.Arg(0))
		return ExitUsage
	}
	if sf.drafts && *dest == "" {
		fmt.Fprintln(env.Stderr, "loa build: --drafts puts unpublished pages in the output, so it needs an output folder of its own: loa build --drafts -d drafts")
		fmt.Fprintln(env.Stderr, "\thint: to look at drafts while you write, use loa serve --drafts")
		return ExitUsage
	}
	if *dest == "" {
		*dest = filepath.Join(sf.dir, "public")
	}
	if err := checkDest(sf.dir, *dest); err != nil {
		fmt.Fprintf(env.Stderr, "loa build: %v\n", err)
		return ExitUsage
	}
	opts, done, err := sf.open()
	if err != nil {
		return report(env, err)
	}
	defer done()
	opts.BaseURL = *baseURL
	start := time.Now()
	_, statErr := os.Stat(*dest)
	existed := statErr == nil
	staging, err := publish.Begin(*dest)
	if err != nil {
		return report(env, err)
	}
	staging.Discard = removeInBackground
	eng := pipeline.New(opts)
	rep, err := eng.Rebuild(ctx, nil, staging)
	if err == nil && rep.Failed() {
		err = rep.Problems.Err()
	}
	if err == nil && sf.drafts {
		err = staging.WriteFile(publish.DraftsMarker, []byte(draftsNote))
	}
	if err != nil {
		staging.Abort()
		status := report(env, err)
		if existed {
			fmt.Fprintf(env.Stderr, "loa: nothing was published; %s is as it was\n", quote(*dest))
		} else {
			fmt.Fprintf(env.Stderr, "loa: nothing was published; %s was not made\n", quote(*dest))
		}
		return status
	}
	warn(env, rep.Problems)
	// LOA_STEPS=1 prints how long each step took, for measuring loa.
	if os.Getenv("LOA_STEPS") != "" {
		rep.WriteSteps(env.Stderr)
	}
	var entries []print.Entry // the print pieces' and the channels' (bulletins, decks, booklet, outline)
	for _, name := range pipeline.PrintMakers() {
		entries = append(entries, print.Entries(eng.Results(name))...)
	}
	kept := keepPDFs(*dest, staging, entries)
	if err := staging.Commit(); err != nil {
		return report(env, err)
	}
	into := quote(*dest)
	if staging.Dest() != filepath.Clean(*dest) {
		into += " (a link to " + quote(staging.Dest()) + ")"
	}
	fmt.Fprintf(env.Stdout, "Built %d pages (%d files) and %d print files into %s in %d ms\n",
		rep.Pages, rep.Files+1, len(entries), into, time.Since(start).Milliseconds())
	if sf.drafts {
		fmt.Fprintf(env.Stdout, "With drafts: %s holds pages that are not published (marked by its file %s)\n", quote(*dest), publish.DraftsMarker)
	}
	if kept > 0 {
		fmt.Fprintf(env.Stdout, "Kept %d PDF files whose print files did not change\n", kept)
	}
	return ExitOK
}

// keepPDFs carries the PDFs made by loa pdf over from the previous output
// while every file each was made from (its print file, style sheets,
// fonts, images) is byte for byte the same; the others are left behind, so
// that no PDF is older than what it shows.
func keepPDFs(dest string, staging *publish.Staging, entries []print.Entry) int {
	sources, err := pdf.ReadSources(dest)
	if err != nil {
		return 0
	}
	kept := pdf.Sources{}
	for _, e := range entries {
		old := filepath.Join(dest, filepath.FromSlash(e.PDF))
		if _, err := os.Stat(old); err != nil || !sources.Fresh(e.PDF, staging.ReadFile) {
			continue
		}
		if staging.Keep(e.PDF, old) == nil {
			kept[e.PDF] = sources[e.PDF]
			// The screen proof is made with the press file, from the same files.
			if proof := filepath.Join(dest, filepath.FromSlash(e.Proof)); e.Proof != "" {
				if _, err := os.Stat(proof); err == nil {
					staging.Keep(e.Proof, proof)
				}
			}
		}
	}
	if len(kept) > 0 {
		data, err := json.MarshalIndent(kept, "", "  ")
		if err != nil || staging.WriteFile(pdf.SourcesFile, append(data, '\n')) != nil {
			return 0
		}
	}
	return len(kept)
}

// draftsNote is the text of the marker of an output built with --drafts.
const draftsNote = "This folder was built with loa build --drafts: it holds pages marked draft = true, which are not published. Do not deploy it.\n"

// noContentError is a site folder without content/.
type noContentError struct{ dir string }

func (e noContentError) Error() string {
	return fmt.Sprintf("%s has no %s/ folder, so it is not a loa site", quote(e.dir), paths.ContentDir)
}

// Hint says what to do about it.
func (e noContentError) Hint() string {
	return fmt.Sprintf("give -s the folder that holds %s/ and config.toml, or make a site there: loa new site %s", paths.ContentDir, quote(e.dir))
}

// checkDest refuses an output folder that is the site, holds the site, or
// lies inside one of the site's source folders: loa replaces its output
// folder as a whole.
func checkDest(site, dest string) error {
	resolved, err := publish.Resolve(dest)
	if err != nil {
		return err
	}
	s, err1 := filepath.Abs(site)
	d, err2 := filepath.Abs(resolved)
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	if rel, err := filepath.Rel(d, s); err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
		return fmt.Errorf("the output folder %s would contain the site itself; choose another -d", quote(dest))
	}
	for _, src := range paths.Sources {
		if rel, err := filepath.Rel(filepath.Join(s, src), d); err == nil && !strings.HasPrefix(rel, "..") {
			return fmt.Errorf("the output folder %s is inside the site's %s/ folder; choose another -d", quote(dest), src)
		}
	}
	return nil
}

func runCheck(ctx context.Context, env Env, args []string) int {
	var sf siteFlags
	fl := flags(env, "check", "[-s SITE] [--drafts]")
	sf.register(fl)
	if status, ok := parse(fl, args); !ok {
		return status
	}
	opts, done, err := sf.open()
	if err != nil {
		return report(env, err)
	}
	defer done()
	rep, err := pipeline.New(opts).Rebuild(ctx, nil, discard{})
	if err == nil && rep.Failed() {
		err = rep.Problems.Err()
	}
	if err != nil {
		return report(env, err)
	}
	warn(env, rep.Problems)
	if w := len(rep.Problems); w > 0 {
		fmt.Fprintf(env.Stdout, "No errors found in %d pages (%d %s)\n", rep.Pages, w, plural(w, "warning", "warnings"))
	} else {
		fmt.Fprintf(env.Stdout, "No problems found in %d pages\n", rep.Pages)
	}
	return ExitOK
}

// discard is an Output that keeps nothing: loa check makes every file, to
// find every problem, and writes none.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }
func (discard) Remove(string) error            { return nil }

// warn prints the warnings of a build that succeeded.
func warn(env Env, ds diag.List) {
	for _, d := range ds.Warnings() {
		fmt.Fprintln(env.Stderr, d)
	}
}
