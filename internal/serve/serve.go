// Package serve is the live preview: an HTTP server that serves a site from
// memory, tells browsers to reload when it is rebuilt, and shows the site's
// problems on every page until they are fixed.
//
// It is safe by default: it answers only requests whose Host is its own or
// localhost (against DNS rebinding), sends no CORS headers, serves no
// hidden file, and no request path can leave the output.
package serve

import (
	"bytes"
	"html/template"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"
	"sync"

	"loa/internal/diag"
	"loa/internal/paths"
)

// Server serves one site's output.
type Server struct {
	out    *Store
	events *broker
	hosts  map[string]bool

	mu       sync.RWMutex
	problems diag.List
}

// New returns a server of out that accepts the Host names in hosts, and
// always localhost, 127.0.0.1 and ::1.
func New(out *Store, hosts ...string) *Server {
	s := &Server{out: out, events: newBroker(), hosts: map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true}}
	for _, h := range hosts {
		s.hosts[strings.Trim(strings.ToLower(h), "[]")] = true
	}
	return s
}

// Built tells the server that the site was rebuilt: with problems, every
// page shows them; without, browsers reload (only their style sheets when
// cssOnly).
func (s *Server) Built(problems diag.List, cssOnly bool) {
	s.mu.Lock()
	had := len(s.problems) > 0
	s.problems = problems
	s.mu.Unlock()
	switch {
	case len(problems) > 0:
		s.events.send("problems")
	case cssOnly && !had:
		s.events.send("css")
	default:
		s.events.send("reload")
	}
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hosts[hostname(r.Host)] {
		http.Error(w, "loa serve: this host name is not allowed", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == EventsPath {
		s.events.ServeHTTP(w, r)
		return
	}
	name, ok := clean(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	if f, found := s.out.Get(name); found {
		s.write(w, r, name, f.Data, http.StatusOK)
		return
	}
	// A folder asked for without its final slash: send the browser there,
	// so that the page's relative links work.
	if _, found := s.out.Get(path.Join(name, "index.html")); found && !strings.HasSuffix(r.URL.Path, "/") {
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
		return
	}
	if f, found := s.out.Get("404.html"); found {
		s.write(w, r, "404.html", f.Data, http.StatusNotFound)
		return
	}
	if s.hasProblems() && (path.Ext(name) == ".html" || path.Ext(name) == "") {
		// No good build yet: an error page, which reloads once fixed.
		s.write(w, r, "problems.html", []byte(problemPage), http.StatusInternalServerError)
		return
	}
	http.NotFound(w, r)
}

const problemPage = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>loa: lỗi</title></head><body></body></html>`

func (s *Server) hasProblems() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.problems) > 0
}

// hostname is the host of a Host header, without its port.
func hostname(host string) string {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return strings.Trim(strings.ToLower(host), "[]")
}

// clean turns a request path into the name of an output file, refusing
// anything that could leave the output or reach a hidden file: "..", a
// backslash, a NUL, a segment that starts with a dot. Percent-escapes are
// already decoded, so "%2e%2e" arrives here as "..".
func clean(p string) (string, bool) {
	if strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	name := strings.TrimPrefix(p, "/")
	for _, seg := range strings.Split(name, "/") {
		if seg == ".." || strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if !paths.Local(name) {
		return "", false
	}
	return name, true
}

// write sends a file; HTML gets the live reload script and, while the site
// has problems, the list of them over the page.
func (s *Server) write(w http.ResponseWriter, r *http.Request, name string, data []byte, status int) {
	h := w.Header()
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if strings.HasPrefix(ctype, "text/html") {
		data = s.inject(data)
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// overlay shows the site's problems above the page, the same lines that
// `loa build` prints.
var overlay = template.Must(template.New("overlay").Parse(`<div id="loa-problems" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#fff;font:15px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:24px">
<p style="margin:0 0 12px;font:bold 18px/1.4 sans-serif;color:#ffd54a">loa: {{len .}} {{if eq (len .) 1}}problem{{else}}problems{{end}} — the page shows the last good version under this panel; save a fix to see it</p>
<pre style="white-space:pre-wrap;margin:0">{{range .}}{{.String}}
{{end}}</pre>
<p style="margin:12px 0 0;font:14px sans-serif"><a href="#" onclick="this.closest('#loa-problems').remove();return false" style="color:#ffd54a">Ẩn bảng lỗi</a></p>
</div>`))

// inject adds the script (and the problems) before </body>.
func (s *Server) inject(page []byte) []byte {
	var add bytes.Buffer
	s.mu.RLock()
	if len(s.problems) > 0 {
		overlay.Execute(&add, s.problems)
	}
	s.mu.RUnlock()
	add.WriteString(clientScript)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page[:len(page):len(page)], add.Bytes()...)
	}
	out := make([]byte, 0, len(page)+add.Len())
	out = append(out, page[:i]...)
	out = append(out, add.Bytes()...)
	return append(out, page[i:]...)
}
