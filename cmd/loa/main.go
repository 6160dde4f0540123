// Command loa builds campaign websites and print-ready materials from
// Markdown. See README.md, or run "loa help".
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"

	"loa/internal/cli"
)

func main() {
	// LOA_CPUPROFILE=file writes a CPU profile, for measuring loa itself.
	if path := os.Getenv("LOA_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "loa: LOA_CPUPROFILE: %v\n", err)
			os.Exit(cli.ExitError)
		}
		defer pprof.StopCPUProfile()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	status := cli.Run(ctx, os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr})
	stop()
	pprof.StopCPUProfile()
	os.Exit(status)
}
