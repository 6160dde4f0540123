package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"loa/internal/config"
	"loa/internal/nginx"
)

// brotliModules are where Debian's and nginx.org's packages put the
// brotli_static module.
var brotliModules = []string{
	"/usr/lib/nginx/modules/ngx_http_brotli_static_module.so",
	"/usr/share/nginx/modules/ngx_http_brotli_static_module.so",
	"/etc/nginx/modules/ngx_http_brotli_static_module.so",
}

// BrotliModule returns the path of nginx's brotli_static module on this
// computer, or "".
func BrotliModule() string {
	for _, p := range brotliModules {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

func runNginx(_ context.Context, env Env, args []string) int {
	var sf siteFlags
	fl := flags(env, "nginx", "[-s SITE] [-d DEST] [--base-url URL] [--listen ADDR] [--brotli auto|on|off]")
	sf.register(fl)
	dest := fl.String("d", "", "the output `folder` of loa build that nginx serves (default SITE/public)")
	baseURL := fl.String("base-url", "", "the site's address, overriding base_url in config.toml")
	listen := fl.String("listen", "", "nginx's listen `address` (default 80, or 443 ssl http2 for https, with a redirect from 80)")
	brotli := fl.String("brotli", "auto", "serve the .br files: on, off, or auto (on where the brotli_static module is installed here)")
	if status, ok := parse(fl, args); !ok {
		return status
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "loa nginx: unexpected argument %q\n", fl.Arg(0))
		return ExitUsage
	}
	var br bool
	switch *brotli {
	case "on":
		br = true
	case "off":
	case "auto":
		br = BrotliModule() != ""
	default:
		fmt.Fprintf(env.Stderr, "loa nginx: --brotli must be on, off or auto, not %q\n", *brotli)
		return ExitUsage
	}
	if *dest == "" {
		*dest = filepath.Join(sf.dir, "public")
	}
	root, err := filepath.Abs(*dest)
	if err != nil {
		return report(env, err)
	}
	site, err := os.OpenRoot(sf.dir)
	if err != nil {
		return report(env, fmt.Errorf("site folder %s not found", quote(sf.dir)))
	}
	defer site.Close()
	cfg, ds := config.Load(site.FS(), config.Overrides{BaseURL: *baseURL})
	if ds.Errors() > 0 {
		return report(env, ds.Err())
	}
	warn(env, ds)
	out, err := nginx.Config(nginx.Options{Root: root, BaseURL: cfg.BaseURL, Listen: *listen, Brotli: br})
	if err != nil {
		return report(env, err)
	}
	fmt.Fprint(env.Stdout, out)
	return ExitOK
}
