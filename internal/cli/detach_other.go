//go:build !unix

package cli

import (
	"os/exec"
	"syscall"
)

// detach makes cmd live on after loa exits, without a console of its own.
func detach(cmd *exec.Cmd) {
	const detachedProcess = 0x00000008 // DETACHED_PROCESS
	cmd.SysProcAttr = &syscall.SysProcAttr{CreationFlags: detachedProcess}
}
