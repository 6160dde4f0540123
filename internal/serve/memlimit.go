package serve

import (
	"runtime/debug"
	"runtime/metrics"
)

// limitMemory keeps the heap near what the site needs. Go lets a heap grow
// to twice its live size between collections; for a preview that holds a
// 10,000-page site (about 130 MB live) that means 300 MB of memory for
// nothing. A soft limit of the live size plus half of it (at least 64 MB)
// makes the collector run a little more often instead. It follows the site
// as it grows, and a GOMEMLIMIT the user set wins.
func limitMemory() {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	live := int64(sample[0].Value.Uint64())
	debug.SetMemoryLimit(live + max(64<<20, live/2))
}
