package publish

import (
	"os"
	"path/filepath"
	"strings"
)

// A lock is held by every build that writes beside one destination, from
// before it makes its staging folder until that folder is gone (swapped
// in, or removed). Builds hold it shared; a build that gets it alone, at
// its start, knows that no other build is running, so that any staging
// folder left there belongs to a build that was stopped (killed, or the
// computer turned off) and can be removed. The system releases the lock
// of a process that dies, so a lock can not go stale itself.
type lock struct{ f *os.File }

// lockFor opens the lock of the destination dest (see openLock) and
// removes the staging folders of stopped builds if no other build holds
// it. It returns holding the lock shared. Where the file system has no
// locks (some network shares), builds go on without one, and clean up
// nothing.
func lockFor(dest string) *lock {
	f, err := openLock(dest)
	if err != nil {
		return nil
	}
	alone, err := tryExclusive(f)
	if err != nil {
		f.Close()
		return nil
	}
	if alone {
		removeStale(dest)
	}
	// From alone to shared, or wait for the one that is alone to finish
	// its cleaning.
	if err := shared(f); err != nil {
		f.Close()
		return nil
	}
	return &lock{f}
}

// release lets the lock go.
func (l *lock) release() {
	if l != nil && l.f != nil {
		unlock(l.f)
		l.f.Close()
		l.f = nil
	}
}

// lockPath is the lock file of a destination where folders can not be
// locked: ".public.loa-lock" beside "public".
func lockPath(dest string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".loa-lock")
}

// stagingPrefix is the name staging folders of dest start with.
func stagingPrefix(dest string) string { return "." + filepath.Base(dest) + ".loa-staging-" }

// removeStale removes the staging folders beside dest. Only a build that
// holds the lock alone may call it.
func removeStale(dest string) {
	dirs, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), stagingPrefix(dest)+"*"))
	for _, d := range dirs {
		if strings.HasPrefix(filepath.Base(d), stagingPrefix(dest)) {
			os.RemoveAll(d)
		}
	}
}
