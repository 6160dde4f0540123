package bulletin

import (
	"math/rand/v2"
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

// TestPartitionOptimal checks partition against the exhaustive answer on
// random durations: the largest group is the least it can be, every group
// is non-empty, and there are n of them.
func TestPartitionOptimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(57, 2024))
	for range 2000 {
		ds := make([]time.Duration, 1+rng.IntN(9))
		for i := range ds {
			ds[i] = time.Duration(1 + rng.IntN(20))
		}
		n := 1 + rng.IntN(len(ds))
		cuts := partition(ds, n)
		if len(cuts) != n-1 {
			t.Fatalf("partition(%v, %d) = %v: %d groups", ds, n, cuts, len(cuts)+1)
		}
		for i, c := range cuts {
			if c <= 0 || c >= len(ds) || (i > 0 && c <= cuts[i-1]) {
				t.Fatalf("partition(%v, %d) = %v: an empty group", ds, n, cuts)
			}
		}
		if got, want := longest(ds, cuts), leastLongest(ds, n); got != want {
			t.Fatalf("partition(%v, %d) = %v: longest %v, best is %v", ds, n, cuts, got, want)
		}
	}
}

// leastLongest tries every way of cutting ds into n groups.
func leastLongest(ds []time.Duration, n int) time.Duration {
	if n == 1 {
		return longest(ds, nil)
	}
	best := time.Duration(1 << 62)
	for i := 1; i <= len(ds)-n+1; i++ {
		best = min(best, max(longest(ds[:i], nil), leastLongest(ds[i:], n-1)))
	}
	return best
}

// TestCutHugeSection is the size of a section of thousands of questions:
// cut must stay near linear (it was cubic, and took minutes).
func TestCutHugeSection(t *testing.T) {
	units := make([]unit, 5000)
	for i := range units {
		units[i] = unit{d: time.Duration(20+i%17) * time.Second}
	}
	groups, _ := cut(units, 5*time.Minute, 3*time.Minute)
	n := 0
	for _, g := range groups {
		n += len(g)
		sum := time.Duration(0)
		for _, u := range g {
			sum += u.d
		}
		if sum > 5*time.Minute {
			t.Fatalf("a group of %v", sum)
		}
	}
	if n != len(units) {
		t.Fatalf("%d units in groups, want %d", n, len(units))
	}
}
