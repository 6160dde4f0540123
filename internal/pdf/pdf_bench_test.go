package pdf

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"loa"
	"loa/internal/pipeline"
	"loa/internal/print"
	"loa/internal/publish"
)

// BenchmarkCampaignPDFs makes every PDF of the campaign site that loa
// carries, with one browser, and reports the time to the first PDF
// (browser start included) and the time per PDF after it.
func BenchmarkCampaignPDFs(b *testing.B) {
	chromium := needTools(b)
	dest := filepath.Join(b.TempDir(), "public")
	staging, err := publish.Begin(dest)
	if err != nil {
		b.Fatal(err)
	}
	site := loa.DefaultSite()
	eng := pipeline.New(pipeline.Options{Site: site, Defaults: site})
	if rep, err := eng.Rebuild(context.Background(), nil, staging); err != nil || rep.Failed() {
		b.Fatal(err, rep.Problems)
	}
	entries := print.Entries(eng.Results("print"))
	if err := staging.Commit(); err != nil {
		b.Fatal(err)
	}
	press, err := NewPress(eng.Config().Print)
	if err != nil {
		b.Fatal(err)
	}
	var first, rest time.Duration
	var n int
	for b.Loop() {
		os.RemoveAll(filepath.Join(dest, "in", "pdf"))
		start := time.Now()
		var firstAt time.Time
		res, err := Run(context.Background(), Options{Files: DirFiles(dest), Entries: entries, Dir: dest, Chromium: chromium, Press: press,
			Progress: func(done, total int, e print.Entry, took time.Duration, err error) {
				if done == 1 {
					firstAt = time.Now()
				}
				n = total
			}})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Failed) > 0 {
			b.Fatal(res.Failed)
		}
		first += firstAt.Sub(start)
		rest += time.Since(firstAt)
	}
	runs := float64(b.N)
	b.ReportMetric(first.Seconds()/runs, "s/first")
	b.ReportMetric(rest.Seconds()/runs/float64(n-1), "s/pdf-after")
	b.ReportMetric(float64(n), "pdfs")
}
