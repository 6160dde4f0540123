// Command gensite writes a synthetic Vietnamese site for measuring loa:
//
//	go run ./internal/synth/gensite -n 10000 -o /tmp/site10k
//	/usr/bin/time -v go run ./cmd/loa build -s /tmp/site10k
package main

import (
	"flag"
	"fmt"
	"os"

	"loa/internal/synth"
)

func main() {
	n := flag.Int("n", 1000, "number of pages")
	w := flag.Int("w", 600, "words per page")
	out := flag.String("o", "", "output `folder` (must not exist)")
	hugo := flag.Bool("hugo", false, "also write what Hugo needs to build the same content (hugo.toml, hugo-layouts/)")
	flag.Parse()
	if *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "gensite: %s exists\n", *out)
		os.Exit(1)
	}
	if err := synth.Site(*out, *n, *w, 1); err != nil {
		fmt.Fprintf(os.Stderr, "gensite: %v\n", err)
		os.Exit(1)
	}
	if *hugo {
		if err := synth.Hugo(*out); err != nil {
			fmt.Fprintf(os.Stderr, "gensite: %v\n", err)
			os.Exit(1)
		}
	}
}
