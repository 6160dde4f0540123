package nginx_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"loa"
	"loa/internal/nginx"
	"loa/internal/pipeline"
	"loa/internal/publish"
)

// tool returns the path of a program the test needs: it skips without
// it, or fails when LOA_REQUIRE_CHROMIUM=1 (CI) says every tool must be
// there.
func tool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	for _, dir := range []string{"/usr/sbin", "/usr/local/sbin"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return filepath.Join(dir, name)
		}
	}
	if os.Getenv("LOA_REQUIRE_CHROMIUM") == "1" {
		t.Fatalf("%s is needed: apt-get install %s", name, pkg)
	}
	t.Skipf("%s is not installed (apt-get install %s)", name, pkg)
	return ""
}

// brotliModule is Debian's brotli_static module, or "".
func brotliModule() string {
	const p = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
	if _, err := os.Stat(p); err == nil {
		return p
	}
	return ""
}

// served is a built campaign site under a running nginx.
type served struct {
	dir, public, url string
	brotli           bool
}

// serve builds loa's campaign site as loa build does, for the address
// base, and serves it with nginx on a free port of 127.0.0.1, with the
// server block of Config.
func serve(t *testing.T, base string) *served {
	nginxBin := tool(t, "nginx", "nginx")
	dir := t.TempDir()
	// nginx's workers run as nobody: they must be able to read the site.
	for d := dir; d != filepath.Dir(d) && strings.HasPrefix(d, os.TempDir()); d = filepath.Dir(d) {
		os.Chmod(d, 0o755)
	}
	public := filepath.Join(dir, "public")
	staging, err := publish.Begin(public)
	if err != nil {
		t.Fatal(err)
	}
	site := loa.DefaultSite()
	rep, err := pipeline.New(pipeline.Options{Site: site, Defaults: site, BaseURL: base}).Rebuild(context.Background(), nil, staging)
	if err != nil || rep.Failed() {
		staging.Abort()
		t.Fatal(err, rep.Problems)
	}
	if err := staging.Commit(); err != nil {
		t.Fatal(err)
	}
	filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if d.IsDir() {
			os.Chmod(p, 0o755)
		}
		return nil
	})

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	s := &served{dir: dir, public: public, url: "http://" + addr, brotli: brotliModule() != ""}
	block, err := nginx.Config(nginx.Options{Root: public, BaseURL: base, Listen: addr, Brotli: s.brotli})
	if err != nil {
		t.Fatal(err)
	}
	load := ""
	if s.brotli {
		load = "load_module " + brotliModule() + ";\n"
	}
	var temps strings.Builder
	for _, k := range []string{"client_body", "proxy", "fastcgi", "uwsgi", "scgi"} {
		fmt.Fprintf(&temps, "    %s_temp_path %s;\n", k, filepath.Join(dir, k))
	}
	conf := load + `daemon off;
worker_processes 2;
pid ` + filepath.Join(dir, "nginx.pid") + `;
error_log ` + filepath.Join(dir, "error.log") + ` warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    keepalive_requests 100000;
` + temps.String() + block + "}\n"
	confFile := filepath.Join(dir, "nginx.conf")
	os.WriteFile(confFile, []byte(conf), 0o644)
	if out, err := exec.Command(nginxBin, "-t", "-p", dir, "-c", confFile).CombinedOutput(); err != nil {
		t.Fatalf("nginx -t: %v\n%s\n%s", err, out, conf)
	}
	cmd := exec.Command(nginxBin, "-p", dir, "-c", confFile)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt) // fast shutdown
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
		}
	})
	for start := time.Now(); ; time.Sleep(20 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		if time.Since(start) > 5*time.Second {
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Fatalf("nginx did not start: %s\n%s", stderr.String(), log)
		}
	}
	return s
}

var client = &http.Client{
	Transport:     &http.Transport{DisableCompression: true},
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	Timeout:       10 * time.Second,
}

func get(t *testing.T, url, encoding string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if encoding != "" {
		req.Header.Set("Accept-Encoding", encoding)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

// TestServe serves the campaign site with nginx and checks every page,
// the precompressed files, the headers and the not-found page, then puts
// the home page under a short load with wrk.
func TestServe(t *testing.T) {
	s := serve(t, "https://nq57.example.vn/")

	// Every file of the site, by its URL: 200 and its exact bytes.
	var pages, files int
	filepath.WalkDir(s.public, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(s.public, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() || strings.HasPrefix(filepath.Base(rel), ".") || strings.HasSuffix(rel, ".gz") || strings.HasSuffix(rel, ".br") {
			return nil
		}
		url := s.url + "/" + rel
		if strings.HasSuffix(rel, "index.html") {
			url = strings.TrimSuffix(url, "index.html")
			pages++
		}
		files++
		resp, body := get(t, url, "")
		want, _ := os.ReadFile(p)
		if resp.StatusCode != 200 || !bytes.Equal(body, want) {
			t.Errorf("%s: %d, %d bytes, want 200 and the %d bytes of %s", url, resp.StatusCode, len(body), len(want), rel)
			return nil
		}
		checkHeaders(t, url, rel, resp.Header)
		return nil
	})
	if pages < 60 {
		t.Errorf("served %d pages", pages)
	}
	t.Logf("served %d pages and %d other files", pages, files-pages)

	// The precompressed variants, as they are on disk.
	for _, name := range []string{"index.html", "hoi-dap/index.html", "sitemap.xml", "atom.xml"} {
		url := s.url + "/" + strings.TrimSuffix(name, "index.html")
		encodings := []string{"gzip"}
		if s.brotli {
			encodings = append(encodings, "br")
		}
		for _, enc := range encodings {
			ext := map[string]string{"gzip": ".gz", "br": ".br"}[enc]
			want, err := os.ReadFile(filepath.Join(s.public, name+ext))
			if err != nil {
				t.Fatal(err)
			}
			resp, body := get(t, url, enc+", deflate")
			if resp.Header.Get("Content-Encoding") != enc || !bytes.Equal(body, want) || resp.Header.Get("Vary") != "Accept-Encoding" {
				t.Errorf("%s with %s: Content-Encoding %q, Vary %q, %d bytes, want the %d of %s%s", url, enc,
					resp.Header.Get("Content-Encoding"), resp.Header.Get("Vary"), len(body), len(want), name, ext)
			}
		}
	}
	if !s.brotli {
		t.Log("brotli_static is not installed (apt-get install libnginx-mod-http-brotli-static): .br files not checked")
	}
	for _, css := range mustGlob(t, s.public, "css/site.*.css") {
		if resp, _ := get(t, s.url+"/"+css, "gzip"); resp.Header.Get("Content-Encoding") != "gzip" || resp.Header.Get("Cache-Control") != nginx.CacheImmutable {
			t.Errorf("%s: %v", css, resp.Header)
		}
	}

	// Not found: the site's page, with its status, whose own links load.
	resp, body := get(t, s.url+"/khong-co/trang-nay/", "")
	want, _ := os.ReadFile(filepath.Join(s.public, "404.html"))
	if resp.StatusCode != 404 || !bytes.Equal(body, want) || resp.Header.Get("Content-Security-Policy") != nginx.CSP {
		t.Errorf("not found: %d, %d bytes, CSP %q", resp.StatusCode, len(body), resp.Header.Get("Content-Security-Policy"))
	}
	n := 0
	for _, m := range regexp.MustCompile(`(?:href|src)="(/[^"]*)"`).FindAllStringSubmatch(string(body), -1) {
		n++
		if r, _ := get(t, s.url+m[1], ""); r.StatusCode != 200 {
			t.Errorf("the not-found page links %s: %d", m[1], r.StatusCode)
		}
	}
	if n < 8 {
		t.Errorf("the not-found page has %d links from the root", n)
	}
	// A folder without its slash, hidden files.
	if resp, _ := get(t, s.url+"/hoi-dap", ""); resp.StatusCode != 301 || resp.Header.Get("Location") != "/hoi-dap/" {
		t.Errorf("/hoi-dap: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp, _ := get(t, s.url+"/.loa-output", ""); resp.StatusCode != 404 {
		t.Errorf("/.loa-output: %d", resp.StatusCode)
	}

	load(t, s.url+"/")
}

func mustGlob(t *testing.T, dir, pattern string) []string {
	m, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil || len(m) == 0 {
		t.Fatalf("no %s in the output", pattern)
	}
	for i := range m {
		m[i], _ = filepath.Rel(dir, m[i])
	}
	return m
}

var fingerprinted = regexp.MustCompile(nginx.Fingerprinted)

// checkHeaders checks the cache policy and security headers of a file.
func checkHeaders(t *testing.T, url, rel string, h http.Header) {
	t.Helper()
	cache, csp, robots := nginx.CacheOther, nginx.CSP, ""
	switch {
	case strings.HasPrefix(rel, "in/") && rel != "in/index.html" && strings.HasSuffix(rel, ".html"):
		cache, csp, robots = nginx.CachePage, nginx.PrintCSP, "noindex"
	case strings.HasPrefix(rel, "in/") && rel == "in/index.html":
		cache, robots = nginx.CachePage, "noindex"
	case strings.HasPrefix(rel, "in/"):
		robots = "noindex"
	case fingerprinted.MatchString(rel):
		cache = nginx.CacheImmutable
	case strings.HasSuffix(rel, ".html"):
		cache = nginx.CachePage
	case strings.HasSuffix(rel, ".xml") || strings.HasSuffix(rel, ".txt"):
		cache = nginx.CacheFeed
	}
	want := map[string]string{"Cache-Control": cache, "Content-Security-Policy": csp, "X-Robots-Tag": robots,
		"X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin", "X-Frame-Options": "DENY"}
	for k, v := range want {
		if got := h.Get(k); got != v {
			t.Errorf("%s: %s is %q, want %q", url, k, got, v)
		}
	}
	ctype := map[string]string{".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "application/javascript; charset=utf-8",
		".woff2": "font/woff2", ".svg": "image/svg+xml; charset=utf-8", ".png": "image/png", ".json": "application/json; charset=utf-8",
		".pdf": "application/pdf", ".txt": "text/plain; charset=utf-8", ".ttf": "application/octet-stream"}[filepath.Ext(rel)]
	if filepath.Base(rel) == "atom.xml" {
		ctype = "application/atom+xml; charset=utf-8"
	}
	if ctype != "" && h.Get("Content-Type") != ctype {
		t.Errorf("%s: Content-Type %q, want %q", url, h.Get("Content-Type"), ctype)
	}
}

// load runs wrk against url for a few seconds: it must answer every
// request, and the requests per second are logged.
func load(t *testing.T, url string) {
	wrk := tool(t, "wrk", "wrk")
	out, err := exec.Command(wrk, "-t2", "-c64", "-d5s", "--timeout", "2s", "-H", "Accept-Encoding: br, gzip", url).CombinedOutput()
	if err != nil {
		t.Fatalf("wrk: %v\n%s", err, out)
	}
	text := string(out)
	rps := regexp.MustCompile(`Requests/sec:\s+([0-9.]+)`).FindStringSubmatch(text)
	total := regexp.MustCompile(`(\d+) requests in`).FindStringSubmatch(text)
	if rps == nil || total == nil {
		t.Fatalf("wrk said:\n%s", text)
	}
	if strings.Contains(text, "Socket errors") || strings.Contains(text, "Non-2xx or 3xx") {
		t.Errorf("errors under load:\n%s", text)
	}
	n, _ := strconv.Atoi(total[1])
	if n < 1000 {
		t.Errorf("only %d requests in 5 s:\n%s", n, text)
	}
	t.Logf("wrk -t2 -c64 -d5s, home page (brotli): %s requests/s, %d requests, 0 errors", rps[1], n)
}

// TestServeUnderPath serves the site at a path of its host, as base_url
// says: https://tinh.example.vn/nq57/.
func TestServeUnderPath(t *testing.T) {
	s := serve(t, "https://tinh.example.vn/nq57/")
	for url, want := range map[string]int{"/nq57/": 200, "/nq57/hoi-dap/": 200, "/nq57/sitemap.xml": 200, "/nq57/hoi-dap": 301, "/": 404, "/nq57/khong-co": 404} {
		resp, _ := get(t, s.url+url, "")
		if resp.StatusCode != want {
			t.Errorf("%s: %d, want %d", url, resp.StatusCode, want)
		}
		if want == 200 {
			checkHeaders(t, url, strings.TrimPrefix(url, "/nq57/")+map[bool]string{true: "index.html"}[strings.HasSuffix(url, "/")], resp.Header)
		}
	}
	resp, body := get(t, s.url+"/khong-co", "gzip")
	if resp.StatusCode != 404 || resp.Header.Get("Content-Encoding") != "gzip" {
		t.Errorf("not found outside the site: %d %q", resp.StatusCode, resp.Header.Get("Content-Encoding"))
	}
	resp, body = get(t, s.url+"/nq57/khong-co", "")
	n := 0
	for _, m := range regexp.MustCompile(`(?:href|src)="(/[^"]*)"`).FindAllStringSubmatch(string(body), -1) {
		n++
		if r, _ := get(t, s.url+m[1], ""); r.StatusCode != 200 || !strings.HasPrefix(m[1], "/nq57/") {
			t.Errorf("the not-found page links %s: %d", m[1], r.StatusCode)
		}
	}
	if n < 8 {
		t.Errorf("the not-found page has %d links from the root", n)
	}
	for _, css := range mustGlob(t, s.public, "css/site.*.css") {
		if resp, _ := get(t, s.url+"/nq57/"+css, "gzip"); resp.Header.Get("Content-Encoding") != "gzip" || resp.Header.Get("Cache-Control") != nginx.CacheImmutable {
			t.Errorf("%s: %v", css, resp.Header)
		}
	}
}
