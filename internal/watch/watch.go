package watch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"loa/internal/paths"
)

// Options say what to watch.
type Options struct {
	Root  string   // the site folder
	Dirs  []string // folders under Root watched with all they hold: "content", "layouts", "static"
	Files []string // files directly in Root: "config.toml"
	// Quiet and MaxWait shape the batches (see Debounce); zero gives 40 ms
	// and 500 ms.
	Quiet, MaxWait time.Duration
	// Poll, when not zero, polls the folders at that interval instead of
	// using the system's notifications.
	Poll time.Duration
}

// Watcher reports batches of changed files, as slash paths from Root.
type Watcher struct {
	Changes <-chan []string
	// Mode says how changes are found: "notify", or "poll" with the reason.
	Mode string
}

// Start watches until ctx ends.
func Start(ctx context.Context, opts Options) (*Watcher, error) {
	if opts.Quiet == 0 {
		opts.Quiet = 40 * time.Millisecond
	}
	if opts.MaxWait == 0 {
		opts.MaxWait = 500 * time.Millisecond
	}
	raw := make(chan string, 256)
	mode := "notify"
	if opts.Poll > 0 {
		mode = "poll"
		go poll(ctx, opts, raw)
	} else if err := notify(ctx, opts, raw); err != nil {
		if !errors.Is(err, errLimit) {
			return nil, err
		}
		opts.Poll = time.Second
		mode = "poll: " + err.Error()
		go poll(ctx, opts, raw)
	}
	return &Watcher{Changes: Debounce(ctx, raw, opts.Quiet, opts.MaxWait), Mode: mode}, nil
}

// errLimit is returned when the system refuses more watches.
var errLimit = errors.New("the system's limit of watched folders is reached; raise it with: sudo sysctl fs.inotify.max_user_watches=524288 (and fs.inotify.max_user_instances=512)")

// Lost is the path a batch holds when the watcher lost track of changes
// (the system's queue of events overflowed): anything may have changed.
const Lost = ""

// relevant turns an absolute path into a slash path from Root, if it is
// one the site may read.
func relevant(opts Options, path string) (string, bool) {
	rel, err := filepath.Rel(opts.Root, path)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	for _, part := range strings.Split(rel, "/") {
		if paths.Ignored(part) {
			return "", false
		}
	}
	for _, f := range opts.Files {
		if rel == f {
			return rel, true
		}
	}
	for _, d := range opts.Dirs {
		if rel == d || strings.HasPrefix(rel, d+"/") {
			return rel, true
		}
	}
	return "", false
}

// notify watches with the system's notifications (inotify on Linux).
func notify(ctx context.Context, opts Options, raw chan<- string) error {
	w, err := fsnotify.NewBufferedWatcher(1024)
	if err != nil {
		return limitErr(err)
	}
	if err := w.Add(opts.Root); err != nil {
		w.Close()
		return limitErr(fmt.Errorf("watch %s: %w", opts.Root, err))
	}
	for _, d := range opts.Dirs {
		if err := addTree(w, filepath.Join(opts.Root, d), nil); err != nil {
			w.Close()
			return limitErr(err)
		}
	}
	go func() {
		defer w.Close()
		pump(ctx, opts, w.Events, w.Errors, func(dir string, found func(string)) { addTree(w, dir, found) }, raw)
	}()
	return nil
}

// pump turns the system's events into relevant paths on raw until ctx
// ends or events closes. watchTree watches a new folder and reports the
// files it already holds.
func pump(ctx context.Context, opts Options, events <-chan fsnotify.Event, errs <-chan error,
	watchTree func(dir string, found func(string)), raw chan<- string) {
	for {
		select {
		case <-ctx.Done():
			return
		case err, ok := <-errs:
			if !ok {
				return
			}
			// An overflowed queue dropped events: say that anything may
			// have changed, so that nothing is missed.
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				send(ctx, raw, Lost)
			}
		case ev, ok := <-events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			rel, ok := relevant(opts, ev.Name)
			if !ok {
				continue
			}
			if ev.Has(fsnotify.Create) {
				// A new folder: watch it, and report what it already
				// holds, written before the watch began.
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					watchTree(ev.Name, func(p string) {
						if r, ok := relevant(opts, p); ok {
							send(ctx, raw, r)
						}
					})
				}
			}
			send(ctx, raw, rel)
		}
	}
}

func send(ctx context.Context, raw chan<- string, p string) {
	select {
	case raw <- p:
	case <-ctx.Done():
	}
}

// addTree watches dir and the folders under it, and calls found (if not
// nil) for every file there. A dir that does not exist is not an error.
func addTree(w *fsnotify.Watcher, dir string, found func(string)) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if paths.Ignored(d.Name()) && p != dir {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if err := w.Add(p); err != nil {
				return fmt.Errorf("watch %s: %w", p, err)
			}
		} else if found != nil {
			found(p)
		}
		return nil
	})
	return err
}

// limitErr turns the system's refusals to watch more into errLimit.
func limitErr(err error) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) {
		return errLimit
	}
	return err
}

// poll lists the watched folders at every interval and reports files whose
// size or time changed, and files that appeared or went.
func poll(ctx context.Context, opts Options, raw chan<- string) {
	type stamp struct {
		size int64
		mod  time.Time
	}
	scan := func() map[string]stamp {
		m := map[string]stamp{}
		visit := func(p string, d fs.DirEntry) {
			if rel, ok := relevant(opts, p); ok && !d.IsDir() {
				if info, err := d.Info(); err == nil {
					m[rel] = stamp{info.Size(), info.ModTime()}
				}
			}
		}
		for _, f := range opts.Files {
			p := filepath.Join(opts.Root, f)
			if info, err := os.Stat(p); err == nil {
				visit(p, fs.FileInfoToDirEntry(info))
			}
		}
		for _, d := range opts.Dirs {
			filepath.WalkDir(filepath.Join(opts.Root, d), func(p string, e fs.DirEntry, err error) error {
				if err != nil {
					return nil
				}
				if paths.Ignored(e.Name()) && e.IsDir() {
					return filepath.SkipDir
				}
				visit(p, e)
				return nil
			})
		}
		return m
	}
	last := scan()
	t := time.NewTicker(opts.Poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		now := scan()
		for p, s := range now {
			if old, ok := last[p]; !ok || old != s {
				send(ctx, raw, p)
			}
		}
		for p := range last {
			if _, ok := now[p]; !ok {
				send(ctx, raw, p)
			}
		}
		last = now
	}
}
