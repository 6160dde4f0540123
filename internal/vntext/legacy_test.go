package vntext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// legacyAlphabet spells the 134 Vietnamese letters that are not ASCII in
// both legacy encodings, as raw bytes. The rows were copied from the tables
// of github.com/duydev/vietnamese-conversion and checked against GNU
// libiconv lib/tcvn.h (TCVN3) and a second, unrelated VNI table; they are
// kept apart from the package's own tables on purpose. TCVN3 has no code
// for most toned capitals; they are written as the capital base followed by
// the small toned code ("A\xb5" is À), as those converters do.
var legacyAlphabet = []struct{ letter, tcvn3, vni string }{
	{"à", "\xb5", "a\xf8"},
	{"À", "A\xb5", "A\xd8"},
	{"á", "\xb8", "a\xf9"},
	{"Á", "A\xb8", "A\xd9"},
	{"ả", "\xb6", "a\xfb"},
	{"Ả", "A\xb6", "A\xdb"},
	{"ã", "\xb7", "a\xf5"},
	{"Ã", "A\xb7", "A\xd5"},
	{"ạ", "\xb9", "a\xef"},
	{"Ạ", "A\xb9", "A\xcf"},
	{"ă", "\xa8", "a\xea"},
	{"Ă", "\xa1", "A\xca"},
	{"ằ", "\xbb", "a\xe8"},
	{"Ằ", "\xa1\xbb", "A\xc8"},
	{"ắ", "\xbe", "a\xe9"},
	{"Ắ", "\xa1\xbe", "A\xc9"},
	{"ẳ", "\xbc", "a\xfa"},
	{"Ẳ", "\xa1\xbc", "A\xda"},
	{"ẵ", "\xbd", "a\xfc"},
	{"Ẵ", "\xa1\xbd", "A\xdc"},
	{"ặ", "\xc6", "a\xeb"},
	{"Ặ", "\xa1\xc6", "A\xcb"},
	{"â", "\xa9", "a\xe2"},
	{"Â", "\xa2", "A\xc2"},
	{"ầ", "\xc7", "a\xe0"},
	{"Ầ", "\xa2\xc7", "A\xc0"},
	{"ấ", "\xca", "a\xe1"},
	{"Ấ", "\xa2\xca", "A\xc1"},
	{"ẩ", "\xc8", "a\xe5"},
	{"Ẩ", "\xa2\xc8", "A\xc5"},
	{"ẫ", "\xc9", "a\xe3"},
	{"Ẫ", "\xa2\xc9", "A\xc3"},
	{"ậ", "\xcb", "a\xe4"},
	{"Ậ", "\xa2\xcb", "A\xc4"},
	{"è", "\xcc", "e\xf8"},
	{"È", "E\xcc", "E\xd8"},
	{"é", "\xd0", "e\xf9"},
	{"É", "E\xd0", "E\xd9"},
	{"ẻ", "\xce", "e\xfb"},
	{"Ẻ", "E\xce", "E\xdb"},
	{"ẽ", "\xcf", "e\xf5"},
	{"Ẽ", "E\xcf", "E\xd5"},
	{"ẹ", "\xd1", "e\xef"},
	{"Ẹ", "E\xd1", "E\xcf"},
	{"ê", "\xaa", "e\xe2"},
	{"Ê", "\xa3", "E\xc2"},
	{"ề", "\xd2", "e\xe0"},
	{"Ề", "\xa3\xd2", "E\xc0"},
	{"ế", "\xd5", "e\xe1"},
	{"Ế", "\xa3\xd5", "E\xc1"},
	{"ể", "\xd3", "e\xe5"},
	{"Ể", "\xa3\xd3", "E\xc5"},
	{"ễ", "\xd4", "e\xe3"},
	{"Ễ", "\xa3\xd4", "E\xc3"},
	{"ệ", "\xd6", "e\xe4"},
	{"Ệ", "\xa3\xd6", "E\xc4"},
	{"ì", "\xd7", "\xec"},
	{"Ì", "I\xd7", "\xcc"},
	{"í", "\xdd", "\xed"},
	{"Í", "I\xdd", "\xcd"},
	{"ỉ", "\xd8", "\xe6"},
	{"Ỉ", "I\xd8", "\xc6"},
	{"ĩ", "\xdc", "\xf3"},
	{"Ĩ", "I\xdc", "\xd3"},
	{"ị", "\xde", "\xf2"},
	{"Ị", "I\xde", "\xd2"},
	{"ò", "\xdf", "o\xf8"},
	{"Ò", "O\xdf", "O\xd8"},
	{"ó", "\xe3", "o\xf9"},
	{"Ó", "O\xe3", "O\xd9"},
	{"ỏ", "\xe1", "o\xfb"},
	{"Ỏ", "O\xe1", "O\xdb"},
	{"õ", "\xe2", "o\xf5"},
	{"Õ", "O\xe2", "O\xd5"},
	{"ọ", "\xe4", "o\xef"},
	{"Ọ", "O\xe4", "O\xcf"},
	{"ô", "\xab", "o\xe2"},
	{"Ô", "\xa4", "O\xc2"},
	{"ồ", "\xe5", "o\xe0"},
	{"Ồ", "\xa4\xe5", "O\xc0"},
	{"ố", "\xe8", "o\xe1"},
	{"Ố", "\xa4\xe8", "O\xc1"},
	{"ổ", "\xe6", "o\xe5"},
	{"Ổ", "\xa4\xe6", "O\xc5"},
	{"ỗ", "\xe7", "o\xe3"},
	{"Ỗ", "\xa4\xe7", "O\xc3"},
	{"ộ", "\xe9", "o\xe4"},
	{"Ộ", "\xa4\xe9", "O\xc4"},
	{"ơ", "\xac", "\xf4"},
	{"Ơ", "\xa5", "\xd4"},
	{"ờ", "\xea", "\xf4\xf8"},
	{"Ờ", "\xa5\xea", "\xd4\xd8"},
	{"ớ", "\xed", "\xf4\xf9"},
	{"Ớ", "\xa5\xed", "\xd4\xd9"},
	{"ở", "\xeb", "\xf4\xfb"},
	{"Ở", "\xa5\xeb", "\xd4\xdb"},
	{"ỡ", "\xec", "\xf4\xf5"},
	{"Ỡ", "\xa5\xec", "\xd4\xd5"},
	{"ợ", "\xee", "\xf4\xef"},
	{"Ợ", "\xa5\xee", "\xd4\xcf"},
	{"ù", "\xef", "u\xf8"},
	{"Ù", "U\xef", "U\xd8"},
	{"ú", "\xf3", "u\xf9"},
	{"Ú", "U\xf3", "U\xd9"},
	{"ủ", "\xf1", "u\xfb"},
	{"Ủ", "U\xf1", "U\xdb"},
	{"ũ", "\xf2", "u\xf5"},
	{"Ũ", "U\xf2", "U\xd5"},
	{"ụ", "\xf4", "u\xef"},
	{"Ụ", "U\xf4", "U\xcf"},
	{"ư", "\xad", "\xf6"},
	{"Ư", "\xa6", "\xd6"},
	{"ừ", "\xf5", "\xf6\xf8"},
	{"Ừ", "\xa6\xf5", "\xd6\xd8"},
	{"ứ", "\xf8", "\xf6\xf9"},
	{"Ứ", "\xa6\xf8", "\xd6\xd9"},
	{"ử", "\xf6", "\xf6\xfb"},
	{"Ử", "\xa6\xf6", "\xd6\xdb"},
	{"ữ", "\xf7", "\xf6\xf5"},
	{"Ữ", "\xa6\xf7", "\xd6\xd5"},
	{"ự", "\xf9", "\xf6\xef"},
	{"Ự", "\xa6\xf9", "\xd6\xcf"},
	{"ỳ", "\xfa", "y\xf8"},
	{"Ỳ", "Y\xfa", "Y\xd8"},
	{"ý", "\xfd", "y\xf9"},
	{"Ý", "Y\xfd", "Y\xd9"},
	{"ỷ", "\xfb", "y\xfb"},
	{"Ỷ", "Y\xfb", "Y\xdb"},
	{"ỹ", "\xfc", "y\xf5"},
	{"Ỹ", "Y\xfc", "Y\xd5"},
	{"ỵ", "\xfe", "\xee"},
	{"Ỵ", "Y\xfe", "\xce"},
	{"đ", "\xae", "\xf1"},
	{"Đ", "\xa7", "\xd1"},
}

// pasted returns the raw bytes as they read once pasted into a UTF-8 file:
// each byte as its Windows-1252 character.
func pasted(t testing.TB, raw string) string {
	t.Helper()
	s, err := charmap.Windows1252.NewDecoder().String(raw)
	if err != nil {
		t.Fatalf("decoding %q as Windows-1252: %v", raw, err)
	}
	return s
}

// toLegacy encodes the Unicode text s in enc, as raw bytes, by inverting the
// package's decoding tables. With hfont, TCVN3 capitals that have no code of
// their own get the small code, as typed for the .VnTimeH fonts.
func toLegacy(s string, enc Encoding, hfont bool) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		b.WriteString(legacyCode(r, enc, hfont))
	}
	return b.String()
}

// legacyCode encodes one rune for toLegacy.
func legacyCode(r rune, enc Encoding, hfont bool) string {
	if r < utf8.RuneSelf {
		return string(r)
	}
	table := &tcvn3Codes
	if enc == VNI {
		table = &vniLetters
	}
	for c, l := range table {
		if l == r {
			return string([]byte{byte(c)})
		}
	}
	v := vowelOf(r)
	if !v.ok {
		panic("toLegacy: no code for " + string(r))
	}
	if enc == TCVN3 {
		small := legacyCode(vowelRune(v.q, v.tone, false), enc, hfont)
		if hfont {
			return small
		}
		return legacyCode(vowelRune(v.q, toneNone, true), enc, hfont) + small
	}
	q, mod := v.q, uint8(modNone)
	switch q {
	case qAa, qEe, qOo:
		q, mod = map[uint8]uint8{qAa: qA, qEe: qE, qOo: qO}[q], modCircumflex
	case qAw:
		q, mod = qA, modBreve
	}
	base := legacyCode(vowelRune(q, toneNone, v.upper), enc, hfont)
	for c, m := range vniMarks {
		if m == (vniMark{mod, v.tone, v.upper}) && m.ok() {
			return base + string([]byte{byte(c)})
		}
	}
	return base
}

func TestLegacyAlphabet(t *testing.T) {
	seen := map[string]bool{}
	for _, tc := range legacyAlphabet {
		if seen[tc.letter] || utf8.RuneCountInString(tc.letter) != 1 || !norm.NFC.IsNormalString(tc.letter) {
			t.Errorf("alphabet row %q: duplicate or not one NFC letter", tc.letter)
		}
		seen[tc.letter] = true
		for _, e := range []struct {
			enc Encoding
			raw string
		}{{TCVN3, tc.tcvn3}, {VNI, tc.vni}} {
			if got := toLegacy(tc.letter, e.enc, false); got != e.raw {
				t.Errorf("encode %q in %v: got %q, want %q", tc.letter, e.enc, got, e.raw)
			}
			if got := DecodeLegacyBytes([]byte(e.raw), e.enc); got != tc.letter {
				t.Errorf("DecodeLegacyBytes(%q, %v) = %q, want %q", e.raw, e.enc, got, tc.letter)
			}
			if got := FromLegacy(pasted(t, e.raw), e.enc); got != tc.letter {
				t.Errorf("FromLegacy(%q, %v) = %q, want %q", pasted(t, e.raw), e.enc, got, tc.letter)
			}
		}
	}
	if len(seen) != 134 {
		t.Errorf("alphabet has %d letters, want 134", len(seen))
	}
}

// TestLegacyVowelForms checks the vowel table against Unicode composition:
// each toned vowel is its base with the combining tone mark.
func TestLegacyVowelForms(t *testing.T) {
	marks := [numTones]string{"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
	for q := range numQualities {
		base := string(vowelForms[q][toneNone])
		for tone := range numTones {
			want := norm.NFC.String(base + marks[tone])
			if got := string(vowelForms[q][tone]); got != want {
				t.Errorf("vowelForms[%d][%d] = %q, want %q", q, tone, got, want)
			}
		}
	}
}

// legacySentences are ordinary Vietnamese lines, as an editor might paste
// them from old Word documents.
var legacySentences = []string{
	"Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
	"Cộng hòa xã hội chủ nghĩa Việt Nam",
	"Độc lập - Tự do - Hạnh phúc",
	"Trường Đại học Bách khoa Hà Nội tuyển sinh năm 2025",
	"Ủy ban nhân dân thành phố Hồ Chí Minh",
	"Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng",
	"Người được giao nhiệm vụ phải báo cáo kết quả trước ngày 15 tháng 3.",
	"Khuyến khích thuyền viên giữ gìn sức khỏe, luôn nghiêng về phía trước",
	"Nghị quyết",
	"Thông báo",
	"Quyết định",
}

// legacyTitles are upper-case lines; in TCVN3 they were typed with .VnTimeH.
var legacyTitles = []string{
	"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	"NGHỊ QUYẾT",
	"QUYẾT ĐỊNH",
	"THÔNG BÁO KẾT QUẢ TUYỂN SINH",
	"ĐỘC LẬP - TỰ DO - HẠNH PHÚC",
}

func TestFromLegacy(t *testing.T) {
	tests := []struct {
		enc      Encoding
		in, want string
	}{
		{TCVN3, "NghÞ quyÕt", "Nghị quyết"},
		{TCVN3, "B¶o Th¾ng", "Bảo Thắng"},
		{TCVN3, "M\u00adêng Kh\u00ad¬ng", "Mường Khương"},
		{TCVN3, "B¸t X¸t", "Bát Xát"},
		{TCVN3, "Tr\u00adêng §¹i häc B¸ch khoa Hµ Néi", "Trường Đại học Bách khoa Hà Nội"},
		{TCVN3, "NGHÞ QUYÕT Sè 57-NQ/TW", "NGHỊ QUYẾT SỐ 57-NQ/TW"},
		{TCVN3, "“NghÞ quyÕt” – sè 57…", "“Nghị quyết” – số 57…"},
		{TCVN3, "Điều 1. NghÞ quyÕt nµy cã hiÖu lùc", "Điều 1. Nghị quyết này có hiệu lực"},
		{TCVN3, "Hå ChÝ Minh\r\nHµ Néi\n", "Hồ Chí Minh\r\nHà Nội\n"},
		{VNI, "Nghò quyeát", "Nghị quyết"},
		{VNI, "Vieät Nam", "Việt Nam"},
		{VNI, "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"},
		{VNI, "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{VNI, "Ñaø Naüng, ngöôøi Hueá", "Đà Nẵng, người Huế"},
		{VNI, "Điều 1. Nghò quyeát naøy", "Điều 1. Nghị quyết này"},
		{Unicode, "Vie\u0323\u0302t Nam", "Việt Nam"},
		{Unicode, "bad \xff byte", "bad \uFFFD byte"},
	}
	for _, tc := range tests {
		if got := FromLegacy(tc.in, tc.enc); got != tc.want {
			t.Errorf("FromLegacy(%q, %v) = %q, want %q", tc.in, tc.enc, got, tc.want)
		}
	}
	for _, s := range legacySentences {
		for _, enc := range []Encoding{TCVN3, VNI} {
			raw := toLegacy(s, enc, false)
			if got := FromLegacy(pasted(t, raw), enc); got != s {
				t.Errorf("FromLegacy(%q, %v) = %q, want %q", pasted(t, raw), enc, got, s)
			}
			if got := DecodeLegacyBytes([]byte(raw), enc); got != s {
				t.Errorf("DecodeLegacyBytes(%q, %v) = %q, want %q", raw, enc, got, s)
			}
		}
	}
	for _, s := range legacyTitles {
		for _, hfont := range []bool{false, true} {
			raw := toLegacy(s, TCVN3, hfont)
			if got := FromLegacy(pasted(t, raw), TCVN3); got != s {
				t.Errorf("FromLegacy(%q, TCVN3) = %q, want %q", pasted(t, raw), got, s)
			}
		}
	}
}

func TestDetectLegacy(t *testing.T) {
	type detectCase struct {
		in   string
		want Encoding
	}
	var tests []detectCase
	for _, s := range legacySentences {
		tests = append(tests,
			detectCase{pasted(t, toLegacy(s, TCVN3, false)), TCVN3},
			detectCase{pasted(t, toLegacy(s, VNI, false)), VNI},
			detectCase{s, Unicode},
			detectCase{norm.NFD.String(s), Unicode})
	}
	for _, s := range legacyTitles {
		tests = append(tests,
			detectCase{pasted(t, toLegacy(s, TCVN3, true)), TCVN3},
			detectCase{pasted(t, toLegacy(s, TCVN3, false)), TCVN3},
			detectCase{pasted(t, toLegacy(s, VNI, false)), VNI},
			detectCase{s, Unicode},
			detectCase{norm.NFD.String(s), Unicode})
	}
	tests = append(tests, []detectCase{
		{"NghÞ quyÕt", TCVN3},
		{"Nghò quyeát", VNI},
		{"Điều 1. NghÞ quyÕt nµy cã hiÖu lùc kÓ tõ ngµy ký", TCVN3},
		{"## Hái ®¸p vÒ thñ tôc hµnh chÝnh", TCVN3},
		{"- Caâu hoûi thöôøng gaëp veà thuû tuïc", VNI},

		// One converted word is not enough.
		{"Vieät Nam", Unicode},
		{"Hµ", Unicode},
		{"", Unicode},
		{"The quick brown fox jumps over the lazy dog.", Unicode},
		{"Ça coûte déjà très cher, Müller, señor", Unicode},
		{"Où est la bibliothèque ? À côté de l'église, près du château.", Unicode},
		{"ÉTÉ À PARIS, ÇA VA ? OÙ ÊTES-VOUS ?", Unicode},
		{"naïve café, résumé, déjà vu, façade, crème brûlée, Noël", Unicode},
		{"Größe: über 5 µm, Straße, Österreich, Fußgänger, Bärenhöhle", Unicode},
		{"El niño comió piñata en Año Nuevo; ¿qué pasó? ¡Olé! Nª Sª de Guadalupe", Unicode},
		{"São Paulo, coração, não, ação, irmã", Unicode},
		{"Søren Kierkegaard, Ærø, Ångström, Þórr, Æsir", Unicode},
		{"© 2025 Công ty Cổ phần ABC ® — Bảo lưu mọi quyền.", Unicode},
		{"Nhiệt độ 25°C ± 0,5°, độ ẩm 80%", Unicode},
		{"Kích thước 3 × 4 m, chia 12 ÷ 4, tỉ lệ ¼ và ½", Unicode},
		{"«Tiếng Việt» và “tiếng Anh” — ‘trích dẫn’ … • mục", Unicode},
		{"Giá 100 € – 200 €…", Unicode},
		{"`a² + b² = c²` and x ≤ y, 5 µs, 5 µm × 10 µm", Unicode},
		{"Particle size: 5 µm to 10 µm, typically 2 µm", Unicode},
		{"Hà Nội × Sài Gòn ©", Unicode},
		{"Cà phê sáng nay có bánh mì ©", Unicode},
		{"Tổng cộng 5 µm đến 10 µm, ± 0,1 µm", Unicode},
		{"| Tên | Giá (€) | Ghi chú |", Unicode},
		{"µm µm µm", Unicode},
		{"§ 3. Điều khoản ¶ 2", Unicode},
	}...)
	for _, tc := range tests {
		if got := DetectLegacy(tc.in); got != tc.want {
			t.Errorf("DetectLegacy(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestDetectLegacyBytes(t *testing.T) {
	doc := strings.Join(append(legacySentences, legacyTitles...), "\r\n")
	latin1, err := charmap.ISO8859_1.NewEncoder().String("Ça coûte déjà très cher, Müller, señor.\nOù est la bibliothèque ?\n")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		want Encoding
	}{
		{toLegacy(doc, TCVN3, false), TCVN3},
		{toLegacy(doc, VNI, false), VNI},
		{toLegacy(strings.Join(legacyTitles, "\n"), TCVN3, true), TCVN3},
		{"\x93Ngh\xde quy\xd5t\x94 s\xe8 57", TCVN3},
		{latin1, Unicode},
		{doc, Unicode}, // valid UTF-8
		{"\xff\xfe\x00\x01 binary \x80\x81", Unicode},
	}
	for _, tc := range tests {
		if got := DetectLegacyBytes([]byte(tc.in)); got != tc.want {
			t.Errorf("DetectLegacyBytes(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	if got, want := DecodeLegacyBytes([]byte("\x93Ngh\xde quy\xd5t\x94 \x96 s\xe8 57\x85"), TCVN3), "“Nghị quyết” – số 57…"; got != want {
		t.Errorf("DecodeLegacyBytes with Windows-1252 punctuation = %q, want %q", got, want)
	}
}

func TestDetectLegacyAllocs(t *testing.T) {
	lines := []string{
		"An ordinary line of ASCII text, like most of a Markdown file.",
		legacyParagraph,
		"Ça coûte déjà très cher, Müller, señor",
		pasted(t, toLegacy(legacySentences[0], TCVN3, false)),
		pasted(t, toLegacy(legacySentences[0], VNI, false)),
	}
	for _, s := range lines {
		if n := testing.AllocsPerRun(50, func() { DetectLegacy(s) }); n != 0 {
			t.Errorf("DetectLegacy(%q) allocates %v times, want 0", s, n)
		}
	}
}

func TestLegacyEncodingString(t *testing.T) {
	for e, want := range map[Encoding]string{Unicode: "Unicode", TCVN3: "TCVN3 (ABC)", VNI: "VNI", 7: "Encoding(7)"} {
		if got := e.String(); got != want {
			t.Errorf("Encoding(%d).String() = %q, want %q", int(e), got, want)
		}
	}
}

func FuzzDetectLegacy(f *testing.F) {
	for _, s := range legacySentences {
		f.Add(s)
		f.Add(pasted(f, toLegacy(s, TCVN3, false)))
		f.Add(pasted(f, toLegacy(s, VNI, false)))
		f.Add(toLegacy(s, VNI, false))
	}
	f.Add("Ça coûte déjà très cher, Müller, señor")
	f.Add("Aµ ¢Ê NGHÞ \u00ad\u0301")
	f.Fuzz(func(t *testing.T, s string) {
		DetectLegacy(s)
		DetectLegacyBytes([]byte(s))
		for _, enc := range []Encoding{Unicode, TCVN3, VNI} {
			for _, out := range []string{FromLegacy(s, enc), DecodeLegacyBytes([]byte(s), enc)} {
				if !utf8.ValidString(out) || !norm.NFC.IsNormalString(out) {
					t.Fatalf("%v: converting %q gave %q, not valid NFC UTF-8", enc, s, out)
				}
			}
		}
	})
}

// legacyParagraph is a typical paragraph of a Vietnamese page.
const legacyParagraph = "Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị " +
	"về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia " +
	"xác định đây là đột phá quan trọng hàng đầu, là động lực chính để phát triển nhanh " +
	"lực lượng sản xuất hiện đại, hoàn thiện quan hệ sản xuất, đổi mới phương thức quản trị quốc gia."

func BenchmarkDetectLegacy(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(legacyParagraph)))
	for b.Loop() {
		DetectLegacy(legacyParagraph)
	}
}

func BenchmarkDetectLegacyLines(b *testing.B) {
	for _, bc := range []struct{ name, line string }{
		{"ascii", "An ordinary line of ASCII text, like most of a Markdown file."},
		{"french", "Ça coûte déjà très cher, Müller, señor"},
		{"tcvn3", pasted(b, toLegacy(legacySentences[0], TCVN3, false))},
		{"vni", pasted(b, toLegacy(legacySentences[0], VNI, false))},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				DetectLegacy(bc.line)
			}
		})
	}
}
