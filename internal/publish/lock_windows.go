//go:build windows

package publish

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// openLock opens what builds of dest lock: a file beside dest, as
// Windows locks files, not folders.
func openLock(dest string) (*os.File, error) {
	return os.OpenFile(lockPath(dest), os.O_RDWR|os.O_CREATE, 0o644)
}

// tryExclusive takes the lock of f alone if no one else holds it.
func tryExclusive(f *os.File) (bool, error) {
	err := lockFile(f, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return false, nil
	}
	return err == nil, err
}

// shared holds the lock of f with others, waiting for one who holds it
// alone. Windows does not turn a lock into another: an exclusive lock is
// let go first.
func shared(f *os.File) error {
	unlock(f)
	return lockFile(f, 0)
}

func lockFile(f *os.File, flags uint32) error {
	var ol windows.Overlapped
	return windows.LockFileEx(windows.Handle(f.Fd()), flags, 0, 1, 0, &ol)
}

func unlock(f *os.File) {
	var ol windows.Overlapped
	windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, &ol)
}
