package vntext

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// pastedText is the Unicode text s as it reads once typed in enc and
// pasted into a UTF-8 file: letters become their legacy codes as
// Windows-1252 characters, punctuation stays (Word keeps “ ” and – as
// they are).
func pastedText(t testing.TB, s string, enc Encoding) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		if r < utf8.RuneSelf || !vowelOf(r).ok && r != 'đ' && r != 'Đ' {
			b.WriteRune(r)
			continue
		}
		b.WriteString(pasted(t, legacyCode(r, enc, false)))
	}
	return b.String()
}

func TestLegacyRuns(t *testing.T) {
	const uni = "Nghị quyết số 57-NQ/TW là đột phá quan trọng hàng đầu. "
	tcvn := pastedText(t, "Đổi mới sáng tạo và chuyển đổi số quốc gia.", TCVN3)
	vni := pastedText(t, "Đổi mới sáng tạo và chuyển đổi số quốc gia.", VNI)
	tests := []struct {
		name string
		in   string
		want []Run
	}{
		{"unicode", uni + "Khoa học, công nghệ.", nil},
		{"tcvn3 sentence at the end", uni + tcvn, []Run{{len(uni), len(uni) + len(tcvn) - 1, TCVN3}}},
		{"vni sentence at the end", uni + vni, []Run{{len(uni), len(uni) + len(vni) - 1, VNI}}},
		{"whole line", tcvn, []Run{{0, len(tcvn) - 1, TCVN3}}},
		{"two runs, two encodings", tcvn + " " + uni + vni,
			[]Run{{0, len(tcvn) - 1, TCVN3}, {len(tcvn) + 1 + len(uni), len(tcvn) + 1 + len(uni) + len(vni) - 1, VNI}}},
		{"sentence in the middle", uni + tcvn + " Hà Nội, Việt Nam.", []Run{{len(uni), len(uni) + len(tcvn) - 1, TCVN3}}},
		{"a blank line ends a run", "NghÞ\n\nquyÕt", nil},
		{"one converted word is not enough", uni + "NghÞ", nil},
	}
	for _, tt := range tests {
		got := LegacyRuns(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("%s: LegacyRuns(%q) = %v, want %v", tt.name, tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: run %d = %v %q, want %v %q", tt.name, i, got[i], tt.in[got[i].Start:got[i].End],
					tt.want[i], tt.in[tt.want[i].Start:tt.want[i].End])
			}
		}
	}
}

// TestLegacyRunsUnicode checks that no line DetectLegacy keeps as Unicode
// gives a run.
func TestLegacyRunsUnicode(t *testing.T) {
	for _, s := range append(append([]string{}, legacySentences...), unicodeLines...) {
		if runs := LegacyRuns(s); len(runs) > 0 {
			t.Errorf("LegacyRuns(%q) = %v, want none", s, runs)
		}
		if runs := LegacyRuns(norm.NFD.String(s)); len(runs) > 0 {
			t.Errorf("LegacyRuns(NFD %q) = %v, want none", s, runs)
		}
	}
}

func TestFixLegacy(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Cà phê có. " + pastedText(t, "Có một số cơ chế đáng chú ý.", TCVN3), "Cà phê có. Có một số cơ chế đáng chú ý."},
		{"Hà Nội – " + pastedText(t, "Nghị quyết về chuyển đổi số", VNI), "Hà Nội – Nghị quyết về chuyển đổi số"},
		{pastedText(t, "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", TCVN3) + "\nCộng hòa", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC\nCộng hòa"},
		{"Vie\u0323\u0302t Nam, không có gì", "Việt Nam, không có gì"},
		{"Theo Nghị quyết thì có " + pastedText(t, "quy định mới về đổi mới sáng tạo", TCVN3), "Theo Nghị quyết thì có quy định mới về đổi mới sáng tạo"},
	}
	for _, tt := range tests {
		if got, _ := FixLegacy(tt.in); got != tt.want {
			t.Errorf("FixLegacy(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// unicodeLines are lines of Unicode text, most of them not Vietnamese,
// that legacy text detection must leave alone.
var unicodeLines = []string{
	"The quick brown fox jumps over the lazy dog.",
	"Ça coûte déjà très cher, Müller, señor",
	"Où est la bibliothèque ? À côté de l'église, près du château.",
	"ÉTÉ À PARIS, ÇA VA ? OÙ ÊTES-VOUS ?",
	"naïve café, résumé, déjà vu, façade, crème brûlée, Noël",
	"Größe: über 5 µm, Straße, Österreich, Fußgänger, Bärenhöhle",
	"El niño comió piñata en Año Nuevo; ¿qué pasó? ¡Olé! Nª Sª de Guadalupe",
	"São Paulo, coração, não, ação, irmã",
	"Søren Kierkegaard, Ærø, Ångström, Þórr, Æsir",
	"© 2025 Công ty Cổ phần ABC ® — Bảo lưu mọi quyền.",
	"Nhiệt độ 25°C ± 0,5°, độ ẩm 80%",
	"Kích thước 3 × 4 m, chia 12 ÷ 4, tỉ lệ ¼ và ½",
	"«Tiếng Việt» và “tiếng Anh” — ‘trích dẫn’ … • mục",
	"`a² + b² = c²` and x ≤ y, 5 µs, 5 µm × 10 µm",
	"Hà Nội × Sài Gòn ©",
	"Cà phê sáng nay có bánh mì ©",
	"| Tên | Giá (€) | Ghi chú |",
	"µm µm µm",
	"§ 3. Điều khoản ¶ 2",
	"Les élèves étudient à l'école française près de Hà Nội depuis déjà trois ans.",
	"Der Bürgermeister von München eröffnete die Ausstellung über Vietnam.",
	"A canção brasileira é cantada em português, não em espanhol.",
	"Le café vietnamien est très apprécié à Paris et à Lyon.",
	"Día de la Independencia: celebración en México y España.",
}

// campaign returns the paragraphs and the longer lines of the campaign
// site's content: real Unicode Vietnamese, with Markdown, numbers and
// document codes.
func campaign(t testing.TB) (paras, lines []string) {
	fsys := os.DirFS("../../content")
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		text := string(data)
		if runs := LegacyRuns(text); len(runs) > 0 {
			t.Errorf("content/%s: LegacyRuns found %v in Unicode text: %q", p, runs, text[runs[0].Start:runs[0].End])
		}
		for _, para := range strings.Split(text, "\n\n") {
			paras = append(paras, strings.TrimSpace(para))
			for _, l := range strings.Split(para, "\n") {
				if len(strings.Fields(l)) >= 4 && !strings.Contains(l, " = ") && l != "+++" {
					lines = append(lines, strings.TrimSpace(l))
				}
			}
		}
		return nil
	})
	if err != nil || len(lines) < 100 {
		t.Fatalf("reading the campaign's content: %v (%d lines)", err, len(lines))
	}
	return paras, lines
}

// TestLegacyRunsCampaign pastes every line of the campaign, typed in each
// legacy encoding, after a Unicode paragraph of it: the run is found, in
// the right encoding, starting where the pasted line does, and FixLegacy
// gives back the original text.
func TestLegacyRunsCampaign(t *testing.T) {
	paras, lines := campaign(t)
	for i, l := range lines {
		p := strings.TrimRight(paras[(i*7+3)%len(paras)], ".:;!? ") + ". "
		for _, enc := range []Encoding{TCVN3, VNI} {
			leg := pastedText(t, l, enc)
			if DetectLegacy(leg) != enc {
				continue // too little evidence, even alone on its line
			}
			text := p + leg
			runs := LegacyRuns(text)
			if len(runs) != 1 || runs[0].Enc != enc || runs[0].Start < len(p) {
				t.Errorf("LegacyRuns(%q + %q) = %v, want one %v run from %d", p, leg, runs, enc, len(p))
				continue
			}
			if got, _ := FixLegacy(text); got != norm.NFC.String(p+l) {
				t.Errorf("FixLegacy(... %q) = ...%q, want ...%q", leg, got[len(p):], l)
			}
		}
	}
}

// FuzzLegacyRunsUnicode builds long texts of the campaign's paragraphs and
// foreign sentences, chosen and joined as the fuzzer likes: none has a run.
func FuzzLegacyRunsUnicode(f *testing.F) {
	paras, _ := campaign(f)
	f.Add(uint16(0), uint16(1), uint16(2), uint16(3), byte(' '))
	f.Add(uint16(17), uint16(5), uint16(40), uint16(9), byte('\n'))
	f.Fuzz(func(t *testing.T, a, b, c, d uint16, sep byte) {
		parts := []string{
			paras[int(a)%len(paras)], unicodeLines[int(b)%len(unicodeLines)],
			paras[int(c)%len(paras)], unicodeLines[int(d)%len(unicodeLines)], paras[int(a^d)%len(paras)],
		}
		text := strings.Join(parts, []string{" ", "\n", "\n\n", ". ", ", ", " – ", " | "}[sep%7])
		if runs := LegacyRuns(text); len(runs) > 0 {
			t.Fatalf("LegacyRuns found %q in Unicode text %q", text[runs[0].Start:runs[0].End], text)
		}
	})
}

// FuzzLegacyRuns checks the invariants of the runs of any text: in order,
// apart, on its word bounds, and converted to valid NFC.
func FuzzLegacyRuns(f *testing.F) {
	for _, s := range legacySentences {
		f.Add(s + " " + pasted(f, toLegacy(s, TCVN3, false)))
		f.Add(pasted(f, toLegacy(s, VNI, false)) + " " + s)
	}
	f.Add("Aµ ¢Ê NGHÞ \u00ad\u0301 eá ôù")
	f.Fuzz(func(t *testing.T, s string) {
		end := 0
		for _, r := range LegacyRuns(s) {
			if r.Start < end || r.End <= r.Start || r.End > len(s) || r.Enc != TCVN3 && r.Enc != VNI {
				t.Fatalf("bad run %v after %d in %q", r, end, s)
			}
			end = r.End
		}
		out, _ := FixLegacy(s)
		if !utf8.ValidString(out) || !norm.NFC.IsNormalString(out) {
			t.Fatalf("FixLegacy(%q) = %q, not valid NFC", s, out)
		}
	})
}

func BenchmarkLegacyRuns(b *testing.B) {
	data, err := os.ReadFile("../../content/ke-hoach-tuyen-truyen.md")
	if err != nil {
		b.Fatal(err)
	}
	s := string(data)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		LegacyRuns(s)
	}
}

// FuzzLegacyRunsWords strings real words together in any order: the
// campaign's Vietnamese words and the foreign words of unicodeLines, with
// the fuzzer's bytes choosing each word and what follows it. Such text
// reads as nonsense but is Unicode through and through: it has no run.
func FuzzLegacyRunsWords(f *testing.F) {
	paras, _ := campaign(f)
	seen := map[string]bool{}
	var vocab []string
	for _, p := range append(paras, unicodeLines...) {
		for _, w := range strings.Fields(p) {
			if !seen[w] {
				seen[w] = true
				vocab = append(vocab, w)
			}
		}
	}
	f.Add([]byte("\x00\x01\x02\x03\x04\x05\x06\x07"))
	f.Add([]byte("µm µm µm ©×®§"))
	seps := []string{" ", " ", " ", "\n", ". ", ", "}
	f.Fuzz(func(t *testing.T, picks []byte) {
		var b strings.Builder
		for i := 0; i+1 < len(picks); i += 2 {
			b.WriteString(vocab[(int(picks[i])<<8|int(picks[i+1]))%len(vocab)])
			b.WriteString(seps[int(picks[i])%len(seps)])
		}
		text := b.String()
		if runs := LegacyRuns(text); len(runs) > 0 {
			t.Fatalf("LegacyRuns found %q in Unicode words %q", text[runs[0].Start:runs[0].End], text)
		}
	})
}

// TestLegacyRunsLines checks that a run over two lines of a paragraph is
// returned as one run per line, each on its words.
func TestLegacyRunsLines(t *testing.T) {
	s := "+++\ntitle = \"§æi míi s¸ng t¹o\"\n+++\nNghÞ quyÕt sè 57-NQ/TW vÒ ®ét ph¸\n"
	var got []string
	for _, r := range LegacyRuns(s) {
		got = append(got, s[r.Start:r.End])
	}
	want := []string{"§æi míi s¸ng t¹o", "NghÞ quyÕt sè 57-NQ/TW vÒ ®ét ph¸"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("runs %q, want %q", got, want)
	}
}
