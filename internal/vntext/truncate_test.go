package vntext

import "testing"

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"ngắn", 10, "ngắn"},
		{"ngắn", 4, "ngắn"},
		{"Nghị quyết số 57 về đột phá phát triển khoa học", 20, "Nghị quyết số 57 về…"},
		{"Nghị quyết số 57, về đột phá", 16, "Nghị quyết số…"},
		{"Mộthaibabốnnămsáubảytámchín", 10, "Mộthaibab…"},
		{"abc", 0, ""},
	}
	for _, tt := range tests {
		if got := Truncate(tt.in, tt.n); got != tt.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
