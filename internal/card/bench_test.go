package card

import (
	"fmt"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time the process has used, user and system: on a
// machine shared with other work, cards per CPU second is the measure
// that does not depend on the neighbours.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkRender draws and encodes cards of every sample in both formats,
// on every core, no two alike: what a cold build of a large site pays. It
// reports cards per second of the wall clock and per CPU second (on a
// machine of its own, 2 cores make twice the latter).
//
//	go test -run - -bench Render -cpu 1,2 ./internal/card
func BenchmarkRender(b *testing.B) {
	p := painter(b)
	var cards []Card
	for _, name := range []string{"qa", "qa-long", "goal", "slogan-draft", "slogan-long", "viewpoint", "home"} {
		cards = append(cards, samples[name])
	}
	var i, size atomic.Int64
	cpu := cpuTime()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			n := i.Add(1)
			c := cards[int(n)%len(cards)]
			c.Title = fmt.Sprintf("%s %d", c.Title, n)
			data, err := p.Render(Formats[n%2], c)
			if err != nil {
				b.Error(err)
				return
			}
			size.Add(int64(len(data)))
		}
	})
	b.StopTimer()
	used := cpuTime() - cpu
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "cards/s")
	b.ReportMetric(float64(b.N)/used.Seconds(), "cards/cpu-s")
	b.ReportMetric(float64(size.Load())/float64(b.N)/1024, "KB/card")
}
