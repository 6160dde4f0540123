// Package nginx writes the nginx server block that serves a site loa has
// built: the files as they are, their precompressed .gz and .br beside
// them (gzip_static, brotli_static), a cache policy per kind of file,
// security headers with a strict Content-Security-Policy, and the site's
// own not-found page.
//
// The policy, file kind by file kind:
//
//	fingerprinted names (css/site.3f9a1c2e07.css)  a year, immutable: a new file has a new name
//	pages (.html, folders)                         no-cache: always revalidated (ETag), so an edit shows at once
//	feeds, sitemap, robots.txt                     an hour
//	everything else (images, icons, PDFs, plain    a day
//	copies of style sheets and fonts)
//
// Every response carries Content-Security-Policy: default-src 'self'
// (loa's pages have no inline script or style), except the print pieces
// under in/<product>/, whose geometry is written in style attributes and
// which therefore also allow 'unsafe-inline' styles; in/ asks crawlers not
// to index it.
//
// Package nginx only writes text; `loa nginx` prints it, and its test
// serves a built site with the real nginx.
package nginx

import (
	"bytes"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"text/template"

	"loa/internal/paths"
)

// Options say what to serve and how.
type Options struct {
	Root    string // the output folder of loa build, absolute
	BaseURL string // the site's address: its host name, path and scheme
	// Listen is nginx's listen parameter ("80", "127.0.0.1:8080"); by
	// default 80, or "443 ssl http2" for an https base_url (the
	// certificate lines are then left for the administrator to fill in;
	// HTTP/2 sends a page's files over one connection).
	Listen string
	// Brotli serves the .br files: it needs the module
	// libnginx-mod-http-brotli-static (Debian) or ngx_brotli.
	Brotli bool
}

// The Content-Security-Policy of the site's pages, and of the print pieces.
const (
	CSP      = "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"
	PrintCSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"
)

// The Cache-Control of each kind of file.
const (
	CacheImmutable = "public, max-age=31536000, immutable"
	CachePage      = "no-cache"
	CacheFeed      = "public, max-age=3600"
	CacheOther     = "public, max-age=86400"
)

// Fingerprinted matches the names package asset gives: ten hex digits
// before the extension.
const Fingerprinted = `\.[0-9a-f]{10}\.(?:css|js|mjs|woff2?|svg)$`

// Headers returns the headers every response of a location carries, for
// the given Cache-Control and Content-Security-Policy, in order. https
// adds Strict-Transport-Security.
func Headers(cache, csp string, https bool) [][2]string {
	h := [][2]string{
		{"Cache-Control", cache},
		{"Content-Security-Policy", csp},
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "strict-origin-when-cross-origin"},
		{"X-Frame-Options", "DENY"},
		{"Cross-Origin-Opener-Policy", "same-origin"},
		{"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"},
	}
	if https {
		h = append(h, [2]string{"Strict-Transport-Security", "max-age=31536000"})
	}
	return h
}

// Config returns the server block.
func Config(o Options) (string, error) {
	u, err := url.Parse(o.BaseURL)
	if err != nil || u.Host == "" {
		return "", fmt.Errorf("base_url %q is not an absolute address", o.BaseURL)
	}
	if !filepath.IsAbs(o.Root) {
		return "", fmt.Errorf("the output folder %q must be an absolute path", o.Root)
	}
	if strings.ContainsAny(o.Root, "\"';{}\n\\$") {
		return "", fmt.Errorf("the output folder %q has a character nginx's configuration can not hold; move it", o.Root)
	}
	https := u.Scheme == "https"
	listen, redirect := o.Listen, false
	if listen == "" {
		listen = "80"
		if https {
			listen, redirect = "443 ssl http2", true
		}
	}
	prefix := u.Path
	if !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	d := data{
		Listen: listen, Redirect: redirect, Name: u.Hostname(), Root: filepath.ToSlash(filepath.Clean(o.Root)), Prefix: prefix,
		Brotli: o.Brotli, HTTPS: https, Fingerprinted: Fingerprinted,
		NotFound: prefix + paths.NotFound, Print: prefix + paths.PrintDir + "/",
		PrintIndex: prefix + paths.PrintIndex,
		Page:       Headers(CachePage, CSP, https), Immutable: Headers(CacheImmutable, CSP, https),
		Feed: Headers(CacheFeed, CSP, https), Other: Headers(CacheOther, CSP, https),
		PrintPage: Headers(CachePage, PrintCSP, https), PrintOther: Headers(CacheOther, CSP, https),
	}
	var b bytes.Buffer
	if err := server.Execute(&b, d); err != nil {
		return "", err
	}
	return b.String(), nil
}

type data struct {
	Listen, Name, Root, Prefix, NotFound, Print, PrintIndex, Fingerprinted string
	Brotli, HTTPS, Redirect                                                bool
	Page, Immutable, Feed, Other, PrintPage, PrintOther                    [][2]string
}

var server = template.Must(template.New("server").Funcs(template.FuncMap{
	"q": quote,
	// h writes add_header lines, indented by n spaces.
	"h": func(n int, hs [][2]string) string {
		var b strings.Builder
		for i, h := range hs {
			if i > 0 {
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, "%sadd_header %s %s always;", strings.Repeat(" ", n), h[0], quote(h[1]))
		}
		return b.String()
	},
}).Parse(`# nginx server block for a site built by loa. Include it in the http { }
# block of nginx.conf (Debian: /etc/nginx/sites-available/, then a link in
# sites-enabled/), check with nginx -t, reload with systemctl reload nginx.
# Made by loa nginx; run it again after changing base_url.
{{- if .Redirect}}
server {
    # Plain http goes to https.
    listen 80;
    server_name {{.Name}};
    return 301 https://$host$request_uri;
}
{{- end}}
server {
    listen {{.Listen}};
{{- if .HTTPS}}
    # ssl_certificate     /etc/letsencrypt/live/{{.Name}}/fullchain.pem;
    # ssl_certificate_key /etc/letsencrypt/live/{{.Name}}/privkey.pem;
{{- end}}
    server_name {{.Name}};
    server_tokens off;
    charset utf-8;
    charset_types text/css text/plain text/xml application/javascript application/json application/xml application/atom+xml image/svg+xml;
    # Redirects (a folder asked without its final slash) keep the host
    # the reader asked for, behind a proxy or a CDN too.
    absolute_redirect off;

    # Precompressed files made by loa build: name.gz, name.br.
    gzip_static on;
    gzip_vary on;
{{- if .Brotli}}
    brotli_static on;
{{- else}}
    # brotli_static on;   # with the module libnginx-mod-http-brotli-static
{{- end}}

    error_page 404 {{.NotFound}};

    location {{.Prefix}} {
{{- if eq .Prefix "/"}}
        root {{q .Root}};
{{- else}}
        alias {{q (print .Root "/")}};
{{- end}}
        index index.html;
{{h 8 .Other}}

        # Hidden files (.loa-output) are not the site's.
        location ~ /\. {
            return 404;
        }
        location ~ {{q .Fingerprinted}} {
{{h 12 .Immutable}}
        }
        location ~ \.html$ {
{{h 12 .Page}}
        }
        location ~ (?:^|/)atom\.xml$ {
            types { }
            default_type application/atom+xml;
{{h 12 .Feed}}
        }
        location ~ \.(?:xml|txt)$ {
{{h 12 .Feed}}
        }
        # The printers' files: print pieces set their geometry in style
        # attributes; none of them is for search engines.
        location ^~ {{.Print}} {
{{h 12 .PrintOther}}
            add_header X-Robots-Tag "noindex" always;
            location = {{.PrintIndex}} {
{{h 16 .Page}}
                add_header X-Robots-Tag "noindex" always;
            }
            location ~ \.html$ {
{{h 16 .PrintPage}}
                add_header X-Robots-Tag "noindex" always;
            }
        }
    }
}
`))

// quote writes a string for nginx's configuration, in double quotes.
func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }
