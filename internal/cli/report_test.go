package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"syscall"
	"testing"

	"loa/internal/diag"
)

// TestReport checks what the terminal shows for errors that are not the
// site's: one path, the reason, what to do, and nothing that acts on the
// terminal.
func TestReport(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{fmt.Errorf("write hoi-dap/x/index.html: %w", syscall.ENOSPC),
			"loa: write hoi-dap/x/index.html: no space left on device\n" +
				"\thint: the disk is full: free some space on it, or build elsewhere with -d, and build again\n"},
		{fmt.Errorf("create staging folder: %w", &fs.PathError{Op: "mkdir", Path: "/srv/.public.loa-staging-1", Err: fs.ErrPermission}),
			"loa: create staging folder: mkdir /srv/.public.loa-staging-1: permission denied\n" +
				"\thint: loa may not write there: check the folder's permissions, or build elsewhere with -d\n"},
		{noContentError{"trang"},
			"loa: trang has no content/ folder, so it is not a loa site\n" +
				"\thint: give -s the folder that holds content/ and config.toml, or make a site there: loa new site trang\n"},
		{fmt.Errorf("read content/\x1b[31m.md: %w", fs.ErrNotExist),
			"loa: read content/\\x1b[31m.md: file does not exist\n"},
		{diag.List{diag.At("content/\x1b]0;x\x07.md", 1, 1, "bad")}.Err(),
			"content/\\x1b]0;x\\x07.md:1:1: bad\nloa: 1 problem found\n"},
	}
	for _, tt := range tests {
		var stderr bytes.Buffer
		if status := report(Env{Stderr: &stderr}, tt.err); status != ExitError {
			t.Errorf("report(%v) = %d", tt.err, status)
		}
		if got := stderr.String(); got != tt.want {
			t.Errorf("report(%v) printed\n%q\nwant\n%q", tt.err, got, tt.want)
		}
	}
}
