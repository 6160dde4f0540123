package spoken

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// ErrNoEspeak is returned by Preview when espeak-ng is not installed.
var ErrNoEspeak = errors.New("espeak-ng is not installed")

// Preview writes to wavPath a WAV file of read spoken by espeak-ng's
// Vietnamese voice at rate, so an editor can hear a bulletin before the
// announcer does. It is a rough machine voice, for checking what is said,
// not how. It gives up when ctx ends, or after two minutes if ctx has no
// deadline.
func Preview(ctx context.Context, read, wavPath string, rate Rate) error {
	bin, err := exec.LookPath("espeak-ng")
	if err != nil {
		return fmt.Errorf("preview: %w", errors.Join(ErrNoEspeak, err))
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
		defer cancel()
	}
	spm := rate.SyllablesPerMinute
	if !(spm > 0) {
		spm = DefaultRate().SyllablesPerMinute
	}
	// espeak-ng counts words a minute; a Vietnamese syllable is a word.
	wpm := min(max(int(spm), 80), 450)
	cmd := exec.CommandContext(ctx, bin, "-v", "vi", "-s", strconv.Itoa(wpm), "-w", wavPath, "--stdin")
	cmd.Stdin = strings.NewReader(read)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("preview: espeak-ng: %w", ctx.Err())
		}
		return fmt.Errorf("preview: espeak-ng: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return nil
}
