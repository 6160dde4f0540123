package spoken

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var fuzzSeeds = []string{
	"Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", "Số 01-KH/BTGDVTU", "Số: 719/QĐ-UBND",
	"Nghị định 30/2020/NĐ-CP", "≥ 30%", "16–18%/năm", "0,5%", "1.000.000", "1,000,000", "tháng 4/2025",
	"25-02-2025", "7h30", "07:30:15", "10 tỷ đồng", "500.000đ", "$5", "120 m²", "Phần II", "quý I/2025",
	"lần thứ 4", "Top 3", "trí tuệ nhân tạo (AI)", "TFP (năng suất nhân tố tổng hợp)", "R&D là viết tắt",
	"v.v.", "TP.HCM", "https://a.gov.vn/x", "a@b.vn", "0912345678", "−5°C", "3x4", "1/2", "24/7", "4.0",
	"２０２４", "٣", "Ⅻ ½ ①", "\xff\x01", "Nghi\u0323", "12-XX/TU", "5734/BVHTTDL-VHCSGĐTV", "QH15",
	"99999999999999999999999", "0.", ".5", "5-", "-5", "5/", "/5", "5h", "h5", "Số", "Số:", "số 3/2025",
	"(AI", "(AI)", "AI)", "1.2.3.4.5", "1,2,3", "10\u00a0000\u00a0000", "25°", "%", "§", "x 5",
}

// FuzzRead: Read never panics; its text is valid UTF-8 and NFC; every
// digit left in it was reported as an unreadable symbol; problems point
// inside the source, on character boundaries, at the text they quote.
func FuzzRead(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	if files, _ := filepath.Glob("../../content/muc-tieu/*.md"); len(files) > 0 {
		for _, p := range files {
			src, _ := os.ReadFile(p)
			for line := range strings.Lines(string(src)) {
				f.Add(line)
			}
		}
	}
	r := Default()
	f.Fuzz(func(t *testing.T, in string) {
		res := r.Read(in)
		if !utf8.ValidString(res.Text) {
			t.Fatalf("Read(%q) = %q: invalid UTF-8", in, res.Text)
		}
		if !norm.NFC.IsNormalString(res.Text) {
			t.Fatalf("Read(%q) = %q: not NFC", in, res.Text)
		}
		src := in
		if !norm.NFC.IsNormalString(src) {
			src = norm.NFC.String(src)
		}
		bounds := map[int]bool{len(src): true}
		for i := 0; i < len(src); {
			bounds[i] = true
			_, size := utf8.DecodeRuneInString(src[i:])
			i += size
		}
		reported := ""
		for _, p := range res.Problems {
			if p.Start < 0 || p.Start > p.End || p.End > len(src) || src[p.Start:p.End] != p.Text {
				t.Fatalf("Read(%q): problem %+v does not point into the source", in, p)
			}
			if !bounds[p.Start] || !bounds[p.End] {
				t.Fatalf("Read(%q): problem %+v splits a character", in, p)
			}
			if p.Kind == UnknownSymbol {
				reported += p.Text
			}
		}
		for _, p := range Check(res.Text) {
			for _, c := range p.Text {
				if unicode.Is(unicode.Nd, c) || !strings.ContainsRune(reported, c) {
					t.Fatalf("Read(%q) = %q: digit %q left and not reported (%v)", in, res.Text, c, res.Problems)
				}
			}
		}
	})
}
