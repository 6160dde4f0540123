package cli

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"loa/internal/publish"
)

// removeCommand is the hidden command that removes replaced outputs in the
// background, after `loa build` has returned.
const removeCommand = "__remove-old"

// removeInBackground removes replaced outputs in a detached loa process, so
// that `loa build` need not wait for a file system to delete ten thousand
// files: on a slow disk that is seconds. When no process can be started,
// it removes them itself.
func removeInBackground(dirs ...string) error {
	exe, err := os.Executable()
	if err == nil {
		cmd := exec.Command(exe, append([]string{removeCommand}, dirs...)...)
		cmd.Args[0] = "loa" // under testscript, the name picks the command
		// The remover is not the build being measured: it must not
		// overwrite the build's profiles.
		for _, kv := range os.Environ() {
			if !strings.HasPrefix(kv, "LOA_CPUPROFILE=") && !strings.HasPrefix(kv, "LOA_MEMPROFILE=") {
				cmd.Env = append(cmd.Env, kv)
			}
		}
		detach(cmd)
		if err = cmd.Start(); err == nil {
			return cmd.Process.Release()
		}
	}
	return publish.RemoveOld(dirs...)
}

func runRemoveOld(_ context.Context, env Env, args []string) int {
	if err := publish.RemoveOld(args...); err != nil {
		fmt.Fprintf(env.Stderr, "loa: %v\n", err)
		return ExitError
	}
	return ExitOK
}
