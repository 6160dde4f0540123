package watch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

func TestDebounceCoalesces(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := make(chan string)
	out := Debounce(ctx, in, 30*time.Millisecond, time.Second)
	for _, p := range []string{"b", "a", "b", "c"} {
		in <- p
		time.Sleep(5 * time.Millisecond)
	}
	select {
	case got := <-out:
		if !slices.Equal(got, []string{"a", "b", "c"}) {
			t.Errorf("batch = %v, want [a b c]", got)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("no batch")
	}
	select {
	case got := <-out:
		t.Errorf("unexpected second batch %v", got)
	case <-time.After(100 * time.Millisecond):
	}
}

func TestDebounceMaxWait(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := make(chan string)
	out := Debounce(ctx, in, 50*time.Millisecond, 120*time.Millisecond)
	start := time.Now()
	stop := make(chan struct{})
	go func() {
		// A file saved every 10 ms, for longer than the maximum wait.
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case in <- "busy":
			}
			time.Sleep(10 * time.Millisecond)
		}
	}()
	defer close(stop)
	select {
	case <-out:
		if d := time.Since(start); d > 400*time.Millisecond {
			t.Errorf("first batch after %v, want about 120 ms", d)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("a busy input never gave a batch")
	}
}

// saveAtomically writes a file as editors do: a temporary file, renamed
// over the old one.
func saveAtomically(t *testing.T, path, text string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(path), ".goutputstream-"+filepath.Base(path))
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func TestWatcher(t *testing.T) {
	for _, mode := range []string{"notify", "poll"} {
		t.Run(mode, func(t *testing.T) {
			root := t.TempDir()
			os.MkdirAll(filepath.Join(root, "content", "hoi-dap"), 0o755)
			os.MkdirAll(filepath.Join(root, "public"), 0o755)
			os.WriteFile(filepath.Join(root, "content", "hoi-dap", "a.md"), []byte("x"), 0o644)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			opts := Options{Root: root, Dirs: []string{"content", "layouts", "static"}, Files: []string{"config.toml"}}
			if mode == "poll" {
				opts.Poll = 20 * time.Millisecond
			}
			w, err := Start(ctx, opts)
			if err != nil {
				t.Fatal(err)
			}
			if mode == "poll" {
				time.Sleep(50 * time.Millisecond) // the first listing
			}
			expect := func(want ...string) {
				t.Helper()
				select {
				case got := <-w.Changes:
					if !slices.Equal(got, want) {
						t.Errorf("changes = %v, want %v", got, want)
					}
				case <-time.After(3 * time.Second):
					t.Fatalf("no changes, want %v", want)
				}
			}
			saveAtomically(t, filepath.Join(root, "content", "hoi-dap", "a.md"), "y")
			expect("content/hoi-dap/a.md")

			// A new folder with a file, and the config.
			os.MkdirAll(filepath.Join(root, "layouts", "partials"), 0o755)
			os.WriteFile(filepath.Join(root, "layouts", "partials", "x.html"), []byte("x"), 0o644)
			os.WriteFile(filepath.Join(root, "config.toml"), []byte("x"), 0o644)
			// Noise that must not show: the output folder, permissions.
			os.WriteFile(filepath.Join(root, "public", "index.html"), []byte("x"), 0o644)
			os.Chmod(filepath.Join(root, "content", "hoi-dap", "a.md"), 0o600)
			got := map[string]bool{}
			deadline := time.After(3 * time.Second)
			for !got["layouts/partials/x.html"] || !got["config.toml"] {
				select {
				case b := <-w.Changes:
					for _, p := range b {
						got[p] = true
					}
				case <-deadline:
					t.Fatalf("changes so far %v", got)
				}
			}
			for p := range got {
				switch p {
				case "layouts", "layouts/partials", "layouts/partials/x.html", "config.toml":
				default:
					t.Errorf("unexpected change %q", p)
				}
			}
		})
	}
}

func TestLimitErr(t *testing.T) {
	for _, err := range []error{syscall.ENOSPC, fmt.Errorf("watch x: %w", syscall.EMFILE)} {
		if got := limitErr(err); !errors.Is(got, errLimit) || !strings.Contains(got.Error(), "fs.inotify.max_user_watches") {
			t.Errorf("limitErr(%v) = %v", err, got)
		}
	}
	if other := errors.New("x"); limitErr(other) != other {
		t.Error("other errors must pass through")
	}
}

// TestOverflowRescans checks that events lost to an overflowed queue are
// not lost to the preview: the watcher says that anything may have
// changed.
func TestOverflowRescans(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	root := t.TempDir()
	events, errs, raw := make(chan fsnotify.Event), make(chan error), make(chan string, 4)
	go pump(ctx, Options{Root: root, Dirs: []string{"content"}}, events, errs, func(string, func(string)) {}, raw)
	events <- fsnotify.Event{Name: filepath.Join(root, "content", "a.md"), Op: fsnotify.Write}
	errs <- fsnotify.ErrEventOverflow
	events <- fsnotify.Event{Name: filepath.Join(root, "notes.txt"), Op: fsnotify.Write}
	events <- fsnotify.Event{Name: filepath.Join(root, "content", "b.md"), Op: fsnotify.Write}
	got := []string{<-raw, <-raw, <-raw}
	if want := []string{"content/a.md", Lost, "content/b.md"}; !slices.Equal(got, want) {
		t.Errorf("paths %q, want %q", got, want)
	}
}
