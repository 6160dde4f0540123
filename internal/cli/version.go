package cli

import (
	"context"
	"fmt"
	"runtime/debug"
)

func runVersion(_ context.Context, env Env, _ []string) int {
	version := "(devel)"
	if info, ok := debug.ReadBuildInfo(); ok {
		if info.Main.Version != "" {
			version = info.Main.Version
		}
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				version += " " + s.Value[:12]
			}
		}
	}
	fmt.Fprintf(env.Stdout, "loa %s\n", version)
	return ExitOK
}
