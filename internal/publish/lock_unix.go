//go:build unix

package publish

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

// openLock opens what builds of dest lock: the folder that holds dest,
// so that no lock file is left beside the output.
func openLock(dest string) (*os.File, error) { return os.Open(filepath.Dir(dest)) }

// tryExclusive takes the lock of f alone if no one else holds it.
func tryExclusive(f *os.File) (bool, error) {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return false, nil
	}
	return err == nil, err
}

// shared holds the lock of f with others, waiting for one who holds it
// alone.
func shared(f *os.File) error { return syscall.Flock(int(f.Fd()), syscall.LOCK_SH) }

func unlock(f *os.File) { syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }
