package vntext

import (
	"testing"
	"time"
)

func TestDateLine(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		place string
		t     time.Time
		want  string
	}{
		{"Hưng Yên", day(2025, 2, 25), "Hưng Yên, ngày 25 tháng 02 năm 2025"},
		{"Hà Nội", day(2018, 4, 3), "Hà Nội, ngày 03 tháng 4 năm 2018"},
		{"Hưng Yên", day(2025, 1, 5), "Hưng Yên, ngày 05 tháng 01 năm 2025"},
		{"Hưng Yên", day(2025, 3, 1), "Hưng Yên, ngày 01 tháng 3 năm 2025"},
		{"Hưng Yên", day(2025, 8, 27), "Hưng Yên, ngày 27 tháng 8 năm 2025"},
		{"Hưng Yên", day(2025, 10, 10), "Hưng Yên, ngày 10 tháng 10 năm 2025"},
		{"Hưng Yên", day(2024, 12, 22), "Hưng Yên, ngày 22 tháng 12 năm 2024"},
		{"", day(2024, 12, 22), "Ngày 22 tháng 12 năm 2024"},
	}
	for _, tt := range tests {
		if got := DateLine(tt.place, tt.t); got != tt.want {
			t.Errorf("DateLine(%q, %s) = %q, want %q", tt.place, tt.t.Format(time.DateOnly), got, tt.want)
		}
	}
}

func TestCollator(t *testing.T) {
	// Dictionary order: a ă â b ... d đ e ê ... o ô ơ ... u ư.
	words := []string{"an", "ăn", "ân", "bàn", "da", "đa", "em", "êm", "o", "ô", "ơ", "u", "ư"}
	c := NewCollator()
	for i := 1; i < len(words); i++ {
		if c.Compare(words[i-1], words[i]) >= 0 {
			t.Errorf("Compare(%q, %q) >= 0, want < 0", words[i-1], words[i])
		}
		if string(c.Key(words[i-1])) >= string(c.Key(words[i])) {
			t.Errorf("Key(%q) >= Key(%q)", words[i-1], words[i])
		}
	}
	if c.Compare("Đổi mới", "đổi mới") != 0 {
		t.Error("case should not matter at the first level")
	}
}
