package search

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"loa/internal/vntext"
)

// tok is a token as the tests write it: exact form, folded form, and
// whether it is joined to the one before.
type tok struct {
	exact, folded string
	joined        bool
}

func TestTokens(t *testing.T) {
	long := strings.Repeat("a", 50)
	tests := []struct {
		in   string
		want []tok
	}{
		{"Nghị quyết 57-NQ/TW", []tok{{"nghị", "nghi", false}, {"quyết", "quyet", true}, {"57", "57", true}, {"nq", "nq", false}, {"tw", "tw", false}}},
		{"Kinh tế số đạt 30% GDP", []tok{{"kinh", "kinh", false}, {"tế", "te", true}, {"số", "so", true}, {"đạt", "dat", true}, {"30%", "30", true}, {"gdp", "gdp", true}}},
		{"4.0, 10.000 và 0,7.", []tok{{"4.0", "40", false}, {"10.000", "10000", false}, {"và", "va", true}, {"0,7", "07", true}}},
		{"R&D, a & b", []tok{{"r&d", "rd", false}, {"a", "a", false}, {"b", "b", false}}},
		{"Đường\nDương", []tok{{"đường", "duong", false}, {"dương", "duong", false}}},
		{"ĐỔI MỚI", []tok{{"đổi", "doi", false}, {"mới", "moi", true}}},
		{"Nghi\u0323 quyê\u0301t", []tok{{"nghị", "nghi", false}, {"quyết", "quyet", true}}},
		{"«chuyển đổi» số", []tok{{"chuyển", "chuyen", false}, {"đổi", "doi", true}, {"số", "so", false}}},
		{"a\tb\u00a0c", []tok{{"a", "a", false}, {"b", "b", true}, {"c", "c", true}}},
		{"Αθήνα 中文", []tok{{"αθήνα", "αθηνα", false}, {"中文", "中文", true}}},
		{"x% 5%%", []tok{{"x", "x", false}, {"5%", "5", false}}},
		{"1.2.3 a.b", []tok{{"1.2.3", "123", false}, {"a", "a", true}, {"b", "b", false}}},
		{"\u0301a", []tok{{"a", "a", false}}},
		{long, []tok{{long[:maxTokenBytes], long[:maxTokenBytes], false}}},
		{"", nil},
		{" ,.;", nil},
	}
	for _, tt := range tests {
		var got []tok
		for _, k := range Tokens(tt.in) {
			got = append(got, tok{k.Exact, k.Folded, k.Joined})
		}
		if !equalToks(got, tt.want) {
			t.Errorf("Tokens(%q)\n got %v\nwant %v", tt.in, got, tt.want)
		}
	}
}

func equalToks(a, b []tok) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestTokenOffsets(t *testing.T) {
	text := "Bình dân học vụ số: 30% «GDP»"
	var got []string
	for _, k := range Tokens(text) {
		got = append(got, text[k.Start:k.End])
	}
	want := []string{"Bình", "dân", "học", "vụ", "số", "30%", "GDP"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("offsets give %q, want %q", got, want)
	}
}

// vowels lists the 12 Vietnamese vowels with each of the 6 tones.
var vowels = []struct{ base, tones string }{
	{"a", "aàáảãạ"}, {"a", "ăằắẳẵặ"}, {"a", "âầấẩẫậ"},
	{"e", "eèéẻẽẹ"}, {"e", "êềếểễệ"},
	{"i", "iìíỉĩị"},
	{"o", "oòóỏõọ"}, {"o", "ôồốổỗộ"}, {"o", "ơờớởỡợ"},
	{"u", "uùúủũụ"}, {"u", "ưừứửữự"},
	{"y", "yỳýỷỹỵ"},
}

// TestFold checks the one folding rule: every Vietnamese letter, upper
// and lower, NFC and NFD, folds to its base in search as in slugs.
func TestFold(t *testing.T) {
	for _, v := range vowels {
		for _, r := range v.tones {
			for _, s := range []string{string(r), strings.ToUpper(string(r))} {
				for _, form := range []string{norm.NFC.String(s), norm.NFD.String(s)} {
					toks := Tokens(form)
					if len(toks) != 1 || toks[0].Folded != v.base || vntext.FoldString(form) != v.base || vntext.Slug(form) != v.base {
						t.Errorf("%q: tokens %+v, FoldString %q, Slug %q; want %q", form, toks, vntext.FoldString(form), vntext.Slug(form), v.base)
					}
				}
			}
		}
	}
	for _, s := range []string{"đ", "Đ"} {
		if vntext.FoldString(s) != "d" || Tokens(s)[0].Folded != "d" {
			t.Errorf("%q does not fold to d", s)
		}
	}
	// Slugs and search agree on every letter and digit that has an ASCII base.
	for r := rune(0); r <= 0x1EFF; r++ {
		c := vntext.Fold(r)
		if c == 0 {
			continue
		}
		if got := vntext.Slug(string(r)); got != string(rune(c)) {
			t.Errorf("Slug(%q) = %q, Fold = %q", r, got, c)
		}
		if toks := Tokens(string(r)); unicode.IsLetter(r) && (len(toks) != 1 || toks[0].Folded != string(rune(c))) {
			t.Errorf("Tokens(%q) = %+v, Fold = %q", r, toks, c)
		}
	}
	for in, want := range map[string]string{
		"Chuyển Đổi SỐ": "chuyen doi so", "Ελληνικά": "ελληνικα", "ø": "ø", "Ǆ": "ǆ",
	} {
		if got := vntext.FoldString(in); got != want {
			t.Errorf("FoldString(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"Nghị quyết 57-NQ/TW", "30% 4.0 r&d", "Nghi\u0323", "a\u0301\u0301b", "\xff\xfe 1,2", "ǅ Ⅻ ²"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		end := 0
		for i, k := range Tokens(s) {
			if k.Start < end || k.End <= k.Start || k.End > len(s) {
				t.Fatalf("%q: token %d %+v out of order", s, i, k)
			}
			end = k.End
			if k.Exact == "" || k.Folded == "" || len(k.Exact) > 3*maxTokenBytes {
				t.Fatalf("%q: token %+v", s, k)
			}
			if i == 0 && k.Joined {
				t.Fatalf("%q: first token joined", s)
			}
			for _, r := range k.Folded {
				if unicode.Is(unicode.Mn, r) || 'A' <= r && r <= 'Z' || strings.ContainsRune("%.,&", r) {
					t.Fatalf("%q: folded %q has %q", s, k.Folded, r)
				}
			}
			// A token read alone is the same token.
			again := Tokens(s[k.Start:k.End])
			if len(again) != 1 || again[0].Exact != k.Exact || again[0].Folded != k.Folded {
				t.Fatalf("%q: token %+v alone gives %+v", s, k, again)
			}
		}
		if !utf8.ValidString(s) {
			return
		}
		// NFC and NFD text give the same folded syllables.
		a, b := Tokens(norm.NFC.String(s)), Tokens(norm.NFD.String(s))
		if len(a) != len(b) {
			t.Fatalf("%q: %d tokens in NFC, %d in NFD", s, len(a), len(b))
		}
		for i := range a {
			if a[i].Folded != b[i].Folded {
				t.Fatalf("%q: token %d folds to %q in NFC, %q in NFD", s, i, a[i].Folded, b[i].Folded)
			}
		}
	})
}
