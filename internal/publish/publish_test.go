package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCommitReplacesAndAbortKeeps(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build := func(files map[string]string, commit bool) {
		t.Helper()
		s, err := Begin(dest)
		if err != nil {
			t.Fatal(err)
		}
		for name, text := range files {
			if err := s.WriteFile(name, []byte(text)); err != nil {
				t.Fatal(err)
			}
		}
		if commit {
			if err := s.Commit(); err != nil {
				t.Fatal(err)
			}
		} else {
			s.Abort()
		}
	}
	build(map[string]string{"index.html": "v1", "a/b/index.html": "old"}, true)
	build(map[string]string{"index.html": "v2", "c/index.html": "new"}, true)
	if got := read(t, dest, "index.html"); got != "v2" {
		t.Errorf("index.html = %q, want v2", got)
	}
	if _, err := os.Stat(filepath.Join(dest, "a")); !os.IsNotExist(err) {
		t.Error("a page of the old build survived")
	}
	build(map[string]string{"index.html": "v3"}, false)
	if got := read(t, dest, "index.html"); got != "v2" {
		t.Errorf("after Abort index.html = %q, want v2", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("left beside the output: %v", entries)
	}
}

func TestBeginRefusesForeignFolder(t *testing.T) {
	dest := t.TempDir()
	os.WriteFile(filepath.Join(dest, "thesis.docx"), []byte("x"), 0o644)
	if _, err := Begin(dest); err == nil || !strings.Contains(err.Error(), "not written by loa") {
		t.Fatalf("Begin = %v, want a refusal", err)
	}
	empty := t.TempDir()
	s, err := Begin(empty)
	if err != nil {
		t.Fatalf("empty folder refused: %v", err)
	}
	s.Abort()
}

func TestWriteFileStaysInside(t *testing.T) {
	s, err := Begin(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	for _, name := range []string{"../x", "/etc/x", "a/../../x", `a\..\x`, "C:x", "", "a\x00b"} {
		if err := s.WriteFile(name, nil); err == nil {
			t.Errorf("WriteFile(%q) succeeded", name)
		}
	}
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDiscardAndLeftovers(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	// A replaced output that an earlier, stopped run did not remove.
	stale := filepath.Join(parent, ".public.loa-old-dead")
	os.MkdirAll(filepath.Join(stale, "a"), 0o755)
	var discarded []string
	for range 2 {
		s, err := Begin(dest)
		if err != nil {
			t.Fatal(err)
		}
		s.Discard = func(dirs ...string) error { discarded = append(discarded, dirs...); return RemoveOld(dirs...) }
		if err := s.WriteFile("index.html", []byte("x")); err != nil {
			t.Fatal(err)
		}
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	if len(discarded) != 2 || discarded[0] != stale {
		t.Errorf("discarded %v", discarded)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("left beside the output: %v", entries)
	}
	if err := RemoveOld(t.TempDir()); err == nil {
		t.Error("RemoveOld removed a folder that is not a replaced output")
	}
}
