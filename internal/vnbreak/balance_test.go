package vnbreak

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// cardMeasure returns a measure of text in pixels, drawn as a share card
// draws it: golang.org/x/image with Noto Sans Bold at size px.
func cardMeasure(t testing.TB, px float64) func(string) float64 {
	t.Helper()
	data, err := os.ReadFile("../../static/fonts/NotoSans-Bold.ttf")
	if err != nil {
		t.Fatal(err)
	}
	f, err := opentype.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: px, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		t.Fatal(err)
	}
	return func(s string) float64 { return fixedFloat(font.MeasureString(face, s)) }
}

// fixedFloat converts a 26.6 fixed-point length to a float.
func fixedFloat(x fixed.Int26_6) float64 { return float64(x) / 64 }

// TestBalance checks the lines of titles drawn at 64 px with
// golang.org/x/image, as share cards are, in columns of several widths.
func TestBalance(t *testing.T) {
	measure := cardMeasure(t, 64)
	tests := []struct {
		text  string
		width float64
		want  []string
	}{
		// Balanced lines at phrase breaks, never inside a word.
		{"Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là đột phá quan trọng hàng đầu", 1800, []string{
			"Khoa học, công nghệ, đổi mới sáng tạo",
			"và chuyển đổi số là đột phá quan trọng hàng đầu",
		}},
		{"Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là đột phá quan trọng hàng đầu", 700, []string{
			"Khoa học, công nghệ,", "đổi mới sáng tạo", "và chuyển đổi số", "là đột phá", "quan trọng hàng đầu",
		}},
		{"Người dân và doanh nghiệp là trung tâm, là chủ thể của chuyển đổi số", 1400, []string{
			"Người dân và doanh nghiệp là trung tâm,",
			"là chủ thể của chuyển đổi số",
		}},
		{"Lấy người dân, doanh nghiệp làm trung tâm, công nghệ làm công cụ, sáng tạo làm động lực", 1800, []string{
			"Lấy người dân, doanh nghiệp làm trung tâm,",
			"công nghệ làm công cụ, sáng tạo làm động lực",
		}},
		{"Nghị quyết 57 là gì?", 1040, []string{"Nghị quyết 57 là gì?"}},
		{"Chuyển đổi số vì người dân", 500, []string{"Chuyển đổi số", "vì người dân"}},
		{"Bảo đảm an ninh không gian mạng", 600, []string{"Bảo đảm an ninh", "không gian mạng"}},
		// Forced breaks.
		{"Toàn dân\nhọc tập số", 1040, []string{"Toàn dân", "học tập số"}},
		// A part wider than the width stands alone.
		{"Xem https://chuyendoiso.hungyen.gov.vn/hoi-dap ngay", 300, []string{"Xem", "https://chuyendoiso.hungyen.gov.vn/hoi-dap ngay"}},
	}
	for _, tt := range tests {
		got := Balance(measure, tt.text, tt.width)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Balance(%q, %g) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
		for _, l := range got {
			if w := measure(l); w > tt.width && !strings.HasPrefix(l, "https:") {
				t.Errorf("Balance(%q): line %q is %g wide, more than %g", tt.text, l, w, tt.width)
			}
		}
	}
}

// FuzzBalance checks that Balance never panics, keeps the parts in order,
// breaks only where Analyze allows and at every forced break, and makes
// every line fit when the text can fit at all.
func FuzzBalance(f *testing.F) {
	f.Add("Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", 20)
	f.Add("Người dân\nlà trung tâm", 5)
	f.Add("a bb ccc dddd – e, f", 0)
	f.Add("\u00a0\n\n x", 3)
	f.Fuzz(func(t *testing.T, text string, width int) {
		measure := func(s string) float64 { return float64(utf8.RuneCountInString(s)) }
		a := Analyze(text)
		lines := Balance(measure, text, float64(width))
		if len(a.Parts) == 0 {
			if lines != nil {
				t.Errorf("no parts, lines %q", lines)
			}
			return
		}
		usable := a.usable()
		end := 0
		ends := map[int]bool{}
		for i, l := range lines {
			n := len(strings.Split(l, " "))
			if a.Line(end, end+n) != l {
				t.Fatalf("line %d %q is not parts %d to %d of %q", i, l, end, end+n, a.Parts)
			}
			end += n
			if end < len(a.Parts) {
				ends[end-1] = true
				if !usable[end-1] {
					t.Errorf("%q: a line ends at a %v gap", text, a.Costs[end-1])
				}
			}
		}
		if end != len(a.Parts) {
			t.Fatalf("lines %q hold %d of %d parts", lines, end, len(a.Parts))
		}
		for i, c := range a.Costs {
			if c == Forced && !ends[i] {
				t.Errorf("%q: no line ends at the forced break %d", text, i)
			}
		}
	})
}
