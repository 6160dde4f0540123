package pdf

import (
	"context"
	"mime"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"loa/internal/paths"
)

// Files gives the bytes of a file of the built site, by output path; ok
// is false when the site has no such file.
type Files func(name string) (data []byte, ok bool)

// origin is the made-up address pieces are opened at in Chromium. No
// request leaves the browser: every one is paused, and one for the origin
// is answered from Files, any other refused and reported, so that a
// Markdown image on another host (or on localhost) never reaches a press
// file, and nothing on the machine is read but the site's own files.
const origin = "http://loa.invalid/"

// tab is one tab of the browser, answering its requests from the site.
type tab struct {
	ctx   context.Context
	files Files

	mu      sync.Mutex
	used    []string // output files the current piece loaded
	refused []string // addresses the current piece asked for and did not get
}

// newTab opens a tab whose every request is answered from files.
func newTab(b *Browser, files Files) (*tab, context.CancelFunc, error) {
	ctx, cancel := b.Tab()
	t := &tab{ctx: ctx, files: files}
	paused := chromedp.Events(ctx, fetch.RequestPaused)
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{}); err != nil {
		cancel()
		return nil, nil, err
	}
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			t.answer(ev)
		}
	}()
	return t, cancel, nil
}

// answer serves one paused request.
func (t *tab) answer(ev fetch.EventRequestPaused) {
	name, ok := local(ev.Request.URL)
	var data []byte
	if ok {
		data, ok = t.files(name)
	}
	t.mu.Lock()
	switch {
	case ok:
		t.used = append(t.used, name)
	case name == "favicon.ico", strings.HasPrefix(ev.Request.URL, "data:"):
		// The browser asks for an icon of its own accord; data: is inline.
	default:
		t.refused = append(t.refused, ev.Request.URL)
	}
	t.mu.Unlock()
	if !ok {
		chromedp.Call(t.ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	chromedp.Call(t.ctx, fetch.FulfillRequest, fetch.FulfillRequestParams{
		RequestID: ev.RequestID, ResponseCode: 200, Body: data,
		ResponseHeaders: []*fetch.HeaderEntry{{Name: "Content-Type", Value: ctype}},
	})
}

// local returns the output path a URL of the origin names.
func local(raw string) (string, bool) {
	if !strings.HasPrefix(raw, origin) {
		return "", false
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", false
	}
	name := strings.TrimPrefix(u.Path, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	return name, paths.Local(name)
}

// start forgets what the last piece loaded.
func (t *tab) start() {
	t.mu.Lock()
	t.used, t.refused = nil, nil
	t.mu.Unlock()
}

// loaded returns what the current piece loaded and was refused, sorted.
func (t *tab) loaded() (used, refused []string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	used, refused = slices.Clone(t.used), slices.Clone(t.refused)
	slices.Sort(used)
	slices.Sort(refused)
	return slices.Compact(used), slices.Compact(refused)
}

// DirFiles serves the files of an output folder on disk.
func DirFiles(dir string) Files {
	return func(name string) ([]byte, bool) {
		if !paths.Local(name) {
			return nil, false
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		return data, err == nil
	}
}
