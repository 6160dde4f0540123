// Command loa builds campaign websites and print-ready materials from
// Markdown. See README.md, or run "loa help".
package main

import (
	"context"
	"os"
	"os/signal"

	"loa/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	status := cli.Run(ctx, os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr})
	stop()
	os.Exit(status)
}
