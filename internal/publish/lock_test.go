package publish

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

// TestStaleStagingRemoved checks that the staging folder of a build that
// was stopped is removed by the next build that runs alone, and never
// while another build runs.
func TestStaleStagingRemoved(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" && runtime.GOOS != "windows" {
		t.Skip("no file locks here")
	}
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	stale := filepath.Join(dir, ".public.loa-staging-123456")
	killed := func() { // a build that is stopped, its staging folder left
		if err := os.MkdirAll(filepath.Join(stale, "hoi-dap"), 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(stale, "hoi-dap", "index.html"), make([]byte, 1<<20), 0o644)
	}
	other := filepath.Join(dir, ".other.loa-staging-1") // another destination's
	os.Mkdir(other, 0o755)

	killed()
	running, err := Begin(dest) // alone: it removes the stale folder
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a build alone left the stale staging folder: %v", err)
	}
	killed()
	second, err := Begin(dest) // not alone: it removes nothing
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{stale, running.dir, second.dir} {
		if _, err := os.Stat(d); err != nil {
			t.Errorf("%s removed while a build was running: %v", filepath.Base(d), err)
		}
	}
	second.Abort()
	running.Abort()

	s, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the stale staging folder is still there: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another destination's staging folder was removed: %v", err)
	}
}

// TestFollowsLink checks a destination that is a symbolic link, as
// public -> /var/www/site: the folder it points to is replaced, and the
// link stays a link to it.
func TestFollowsLink(t *testing.T) {
	dir := t.TempDir()
	www := filepath.Join(dir, "var", "www", "site")
	link := filepath.Join(dir, "site", "public")
	os.MkdirAll(filepath.Dir(link), 0o755)
	if err := os.Symlink(www, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	for _, v := range []string{"v1", "v2"} { // the first build makes the target
		s, err := Begin(link)
		if err != nil {
			t.Fatal(err)
		}
		if s.Dest() != www {
			t.Errorf("Dest() = %s, want %s", s.Dest(), www)
		}
		s.WriteFile("index.html", []byte(v))
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
		if got := read(t, link, "index.html"); got != v {
			t.Errorf("through the link: index.html = %q, want %q", got, v)
		}
		if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("public is no longer a link: %v %v", st.Mode(), err)
		}
	}
	// A relative link, and a link to a link.
	rel := filepath.Join(dir, "site", "rel")
	os.Symlink("public", rel)
	if got, err := Resolve(rel); err != nil || got != www {
		t.Errorf("Resolve(%s) = %s, %v; want %s", rel, got, err, www)
	}
}

// TestDiskFull checks that a full disk is reported once, without the
// staging folder's path: "no space left on device".
func TestDiskFull(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full here")
	}
	s, err := Begin(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	os.Symlink("/dev/full", filepath.Join(s.dir, "big.html"))
	err = s.WriteFile("big.html", []byte("x"))
	if !errors.Is(err, syscall.ENOSPC) || err.Error() != "no space left on device" {
		t.Errorf("WriteFile on a full disk = %q, want the bare reason", err)
	}
}
