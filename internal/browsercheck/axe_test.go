package browsercheck

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeResult is what the test keeps of axe.run's results.
type axeResult struct {
	Violations []struct {
		ID    string `json:"id"`
		Help  string `json:"help"`
		Nodes []struct {
			Target  []any  `json:"target"`
			Summary string `json:"failureSummary"`
		} `json:"nodes"`
	} `json:"violations"`
	Passes     int `json:"passes"`
	Incomplete []struct {
		ID string `json:"id"`
	} `json:"incomplete"`
}

// runAxe runs every WCAG 2.2 A and AA rule of axe-core, and its best
// practices, on the page shown.
const runAxe = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}})
  .then(r => ({violations: r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => ({target: n.target, failureSummary: n.failureSummary}))})),
    passes: r.passes.length, incomplete: r.incomplete.map(v => ({id: v.id}))}))`

// TestAxe runs axe-core on the four pages, on a phone and a laptop, with
// the collapsed sections closed and then all open: no violation.
func TestAxe(t *testing.T) {
	src := axeSource(t)
	s := build(t)
	ctx := tab(t, browser(t))
	shots := os.Getenv("LOA_SCREENSHOTS")
	for _, p := range pages {
		for _, sc := range screens {
			if err := open(ctx, s.url+p.path, sc.w, sc.h); err != nil {
				t.Fatal(err)
			}
			if shots != "" {
				png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatal(err)
				}
				os.WriteFile(filepath.Join(shots, fmt.Sprintf("%s-%d.png", p.name, sc.w)), png, 0o644)
			}
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
				t.Fatal(err)
			}
			for _, state := range []string{"closed", "open"} {
				if state == "open" {
					n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`(() => { const ds = document.querySelectorAll("details"); ds.forEach(d => d.open = true); return ds.length })()`))
					if err != nil {
						t.Fatal(err)
					}
					if n == 0 {
						continue // nothing collapses on this page
					}
				}
				r, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](runAxe, chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatalf("%s at %d px: %v", p.name, sc.w, err)
				}
				for _, v := range r.Violations {
					var where []string
					for _, n := range v.Nodes {
						where = append(where, fmt.Sprint(n.Target)+": "+strings.ReplaceAll(n.Summary, "\n", " "))
					}
					t.Errorf("%s at %d px, details %s: %s (%s)\n\t%s", p.name, sc.w, state, v.ID, v.Help, strings.Join(where, "\n\t"))
				}
				if r.Passes < 20 {
					t.Errorf("%s at %d px: axe passed only %d rules", p.name, sc.w, r.Passes)
				}
				var inc []string
				for _, i := range r.Incomplete {
					inc = append(inc, i.ID)
				}
				t.Logf("%s at %d px, details %s: 0 violations, %d rules passed, to review by hand: %v", p.name, sc.w, state, r.Passes, inc)
			}
		}
	}
}
