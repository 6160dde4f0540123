// Package pdf turns loa's print-ready HTML into PDF files a print shop can
// take: it drives one headless Chromium through the DevTools protocol
// (chromedp), checks each sheet for text that does not fit, prints with the
// page size the HTML asks for, then checks the PDF and sets its TrimBox and
// BleedBox (pdfcpu) so that prepress tools see the real trim.
package pdf

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"

	"github.com/chromedp/chromedp"
)

// ErrNoChromium is returned when no Chromium or Chrome can be found.
var ErrNoChromium = errors.New("no Chromium or Chrome found")

// InstallHint says how to get Chromium, for the message when it is missing.
const InstallHint = "install it (Debian, Ubuntu: sudo apt-get install chromium; Windows, macOS: install Google Chrome or Chromium), or give its path with --chromium PATH"

// FindChromium returns the path of a Chromium or Chrome executable: the
// LOA_CHROMIUM environment variable, then the usual names on PATH, then the
// usual install locations.
func FindChromium() (string, error) {
	if p := os.Getenv("LOA_CHROMIUM"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	var places []string
	switch runtime.GOOS {
	case "darwin":
		places = []string{"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "/Applications/Chromium.app/Contents/MacOS/Chromium"}
	case "windows":
		for _, env := range []string{"ProgramFiles", "ProgramFiles(x86)", "LocalAppData"} {
			if dir := os.Getenv(env); dir != "" {
				places = append(places, dir+`\Google\Chrome\Application\chrome.exe`, dir+`\Chromium\Application\chrome.exe`)
			}
		}
	default:
		places = []string{"/usr/bin/chromium", "/usr/lib/chromium/chromium", "/snap/bin/chromium", "/usr/bin/google-chrome"}
	}
	for _, p := range places {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// Browser is one headless Chromium, shared by every PDF of a run: starting
// it costs seconds, a page afterwards a fraction of one.
type Browser struct {
	ctx     context.Context
	cancel  context.CancelFunc
	profile string
}

// Start starts a headless Chromium at path, with a fresh profile and none
// of the background traffic a desktop browser makes: the machine may have
// no network at all.
func Start(ctx context.Context, path string) (*Browser, error) {
	profile, err := os.MkdirTemp("", "loa-chromium-")
	if err != nil {
		return nil, fmt.Errorf("chromium profile: %w", err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("allow-file-access-from-files", true),
		chromedp.Flag("hide-scrollbars", true),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.WithoutCancel(ctx), opts...)
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	b := &Browser{ctx: bctx, profile: profile, cancel: func() { cancelBrowser(); cancelAlloc() }}
	// The first Run starts the browser.
	if err := chromedp.Do(bctx); err != nil {
		b.Close()
		return nil, fmt.Errorf("start Chromium %s: %w", path, err)
	}
	return b, nil
}

// Close stops the browser and removes its profile.
func (b *Browser) Close() {
	b.cancel()
	os.RemoveAll(b.profile)
}

// Tab opens a new tab; close it with the returned func.
func (b *Browser) Tab() (context.Context, context.CancelFunc) {
	return chromedp.NewContext(b.ctx)
}
