package vntext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// vowels lists the 12 Vietnamese vowels with each of the 6 tones (none,
// huyền, sắc, hỏi, ngã, nặng), and the ASCII letter each must fold to.
var vowels = []struct {
	base  string
	tones string
}{
	{"a", "aàáảãạ"}, {"a", "ăằắẳẵặ"}, {"a", "âầấẩẫậ"},
	{"e", "eèéẻẽẹ"}, {"e", "êềếểễệ"},
	{"i", "iìíỉĩị"},
	{"o", "oòóỏõọ"}, {"o", "ôồốổỗộ"}, {"o", "ơờớởỡợ"},
	{"u", "uùúủũụ"}, {"u", "ưừứửữự"},
	{"y", "yỳýỷỹỵ"},
}

func TestSlugAlphabet(t *testing.T) {
	n := 0
	for _, v := range vowels {
		for _, r := range v.tones {
			for _, s := range []string{string(r), strings.ToUpper(string(r))} {
				for _, form := range []string{norm.NFC.String(s), norm.NFD.String(s)} {
					if got := Slug(form); got != v.base {
						t.Errorf("Slug(%q) = %q, want %q", form, got, v.base)
					}
				}
				n++
			}
		}
	}
	if n != 12*6*2 {
		t.Fatalf("tested %d letters, want %d", n, 12*6*2)
	}
	for _, s := range []string{"đ", "Đ"} {
		if got := Slug(s); got != "d" {
			t.Errorf("Slug(%q) = %q, want d", s, got)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nghị quyết 57 là gì?", "nghi-quyet-57-la-gi"},
		{"Nghị quyết 57 là gì.md", "nghi-quyet-57-la-gi-md"},
		{"ĐỔI MỚI SÁNG TẠO", "doi-moi-sang-tao"},
		{"Chương trình", "chuong-trinh"},
		{"  --Khoa học -- công nghệ--  ", "khoa-hoc-cong-nghe"},
		{"Số 01-KH/BTGDVTU", "so-01-kh-btgdvtu"},
		{"Hỏi – đáp", "hoi-dap"},
		{"Ça coûte déjà", "ca-coute-deja"},
		{"Tiếng Việt 中文 text", "tieng-viet-text"},
		{"中文", ""},
		{"../../etc/passwd", "etc-passwd"},
		{"", ""},
		{"a\u0301b", "ab"}, // a combining mark stays inside the word
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Nghị quyết 57 là gì?", "ĐỔI MỚI", "a\u0301", "../x", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if Slug(got) != got {
			t.Fatalf("Slug not idempotent: %q -> %q -> %q", s, got, Slug(got))
		}
		if Slug(norm.NFD.String(s)) != Slug(norm.NFC.String(s)) && utf8.ValidString(s) {
			t.Fatalf("NFC and NFD differ for %q", s)
		}
		for i := 0; i < len(got); i++ {
			c := got[i]
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
				t.Fatalf("Slug(%q) = %q has byte %q", s, got, c)
			}
		}
		if strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.Contains(got, "--") {
			t.Fatalf("Slug(%q) = %q has stray hyphens", s, got)
		}
	})
}

func BenchmarkSlug(b *testing.B) {
	for b.Loop() {
		Slug("Những mục tiêu chủ yếu đến năm 2030 của Nghị quyết")
	}
}

func TestNFC(t *testing.T) {
	tests := []string{
		"Nghị quyết 57 về đột phá", "ĂÂĐÊÔƠƯ ăâđêôơư", "ẪỄỘ ậễở",
		"e\u0302\u0323", // ệ decomposed
		"\u2126",        // OHM SIGN: NFC maps it to Ω
		"Å",             // A + ring, composes
		"a\u0301 b",
		"中文 text",
	}
	for _, s := range tests {
		want := norm.NFC.String(s)
		if got := NFCString(s); got != want {
			t.Errorf("NFCString(%q) = %q, want %q", s, got, want)
		}
		if got := string(NFC([]byte(s))); got != want {
			t.Errorf("NFC(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzNFC(f *testing.F) {
	f.Add("Nghị quyết")
	f.Add("e\u0302\u0323")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		if got, want := NFCString(s), norm.NFC.String(s); got != want {
			t.Fatalf("NFCString(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkNFC(b *testing.B) {
	text := []byte(strings.Repeat("Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo. ", 100))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		NFC(text)
	}
}
