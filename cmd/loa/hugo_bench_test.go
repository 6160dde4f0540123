package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"loa/internal/synth"
)

// BenchmarkBuildVsHugo builds the same synthetic sites (a quarter of the
// pages slogans, each making a banner and a panel) with loa build and with
// Hugo, one after the other in each iteration, each as its own process
// writing to the same disk, and reports both wall times and peak resident
// memories and their ratios:
//
//	go test -run - -bench BuildVsHugo -benchtime 3x ./cmd/loa
//
// LOA_BENCH_DIR chooses where the sites are written (a tmpfs takes the
// disk out of the comparison). It skips without hugo (Debian: hugo).
func BenchmarkBuildVsHugo(b *testing.B) {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		b.Skip("hugo is not installed (Debian: apt-get install hugo)")
	}
	root := os.Getenv("LOA_BENCH_DIR")
	if root == "" {
		root = b.TempDir()
	}
	loa := filepath.Join(b.TempDir(), "loa")
	if out, err := exec.Command("go", "build", "-o", loa, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	for _, n := range []int{2500, 5000, 10000, 20000} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			dir, err := os.MkdirTemp(root, "site-")
			if err != nil {
				b.Fatal(err)
			}
			defer os.RemoveAll(dir)
			if err := synth.Site(dir, n, 600, 1); err != nil {
				b.Fatal(err)
			}
			if err := synth.Hugo(dir); err != nil {
				b.Fatal(err)
			}
			var loaT, hugoT, loaC, hugoC time.Duration
			var loaM, hugoM int64
			for b.Loop() {
				t, c, m := measure(b, exec.Command(loa, "build", "-s", dir, "-d", filepath.Join(dir, "public")))
				loaT, loaC, loaM = loaT+t, loaC+c, max(loaM, m)
				os.RemoveAll(filepath.Join(dir, "hugo-public"))
				t, c, m = measure(b, exec.Command(hugo, "--quiet", "--source", dir, "--config", "hugo.toml", "--destination", filepath.Join(dir, "hugo-public")))
				hugoT, hugoC, hugoM = hugoT+t, hugoC+c, max(hugoM, m)
			}
			k := float64(b.N)
			b.ReportMetric(loaT.Seconds()/k, "loa-s")
			b.ReportMetric(hugoT.Seconds()/k, "hugo-s")
			b.ReportMetric(loaC.Seconds()/k, "loa-cpu-s")
			b.ReportMetric(hugoC.Seconds()/k, "hugo-cpu-s")
			b.ReportMetric(loaC.Seconds()/hugoC.Seconds(), "cpu-ratio")
			b.ReportMetric(float64(loaM)/1024, "loa-MB")
			b.ReportMetric(float64(hugoM)/1024, "hugo-MB")
			b.ReportMetric(loaT.Seconds()/hugoT.Seconds(), "time-ratio")
			b.ReportMetric(float64(loaM)/float64(hugoM), "mem-ratio")
		})
	}
}

// measure runs cmd and returns its wall time, its CPU time (user and
// system: less disturbed than wall time by other work on the machine) and
// its peak resident memory in KB.
func measure(b *testing.B, cmd *exec.Cmd) (wall, cpu time.Duration, rss int64) {
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("%s: %v\n%s", cmd, err, out)
	}
	ps := cmd.ProcessState
	return time.Since(start), ps.UserTime() + ps.SystemTime(), ps.SysUsage().(*syscall.Rusage).Maxrss
}
