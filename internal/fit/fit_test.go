package fit

import (
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"loa/internal/vnbreak"
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
	if got, want := strings.Join(r.Lines, " "), strings.Join(fields(norm.NFC.String(text)), " "); got != want {
		t.Errorf("lines %q do not hold the words of %q", r.Lines, text)
	}
	checkBreaks(t, text, r.Lines)
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

// fields splits s at runs of ASCII white space, as Fit does.
func fields(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' })
}

// checkBreaks fails unless lines, the lines of text, end only where
// vnbreak allows a break, and at every forced break.
func checkBreaks(t *testing.T, text string, lines []string) {
	t.Helper()
	a := vnbreak.Analyze(text)
	usable := make([]bool, len(a.Costs))
	allKeep := true
	for i, c := range a.Costs {
		usable[i] = c < vnbreak.Keep
		allKeep = allKeep && !usable[i]
	}
	end := 0
	breaks := map[int]bool{}
	for i, l := range lines[:len(lines)-1] {
		end += len(fields(l))
		breaks[end-1] = true
		if !usable[end-1] && !allKeep {
			t.Errorf("%q: line %d %q ends at a %v gap", text, i, l, a.Costs[end-1])
		}
	}
	for i, c := range a.Costs {
		if c == vnbreak.Forced && !breaks[i] {
			t.Errorf("%q: no line ends at the forced break after %q", text, a.Parts[i])
		}
	}
}

// TestFitShort checks that a one-line slogan is as large as the box
// allows: as high as the box, or as wide. (Until issue 8 it was capped at
// half the box height, so "TOÀN DÂN HỌC TẬP SỐ" filled 55 % of the width.)
func TestFitShort(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	box := Box{4900, 700}
	for _, tt := range []struct {
		text string
		fill float64 // the part of the safe width the line fills
	}{
		{"ĐỔI MỚI", 0},
		{"TOÀN DÂN HỌC TẬP SỐ", 1},
		{"Tô Lâm", 0},
	} {
		text := tt.text
		r, err := Fit(f, text, box, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkFits(t, f, text, box, Options{}, r)
		if len(r.Lines) != 1 || r.Lines[0] != text {
			t.Errorf("Fit(%q).Lines = %q, want one line", text, r.Lines)
		}
		avail := 4900 * 0.99
		want := min(700/1.35, avail*float64(f.UnitsPerEm())/float64(f.units(text)))
		if !(r.Size <= want && r.Size >= math.Nextafter(math.Nextafter(want, 0), 0)) {
			t.Errorf("Fit(%q).Size = %.17g, want the box's %.17g", text, r.Size, want)
		}
		if tt.fill == 1 && r.Widths[0] < avail*(1-1e-12) {
			t.Errorf("Fit(%q) fills %g of %g mm", text, r.Widths[0], avail)
		}
	}
	r, err := Fit(f, "ĐỔI MỚI", box, Options{MaxSize: 300})
	if err != nil || r.Size != 300 {
		t.Errorf("with MaxSize 300: size %g, %v", r.Size, err)
	}
	r, err = Fit(f, "ĐỔI MỚI", box, Options{MaxSize: math.Inf(1)})
	if want := 700 / 1.35; err != nil || r.Size != want {
		t.Errorf("MaxSize +Inf: size %g, want the full height %g (%v)", r.Size, want, err)
	}
}

func TestFitLong(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	if n := len([]rune(longSlogan)); n < 180 {
		t.Fatalf("longSlogan has %d characters", n)
	}
	for _, tt := range []struct {
		box   Box
		lines []string
	}{
		{Box{4900, 700}, []string{
			"NHIỆT LIỆT HƯỞNG ỨNG NGHỊ QUYẾT 57-NQ/TW",
			"CỦA BỘ CHÍNH TRỊ VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC,",
			"CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ QUỐC GIA,",
			"ĐƯA ĐẤT NƯỚC VỮNG BƯỚC VÀO KỶ NGUYÊN VƯƠN MÌNH",
		}},
		{Box{2300, 1100}, nil},
	} {
		r, err := Fit(f, longSlogan, tt.box, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkFits(t, f, longSlogan, tt.box, Options{}, r)
		if tt.lines != nil && !slices.Equal(r.Lines, tt.lines) {
			t.Errorf("%v: lines\n%s\nwant\n%s", tt.box, strings.Join(r.Lines, "\n"), strings.Join(tt.lines, "\n"))
		}
		checkOptimal(t, f, longSlogan, tt.box, Options{}, r)
	}
}

// value is what Fit maximises: the size less the cost of the breaks.
func value(size float64, cost int) float64 { return size * 100 / float64(100+cost) }

// checkOptimal fails unless no split of text that vnbreak allows, into any
// number of lines up to MaxLines (or more, for forced breaks), has a larger
// value than r's, and, among the splits of r's value, none has fewer lines
// or, with as many, more even ones. Each line is measured whole.
func checkOptimal(t *testing.T, f *Font, text string, box Box, opts Options, r Result) {
	t.Helper()
	opts, _ = opts.resolve(box)
	a := vnbreak.Analyze(text)
	p := newPlanner(f, a.Parts, box, opts)
	memo := map[[2]int]int64{}
	measure := func(ends []int) (v, squares float64) {
		units := make([]int64, len(ends))
		cost, s := 0, 0
		for i, e := range ends {
			u, ok := memo[[2]int{s, e}]
			if !ok {
				u = f.units(a.Line(s, e))
				memo[[2]int{s, e}] = u
			}
			units[i] = u
			squares += float64(u) * float64(u)
			if e < len(a.Parts) && a.Costs[e-1] != vnbreak.Forced {
				cost += int(a.Costs[e-1])
			}
			s = e
		}
		return value(p.size(units), cost), squares
	}
	var ends []int
	for _, l := range r.Lines {
		ends = append(ends, len(fields(l))+lineStart(ends, len(ends)))
	}
	got, gotSquares := measure(ends)
	most := opts.MaxLines
	for _, c := range a.Costs {
		if c == vnbreak.Forced {
			most = max(most, len(ends))
		}
	}
	best, bestLines, bestSquares := math.Inf(-1), 0, math.Inf(1)
	for _, ends := range allSplits(a, most) {
		v, sq := measure(ends)
		if v > best || v == best && (len(ends) < bestLines || len(ends) == bestLines && sq < bestSquares) {
			best, bestLines, bestSquares = v, len(ends), sq
		}
	}
	if got != best || len(r.Lines) != bestLines || gotSquares > bestSquares*(1+1e-12) {
		t.Errorf("%q in %v: Fit's %d lines have value %g, squares %g; best %g in %d lines, squares %g",
			text, box, len(r.Lines), got, gotSquares, best, bestLines, bestSquares)
	}
}

// allSplits returns every split of a into at most most lines that breaks
// only where vnbreak allows and at every forced break.
func allSplits(a vnbreak.Text, most int) [][]int {
	usable := make([]bool, len(a.Costs))
	allKeep := true
	for i, c := range a.Costs {
		usable[i] = c < vnbreak.Keep
		allKeep = allKeep && !usable[i]
	}
	var out [][]int
	var try func(ends []int, gap int)
	try = func(ends []int, gap int) {
		if len(ends) >= most {
			return
		}

		if gap == len(a.Costs) {
			out = append(out, append(slices.Clone(ends), len(a.Parts)))
			return
		}
		if a.Costs[gap] != vnbreak.Forced {
			try(ends, gap+1)
		}
		if usable[gap] || allKeep {
			try(append(ends, gap+1), gap+1)
		}
	}
	try(nil, 0)
	return out
}

// TestFitOptimal compares Fit with every split vnbreak allows, for random
// slogans of up to 12 parts in boxes of several shapes.
func TestFitOptimal(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	vocabulary := strings.Fields("ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN SỐ NGHỊ QUYẾT 57-NQ/TW KHOA HỌC, CÔNG NGHỆ " +
		"Tô Lâm AVATAR LAY TÀI Yêu TẦM NHÌN ĐẾN NĂM 2045 NHIỆT LIỆT HƯỞNG ỨNG KỶ NGUYÊN VƯƠN MÌNH " +
		"là đột phá quan trọng hàng đầu; W I . người dân doanh nghiệp trung tâm Hưng Yên 10/10 " +
		"www.hungyen.gov.vn/chuyen-doi-so ẪỄỘ \n")
	boxes := []Box{{4900, 700}, {2300, 1100}, {287, 400}, {1000, 4000}}
	rng := rand.New(rand.NewPCG(57, 2024))
	for range 200 {
		words := make([]string, 1+rng.IntN(12))
		for i := range words {
			words[i] = vocabulary[rng.IntN(len(vocabulary))]
		}
		text := strings.ReplaceAll(strings.Join(words, " "), `\n`, "\n")
		if len(fields(text)) == 0 {
			continue
		}
		box := boxes[rng.IntN(len(boxes))]
		r, err := Fit(f, text, box, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkFits(t, f, text, box, Options{}, r)
		checkOptimal(t, f, text, box, Options{}, r)
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
	const url = "https://chuyendoiso.hungyen.gov.vn/nghi-quyet-57-nq-tw-ve-dot-pha-phat-trien-khoa-hoc-cong-nghe"
	for _, tt := range []struct {
		text  string
		lines []string
	}{
		{url, []string{url}},
		// "ngay" may not stand alone on the last line, so it joins the address.
		{"Xem " + url + " ngay", []string{"Xem", url + " ngay"}},
	} {
		r, err := Fit(f, tt.text, box, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkFits(t, f, tt.text, box, Options{}, r)
		if !slices.Equal(r.Lines, tt.lines) {
			t.Errorf("Fit(%q).Lines = %q, want %q", tt.text, r.Lines, tt.lines)
		}
		if r.Size > 100 {
			t.Errorf("Fit(%q).Size = %g, want a small size", tt.text, r.Size)
		}
	}
}

// TestFitText checks how Fit reads the text: NFC, runs of ASCII white
// space as one gap, no break at a no-break space, a forced break at a line
// feed, and the breaks vnbreak allows.
func TestFitText(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	narrow, wide := Box{500, 2000}, Box{4900, 700}
	tests := []struct {
		text string
		box  Box
		want []string
	}{
		{norm.NFD.String("Toàn dân học tập số"), narrow, []string{"Toàn dân", "học tập số"}},
		{"  Toàn\tdân \t học tập\fsố \n", narrow, []string{"Toàn dân", "học tập số"}},
		{"Đổi\u00a0mới sáng\u00a0tạo", narrow, []string{"Đổi\u00a0mới", "sáng\u00a0tạo"}},
		// Forced breaks, though one line would be larger.
		{"Toàn dân\nhọc tập số", wide, []string{"Toàn dân", "học tập số"}},
		{"Toàn dân \r\n học tập số", wide, []string{"Toàn dân", "học tập số"}},
		{"KHOA HỌC\nCÔNG NGHỆ\nĐỔI MỚI SÁNG TẠO\nCHUYỂN ĐỔI SỐ", Box{4900, 4000}, []string{"KHOA HỌC", "CÔNG NGHỆ", "ĐỔI MỚI SÁNG TẠO", "CHUYỂN ĐỔI SỐ"}},
		// One word: it stays whole, as breaking it costs more than it gains.
		{"Đổi mới", narrow, []string{"Đổi mới"}},
		// Neither a word nor a last syllable alone.
		{"Chuyển đổi số vì người dân", narrow, []string{"Chuyển đổi số", "vì người dân"}},
	}
	for _, tt := range tests {
		r, err := Fit(f, tt.text, tt.box, Options{MaxSize: math.Inf(1)})
		if err != nil {
			t.Fatal(err)
		}
		checkFits(t, f, tt.text, tt.box, Options{}, r)
		if !slices.Equal(r.Lines, tt.want) {
			t.Errorf("Fit(%q).Lines = %q, want %q", tt.text, r.Lines, tt.want)
		}
	}
}

// TestFitMaxLinesForced checks that forced breaks win over MaxLines.
func TestFitMaxLinesForced(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	r, err := Fit(f, "A\nB\nC", Box{1000, 1000}, Options{MaxLines: 2})
	if err != nil || !slices.Equal(r.Lines, []string{"A", "B", "C"}) {
		t.Errorf("Fit with 3 forced lines, MaxLines 2: %q, %v", r.Lines, err)
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
