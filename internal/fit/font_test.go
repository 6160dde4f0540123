package fit

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// loadFont parses a font of the site, static/fonts/name.
func loadFont(t testing.TB, name string) *Font {
	t.Helper()
	data, err := os.ReadFile("../../static/fonts/" + name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(data)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return f
}

// readGolden reads a file of lines "text TAB width"; lines starting with #
// are comments.
func readGolden(t *testing.T, path string) (texts []string, widths []int) {
	t.Helper()
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	for line := 1; sc.Scan(); line++ {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		text, width, ok := strings.Cut(sc.Text(), "\t")
		w, err := strconv.Atoi(width)
		if !ok || err != nil {
			t.Fatalf("%s:%d: want text TAB width, got %q", path, line, sc.Text())
		}
		texts, widths = append(texts, text), append(widths, w)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return texts, widths
}

// TestWidthHarfBuzz compares Width with the widths hb-shape gave, to the
// font unit (see testdata/hb-widths.sh).
func TestWidthHarfBuzz(t *testing.T) {
	for _, tt := range []struct{ font, golden string }{
		{"NotoSans-Bold.ttf", "testdata/hb-widths.txt"},
		{"NotoSans-Regular.ttf", "testdata/hb-widths-regular.txt"},
	} {
		f := loadFont(t, tt.font)
		texts, widths := readGolden(t, tt.golden)
		if len(texts) < 40 {
			t.Errorf("%s: %d texts, want at least 40", tt.golden, len(texts))
		}
		for i, text := range texts {
			if got := f.Width(text, float64(f.UnitsPerEm())); got != float64(widths[i]) {
				t.Errorf("%s: Width(%q) = %g, HarfBuzz %d", tt.font, text, got, widths[i])
			}
		}
	}
}

// TestKerning checks pairs whose kerning comes from each kind of subtable
// of Noto Sans Bold: pairs listed by the first subtable (format 1), pairs
// that it covers but does not list, so that the class table (format 2)
// decides, a pair that both list (the first wins), and pairs without
// kerning. The numbers are HarfBuzz's (hb-shape of the pair, less the two
// letters alone).
func TestKerning(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	tests := []struct {
		pair string
		want float64 // kerning in font units
	}{
		{"AV", -40},
		{"LT", -20},
		{"To", -70},
		{"Tô", -70},
		{"VÀ", -40},
		{"Ỵ.", -60},
		{",C", -50}, // format 1 covers the comma but not C: format 2 decides
		{"AJ", 50},  // format 1 lists it; format 2 would say 0
		{"DX", -20},
		{"(j", 40},
		{"AA", 0},
		{"oo", 0},
		{"TY", 0},
		{"A V", 0},
	}
	for _, tt := range tests {
		var apart float64
		for _, r := range tt.pair {
			apart += f.Width(string(r), 1000)
		}
		if got := f.Width(tt.pair, 1000) - apart; got != tt.want {
			t.Errorf("kerning of %q = %g, want %g", tt.pair, got, tt.want)
		}
	}
}

// TestKernTables pins down what the kerning of Noto Sans is made of, since
// the package relies on it: the 'kern' feature has a contextual lookup that
// only moves combining marks, and one pair lookup that skips marks, whose
// subtables adjust the first glyph's advance only (ValueFormat1 = XAdvance,
// ValueFormat2 = 0). A new font file that breaks these assumptions fails
// here rather than on paper.
func TestKernTables(t *testing.T) {
	for _, name := range []string{"NotoSans-Bold.ttf", "NotoSans-Regular.ttf"} {
		f := loadFont(t, name)
		var got []string
		for _, l := range f.kern {
			desc := fmt.Sprintf("lookup %d type %d flag %d", l.index, l.typ, l.flag)
			for _, p := range l.subs {
				desc += fmt.Sprintf(" | format %d x1 %d x2 %d coverage format %d", p.format, p.x1, p.x2, u16(p.cov.b, p.cov.off))
				if p.format == 2 {
					desc += fmt.Sprintf(" classes %d×%d", p.n1, p.n2)
				}
			}
			got = append(got, desc)
		}
		want := []string{
			"lookup 0 type 8 flag 0",
			"lookup 2 type 2 flag 8 | format 1 x1 0 x2 -1 coverage format 1 | format 2 x1 0 x2 -1 coverage format 2 classes 29×25",
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: kern lookups\n%s\nwant\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		for _, l := range f.kern {
			for _, p := range l.subs {
				if p.second {
					t.Errorf("%s: lookup %d has a ValueRecord2", name, l.index)
				}
			}
		}
	}
}

// vowels lists the 12 Vietnamese vowels, each with its 6 tones.
var vowels = []string{
	"aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
	"oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
}

// TestVietnameseGlyphs checks that every Vietnamese letter, in both cases
// and however it was typed, is one glyph of the font: then NFC text needs
// no mark positioning, and the kerning of its glyphs is all there is.
func TestVietnameseGlyphs(t *testing.T) {
	for _, name := range []string{"NotoSans-Bold.ttf", "NotoSans-Regular.ttf"} {
		f := loadFont(t, name)
		precomposed := 0
		for _, v := range append(slices.Clone(vowels), "đ") {
			for _, r := range v {
				for _, s := range []string{string(r), strings.ToUpper(string(r))} {
					for _, form := range []string{s, norm.NFD.String(s)} {
						gs := f.shape(norm.NFC.String(form), nil)
						if len(gs) != 1 || gs[0].id == 0 {
							t.Errorf("%s: %q (%+q) is glyphs %v, want one glyph", name, s, form, gs)
						}
					}
					if s[0] >= 0x80 {
						precomposed++
					}
				}
			}
		}
		if precomposed != 134 {
			t.Errorf("%s: checked %d precomposed letters, want 134", name, precomposed)
		}
	}
}

func TestWidthNormalises(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	for _, s := range []string{"ĐỔI MỚI SÁNG TẠO", "Nghị quyết", "Tô Lâm", "ẪỄỘ"} {
		if nfc, nfd := f.Width(s, 100), f.Width(norm.NFD.String(s), 100); nfc != nfd {
			t.Errorf("Width(%q) = %g, of its NFD form %g", s, nfc, nfd)
		}
	}
}

func TestWidthScales(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	tests := []struct {
		s    string
		size float64
		want float64
	}{
		{"", 100, 0},
		{"AVATAR", 1000, 3739},
		{"AVATAR", 100, 373.9},
		{"AVATAR", 0, 0},
		{"TÀI", 10, 15.88},
	}
	for _, tt := range tests {
		if got := f.Width(tt.s, tt.size); !near(got, tt.want) {
			t.Errorf("Width(%q, %g) = %g, want %g", tt.s, tt.size, got, tt.want)
		}
	}
}

// near reports whether a and b agree to 1e-12, relative.
func near(a, b float64) bool {
	d := a - b
	return d <= 1e-12*max(1, a, -a) && -d <= 1e-12*max(1, a, -a)
}

func TestMissing(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	tests := []struct {
		s    string
		want []rune
	}{
		{"", nil},
		{"ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ", nil},
		{norm.NFD.String("Nghị quyết 57-NQ/TW"), nil},
		{"1.000.000 ₫ – 50 % «»", nil},
		{"Số\u00a057 a\u200bb\u00adc\ufeff", nil}, // no-break space; invisible characters
		{"Hà Nội 中文中 😀", []rune{'中', '文', '😀'}},
	}
	for _, tt := range tests {
		if got := f.Missing(tt.s); !slices.Equal(got, tt.want) {
			t.Errorf("Missing(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

// TestConcurrent measures from many goroutines at once; run with -race.
func TestConcurrent(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	texts, widths := readGolden(t, "testdata/hb-widths.txt")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for i, s := range texts {
				if got := f.Width(s, 1000); got != float64(widths[i]) {
					t.Errorf("Width(%q) = %g, want %d", s, got, widths[i])
				}
			}
		})
	}
	wg.Wait()
}

func TestParseErrors(t *testing.T) {
	data, err := os.ReadFile("../../static/fonts/NotoSans-Bold.ttf")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range [][]byte{nil, []byte("not a font"), data[:100], data[:len(data)/2]} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%d bytes) succeeded, want an error", len(bad))
		}
	}
}

// FuzzKern checks that no GPOS table, however broken, makes the kerning
// parser or the kerning itself panic. (The rest of the file is read by
// golang.org/x/image/font/sfnt, fuzzed upstream.)
func FuzzKern(f *testing.F) {
	data, err := os.ReadFile("../../static/fonts/NotoSans-Bold.ttf")
	if err != nil {
		f.Fatal(err)
	}
	tables, err := tableDir(data)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(tables["GPOS"])
	f.Add(tables["GPOS"][:200])
	f.Fuzz(func(t *testing.T, gpos []byte) {
		lookups, err := parseKern(gpos)
		if err != nil {
			return
		}
		var gs []glyph
		for g := range 700 {
			gs = append(gs, glyph{uint16(g * 97 % 1100), uint8(g % 5)})
		}
		for i := range lookups {
			lookups[i].apply(gs)
		}
	})
}
