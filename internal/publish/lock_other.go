//go:build !unix && !windows

package publish

import (
	"os"
	"path/filepath"
)

func openLock(dest string) (*os.File, error) { return os.Open(filepath.Dir(dest)) }

// On systems without file locks, no build can tell that it is alone, so
// staging folders of stopped builds are left for the user to delete.
func tryExclusive(*os.File) (bool, error) { return false, nil }

func shared(*os.File) error { return nil }

func unlock(*os.File) {}
