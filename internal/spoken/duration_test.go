package spoken

import (
	"strings"
	"testing"
	"time"
)

func TestSyllables(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"trí tuệ nhân tạo", 4},
		{"ki-lô-mét", 3},
		{"A-xê-an", 3},
		{"WTO", 3},
		{"Internet", 3},
		{"Zalo", 2},
		{"“Bình dân học vụ số”, (hai)!", 6},
		{"Một. MỤC ĐÍCH", 3},
		{"kinh tế - xã hội", 4},
		{"hai nghìn không trăm hai mươi tư", 7},
	} {
		if got := Syllables(c.in); got != c.want {
			t.Errorf("Syllables(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestDuration(t *testing.T) {
	slow := Rate{SyllablesPerMinute: 60, Sentence: time.Second, Paragraph: 2 * time.Second}
	for _, c := range []struct {
		in   string
		rate Rate
		want time.Duration
	}{
		// 6 syllables, one sentence end inside the first paragraph, one
		// paragraph break; no pause after the end.
		{"Một hai ba. Bốn năm.\n\nSáu", slow, 9 * time.Second},
		{"Một... hai", slow, 3 * time.Second},
		{"Một.\nHai.\n", slow, 4 * time.Second},
		{"Một hai ba", slow, 3 * time.Second},
		{"", slow, 0},
		{strings.Repeat("một ", 200), DefaultRate(), time.Minute},
		{"một", Rate{}, 300 * time.Millisecond},
		// Four sentences of 25 syllables at the default rate: 30 s of
		// syllables and three sentence pauses of 0.6 s.
		{strings.Repeat(strings.Repeat("một ", 24)+"một. ", 4), DefaultRate(), 31800 * time.Millisecond},
	} {
		if got := Duration(c.in, c.rate); got != c.want {
			t.Errorf("Duration(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}
