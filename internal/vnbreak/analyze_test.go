package vnbreak

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// costLetters names the costs in the tables below, one letter a gap.
var costLetters = map[byte]Cost{
	'F': Forced, 'I': Ideal, 'P': Phrase, 'W': Word, 'L': Loose, 'D': Dangling, 'T': Term, 'K': Keep,
}

// costString writes costs as the letters of costLetters.
func costString(costs []Cost) string {
	var b strings.Builder
	for _, c := range costs {
		for l, lc := range costLetters {
			if lc == c {
				b.WriteByte(l)
			}
		}
	}
	return b.String()
}

// TestAnalyze checks the cost of every gap of real phrases. The letters
// are, gap by gap: F forced, I ideal, P phrase, W word, L loose (two
// unknown syllables), D dangling, T term, K keep.
func TestAnalyze(t *testing.T) {
	tests := []struct{ text, costs string }{
		// Compounds, and the phrase words around them.
		{"Bảo đảm chủ quyền quốc gia và an ninh, an toàn trên không gian mạng", "KWKTKPDKIKPDKK"},
		{"Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", "KIKIKTKPDKK"},
		{"Người dân và doanh nghiệp là trung tâm", "KPDKPDK"},
		{"Lấy người dân, doanh nghiệp làm trung tâm", "WKIKWWK"},
		{"Chung tay xây dựng Chính phủ số", "KWKWKK"},
		{"Toàn dân học tập số", "KWKK"},
		{"Đổi mới để vươn mình", "KPDK"},
		// Capitals, as on banners, change nothing.
		{"BẢO ĐẢM AN NINH KHÔNG GIAN MẠNG", "KWKWKK"},
		{"THỂ CHẾ ĐI TRƯỚC MỘT BƯỚC, MỞ ĐƯỜNG CHO ĐỔI MỚI SÁNG TẠO", "KWKTKIKPDKTK"},
		// NFD, old tone places and i/y spellings meet the lexicon.
		{norm.NFD.String("Chuyển đổi số trí tuệ nhân tạo"), "KKWKTK"},
		{"xã hội hoá, văn hoá số", "KKIKK"},
		{"kĩ năng số và kỹ năng số", "KKPDKK"},
		// Numbers with their nouns and units; codes stay whole.
		{"Đến năm 2030, kinh tế số đạt tối thiểu 30 % GDP", "DKIKKWWKKKK"},
		{"Nghị quyết 57-NQ/TW của Bộ Chính trị", "KKPDKK"},
		{"Kinh phí 180 triệu đồng mỗi năm", "KWKKWK"},
		{"Đại hội Đảng bộ tỉnh lần thứ XIV", "KWKKWKK"},
		{"tăng 10%/năm", "K"},
		// Names: in the lexicon, or two capitals in a text with lower case.
		{"Tổng Bí thư Tô Lâm phát biểu tại Hà Nội", "KKWKWKPDK"},
		{"Hưng Yên và Thái Bình", "KPDK"},
		{"Ông Nguyễn Văn An đến", "KKKK"},
		{"ÔNG NGUYỄN VĂN AN ĐẾN", "LLLK"},
		// Punctuation: after a comma, a colon, a dash; never before one.
		{"Hưng Yên – Thái Bình: chung sức đồng lòng", "KKIKIKTK"},
		{"Đổi mới ( sáng tạo ) nhé", "KPKKKK"},
		{"Đổi mới (sáng tạo) và “chuyển đổi số”", "KPKPDKK"},
		{"A & B cùng làm", "PDPK"},
		// The last syllable never stands alone, even after a comma.
		{"Khoa học, công nghệ, số", "KIKK"},
		{"Toàn dân học", "KK"},
		// Editor's breaks: forced at a line feed, none at a no-break space.
		{"Người dân và doanh nghiệp\nlà trung tâm", "KPDKFDK"},
		{"Người dân \r\n\t là trung tâm", "KFDK"},
		{"Tô\u00a0Lâm và Hưng\u00a0Yên", "PD"},
		// A syllable the lexicon lacks is a word of its own: Loose.
		{"ba la xê gô", "DLK"},
	}
	for _, tt := range tests {
		a := Analyze(tt.text)
		if got := costString(a.Costs); got != tt.costs {
			t.Errorf("Analyze(%q) = %s, want %s\n%s", tt.text, got, tt.costs, show(a))
		}
	}
}

// show writes a text with its costs between the parts, for messages.
func show(t Text) string {
	var b strings.Builder
	for i, p := range t.Parts {
		if i > 0 {
			b.WriteString(" " + costString(t.Costs[i-1:i]) + " ")
		}
		b.WriteString(p)
	}
	return b.String()
}

// TestAnalyzeParts checks how a text is cut into parts.
func TestAnalyzeParts(t *testing.T) {
	tests := []struct {
		text  string
		parts []string
	}{
		{"", nil},
		{" \t\n ", nil},
		{"  Đổi\t\tmới \n", []string{"Đổi", "mới"}},
		{norm.NFD.String("Đổi mới"), []string{"Đổi", "mới"}},
		{"Tô\u00a0Lâm, 57-NQ/TW", []string{"Tô\u00a0Lâm,", "57-NQ/TW"}},
		{"a\u2003b", []string{"a\u2003b"}}, // an em space is not ASCII white space
	}
	for _, tt := range tests {
		a := Analyze(tt.text)
		if !slices.Equal(a.Parts, tt.parts) || len(a.Costs) != max(len(a.Parts)-1, 0) {
			t.Errorf("Analyze(%q) = %q, %v; want parts %q", tt.text, a.Parts, a.Costs, tt.parts)
		}
	}
}

// TestGlued checks the text given to a browser that breaks lines itself.
func TestGlued(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Chuyển đổi số vì người dân", "Chuyển\u00a0đổi\u00a0số vì\u00a0người\u00a0dân"},
		{"Người dân\nlà trung tâm", "Người\u00a0dân\nlà\u00a0trung\u00a0tâm"},
		{"Nghị quyết 57-NQ/TW của Bộ Chính trị", "Nghị\u00a0quyết\u00a057-NQ/TW của\u00a0Bộ\u00a0Chính\u00a0trị"},
		{"Khoa học", "Khoa học"}, // one word: it may break, as a last resort
		{"Đổi mới sáng tạo", "Đổi\u00a0mới\u00a0sáng\u00a0tạo"},
	}
	for _, tt := range tests {
		if got := Analyze(tt.text).Glued(); got != tt.want {
			t.Errorf("Glued(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"hoá", "hóa"}, {"HOÁ", "hóa"}, {"uỷ", "ủy"}, {"thuỷ", "thủy"}, {"khoẻ", "khỏe"},
		{"kỹ", "kĩ"}, {"lý", "lí"}, {"mỹ", "mĩ"}, {"qui", "quy"}, {norm.NFD.String("nghiệp"), "NGHIỆP"},
	}
	for _, tt := range tests {
		if key(tt.a) != key(tt.b) {
			t.Errorf("key(%q) = %q, key(%q) = %q: want them equal", tt.a, key(tt.a), tt.b, key(tt.b))
		}
	}
	for _, pair := range [][2]string{{"ma", "má"}, {"má", "mà"}, {"y", "i"}, {"quy", "qui2"}, {"mỹ", "my"}, {"đa", "da"}} {
		if key(pair[0]) == key(pair[1]) {
			t.Errorf("key(%q) == key(%q)", pair[0], pair[1])
		}
	}
}

// FuzzAnalyze checks that Analyze never panics, breaks only at ASCII white
// space, keeps every character that is not white space, and gives the same
// answer for a text and its NFC form, and for its parts joined again.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
		"Người dân\nlà trung tâm", "Tô\u00a0Lâm ( 30 % ) – “A” x\u0302 \u0323",
		norm.NFD.String("NGHỊ QUYẾT 57-NQ/TW NĂM 2030 KHÓA XIV"), "\r\n\r\n", ",,, ..", "\u00a0 \u00a0",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := Analyze(s)
		if len(a.Parts) == 0 {
			if strings.Trim(norm.NFC.String(s), " \t\n\r\f") != "" {
				t.Errorf("Analyze(%q) has no parts", s)
			}
			return
		}
		if len(a.Costs) != len(a.Parts)-1 {
			t.Fatalf("%d parts, %d costs", len(a.Parts), len(a.Costs))
		}
		for _, p := range a.Parts {
			if p == "" || strings.ContainsAny(p, " \t\n\r\f") {
				t.Errorf("part %q", p)
			}
		}
		nfc := norm.NFC.String(s)
		var want []byte // nfc without its ASCII white space, byte by byte
		for i := 0; i < len(nfc); i++ {
			if !strings.ContainsRune(" \t\n\r\f", rune(nfc[i])) {
				want = append(want, nfc[i])
			}
		}
		if got := strings.Join(a.Parts, ""); got != string(want) {
			t.Errorf("parts %q do not hold the text %q", a.Parts, nfc)
		}
		b := Analyze(nfc)
		if !slices.Equal(a.Parts, b.Parts) || !slices.Equal(a.Costs, b.Costs) {
			t.Errorf("Analyze of the NFC form differs: %v, %v", a.Costs, b.Costs)
		}
		// Joining the parts again, with line feeds at forced breaks, gives
		// the same text.
		var joined strings.Builder
		for i, p := range a.Parts {
			if i > 0 {
				if a.Costs[i-1] == Forced {
					joined.WriteByte('\n')
				} else {
					joined.WriteByte(' ')
				}
			}
			joined.WriteString(p)
		}
		c := Analyze(joined.String())
		if !slices.Equal(a.Parts, c.Parts) || !slices.Equal(a.Costs, c.Costs) {
			t.Errorf("Analyze(%q) = %v, of its parts joined %v", s, a.Costs, c.Costs)
		}
		for _, cost := range a.Costs {
			if costString([]Cost{cost}) == "" {
				t.Errorf("cost %v is not one of the named costs", cost)
			}
		}
	})
}
