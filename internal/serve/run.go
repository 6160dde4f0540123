package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"loa/internal/paths"
	"loa/internal/pipeline"
	"loa/internal/watch"
)

// Options say what to serve and where.
type Options struct {
	Site     string // the site folder
	Defaults fs.FS  // loa's built-in layouts and static files
	Drafts   bool
	Bind     string // address to listen on; "" for 127.0.0.1
	Port     int    // first port to try; 0 for any free one
	Poll     time.Duration
	Log      io.Writer // the terminal
	// LimitMemory sets a soft memory limit that follows the site's size
	// (see limitMemory), unless GOMEMLIMIT is set.
	LimitMemory bool
	// Ready, if set, is called with the address once the site is served.
	Ready func(url string)
}

// Run builds the site in memory, serves it, and rebuilds it on every save
// until ctx ends; then it stops within a second.
func Run(ctx context.Context, opts Options) error {
	if opts.Bind == "" {
		opts.Bind = "127.0.0.1"
	}
	ln, err := listen(opts.Bind, opts.Port)
	if err != nil {
		return err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	host := opts.Bind
	public := host == "0.0.0.0" || host == "::" || host == ""
	if public {
		host = "127.0.0.1"
	}
	url := "http://" + net.JoinHostPort(host, strconv.Itoa(port)) + "/"
	root, err := os.OpenRoot(opts.Site)
	if err != nil {
		ln.Close()
		return fmt.Errorf("site folder %s: %w", opts.Site, err)
	}
	defer root.Close()
	eng := pipeline.New(pipeline.Options{Site: root.FS(), Defaults: opts.Defaults, Drafts: opts.Drafts, BaseURL: url, Preview: true})
	store := NewStore(true)
	var srv *Server
	// rebuild brings the store up to date; browsers are told as soon as
	// the pages are, before the indexes made after them (live.Flush).
	rebuild := func(ctx context.Context, changed []string, flushed *atomic.Bool) (*pipeline.Report, error) {
		b := &live{Batch: store.Batch()}
		b.flushed = func(written []string) {
			flushed.Store(true)
			if srv != nil {
				srv.Built(nil, cssNames(written))
			}
		}
		rep, err := eng.Rebuild(ctx, changed, b)
		if err != nil {
			return nil, err
		}
		switch {
		case rep.Failed():
			if srv != nil {
				srv.Built(rep.Problems.ErrorsOnly(), false)
			}
		case !b.done:
			b.Commit()
			if srv != nil {
				srv.Built(nil, cssOnly(rep))
			}
		default:
			b.Commit()
		}
		return rep, nil
	}
	rep, err := rebuild(ctx, nil, new(atomic.Bool))
	if err != nil {
		ln.Close()
		return err
	}
	logReport(opts.Log, rep, nil, eng.Site() != nil)
	limit := func() {
		if opts.LimitMemory && os.Getenv("GOMEMLIMIT") == "" {
			limitMemory()
		}
	}
	runtime.GC() // the first build's garbage is large: measure the site, not it
	limit()
	hosts := []string{opts.Bind}
	if public {
		lan := lanAddresses()
		hosts = append(hosts, lan...)
		if name, err := os.Hostname(); err == nil {
			hosts = append(hosts, name)
		}
		fmt.Fprintf(opts.Log, "WARNING: serving to the whole network (--bind %s): anyone on it can read this preview.\n", opts.Bind)
		for _, a := range lan {
			fmt.Fprintf(opts.Log, "  http://%s/\n", net.JoinHostPort(a, strconv.Itoa(port)))
		}
	}
	srv = New(store, hosts...)
	srv.Built(rep.Problems.ErrorsOnly(), false)
	base, stopRequests := context.WithCancel(context.Background())
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, BaseContext: func(net.Listener) context.Context { return base }}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()

	w, err := watch.Start(ctx, watch.Options{
		Root:  opts.Site,
		Dirs:  paths.Sources[:],
		Files: []string{paths.ConfigFile},
		Poll:  opts.Poll,
	})
	if err != nil {
		stopRequests()
		hs.Close()
		return err
	}
	fmt.Fprintf(opts.Log, "Serving %s at %s (print products at %sin/)\n", opts.Site, url, url)
	if w.Mode != "notify" {
		fmt.Fprintf(opts.Log, "Watching by polling (%s)\n", strings.TrimPrefix(w.Mode, "poll: "))
	}
	fmt.Fprintln(opts.Log, "Press Ctrl+C to stop")
	if opts.Ready != nil {
		opts.Ready(url)
	}
	// Rebuilds run one at a time, beside the loop: a save that arrives
	// while the last rebuild makes the indexes that come after the pages
	// (a large site's search index) abandons them, and the next rebuild
	// makes them with both changes; pages are never abandoned.
	type result struct {
		rep     *pipeline.Report
		err     error
		changed []string
	}
	var (
		done    = make(chan result, 1)
		cancel  context.CancelFunc
		flushed *atomic.Bool
		queue   changes
	)
	start := func(c changes) {
		rctx, stop := context.WithCancel(ctx)
		cancel, flushed = stop, new(atomic.Bool)
		go func(changed []string, flushed *atomic.Bool) {
			rep, err := rebuild(rctx, changed, flushed)
			done <- result{rep, err, changed}
		}(c.list(), flushed)
	}
	for {
		select {
		case <-ctx.Done():
			// Live reload streams never end on their own: end them, then
			// give the rest a second.
			stopRequests()
			sctx, cancelShutdown := context.WithTimeout(context.Background(), time.Second)
			defer cancelShutdown()
			if err := hs.Shutdown(sctx); err != nil {
				hs.Close()
			}
			return nil
		case err := <-served:
			stopRequests()
			return fmt.Errorf("server: %w", err)
		case changed, ok := <-w.Changes:
			if !ok {
				continue
			}
			if cancel == nil {
				var c changes
				c.add(changed)
				start(c)
				continue
			}
			queue.add(changed)
			if flushed.Load() {
				cancel() // the pages are served: give up the indexes for the newer save
			}
		case r := <-done:
			cancel()
			cancel = nil
			switch {
			case errors.Is(r.err, context.Canceled) && ctx.Err() == nil:
				queue.add(r.changed) // abandoned: its changes go again with the new ones
				if r.changed == nil {
					queue.all = true
				}
			case r.err != nil:
				if ctx.Err() == nil {
					fmt.Fprintf(opts.Log, "loa: %v\n", r.err)
				}
			default:
				logReport(opts.Log, r.rep, r.changed, eng.Site() != nil)
				limit()
			}
			if queue.any() {
				start(queue)
				queue = changes{}
			}
		}
	}
}

// changes gathers the paths of the saves a rebuild must look at; all says
// that anything may have changed.
type changes struct {
	paths []string
	all   bool
}

func (c *changes) add(changed []string) {
	if slices.Contains(changed, watch.Lost) {
		c.all = true
	}
	c.paths = append(c.paths, changed...)
}

func (c changes) any() bool { return c.all || len(c.paths) > 0 }

// list is what Rebuild takes: the paths, or nil for everything.
func (c changes) list() []string {
	if c.all {
		return nil
	}
	slices.Sort(c.paths)
	return slices.Compact(c.paths)
}

// listen listens on bind at port, or, when it is busy, at the next free
// port of the twenty that follow it. Port 0 takes any free port.
func listen(bind string, port int) (net.Listener, error) {
	for p := port; ; p++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(p)))
		if err == nil {
			return ln, nil
		}
		if !errors.Is(err, syscall.EADDRINUSE) || port == 0 || p >= port+20 {
			return nil, fmt.Errorf("listen on %s: %w", bind, err)
		}
	}
}

// lanAddresses lists this machine's IPv4 addresses other than loopback.
func lanAddresses() []string {
	var out []string
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if ip, ok := a.(*net.IPNet); ok && !ip.IP.IsLoopback() && ip.IP.To4() != nil {
			out = append(out, ip.IP.String())
		}
	}
	return out
}

// live is a batch the engine flushes once the pages are made: they are
// committed and browsers told, before the indexes made after them.
type live struct {
	*Batch
	flushed func(written []string)
	done    bool
}

// Flush implements pipeline.Flusher.
func (b *live) Flush() {
	written := b.Pending()
	b.Commit()
	b.done = true
	b.flushed(written)
}

// cssOnly reports whether a rebuild changed style sheets only, which
// browsers can swap without reloading the page.
func cssOnly(rep *pipeline.Report) bool {
	return !rep.Full && len(rep.Removed) == 0 && cssNames(rep.Written)
}

// cssNames reports whether names are style sheets, and not none.
func cssNames(names []string) bool {
	if len(names) == 0 {
		return false
	}
	for _, f := range names {
		if !strings.HasSuffix(f, ".css") {
			return false
		}
	}
	return true
}

// logReport prints what a rebuild did, and the site's problems in full.
// good says whether the preview has a version of the site to show, the
// last one without errors.
func logReport(w io.Writer, rep *pipeline.Report, changed []string, good bool) {
	// LOA_STEPS=1 prints how long each step took, for measuring loa.
	if os.Getenv("LOA_STEPS") != "" {
		rep.WriteSteps(w)
	}
	for _, d := range rep.Problems {
		fmt.Fprintln(w, d)
	}
	if n := rep.Problems.Errors(); n > 0 {
		if good {
			fmt.Fprintf(w, "loa: %d %s; still serving the last good version\n", n, plural(n))
		} else {
			fmt.Fprintf(w, "loa: %d %s; there is no good version to show yet: the preview lists the problems until they are fixed\n", n, plural(n))
		}
		return
	}
	what := fmt.Sprintf("%d files", len(rep.Written))
	if rep.Full {
		what += ", all pages"
	}
	if len(changed) > 0 {
		what += " after " + summary(changed)
	}
	fmt.Fprintf(w, "Built in %d ms: %s\n", rep.Took.Milliseconds(), what)
}

func plural(n int) string {
	if n == 1 {
		return "problem"
	}
	return "problems"
}

func summary(changed []string) string {
	if len(changed) <= 3 {
		return strings.Join(changed, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(changed[:2], ", "), len(changed)-2)
}
