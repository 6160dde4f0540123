// Command loa builds campaign websites and print-ready materials from
// Markdown. See README.md, or run "loa help".
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"loa/internal/cli"
)

func main() { os.Exit(run()) }

// run runs loa with the process's arguments and returns the exit status.
// Ctrl+C (or SIGTERM) cancels the work in progress; loa serve stops.
func run() int {
	// LOA_CPUPROFILE=file writes a CPU profile, for measuring loa itself.
	if path := os.Getenv("LOA_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "loa: LOA_CPUPROFILE: %v\n", err)
			return cli.ExitError
		}
		defer pprof.StopCPUProfile()
	}
	// LOA_MEMPROFILE=file writes a heap profile as loa ends: what is
	// still held, and (-sample_index=alloc_space) what was allocated.
	if path := os.Getenv("LOA_MEMPROFILE"); path != "" {
		defer func() {
			f, err := os.Create(path)
			if err == nil {
				err = pprof.Lookup("heap").WriteTo(f, 0)
				f.Close()
			}
			if err != nil {
				fmt.Fprintf(os.Stderr, "loa: LOA_MEMPROFILE: %v\n", err)
			}
		}()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return cli.Run(ctx, os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr})
}
