package fit

import (
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// longSlogan has about 200 characters, more than any slogan of the campaign.
const longSlogan = "NHIỆT LIỆT HƯỞNG ỨNG NGHỊ QUYẾT 57-NQ/TW CỦA BỘ CHÍNH TRỊ VỀ ĐỘT PHÁ PHÁT TRIỂN " +
	"KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ QUỐC GIA, " +
	"ĐƯA ĐẤT NƯỚC VỮNG BƯỚC VÀO KỶ NGUYÊN VƯƠN MÌNH"

// checkFits fails unless r is a valid fit of text in box: the words in
// order, each width the measured width of its line, every line within the
// width, all lines within the height, the size within the cap.
func checkFits(t *testing.T, f *Font, text string, box Box, opts Options, r Result) {
	t.Helper()
	opts, err := opts.resolve(box)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(r.Lines, " "), strings.Join(strings.FieldsFunc(norm.NFC.String(text), isBreak), " "); got != want {
		t.Errorf("lines %q do not hold the words of %q", r.Lines, text)
	}
	if len(r.Lines) != len(r.Widths) || len(r.Lines) == 0 || len(r.Lines) > opts.MaxLines {
		t.Fatalf("%d lines, %d widths, at most %d lines", len(r.Lines), len(r.Widths), opts.MaxLines)
	}
	if !(r.Size > 0 && r.Size <= opts.MaxSize) {
		t.Errorf("size %g, want in (0, %g]", r.Size, opts.MaxSize)
	}
	avail := box.Width * (1 - opts.Safety)
	for i, line := range r.Lines {
		if strings.HasPrefix(line, " ") || strings.HasSuffix(line, " ") || line == "" {
			t.Errorf("line %d is %q", i, line)
		}
		if w := f.Width(line, r.Size); w != r.Widths[i] {
			t.Errorf("Widths[%d] = %g, Width(%q) = %g", i, r.Widths[i], line, w)
		}
		if r.Widths[i] > avail {
			t.Errorf("line %q is %g wide, more than %g", line, r.Widths[i], avail)
		}
	}
	if h := float64(len(r.Lines)) * r.Size * opts.LineHeight; h > box.Height {
		t.Errorf("%d lines at %g are %g high, more than %g", len(r.Lines), r.Size, h, box.Height)
	}
}

func TestFitShort(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	box := Box{4900, 700}
	for _, text := range []string{"ĐỔI MỚI", "TOÀN DÂN HỌC TẬP SỐ", "Tô Lâm"} {
		r, err := Fit(f, text, box, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkFits(t, f, text, box, Options{}, r)
		if len(r.Lines) != 1 || r.Lines[0] != text {
			t.Errorf("Fit(%q).Lines = %q, want one line", text, r.Lines)
		}
		if want := 700 / (2 * 1.35); r.Size != want {
			t.Errorf("Fit(%q).Size = %g, want the cap %g", text, r.Size, want)
		}
	}
	r, err := Fit(f, "ĐỔI MỚI", box, Options{MaxSize: 300})
	if err != nil || r.Size != 300 {
		t.Errorf("with MaxSize 300: size %g, %v", r.Size, err)
	}
	r, err = Fit(f, "ĐỔI MỚI", box, Options{MaxSize: math.Inf(1)})
	if want := 700 / 1.35; err != nil || r.Size != want {
		t.Errorf("without a cap: size %g, want the full height %g (%v)", r.Size, want, err)
	}
}

func TestFitLong(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	if n := len([]rune(longSlogan)); n < 180 {
		t.Fatalf("longSlogan has %d characters", n)
	}
	for _, tt := range []struct {
		box   Box
		lines int
	}{
		{Box{4900, 700}, 4},
		{Box{2300, 1100}, 6},
	} {
		r, err := Fit(f, longSlogan, tt.box, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkFits(t, f, longSlogan, tt.box, Options{}, r)
		if len(r.Lines) != tt.lines {
			t.Errorf("%v: %d lines %q, want %d", tt.box, len(r.Lines), r.Lines, tt.lines)
		}
		// Balanced: with this many words, no line falls far short of the widest.
		if lo, hi := minMax(r.Widths); lo < 0.8*hi {
			t.Errorf("%v: lines from %g to %g wide: %q", tt.box, lo, hi, r.Lines)
		}
		// Optimal: no split into any number of lines allows a larger size.
		p := newPlanner(f, strings.Fields(longSlogan), tt.box, Options{LineHeight: 1.35, MaxLines: 6, MaxSize: tt.box.Height / 2.7, Safety: 0.01})
		for n := 1; n <= 6; n++ {
			widest, _ := bruteForce(f, p.words, n)
			size := min(tt.box.Height/2.7, tt.box.Height/(float64(n)*1.35), tt.box.Width*0.99*float64(f.UnitsPerEm())/float64(widest))
			if size > r.Size*(1+1e-12) {
				t.Errorf("%v: %d lines allow size %g, Fit chose %g with %d lines", tt.box, n, size, r.Size, len(r.Lines))
			}
		}
	}
}

// minMax returns the smallest and the largest of xs.
func minMax(xs []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, x := range xs {
		lo, hi = min(lo, x), max(hi, x)
	}
	return lo, hi
}

// bruteForce tries every split of words into n lines and returns the
// narrowest widest line, in font units, and the least sum of squares of
// line widths among the splits that reach it. Each line is measured whole.
func bruteForce(f *Font, words []string, n int) (widest int64, squares float64) {
	lines := make(map[[2]int]int64) // width of words[s:e], measured once
	width := func(s, e int) int64 {
		w, ok := lines[[2]int{s, e}]
		if !ok {
			w = f.units(strings.Join(words[s:e], " "))
			lines[[2]int{s, e}] = w
		}
		return w
	}
	widest, squares = math.MaxInt64, math.Inf(1)
	var try func(start, left int, wide int64, sq float64)
	try = func(start, left int, wide int64, sq float64) {
		if left == 1 {
			w := width(start, len(words))
			wide, sq = max(wide, w), sq+float64(w)*float64(w)
			if wide < widest || wide == widest && sq < squares {
				widest, squares = wide, sq
			}
			return
		}
		for end := start + 1; end <= len(words)-left+1; end++ {
			w := width(start, end)
			try(end, left-1, max(wide, w), sq+float64(w)*float64(w))
		}
	}
	try(0, n, 0, 0)
	return widest, squares
}

// TestSplitOptimal compares the dynamic programme with every possible split
// of random slogans of up to 12 words.
func TestSplitOptimal(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	vocabulary := strings.Fields("ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN SỐ NGHỊ QUYẾT 57-NQ/TW KHOA HỌC, CÔNG NGHỆ " +
		"Tô Lâm AVATAR LAY TÀI Yêu TẦM NHÌN ĐẾN NĂM 2045 NHIỆT LIỆT HƯỞNG ỨNG KỶ NGUYÊN VƯƠN MÌNH " +
		"là đột phá quan trọng hàng đầu; W I . người dân doanh nghiệp trung tâm Hưng Yên 10/10 " +
		"www.hungyen.gov.vn/chuyen-doi-so ẪỄỘ")
	rng := rand.New(rand.NewPCG(57, 2024))
	for range 300 {
		words := make([]string, 1+rng.IntN(12))
		for i := range words {
			words[i] = vocabulary[rng.IntN(len(vocabulary))]
		}
		p := newPlanner(f, words, Box{1000, 1000}, Options{})
		if !p.grows {
			t.Fatalf("%q: a line gets narrower with a word", words)
		}
		narrowest := p.narrowest(len(words))
		slow := *p
		slow.grows = false // no early stops
		if got := slow.narrowest(len(words)); !slices.Equal(got, narrowest) {
			t.Errorf("%q: narrowest %v, without early stops %v", words, narrowest, got)
		}
		for n := 1; n <= len(words); n++ {
			ends := p.split(n, narrowest[n])
			if got := slow.split(n, narrowest[n]); !slices.Equal(got, ends) {
				t.Errorf("%q in %d lines: split %v, without early stops %v", words, n, ends, got)
			}
			var widest int64
			var squares float64
			start := 0
			for _, end := range ends {
				w := f.units(strings.Join(words[start:end], " "))
				widest, squares = max(widest, w), squares+float64(w)*float64(w)
				start = end
			}
			wantWidest, wantSquares := bruteForce(f, words, n)
			if widest != wantWidest || squares > wantSquares*(1+1e-12) {
				t.Errorf("%q in %d lines: split %v has widest %d, squares %g; best %d, %g",
					words, n, ends, widest, squares, wantWidest, wantSquares)
			}
		}
	}
}

// TestPlannerWidth checks that summing words and joins gives the width of
// the whole line, for every run of words of some slogans.
func TestPlannerWidth(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	for _, text := range []string{longSlogan, "AV AV To To Ta LT , C (j W. V. Y. \"A\" 'A' x\u0302 ı̂)", "Đổi mới sáng tạo và chuyển đổi số"} {
		words := strings.Fields(text)
		p := newPlanner(f, words, Box{1, 1}, Options{})
		for s := range words {
			for e := s + 1; e <= len(words); e++ {
				if got, want := p.width(s, e), f.units(strings.Join(words[s:e], " ")); got != want {
					t.Errorf("width of %q = %d, measured whole %d", strings.Join(words[s:e], " "), got, want)
				}
			}
		}
	}
}

func TestFitLongWord(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	box := Box{2300, 1100}
	for _, text := range []string{
		"https://chuyendoiso.hungyen.gov.vn/nghi-quyet-57-nq-tw-ve-dot-pha-phat-trien-khoa-hoc-cong-nghe",
		"Xem https://chuyendoiso.hungyen.gov.vn/nghi-quyet-57-nq-tw-ve-dot-pha-phat-trien-khoa-hoc-cong-nghe ngay",
	} {
		r, err := Fit(f, text, box, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkFits(t, f, text, box, Options{}, r)
		long := strings.Fields(text)[min(1, len(strings.Fields(text))-1)]
		if !containsLine(r.Lines, long) {
			t.Errorf("Fit(%q).Lines = %q, want the address alone on a line", text, r.Lines)
		}
		if r.Size > 100 {
			t.Errorf("Fit(%q).Size = %g, want a small size", text, r.Size)
		}
	}
}

// containsLine reports whether lines holds line.
func containsLine(lines []string, line string) bool {
	for _, l := range lines {
		if l == line {
			return true
		}
	}
	return false
}

// TestFitText checks how Fit reads the text: NFC, runs of ASCII white
// space as one break, no break at a no-break space.
func TestFitText(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	box := Box{500, 2000}
	tests := []struct {
		text string
		want []string
	}{
		{norm.NFD.String("Đổi mới"), []string{"Đổi", "mới"}},
		{"  Đổi\t\tmới \n", []string{"Đổi", "mới"}},
		{"Đổi\u00a0mới sáng\u00a0tạo", []string{"Đổi\u00a0mới", "sáng\u00a0tạo"}},
	}
	for _, tt := range tests {
		r, err := Fit(f, tt.text, box, Options{MaxSize: math.Inf(1)})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(r.Lines, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Fit(%q).Lines = %q, want %q", tt.text, r.Lines, tt.want)
		}
	}
}

// TestFitFewerLines checks that of two line counts that allow the same
// size, the fewer lines win.
func TestFitFewerLines(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	for _, maxLines := range []int{1, 2, 6} {
		r, err := Fit(f, "VÀ VÀ VÀ VÀ", Box{100000, 100}, Options{MaxLines: maxLines})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Lines) != 1 {
			t.Errorf("MaxLines %d: %q, want one line", maxLines, r.Lines)
		}
	}
	r, err := Fit(f, "VÀ VÀ VÀ VÀ", Box{100, 100000}, Options{MaxLines: 2})
	if err != nil || len(r.Lines) != 2 {
		t.Errorf("narrow box, MaxLines 2: %q, %v; want two lines", r.Lines, err)
	}
}

func TestFitErrors(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	ok := Box{4900, 700}
	tests := []struct {
		text string
		box  Box
		opts Options
		want string // in the error message
	}{
		{"", ok, Options{}, "empty text"},
		{" \t\n ", ok, Options{}, "empty text"},
		{"Hà Nội 中文", ok, Options{}, `"中" (U+4E2D), "文" (U+6587)`},
		{"Giảm 1⁄2 thủ tục", ok, Options{}, "fraction slash"},
		{"ĐỔI MỚI", Box{0, 700}, Options{}, "box"},
		{"ĐỔI MỚI", Box{4900, -1}, Options{}, "box"},
		{"ĐỔI MỚI", Box{math.NaN(), 700}, Options{}, "box"},
		{"ĐỔI MỚI", Box{math.Inf(1), 700}, Options{}, "box"},
		{"ĐỔI MỚI", Box{5e-324, 700}, Options{}, "box"},
		{"ĐỔI MỚI", Box{4900, 1e10}, Options{}, "box"},
		{"ĐỔI MỚI", ok, Options{LineHeight: 1.2}, "stacked Vietnamese marks"},
		{"ĐỔI MỚI", ok, Options{LineHeight: math.NaN()}, "line height"},
		{"ĐỔI MỚI", ok, Options{MaxLines: -1}, "max lines"},
		{"ĐỔI MỚI", ok, Options{MaxSize: -5}, "max size"},
		{"ĐỔI MỚI", ok, Options{Safety: 0.5}, "safety"},
		{"ĐỔI MỚI", ok, Options{Safety: -0.01}, "safety"},
	}
	for _, tt := range tests {
		_, err := Fit(f, tt.text, tt.box, tt.opts)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Fit(%q, %v, %+v) error %v, want one with %q", tt.text, tt.box, tt.opts, err, tt.want)
		}
	}
}

// FuzzFit checks that Fit never panics and that what it returns fits.
func FuzzFit(f *testing.F) {
	font := loadFont(f, "NotoSans-Bold.ttf")
	f.Add(longSlogan, 4900.0, 700.0, 0, 0.0)
	f.Add("TOÀN DÂN HỌC TẬP SỐ", 2300.0, 1100.0, 2, 1.5)
	f.Add("Tô\u00a0Lâm x\u0302 ı̂) A\u200bV", 277.0, 400.0, 6, 1.35)
	f.Add("https://chuyendoiso.hungyen.gov.vn", 1.0, 1e6, 1, 0.0)
	f.Fuzz(func(t *testing.T, text string, width, height float64, maxLines int, lineHeight float64) {
		box, opts := Box{width, height}, Options{MaxLines: maxLines % 20, LineHeight: lineHeight}
		r, err := Fit(font, text, box, opts)
		if err != nil {
			return
		}
		opts, _ = opts.resolve(box)
		avail := box.Width*(1-opts.Safety) + 1e-9
		for i, w := range r.Widths {
			if !(w <= avail) {
				t.Errorf("line %q is %g wide, box %g", r.Lines[i], w, box.Width)
			}
		}
		if h := float64(len(r.Lines)) * r.Size * opts.LineHeight; !(h <= box.Height+1e-9) {
			t.Errorf("%d lines at %g are %g high, box %g", len(r.Lines), r.Size, h, box.Height)
		}
		if len(r.Lines) == 0 || len(r.Lines) != len(r.Widths) || !(r.Size > 0) {
			t.Errorf("result %+v", r)
		}
	})
}

func BenchmarkFit(b *testing.B) {
	f := loadFont(b, "NotoSans-Bold.ttf")
	for b.Loop() {
		if _, err := Fit(f, longSlogan, Box{4900, 700}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWidth(b *testing.B) {
	f := loadFont(b, "NotoSans-Bold.ttf")
	for b.Loop() {
		f.Width(longSlogan, 100)
	}
}

func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile("../../static/fonts/NotoSans-Bold.ttf")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFitExtremeBoxes checks boxes at the limits, far outside print sizes:
// the result must still fit.
func TestFitExtremeBoxes(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	for _, box := range []Box{{1e-3, 1e-3}, {1e9, 1e9}, {1e-3, 1e9}, {1e9, 1e-3}} {
		for _, text := range []string{longSlogan, "VÀ", "\u200b"} {
			r, err := Fit(f, text, box, Options{MaxLines: 100})
			if err != nil {
				t.Errorf("%v: %v", box, err)
				continue
			}
			checkFits(t, f, text, box, Options{MaxLines: 100}, r)
		}
	}
}
