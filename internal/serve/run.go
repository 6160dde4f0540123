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
	rebuild := func(changed []string) (*pipeline.Report, error) {
		b := store.Batch()
		rep, err := eng.Rebuild(ctx, changed, b)
		if err == nil && !rep.Failed() {
			b.Commit()
		}
		return rep, err
	}
	rep, err := rebuild(nil)
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
	srv := New(store, hosts...)
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
	for {
		select {
		case <-ctx.Done():
			// Live reload streams never end on their own: end them, then
			// give the rest a second.
			stopRequests()
			sctx, cancel := context.WithTimeout(context.Background(), time.Second)
			defer cancel()
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
			if slices.Contains(changed, watch.Lost) {
				changed = nil // the watcher lost count: look at everything
			}
			rep, err := rebuild(changed)
			if err != nil {
				if ctx.Err() != nil {
					continue
				}
				fmt.Fprintf(opts.Log, "loa: %v\n", err)
				continue
			}
			logReport(opts.Log, rep, changed, eng.Site() != nil)
			srv.Built(rep.Problems.ErrorsOnly(), cssOnly(rep))
			limit()
		}
	}
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

// cssOnly reports whether a rebuild changed style sheets only, which
// browsers can swap without reloading the page.
func cssOnly(rep *pipeline.Report) bool {
	if rep.Full || len(rep.Written) == 0 || len(rep.Removed) > 0 {
		return false
	}
	for _, f := range rep.Written {
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
