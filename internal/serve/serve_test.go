package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"loa"
	"loa/internal/diag"
)

func memory(t *testing.T, files map[string]string) *Store {
	t.Helper()
	m := NewStore(false)
	b := m.Batch()
	for name, text := range files {
		if err := b.WriteFile(name, []byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	b.Commit()
	return m
}

func TestStore(t *testing.T) {
	m := NewStore(true)
	page := strings.Repeat("<p>Nghị quyết 57</p>\n", 200)
	b := m.Batch()
	b.WriteFile("a/index.html", []byte(page))
	b.WriteFile("f.ttf", []byte(page))
	if m.Len() != 0 {
		t.Error("a batch showed before its commit")
	}
	b.Commit()
	raw, _ := m.GetRaw("a/index.html")
	if !raw.Gzipped || len(raw.Data) >= len(page)/4 {
		t.Errorf("HTML stored as %d bytes, gzipped %v", len(raw.Data), raw.Gzipped)
	}
	if f, ok := m.Get("a/index.html"); !ok || string(f.Data) != page || f.Gzipped {
		t.Error("Get did not give the page back")
	}
	if f, _ := m.GetRaw("f.ttf"); f.Gzipped {
		t.Error("a font was compressed")
	}
	b = m.Batch()
	b.WriteFile("b/index.html", []byte(page))
	b.Remove("a/index.html")
	b.Commit()
	if _, ok := m.Get("a/index.html"); ok {
		t.Error("Commit did not remove")
	}
	if f, ok := m.Get("b/index.html"); !ok || string(f.Data) != page {
		t.Error("Commit did not add")
	}
	if err := m.Batch().WriteFile("../x", nil); err == nil {
		t.Error("a path out of the store was accepted")
	}
}

func TestServeHTTP(t *testing.T) {
	out := memory(t, map[string]string{
		"index.html":         "<html><body><p>home</p></body></html>",
		"hoi-dap/index.html": "<html><body>list</body></html>",
		"css/site.css":       "body{}",
		"404.html":           "<html><body>not found</body></html>",
		".loa-output":        "marker",
	})
	srv := New(out, "192.168.1.5")
	tests := []struct {
		host, path string
		status     int
		body       string // substring
		script     bool
	}{
		{"127.0.0.1:1313", "/", 200, "<p>home</p>", true},
		{"localhost:1313", "/hoi-dap/", 200, "list", true},
		{"[::1]:1313", "/", 200, "home", true},
		{"192.168.1.5:1313", "/", 200, "home", true},
		{"localhost", "/css/site.css", 200, "body{}", false},
		{"evil.example", "/", 403, "not allowed", false},
		{"evil.example:1313", "/css/site.css", 403, "", false},
		{"127.0.0.1.evil.example", "/", 403, "", false},
		{"localhost", "/hoi-dap", 301, "", false},
		{"localhost", "/nothing", 404, "not found", true},
		{"localhost", "/.loa-output", 404, "", false},
		{"localhost", "/%2e%2e/%2e%2e/etc/passwd", 404, "", false},
		{"localhost", "/hoi-dap/..%5c..%5cindex.html", 404, "", false},
		{"localhost", "/a%00b", 404, "", false},
	}
	for _, tt := range tests {
		req := httptest.NewRequest("GET", "http://x"+tt.path, nil)
		req.Host = tt.host
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		body := rec.Body.String()
		if rec.Code != tt.status {
			t.Errorf("%s %s: status %d, want %d", tt.host, tt.path, rec.Code, tt.status)
		}
		if !strings.Contains(body, tt.body) {
			t.Errorf("%s %s: body %q lacks %q", tt.host, tt.path, body, tt.body)
		}
		if got := strings.Contains(body, EventsPath); got != tt.script {
			t.Errorf("%s %s: reload script = %v, want %v", tt.host, tt.path, got, tt.script)
		}
		if v := rec.Header().Get("Access-Control-Allow-Origin"); v != "" {
			t.Errorf("%s %s: CORS header %q", tt.host, tt.path, v)
		}
	}
	req := httptest.NewRequest("POST", "http://localhost/", nil)
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", rec.Code)
	}
}

func TestProblemsOverlay(t *testing.T) {
	out := memory(t, map[string]string{"index.html": "<html><body>home</body></html>", "a.css": "x"})
	srv := New(out)
	srv.Built(diag.List{diag.At("content/a.md", 3, 1, `unknown key "<titel>"`)}, false)
	get := func(p string) string {
		req := httptest.NewRequest("GET", "http://localhost"+p, nil)
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec.Body.String()
	}
	home := get("/")
	if !strings.Contains(home, `content/a.md:3:1: unknown key &#34;&lt;titel&gt;&#34;`) || !strings.Contains(home, "home") {
		t.Errorf("overlay missing or not escaped:\n%s", home)
	}
	if get("/a.css") != "x" {
		t.Error("non-HTML files must not change")
	}
	if page := get("/missing/"); !strings.Contains(page, "loa-problems") {
		t.Errorf("a page never built shows no problems:\n%s", page)
	}
	srv.Built(nil, false)
	if strings.Contains(get("/"), "loa-problems") {
		t.Error("the overlay stayed after recovery")
	}
}

// TestEvents checks that browsers listening on EventsPath hear rebuilds.
func TestEvents(t *testing.T) {
	srv := New(NewStore(false))
	ts := httptest.NewServer(srv)
	defer ts.Close()
	resp, err := http.Get(ts.URL + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	r := bufio.NewReader(resp.Body)
	next := func() string {
		t.Helper()
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				t.Fatal(err)
			}
			if ev, ok := strings.CutPrefix(line, "event: "); ok {
				return strings.TrimSpace(ev)
			}
		}
	}
	// Wait for the stream to be registered before sending.
	r.ReadString('\n')
	for _, want := range []struct {
		problems diag.List
		css      bool
		event    string
	}{
		{nil, false, "reload"},
		{nil, true, "css"},
		{diag.List{diag.At("a.md", 1, 1, "x")}, false, "problems"},
		{nil, true, "reload"}, // recovery reloads even for a style sheet
	} {
		srv.Built(want.problems, want.css)
		if got := next(); got != want.event {
			t.Errorf("event %q, want %q", got, want.event)
		}
	}
}

// TestRunStops checks that loa serve stops within a second of Ctrl+C, even
// with a browser listening, and that a busy port makes it take the next.
func TestRunStops(t *testing.T) {
	site := t.TempDir()
	os.MkdirAll(filepath.Join(site, "content"), 0o755)
	os.WriteFile(filepath.Join(site, "content", "_index.md"), []byte("+++\ntitle = \"Thử\"\n+++\n"), 0o644)
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	port := busy.Addr().(*net.TCPAddr).Port
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Site: site, Defaults: loa.DefaultSite(), Port: port, Log: io.Discard, Ready: func(u string) { ready <- u }})
	}()
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(10 * time.Second):
		t.Fatal("not ready")
	}
	if strings.Contains(url, ":"+strconv.Itoa(port)+"/") {
		t.Fatalf("served on the busy port %d: %s", port, url)
	}
	resp, err := http.Get(url + strings.TrimPrefix(EventsPath, "/"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("stopped after %v", d)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("did not stop")
	}
}

// TestBindAll checks that serving the whole network is announced with a
// warning and the addresses to use.
func TestBindAll(t *testing.T) {
	site := t.TempDir()
	var log strings.Builder
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Site: site, Defaults: loa.DefaultSite(), Bind: "0.0.0.0", Log: &log, Ready: func(u string) { ready <- u }})
	}()
	select {
	case <-ready:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(10 * time.Second):
		t.Fatal("not ready")
	}
	cancel()
	<-done
	out := log.String()
	if !strings.Contains(out, "WARNING: serving to the whole network (--bind 0.0.0.0)") {
		t.Errorf("no warning:\n%s", out)
	}
	for _, ip := range lanAddresses() {
		if !strings.Contains(out, "http://"+ip+":") {
			t.Errorf("address %s not printed:\n%s", ip, out)
		}
	}
}
