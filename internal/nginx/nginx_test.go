package nginx

import (
	"strings"
	"testing"
)

func TestConfig(t *testing.T) {
	for _, tc := range []struct {
		o        Options
		want     []string
		wantNot  []string
		errorHas string
	}{
		{o: Options{Root: "/srv/nq57/public", BaseURL: "https://nq57.example.vn/", Brotli: true},
			want: []string{"listen 443 ssl http2;", "return 301 https://$host$request_uri;", "server_name nq57.example.vn;", `root "/srv/nq57/public";`, "brotli_static on;", "gzip_static on;",
				"error_page 404 /404.html;", `add_header Strict-Transport-Security "max-age=31536000" always;`, "location ^~ /in/ {", "location = /in/index.html {"},
			wantNot: []string{"alias"}},
		{o: Options{Root: "/srv/public", BaseURL: "http://tinh.example.vn/nq57/", Listen: "127.0.0.1:8080"},
			want:    []string{"listen 127.0.0.1:8080;", "location /nq57/ {", `alias "/srv/public/";`, "# brotli_static on;", "error_page 404 /nq57/404.html;", "location ^~ /nq57/in/ {"},
			wantNot: []string{"Strict-Transport-Security", "ssl_certificate", "return 301"}},
		{o: Options{Root: "public", BaseURL: "https://x.vn/"}, errorHas: "must be an absolute path"},
		{o: Options{Root: "/srv/a;b", BaseURL: "https://x.vn/"}, errorHas: "can not hold"},
		{o: Options{Root: "/srv/public", BaseURL: "x.vn"}, errorHas: "not an absolute address"},
	} {
		got, err := Config(tc.o)
		if tc.errorHas != "" {
			if err == nil || !strings.Contains(err.Error(), tc.errorHas) {
				t.Errorf("Config(%+v): error %v, want one with %q", tc.o, err, tc.errorHas)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("Config(%+v) lacks %s", tc.o, w)
			}
		}
		for _, w := range tc.wantNot {
			if strings.Contains(got, w) {
				t.Errorf("Config(%+v) has %s", tc.o, w)
			}
		}
		// Every location that sets headers sets them all: nginx does not
		// inherit add_header into a location that has its own.
		if n, m := strings.Count(got, "Content-Security-Policy"), strings.Count(got, "X-Content-Type-Options"); n != m || n != 8 {
			t.Errorf("CSP in %d locations, nosniff in %d, want 8 each", n, m)
		}
	}
}
