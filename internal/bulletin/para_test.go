package bulletin

import (
	"strings"
	"testing"
	"time"

	"loa/internal/markdown"
	"loa/internal/pagesrc"
	"loa/internal/spoken"
)

// TestDigitLeft checks that a digit in read text is an error at the
// paragraph's place in its file. spoken leaves none in what it reads, so
// the paragraph is made by hand.
func TestDigitLeft(t *testing.T) {
	src := &pagesrc.Source{Path: "content/phat-thanh/x.md", Body: []byte("\nMột hai.\n\nCòn 5 người.\n"), BodyLine: 4}
	p := para{kind: text, written: "Còn 5 người.", read: "Còn 5 người.", src: src, runs: []markdown.Run{{Text: "Còn 5 người.", Start: 13}}}
	ds := p.diags()
	if ds.Errors() != 1 || !strings.HasPrefix(ds[0].String(), "content/phat-thanh/x.md:7:1: the read-aloud text still has \"5\"") {
		t.Errorf("diags = %v", ds)
	}
}

func TestSentences(t *testing.T) {
	got := sentences("Một câu. Hai câu! Ba… bốn? Hết.")
	var b strings.Builder
	for _, s := range got {
		b.WriteString(s.Text + "|" + s.Pause + " ")
	}
	if want := "Một câu.|short Hai câu!|short Ba…|short bốn?|short Hết.|long "; b.String() != want {
		t.Errorf("sentences = %q, want %q", b.String(), want)
	}
}

func TestMinutes(t *testing.T) {
	for d, want := range map[time.Duration]string{
		42 * time.Second: "40 giây", 58 * time.Second: "1 phút", 3*time.Minute + 7*time.Second: "3 phút 5 giây",
		4*time.Minute + 58*time.Second: "5 phút", 250 * time.Second: "4 phút 10 giây",
	} {
		if got := Minutes(d); got != want {
			t.Errorf("Minutes(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestPartition(t *testing.T) {
	ds := []time.Duration{5, 1, 1, 1, 5, 1}
	if got := partition(ds, 2); len(got) != 1 || got[0] != 3 {
		t.Errorf("partition = %v, want [3] (7 | 7)", got)
	}
	if got := longest(ds, []int{3}); got != 7 {
		t.Errorf("longest = %v", got)
	}
	units := []unit{{d: 100}, {d: 100}, {d: 100}, {d: 100}}
	groups, ok := cut(units, 250, 150)
	if len(groups) != 2 || !ok {
		t.Errorf("cut: %d groups, ok %v", len(groups), ok)
	}
	if _, ok := cut([]unit{{d: 100}, {d: 200}}, 250, 150); ok {
		t.Error("cut: a group of 100 under the least of 150 was ok")
	}
	_ = spoken.DefaultRate
}
