package vnbreak

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// TestLexiconFiles checks the embedded lists: every entry valid, NFC,
// words in lower case, no entry twice, and as many as the docs say.
func TestLexiconFiles(t *testing.T) {
	seen := map[string]string{}
	for _, file := range []struct {
		name, text string
		lower      bool
		least      int
	}{
		{"words.txt", wordsTxt, true, 3000},
		{"names.txt", namesTxt, false, 150},
	} {
		entries := List(file.text)
		if len(entries) < file.least {
			t.Errorf("%s has %d entries, want at least %d", file.name, len(entries), file.least)
		}
		for _, e := range entries {
			keys, err := entryKeys(e)
			if err != nil {
				t.Errorf("%s: %v", file.name, err)
				continue
			}
			if !norm.NFC.IsNormalString(e) || strings.Join(strings.Fields(e), " ") != e {
				t.Errorf("%s: %q is not NFC with single spaces", file.name, e)
			}
			if file.lower && strings.ToLower(e) != e {
				t.Errorf("%s: %q is not in lower case", file.name, e)
			}
			if !file.lower && !unicode.IsUpper([]rune(e)[0]) {
				t.Errorf("%s: %q does not start with a capital", file.name, e)
			}
			k := strings.Join(keys, " ")
			if other, ok := seen[k]; ok {
				t.Errorf("%s: %q is %q again", file.name, e, other)
			}
			seen[k] = e
		}
	}
	if Default().longest < 4 {
		t.Errorf("longest entry %d syllables", Default().longest)
	}
}

// TestLexiconCampaign checks that the campaign's vocabulary (the slogans
// of content/khau-hieu, Resolution 57's wording) is in the lexicon: each
// phrase, written here with its words joined by "_", must analyse to Keep
// inside each word and something that breaks between words.
func TestLexiconCampaign(t *testing.T) {
	phrases := []string{
		"khoa_học công_nghệ đổi_mới_sáng_tạo chuyển_đổi_số an_ninh không_gian_mạng doanh_nghiệp",
		"nghị_quyết chính_phủ_số kinh_tế_số người_dân nhân_lực hạ_tầng dữ_liệu thể_chế",
		"xã_hội_số công_dân_số bảo_đảm chủ_quyền quốc_gia an_toàn chung_tay xây_dựng",
		"đột_phá quan_trọng hàng_đầu quyết_tâm thực_hiện thắng_lợi trung_tâm công_cụ",
		"sáng_tạo động_lực nhiệt_liệt hưởng_ứng chủ_thể đi_trước một_bước mở_đường",
		"toàn_dân học_tập_số tôn_vinh phát_minh sáng_kiến nhỏ_nhất vững_bước kỷ_nguyên",
		"vươn_mình dân_tộc phát_triển quan_điểm mục_tiêu nhiệm_vụ giải_pháp tuyên_truyền",
		"trí_tuệ_nhân_tạo dữ_liệu_lớn điện_toán_đám_mây bán_dẫn công_nghệ chiến_lược",
		"nhà_khoa_học nhân_tố then_chốt nhà_nước dẫn_dắt tư_liệu_sản_xuất xuyên_suốt",
		"ngân_sách nghiên_cứu thu_nhập tiên_tiến hiện_đại dịch_vụ_công trực_tuyến",
		"tiền_mặt lừa_đảo kỹ_năng_số bình_dân_học_vụ_số cơ_sở_dữ_liệu sở_hữu_trí_tuệ",
		"Hưng_Yên Thái_Bình Việt_Nam Tô_Lâm Bộ_Chính_trị Đông_Nam_Á Hồ_Chí_Minh",
	}
	for _, phrase := range phrases {
		words := strings.Fields(phrase)
		a := Analyze(strings.ReplaceAll(phrase, "_", " "))
		gap := 0
		for i, w := range words {
			for range strings.Count(w, "_") {
				if c := a.Costs[gap]; c != Keep && c != Term {
					t.Errorf("%q: a break inside %q costs %v", phrase, w, c)
				}
				gap++
			}
			if i < len(words)-1 && i < len(words)-2 { // the last gap is Keep: a lone last syllable
				if c := a.Costs[gap]; c >= Keep && !strings.Contains(words[i+1], "_") {
					t.Errorf("%q: no break after %q", phrase, w)
				}
			}
			gap++
		}
	}
}

// TestLexiconInner checks the costs inside entries.
func TestLexiconInner(t *testing.T) {
	l, err := NewLexicon([]string{"đổi mới", "sáng tạo", "đổi mới sáng tạo", "chuyển đổi", "chuyển đổi số", "tổng công trình sư", "công trình"},
		[]string{"Ban Chấp hành Trung ương"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ text, costs string }{
		{"đổi mới sáng tạo", "KTK"},
		{"chuyển đổi số", "KK"},       // a single syllable is never a word of a term
		{"tổng công trình sư", "KKK"}, // nor when the word holds other words
		{"Ban Chấp hành Trung ương", "KKKK"},
	} {
		if got := costString(l.Analyze(tt.text).Costs); got != tt.costs {
			t.Errorf("Analyze(%q) = %s, want %s", tt.text, got, tt.costs)
		}
	}
	m, err := l.With([]string{"phát triển"}, []string{"Phố Hiến"})
	if err != nil {
		t.Fatal(err)
	}
	if got := costString(m.Analyze("phát triển Phố Hiến").Costs); got != "KWK" {
		t.Errorf("With: %s", got)
	}
	if got := costString(l.Analyze("phát triển Phố Hiến").Costs); got != "LLK" {
		t.Errorf("With changed the lexicon it was called on: %s", got)
	}
	for _, bad := range [][]string{{"khoa"}, {"5 g"}, {"khoa, học"}} {
		if _, err := NewLexicon(bad, nil); err == nil {
			t.Errorf("NewLexicon(%q): no error", bad)
		}
	}
}

// TestSegment checks how syllables are split into words when entries
// overlap.
func TestSegment(t *testing.T) {
	l, err := NewLexicon([]string{"đại hội", "đại hội đảng", "đảng bộ", "phát triển", "triển khai", "học sinh", "sinh học"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ text, costs string }{
		{"đại hội đảng bộ tỉnh", "KWKK"},    // fewest lone syllables: đại hội | đảng bộ | tỉnh
		{"phát triển khai thác", "KWK"},     // the longest first: phát triển | khai | thác
		{"học sinh học bài", "KWK"},         // học sinh | học | bài
		{"đại hội, đảng bộ", "KIK"},         // no word across a comma
		{"đại hội\nđảng bộ", "KFK"},         // nor across a forced break
		{"phát triển 5 triển khai", "KWWK"}, // a number is in no word
	} {
		if got := costString(l.Analyze(tt.text).Costs); got != tt.costs {
			t.Errorf("Analyze(%q) = %s, want %s", tt.text, got, tt.costs)
		}
	}
}
