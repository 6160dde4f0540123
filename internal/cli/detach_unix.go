//go:build unix

package cli

import (
	"os/exec"
	"syscall"
)

// detach makes cmd live on after loa exits, in a session of its own.
func detach(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true} }
