// Package publish writes a build's output so that the destination folder is
// never half-written: files go to a staging folder beside it, and only a
// complete build is swapped into place. A failed build leaves the previous
// output exactly as it was and no staging folder behind; the staging
// folders of builds that were stopped (killed, or the computer turned off)
// are removed by the next build that finds itself alone (see lock).
//
// A destination that is a symbolic link (public -> /var/www/site, a
// common deployment) is followed: the output is staged beside the folder
// it points to and swapped in there, so that the link keeps pointing at
// the new output.
package publish

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"loa/internal/paths"
)

// Marker is the file that marks a folder as loa's output. loa replaces a
// destination folder as a whole, so it refuses to replace one that exists,
// is not empty, and lacks the marker: it may be someone's documents.
const Marker = paths.Marker

// DraftsMarker is the file that marks an output built with drafts, so that
// a deployment can refuse it; the next build replaces the folder, and the
// marker with it.
const DraftsMarker = ".loa-drafts"

// Staging is an output being written. It is safe for concurrent use.
type Staging struct {
	dest string   // the folder the output will replace, links followed
	dir  string   // the staging folder beside it
	dirs sync.Map // folders already made, slash paths
	lock *lock

	// Discard, if set, is given the folders of replaced outputs to remove,
	// for example in the background; by default Commit removes them
	// before it returns.
	Discard func(dirs ...string) error
	// Plain, if set, writes no precompressed .gz and .br files (see
	// Compress).
	Plain bool

	z compressors
}

// Begin starts an output that will replace dest, or the folder dest
// links to.
func Begin(dest string) (*Staging, error) {
	dest, err := Resolve(filepath.Clean(dest))
	if err != nil {
		return nil, err
	}
	if err := checkDest(dest); err != nil {
		return nil, err
	}
	parent, base := filepath.Split(dest)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", parent, err)
	}
	l := lockFor(dest)
	dir, err := os.MkdirTemp(parent, stagingPrefix(base))
	if err != nil {
		l.release()
		return nil, fmt.Errorf("create staging folder: %w", err)
	}
	s := &Staging{dest: dest, dir: dir, lock: l}
	if err := os.Chmod(dir, 0o755); err != nil {
		s.Abort()
		return nil, fmt.Errorf("create staging folder: %w", err)
	}
	if err := s.write(Marker, []byte("This folder is written by loa build and replaced as a whole at each build.\n")); err != nil {
		s.Abort()
		return nil, fmt.Errorf("write %s in the staging folder: %w", Marker, err)
	}
	return s, nil
}

// Dest returns the folder the output replaces: dest as given to Begin,
// with its symbolic links followed.
func (s *Staging) Dest() string { return s.dest }

// Resolve follows dest while it is a symbolic link, to the folder (or the
// name of the folder still to make) that an output of dest must replace.
func Resolve(dest string) (string, error) {
	for range 40 {
		st, err := os.Lstat(dest)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return dest, nil
		}
		target, err := os.Readlink(dest)
		if err != nil {
			return "", fmt.Errorf("output folder %s: %w", dest, err)
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(dest), target)
		}
		dest = filepath.Clean(target)
	}
	return "", fmt.Errorf("output folder %s: too many links, one to another", dest)
}

// checkDest refuses a destination that is not loa's to replace.
func checkDest(dest string) error {
	st, err := os.Stat(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output folder: %w", err)
	}
	if !st.IsDir() {
		return fmt.Errorf("output %s exists and is not a folder", dest)
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return fmt.Errorf("output folder: %w", err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dest, Marker)); err != nil {
		return fmt.Errorf("output folder %s is not empty and was not written by loa; loa replaces its output folder as a whole, so choose an empty or new folder (or delete this one)", dest)
	}
	return nil
}

// WriteFile writes one file of the output. name is a slash path that must
// stay inside the output folder.
//
// The staging folder is new and only loa writes in it, so no symbolic link
// can be waiting there: checking name is enough to stay inside, and plain
// paths cost a third of the system calls of an os.Root, which matters at
// ten thousand pages.
//
// Beside a text file, WriteFile also writes its precompressed variants
// name.gz and name.br, unless Plain is set.
func (s *Staging) WriteFile(name string, data []byte) error {
	if err := s.write(name, data); err != nil {
		return err
	}
	return s.precompress(name, data)
}

// write writes one file of the output as it is.
func (s *Staging) write(name string, data []byte) error {
	if !paths.Local(name) {
		return fmt.Errorf("output path %q leaves the output folder", name)
	}
	if err := s.mkdir(path.Dir(name)); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(s.dir, filepath.FromSlash(name)), data, 0o644); err != nil {
		return bare(err)
	}
	return nil
}

// bare returns the system's reason of a file error without its path: the
// callers name the output file, and the staging folder's path would only
// repeat it, longer ("write x: write x: open /tmp/.public.loa-staging-1/x:
// no space left on device").
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Remove does nothing: a staging folder starts empty, so a build never
// has anything in it to remove.
func (s *Staging) Remove(name string) error { return nil }

// mkdir makes the folder dir of the output and its parents, once each.
func (s *Staging) mkdir(dir string) error {
	if dir == "." {
		return nil
	}
	if _, done := s.dirs.Load(dir); done {
		return nil
	}
	if err := s.mkdir(path.Dir(dir)); err != nil {
		return err
	}
	err := os.Mkdir(filepath.Join(s.dir, filepath.FromSlash(dir)), 0o755)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("create its folder: %w", bare(err))
	}
	s.dirs.Store(dir, true)
	return nil
}

// Commit swaps the finished output into place: the old destination, if any,
// is renamed aside, the staging folder takes its name, and the old one is
// removed, with any left over from earlier runs that were stopped.
func (s *Staging) Commit() error {
	defer s.lock.release()
	old := ""
	if _, err := os.Stat(s.dest); err == nil {
		old = filepath.Join(filepath.Dir(s.dest), oldPrefix(s.dest)+suffix())
		if err := os.Rename(s.dest, old); err != nil {
			s.Abort()
			return fmt.Errorf("move old output aside: %w", err)
		}
	}
	if err := os.Rename(s.dir, s.dest); err != nil {
		if old != "" {
			os.Rename(old, s.dest)
		}
		s.Abort()
		return fmt.Errorf("put new output in place: %w", err)
	}
	gone, _ := filepath.Glob(filepath.Join(filepath.Dir(s.dest), oldPrefix(s.dest)+"*"))
	if len(gone) == 0 {
		return nil
	}
	if s.Discard != nil {
		return s.Discard(gone...)
	}
	return RemoveOld(gone...)
}

// oldPrefix is the name a replaced output takes beside the new one.
func oldPrefix(dest string) string { return "." + filepath.Base(dest) + ".loa-old-" }

// RemoveOld removes folders of replaced outputs. It refuses any other
// folder, so that a stray call can not delete what loa did not write.
func RemoveOld(dirs ...string) error {
	for _, d := range dirs {
		base := filepath.Base(d)
		if !strings.HasPrefix(base, ".") || !strings.Contains(base, ".loa-old-") {
			return fmt.Errorf("%s is not a replaced loa output", d)
		}
		if err := os.RemoveAll(d); err != nil {
			return fmt.Errorf("remove old output %s: %w", d, err)
		}
	}
	return nil
}

// Abort removes the staging folder; the destination is left untouched.
func (s *Staging) Abort() {
	os.RemoveAll(s.dir)
	s.lock.release()
}

func suffix() string {
	var b [4]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Keep puts the file old, from outside the staging folder (usually the
// previous output), into the output as name: a hard link where the file
// system allows one, a copy otherwise.
func (s *Staging) Keep(name, old string) error {
	if !paths.Local(name) {
		return fmt.Errorf("output path %q leaves the output folder", name)
	}
	if err := s.mkdir(path.Dir(name)); err != nil {
		return err
	}
	target := filepath.Join(s.dir, filepath.FromSlash(name))
	if err := os.Link(old, target); err == nil {
		return nil
	}
	data, err := os.ReadFile(old)
	if err != nil {
		return fmt.Errorf("read %s: %w", old, bare(err))
	}
	return s.WriteFile(name, data)
}

// ReadFile reads back a file already written to the output.
func (s *Staging) ReadFile(name string) ([]byte, error) {
	if !paths.Local(name) {
		return nil, fmt.Errorf("output path %q leaves the output folder", name)
	}
	return os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(name)))
}
