package spoken

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Written by hand from the rules taught in Vietnamese schools (mốt, lăm,
// tư, linh, mười/mươi, không trăm), including the textbook examples
// 10 250 214 and 472 036 953 (Toán 4 and 5).
var numberCases = []struct {
	n    uint64
	want string
}{
	{0, "không"},
	{1, "một"},
	{2, "hai"},
	{3, "ba"},
	{4, "bốn"},
	{5, "năm"},
	{6, "sáu"},
	{7, "bảy"},
	{8, "tám"},
	{9, "chín"},
	{10, "mười"},
	{11, "mười một"},
	{12, "mười hai"},
	{14, "mười bốn"},
	{15, "mười lăm"},
	{16, "mười sáu"},
	{19, "mười chín"},
	{20, "hai mươi"},
	{21, "hai mươi mốt"},
	{22, "hai mươi hai"},
	{24, "hai mươi tư"},
	{25, "hai mươi lăm"},
	{27, "hai mươi bảy"},
	{30, "ba mươi"},
	{31, "ba mươi mốt"},
	{44, "bốn mươi tư"},
	{45, "bốn mươi lăm"},
	{50, "năm mươi"},
	{51, "năm mươi mốt"},
	{55, "năm mươi lăm"},
	{57, "năm mươi bảy"},
	{70, "bảy mươi"},
	{91, "chín mươi mốt"},
	{99, "chín mươi chín"},
	{100, "một trăm"},
	{101, "một trăm linh một"},
	{104, "một trăm linh bốn"},
	{105, "một trăm linh năm"},
	{109, "một trăm linh chín"},
	{110, "một trăm mười"},
	{111, "một trăm mười một"},
	{114, "một trăm mười bốn"},
	{115, "một trăm mười lăm"},
	{120, "một trăm hai mươi"},
	{121, "một trăm hai mươi mốt"},
	{124, "một trăm hai mươi tư"},
	{125, "một trăm hai mươi lăm"},
	{200, "hai trăm"},
	{305, "ba trăm linh năm"},
	{500, "năm trăm"},
	{555, "năm trăm năm mươi lăm"},
	{719, "bảy trăm mười chín"},
	{999, "chín trăm chín mươi chín"},
	{1000, "một nghìn"},
	{1001, "một nghìn không trăm linh một"},
	{1005, "một nghìn không trăm linh năm"},
	{1010, "một nghìn không trăm mười"},
	{1015, "một nghìn không trăm mười lăm"},
	{1021, "một nghìn không trăm hai mươi mốt"},
	{1100, "một nghìn một trăm"},
	{1169, "một nghìn một trăm sáu mươi chín"},
	{2000, "hai nghìn"},
	{2004, "hai nghìn không trăm linh bốn"},
	{2020, "hai nghìn không trăm hai mươi"},
	{2024, "hai nghìn không trăm hai mươi tư"},
	{2025, "hai nghìn không trăm hai mươi lăm"},
	{2030, "hai nghìn không trăm ba mươi"},
	{2045, "hai nghìn không trăm bốn mươi lăm"},
	{5734, "năm nghìn bảy trăm ba mươi tư"},
	{10000, "mười nghìn"},
	{10005, "mười nghìn không trăm linh năm"},
	{15000, "mười lăm nghìn"},
	{21000, "hai mươi mốt nghìn"},
	{24000, "hai mươi tư nghìn"},
	{25500, "hai mươi lăm nghìn năm trăm"},
	{100000, "một trăm nghìn"},
	{101000, "một trăm linh một nghìn"},
	{105105, "một trăm linh năm nghìn một trăm linh năm"},
	{345678, "ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám"},
	{505515, "năm trăm linh năm nghìn năm trăm mười lăm"},
	{999999, "chín trăm chín mươi chín nghìn chín trăm chín mươi chín"},
	{1000000, "một triệu"},
	{1000001, "một triệu không trăm linh một"},
	{1000100, "một triệu một trăm"},
	{1001000, "một triệu không trăm linh một nghìn"},
	{1005000, "một triệu không trăm linh năm nghìn"},
	{1500000, "một triệu năm trăm nghìn"},
	{2000024, "hai triệu không trăm hai mươi tư"},
	{5025110, "năm triệu không trăm hai mươi lăm nghìn một trăm mười"},
	{10000000, "mười triệu"},
	{10250214, "mười triệu hai trăm năm mươi nghìn hai trăm mười bốn"},
	{21000000, "hai mươi mốt triệu"},
	{472036953, "bốn trăm bảy mươi hai triệu không trăm ba mươi sáu nghìn chín trăm năm mươi ba"},
	{999999999, "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín"},
	{1000000000, "một tỷ"},
	{1000000005, "một tỷ không trăm linh năm"},
	{1505555005, "một tỷ năm trăm linh năm triệu năm trăm năm mươi lăm nghìn không trăm linh năm"},
	{1000000000000, "một nghìn tỷ"},
	{1500000000000, "một nghìn năm trăm tỷ"},
	{2000000000021, "hai nghìn tỷ không trăm hai mươi mốt"},
	{1000000000000000, "một triệu tỷ"},
	{1000000000000000000, "một tỷ tỷ"},
	{math.MaxUint64, "mười tám tỷ bốn trăm bốn mươi sáu triệu bảy trăm bốn mươi tư nghìn không trăm bảy mươi ba tỷ " +
		"bảy trăm linh chín triệu năm trăm năm mươi mốt nghìn sáu trăm mười lăm"},
}

func TestNumber(t *testing.T) {
	if len(numberCases) < 80 {
		t.Fatalf("only %d hand-written cases", len(numberCases))
	}
	r := Default()
	for _, c := range numberCases {
		if got := r.Number(c.n); got != c.want {
			t.Errorf("Number(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

// The regional and older choices: ngàn, lẻ, nhăm, bốn after mươi.
func TestNumberVariants(t *testing.T) {
	r, err := New(Options{Thousand: "ngàn", ZeroTens: "lẻ", Five: "nhăm", Four: "bốn"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		n    uint64
		want string
	}{
		{15, "mười lăm"},
		{25, "hai mươi nhăm"},
		{24, "hai mươi bốn"},
		{14, "mười bốn"},
		{105, "một trăm lẻ năm"},
		{1005, "một ngàn không trăm lẻ năm"},
		{2024, "hai ngàn không trăm hai mươi bốn"},
		{45000, "bốn mươi nhăm ngàn"},
		{21, "hai mươi mốt"},
	} {
		if got := r.Number(c.n); got != c.want {
			t.Errorf("Number(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

// TestNumberRoundTrip reads numbers back with parseVietnamese, a strict
// parser of the canonical grammar written independently of number.go: it
// rejects "hai mươi một", "mười năm", "hai mươi bốn" (default options), a
// missing "không trăm" or "linh". Every number 0…100 000, and 200 000
// random numbers up to 10⁹ (half uniform, half spread over the orders of
// magnitude) and 20 000 up to 10¹⁸, must come back.
func TestNumberRoundTrip(t *testing.T) {
	variants := []struct {
		opts Options
		p    parser
	}{
		{Options{}, parser{thousand: "nghìn", linh: "linh", four: "tư", five: "lăm"}},
		{Options{Thousand: "ngàn", ZeroTens: "lẻ", Five: "nhăm", Four: "bốn"}, parser{thousand: "ngàn", linh: "lẻ", four: "bốn", five: "nhăm"}},
	}
	rng := rand.New(rand.NewPCG(57, 2024))
	var nums []uint64
	for n := uint64(0); n <= 100000; n++ {
		nums = append(nums, n)
	}
	for range 100000 {
		nums = append(nums, rng.Uint64N(1_000_000_001))
		nums = append(nums, uint64(math.Pow(10, rng.Float64()*9)))
	}
	for range 20000 {
		nums = append(nums, rng.Uint64N(1_000_000_000_000_000_001))
	}
	for _, v := range variants {
		r, err := New(v.opts)
		if err != nil {
			t.Fatal(err)
		}
		fails := 0
		for _, n := range nums {
			words := r.Number(n)
			got, err := v.p.parse(words)
			if err != nil || got != n {
				t.Errorf("%+v: Number(%d) = %q, parsed back as %d, %v", v.opts, n, words, got, err)
				if fails++; fails > 10 {
					t.FailNow()
				}
			}
		}
	}
}

// The parser itself must refuse the usual mistakes, or the round trip
// proves nothing.
func TestParserRejects(t *testing.T) {
	p := parser{thousand: "nghìn", linh: "linh", four: "tư", five: "lăm"}
	for _, bad := range []string{
		"hai mươi một", "mười năm", "hai mươi bốn", "hai mươi năm", "một trăm năm", "mười một trăm",
		"một nghìn năm", "một nghìn linh năm", "một nghìn hai mươi tư", "hai nghìn không trăm",
		"một trăm linh mốt", "một trăm linh lăm", "mươi", "không không", "một mười", "một triệu không trăm",
		"một tỷ năm", "tỷ", "một nghìn nghìn", "một triệu một tỷ một triệu", "mười một nghìn không trăm không",
		"ba mươi mười", "bốn mươi tư mươi",
	} {
		if n, err := p.parse(bad); err == nil {
			t.Errorf("parse(%q) = %d, want an error", bad, n)
		}
	}
}
