//go:build race

package pipeline

// raceEnabled: the race detector slows the engine ten times, so the
// property test takes fewer random steps.
const raceEnabled = true
