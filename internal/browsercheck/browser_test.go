package browsercheck

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"loa"
	"loa/internal/pdf"
	"loa/internal/pipeline"
	"loa/internal/publish"
)

// need fails or skips the test for a missing tool, as the other browser
// tests do.
func need(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("LOA_REQUIRE_CHROMIUM") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// site is loa's campaign site, built into a folder as loa build makes it
// and served over HTTP on 127.0.0.1 as a plain server would: folders by
// their index.html, the not-found page with its status.
type site struct {
	public string // the output folder
	url    string // the server, ending in "/"
}

func build(t *testing.T) *site {
	t.Helper()
	public := filepath.Join(t.TempDir(), "public")
	staging, err := publish.Begin(public)
	if err != nil {
		t.Fatal(err)
	}
	fsys := loa.DefaultSite()
	rep, err := pipeline.New(pipeline.Options{Site: fsys, Defaults: fsys}).Rebuild(context.Background(), nil, staging)
	if err != nil || rep.Failed() {
		staging.Abort()
		t.Fatal(err, rep.Problems)
	}
	if err := staging.Commit(); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	files := http.FileServer(http.Dir(public))
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := filepath.Join(public, filepath.FromSlash(r.URL.Path))
		if st, err := os.Stat(p); err != nil || st.IsDir() && !exists(filepath.Join(p, "index.html")) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			data, _ := os.ReadFile(filepath.Join(public, "404.html"))
			w.Write(data)
			return
		}
		files.ServeHTTP(w, r)
	})}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return &site{public: public, url: "http://" + l.Addr().String() + "/"}
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }

// browser starts Chromium for the test.
func browser(t *testing.T) *pdf.Browser {
	t.Helper()
	path, err := pdf.FindChromium()
	if err != nil {
		need(t, "Chromium is not installed: "+pdf.InstallHint)
	}
	b, err := pdf.Start(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	return b
}

// tab opens a tab with a deadline.
func tab(t *testing.T, b *pdf.Browser) context.Context {
	t.Helper()
	ctx, cancel := b.Tab()
	ctx, cancelTime := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTime(); cancel() })
	return ctx
}

// The four pages the checks visit, by name.
var pages = []struct{ name, path string }{
	{"home", ""},
	{"list", "hoi-dap/"},
	{"item", "muc-tieu/kinh-te-so-va-chuyen-doi-so/"},
	{"404", "khong-co/trang-nay/"},
}

// The two screens: a phone and a laptop.
var screens = []struct{ w, h int64 }{{390, 844}, {1366, 900}}

// open shows url at w × h and waits for its fonts.
func open(ctx context.Context, url string, w, h int64) error {
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(w, h),
		chromedp.Navigate(url),
	)
	if err != nil {
		return err
	}
	_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise))
	return err
}

// axeSource returns axe-core's script.
func axeSource(t *testing.T) string {
	t.Helper()
	candidates := []string{os.Getenv("LOA_AXE")}
	if out, err := exec.Command("npm", "root", "-g").Output(); err == nil {
		candidates = append(candidates, filepath.Join(strings.TrimSpace(string(out)), "axe-core", "axe.min.js"))
	}
	candidates = append(candidates, "/usr/lib/node_modules/axe-core/axe.min.js", "/usr/local/lib/node_modules/axe-core/axe.min.js")
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if data, err := os.ReadFile(c); err == nil {
			return string(data)
		}
	}
	need(t, "axe-core is not installed: npm install -g axe-core (or set LOA_AXE to axe.min.js)")
	return ""
}
