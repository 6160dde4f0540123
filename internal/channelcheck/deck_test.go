package channelcheck_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// browse starts a headless Chromium as a hall's computer would run it:
// no flag that opens file:// pages up to each other.
func browse(t *testing.T, chromium string) context.Context {
	t.Helper()
	profile := t.TempDir()
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.UserDataDir(profile), chromedp.WindowSize(1280, 720),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true))
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	return ctx
}

// TestDeckFromDisk copies the composed deck's folder alone to another
// place, as onto a USB stick, opens it from disk and drives it with the
// keys speakers and clickers use; every slide is checked for text that
// does not fit its box, with the deck's own fonts loaded.
func TestDeckFromDisk(t *testing.T) {
	chromium := needTools(t)
	dest, _ := campaign(t)
	stick := filepath.Join(t.TempDir(), "USB", "bai-trinh-chieu")
	if err := os.CopyFS(stick, os.DirFS(filepath.Join(dest, "trinh-chieu", "tong-hop"))); err != nil {
		t.Fatal(err)
	}
	ctx := browse(t, chromium)
	url := "file://" + filepath.ToSlash(filepath.Join(stick, "index.html"))
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	fonts, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.fonts.ready.then(() => [...document.fonts].map(f => f.family + ' ' + f.weight + ' ' + f.status).join(', '))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(fonts, "error") || !strings.Contains(fonts, "Noto Sans 700 loaded") || !strings.Contains(fonts, "Noto Sans 400 loaded") {
		t.Errorf("the deck's fonts did not load from its folder: %s", fonts)
	}
	count, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.stage').length`))
	if err != nil {
		t.Fatal(err)
	}
	if count < 10 {
		t.Fatalf("the deck has %d slides", count)
	}
	current := func() string {
		t.Helper()
		id, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('.stage.current') || {}).id || ''`))
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	if got := current(); got != "trang-1" {
		t.Fatalf("the deck opens at %q", got)
	}
	steps := []struct {
		key  string
		want int
	}{
		{kb.ArrowRight, 2}, {kb.PageDown, 3}, {" ", 4}, {kb.Enter, 5}, {kb.ArrowDown, 6},
		{kb.PageUp, 5}, {kb.ArrowLeft, 4}, {kb.ArrowUp, 3}, {kb.End, count}, {kb.ArrowRight, count}, {kb.Home, 1}, {kb.ArrowLeft, 1},
	}
	for _, s := range steps {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(s.key)); err != nil {
			t.Fatal(err)
		}
		if got, want := current(), "trang-"+itoa(s.want); got != want {
			t.Errorf("after %q the deck shows %s, want %s", s.key, got, want)
		}
	}
	eval := func(js string) bool {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	chromedp.Do(ctx, chromedp.KeyEvent(kb.PageDown))
	if hash, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash`)); hash != "#2" {
		t.Errorf("the address says %q, want #2", hash)
	}
	// B, or ".", blanks the screen; again brings it back.
	chromedp.Do(ctx, chromedp.KeyEvent("b"))
	if !eval(`document.body.classList.contains('black')`) {
		t.Error("B did not blank the screen")
	}
	chromedp.Do(ctx, chromedp.KeyEvent("."))
	if eval(`document.body.classList.contains('black')`) {
		t.Error(". did not bring the screen back")
	}
	// Nothing on any slide is larger than its box.
	check := `(() => { const out = [];
	  document.querySelectorAll('.stage').forEach((st, i) => {
	    st.classList.add('current');
	    st.querySelectorAll('.slide > div, .card').forEach(b => {
	      if (b.scrollHeight > b.clientHeight + 1) out.push('slide ' + (i + 1) + ': ' + b.className + ' is ' + (b.scrollHeight - b.clientHeight) + ' px too tall');
	    });
	    st.querySelectorAll('.l').forEach(l => {
	      const box = l.parentElement.getBoundingClientRect(), r = document.createRange();
	      r.selectNodeContents(l);
	      const t = r.getBoundingClientRect();
	      if (t.right > box.right + 1 || t.left < box.left - 1) out.push('slide ' + (i + 1) + ': "' + l.textContent + '" is wider than its box');
	    });
	    st.classList.remove('current');
	  });
	  return out; })()`
	over, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](check))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range over {
		t.Error(o)
	}
	// The check sees what does not fit: set the text a fifth larger.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.head.append(Object.assign(document.createElement('style'), {textContent: '.slide .l { font-size: 120% !important }'}))`)); err != nil {
		t.Fatal(err)
	}
	if over, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](check)); len(over) == 0 {
		t.Error("text a fifth larger than set still fits: the check finds nothing")
	}
}

// TestPresenterView opens the presenter's window of the deck: the current
// and next slides, the notes, a timer, and keys that move both.
func TestPresenterView(t *testing.T) {
	chromium := needTools(t)
	dest, _ := campaign(t)
	ctx := browse(t, chromium)
	url := "file://" + filepath.ToSlash(filepath.Join(dest, "trinh-chieu", "tong-hop", "index.html")) + "#presenter"
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(`.pv`), chromedp.KeyEvent(kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	slots, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.pv-slot .slide').length`))
	if err != nil {
		t.Fatal(err)
	}
	text := func(sel string) string {
		s, err := chromedp.Run(ctx, chromedp.Text(sel))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	count, notes, clock := text(`.pv-count`), text(`.pv-notes`), text(`.pv-clock`)
	if slots != 2 {
		t.Errorf("the presenter sees %d slides, want the current and the next", slots)
	}
	if !strings.HasPrefix(count, "Trang 2 / ") {
		t.Errorf("count %q", count)
	}
	if !strings.Contains(notes, "Quan điểm thứ nhất") {
		t.Errorf("the notes of slide 2 are %q", notes)
	}
	if len(clock) != 5 || clock[2] != ':' {
		t.Errorf("the timer shows %q", clock)
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
