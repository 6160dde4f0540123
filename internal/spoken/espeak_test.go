package spoken

import (
	"context"
	"encoding/binary"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestPreview has espeak-ng say a read text and checks the WAV it wrote.
// Without espeak-ng it skips, unless LOA_REQUIRE_CHROMIUM=1 (CI), where
// it fails: CI must install espeak-ng.
func TestPreview(t *testing.T) {
	if _, err := exec.LookPath("espeak-ng"); err != nil {
		if os.Getenv("LOA_REQUIRE_CHROMIUM") == "1" {
			t.Fatal("espeak-ng is required (LOA_REQUIRE_CHROMIUM=1) but not installed")
		}
		t.Skip("espeak-ng not installed")
	}
	read := Default().Read("Đến năm 2030, kinh tế số đạt tối thiểu 30% GDP.").Text
	wav := filepath.Join(t.TempDir(), "x.wav")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := Preview(ctx, read, wav, DefaultRate()); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(wav)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 44 || string(b[0:4]) != "RIFF" || string(b[8:12]) != "WAVE" || string(b[12:16]) != "fmt " {
		t.Fatalf("not a WAV file: % x", b[:min(len(b), 16)])
	}
	channels := binary.LittleEndian.Uint16(b[22:24])
	rate := binary.LittleEndian.Uint32(b[24:28])
	bits := binary.LittleEndian.Uint16(b[34:36])
	data := len(b) - 44
	secs := float64(data) / float64(rate*uint32(channels)*uint32(bits/8))
	est := Duration(read, DefaultRate()).Seconds()
	t.Logf("%d syllables; espeak-ng: %d Hz, %d bit, %.2f s; Duration: %.2f s", Syllables(read), rate, bits, secs, est)
	// espeak-ng's pace is its own, not the announcer's: only check that
	// the sentence was spoken (23 syllables take more than a second).
	if channels != 1 || bits != 16 || secs < 1 {
		t.Errorf("WAV of %d channels, %d bits, %.2f s; want mono 16-bit speech of more than a second", channels, bits, secs)
	}

	// A context already done stops espeak-ng.
	done, stop := context.WithCancel(context.Background())
	stop()
	if err := Preview(done, read, wav, DefaultRate()); !errors.Is(err, context.Canceled) {
		t.Errorf("Preview with a cancelled context = %v, want context.Canceled", err)
	}
}
