package cli

import (
	"context"
	"fmt"
	"time"

	"loa"
	"loa/internal/serve"
)

func runServe(ctx context.Context, env Env, args []string) int {
	fl := flags(env, "serve", "[-s SITE] [--bind 127.0.0.1] [--port 1313] [--poll] [--drafts]")
	site := fl.String("s", ".", "the site `folder`")
	bind := fl.String("bind", "127.0.0.1", "the `address` to listen on; 0.0.0.0 serves the whole network")
	port := fl.Int("port", 1313, "the first `port` to try; the next free one is used if it is busy")
	poll := fl.Bool("poll", false, "look for changes every second instead of waiting for the system's notice (network drives, shared folders)")
	drafts := fl.Bool("drafts", false, "include pages with draft = true")
	if status, ok := parse(fl, args); !ok {
		return status
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "loa serve: unexpected argument %q\n", fl.Arg(0))
		return ExitUsage
	}
	opts := serve.Options{Site: *site, Defaults: loa.DefaultSite(), Drafts: *drafts, Bind: *bind, Port: *port, Log: env.Stdout, LimitMemory: true}
	if *poll {
		opts.Poll = time.Second
	}
	if err := serve.Run(ctx, opts); err != nil {
		return report(env, err)
	}
	return ExitOK
}
