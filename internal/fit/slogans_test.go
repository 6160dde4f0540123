package fit

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"loa/internal/frontmatter"
	"loa/internal/vnbreak"
)

// The boxes slogans are fitted to: the safe areas of the banner (5000 ×
// 800 mm) and the panel (2400 × 1200 mm), at the print style sheet's line
// height.
var (
	bannerBox = Box{4900, 700}
	panelBox  = Box{2300, 1100}
	printOpts = Options{LineHeight: 1.4}
)

// campaignWords gives, for each slogan of content/khau-hieu, its words as
// a reader splits them, written by hand: "_" joins what must stay on one
// line (the syllables of a word, a name, a number and its noun). A fixed
// term is joined whole ("đổi_mới_sáng_tạo"), though the breaker would allow
// a costly break inside it.
var campaignWords = []string{
	"Bảo_đảm chủ_quyền quốc_gia và an_ninh, an_toàn trên không_gian_mạng",
	"Chung_tay xây_dựng Chính_phủ_số, kinh_tế_số, xã_hội_số, công_dân_số",
	"Đổi_mới để vươn_mình",
	"Khoa_học, công_nghệ, đổi_mới_sáng_tạo và chuyển_đổi_số là đột_phá quan_trọng hàng_đầu",
	"Hưng_Yên quyết_tâm thực_hiện thắng_lợi Nghị_quyết_57-NQ/TW của Bộ_Chính_trị",
	"Lấy người_dân, doanh_nghiệp làm trung_tâm, công_nghệ làm công_cụ, sáng_tạo làm động_lực",
	"Nhiệt_liệt hưởng_ứng Ngày_Chuyển_đổi_số tỉnh Hưng_Yên 10/10",
	"Người_dân và doanh_nghiệp là trung_tâm, là chủ_thể của chuyển_đổi_số",
	"Nhiệt_liệt hưởng_ứng Nghị_quyết_57-NQ/TW về đột_phá phát_triển khoa_học, công_nghệ, đổi_mới_sáng_tạo và chuyển_đổi_số quốc_gia",
	"Thể_chế đi_trước_một_bước, mở_đường cho đổi_mới_sáng_tạo",
	"Toàn_dân học_tập_số",
	"Tôn_vinh mọi phát_minh, sáng_kiến, dù_là nhỏ_nhất",
	"Đột_phá khoa_học, công_nghệ, vững_bước vào kỷ_nguyên vươn_mình của Dân_tộc",
}

// bannerLines are the lines the campaign's slogans get on the banner,
// checked by eye (and on a rendering) when they were written down.
var bannerLines = map[string][]string{
	"BẢO ĐẢM CHỦ QUYỀN QUỐC GIA VÀ AN NINH, AN TOÀN TRÊN KHÔNG GIAN MẠNG": {
		"BẢO ĐẢM CHỦ QUYỀN QUỐC GIA VÀ AN NINH,", "AN TOÀN TRÊN KHÔNG GIAN MẠNG"},
	"CHUNG TAY XÂY DỰNG CHÍNH PHỦ SỐ, KINH TẾ SỐ, XÃ HỘI SỐ, CÔNG DÂN SỐ": {
		"CHUNG TAY XÂY DỰNG CHÍNH PHỦ SỐ,", "KINH TẾ SỐ, XÃ HỘI SỐ, CÔNG DÂN SỐ"},
	"ĐỔI MỚI ĐỂ VƯƠN MÌNH": {"ĐỔI MỚI ĐỂ VƯƠN MÌNH"},
	"KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ LÀ ĐỘT PHÁ QUAN TRỌNG HÀNG ĐẦU": {
		"KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO", "VÀ CHUYỂN ĐỔI SỐ LÀ ĐỘT PHÁ QUAN TRỌNG HÀNG ĐẦU"},
	"HƯNG YÊN QUYẾT TÂM THỰC HIỆN THẮNG LỢI NGHỊ QUYẾT 57-NQ/TW CỦA BỘ CHÍNH TRỊ": {
		"HƯNG YÊN QUYẾT TÂM THỰC HIỆN THẮNG LỢI", "NGHỊ QUYẾT 57-NQ/TW CỦA BỘ CHÍNH TRỊ"},
	"LẤY NGƯỜI DÂN, DOANH NGHIỆP LÀM TRUNG TÂM, CÔNG NGHỆ LÀM CÔNG CỤ, SÁNG TẠO LÀM ĐỘNG LỰC": {
		"LẤY NGƯỜI DÂN, DOANH NGHIỆP LÀM TRUNG TÂM,", "CÔNG NGHỆ LÀM CÔNG CỤ, SÁNG TẠO LÀM ĐỘNG LỰC"},
	"NHIỆT LIỆT HƯỞNG ỨNG NGÀY CHUYỂN ĐỔI SỐ TỈNH HƯNG YÊN 10/10": {
		"NHIỆT LIỆT HƯỞNG ỨNG", "NGÀY CHUYỂN ĐỔI SỐ TỈNH HƯNG YÊN 10/10"},
	"NGƯỜI DÂN VÀ DOANH NGHIỆP LÀ TRUNG TÂM, LÀ CHỦ THỂ CỦA CHUYỂN ĐỔI SỐ": {
		"NGƯỜI DÂN VÀ DOANH NGHIỆP LÀ TRUNG TÂM,", "LÀ CHỦ THỂ CỦA CHUYỂN ĐỔI SỐ"},
	"NHIỆT LIỆT HƯỞNG ỨNG NGHỊ QUYẾT 57-NQ/TW VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ QUỐC GIA": {
		"NHIỆT LIỆT HƯỞNG ỨNG NGHỊ QUYẾT 57-NQ/TW", "VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ,", "ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ QUỐC GIA"},
	"THỂ CHẾ ĐI TRƯỚC MỘT BƯỚC, MỞ ĐƯỜNG CHO ĐỔI MỚI SÁNG TẠO": {
		"THỂ CHẾ ĐI TRƯỚC MỘT BƯỚC,", "MỞ ĐƯỜNG CHO ĐỔI MỚI SÁNG TẠO"},
	"TOÀN DÂN HỌC TẬP SỐ": {"TOÀN DÂN HỌC TẬP SỐ"},
	"TÔN VINH MỌI PHÁT MINH, SÁNG KIẾN, DÙ LÀ NHỎ NHẤT": {
		"TÔN VINH MỌI PHÁT MINH,", "SÁNG KIẾN, DÙ LÀ NHỎ NHẤT"},
	"ĐỘT PHÁ KHOA HỌC, CÔNG NGHỆ, VỮNG BƯỚC VÀO KỶ NGUYÊN VƯƠN MÌNH CỦA DÂN TỘC": {
		"ĐỘT PHÁ KHOA HỌC, CÔNG NGHỆ, VỮNG BƯỚC", "VÀO KỶ NGUYÊN VƯƠN MÌNH CỦA DÂN TỘC"},
}

// campaignTitles returns the titles of the slogans of content/khau-hieu,
// read from their front matter.
func campaignTitles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../content/khau-hieu/*.md")
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, file := range files {
		if filepath.Base(file) == "_index.md" {
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := frontmatter.Split(file, src)
		if err != nil {
			t.Fatal(err)
		}
		var front struct{ Title string }
		if _, err := frontmatter.DecodeTOML(file, doc.Front, doc.FrontLine, &front); err != nil {
			t.Fatal(err)
		}
		titles = append(titles, front.Title)
	}
	if len(titles) < 13 {
		t.Fatalf("%d slogans in content/khau-hieu, want at least 13", len(titles))
	}
	return titles
}

// TestFitCampaignSlogans fits every slogan of the campaign, in capitals as
// banners show them, to the banner and the panel, and checks that no line
// breaks inside a word (as written by hand in campaignWords, and as the
// lexicon has it), that no last line is a single syllable, that Fit's
// choice is the best split, and the banner's lines.
func TestFitCampaignSlogans(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	words := map[string]string{}
	for _, w := range campaignWords {
		words[strings.ReplaceAll(w, "_", " ")] = w
	}
	for _, title := range campaignTitles(t) {
		text := strings.ToUpper(title)
		hand, ok := words[title]
		if !ok {
			t.Errorf("slogan %q is not in campaignWords: write its words there", title)
		}
		for _, box := range []Box{bannerBox, panelBox} {
			r, err := Fit(f, text, box, printOpts)
			if err != nil {
				t.Fatal(err)
			}
			checkFits(t, f, text, box, printOpts, r)
			checkWords(t, strings.ToUpper(hand), r.Lines)
			checkLexicon(t, text, r.Lines)
			checkOptimal(t, f, text, box, printOpts, r)
			if box == bannerBox {
				if want, ok := bannerLines[text]; !ok || !slices.Equal(r.Lines, want) {
					t.Errorf("banner %q:\n\t%s\nwant\n\t%s", text, strings.Join(r.Lines, "\n\t"), strings.Join(want, "\n\t"))
				}
			}
			t.Logf("%v %.0f mm: %s", box, r.Size, strings.Join(r.Lines, " | "))
		}
	}
}

// composed are slogans made of compound words for these tests, with their
// words joined by "_" by hand, and for some the lines expected on the
// banner and the panel.
var composed = []struct {
	words         string
	banner, panel []string
}{
	{"Chuyển_đổi_số vì người_dân", []string{"CHUYỂN ĐỔI SỐ VÌ NGƯỜI DÂN"}, []string{"CHUYỂN ĐỔI SỐ", "VÌ NGƯỜI DÂN"}},
	{"Bảo_đảm an_ninh không_gian_mạng", []string{"BẢO ĐẢM AN NINH KHÔNG GIAN MẠNG"}, []string{"BẢO ĐẢM AN NINH", "KHÔNG GIAN MẠNG"}},
	{"Xây_dựng Chính_phủ_số, kinh_tế_số, xã_hội_số", []string{"XÂY DỰNG CHÍNH PHỦ SỐ,", "KINH TẾ SỐ, XÃ HỘI SỐ"}, []string{"XÂY DỰNG", "CHÍNH PHỦ SỐ,", "KINH TẾ SỐ, XÃ HỘI SỐ"}},
	{"Doanh_nghiệp là trung_tâm của đổi_mới_sáng_tạo", []string{"DOANH NGHIỆP LÀ TRUNG TÂM", "CỦA ĐỔI MỚI SÁNG TẠO"}, []string{"DOANH NGHIỆP", "LÀ TRUNG TÂM", "CỦA ĐỔI MỚI SÁNG TẠO"}},
	{"Nhân_lực_chất_lượng_cao là động_lực phát_triển", []string{"NHÂN LỰC CHẤT LƯỢNG CAO", "LÀ ĐỘNG LỰC PHÁT TRIỂN"}, nil},
	{"Hoàn_thiện thể_chế, phát_triển hạ_tầng_số", []string{"HOÀN THIỆN THỂ CHẾ,", "PHÁT TRIỂN HẠ TẦNG SỐ"}, nil},
	{"Dữ_liệu là tư_liệu_sản_xuất chính", nil, []string{"DỮ LIỆU", "LÀ TƯ LIỆU SẢN XUẤT CHÍNH"}},
	{"Khoa_học_công_nghệ đưa Hưng_Yên vươn_xa", []string{"KHOA HỌC CÔNG NGHỆ", "ĐƯA HƯNG YÊN VƯƠN XA"}, []string{"KHOA HỌC CÔNG NGHỆ", "ĐƯA HƯNG YÊN", "VƯƠN XA"}},
	{"Mỗi người_dân là một công_dân_số", []string{"MỖI NGƯỜI DÂN", "LÀ MỘT CÔNG DÂN SỐ"}, []string{"MỖI NGƯỜI DÂN", "LÀ MỘT CÔNG DÂN SỐ"}},
	{"Cảnh_giác với lừa_đảo trực_tuyến", nil, []string{"CẢNH GIÁC", "VỚI LỪA ĐẢO", "TRỰC TUYẾN"}},
	{"Sử_dụng dịch_vụ_công trực_tuyến, tiết_kiệm thời_gian", []string{"SỬ DỤNG DỊCH VỤ CÔNG TRỰC TUYẾN,", "TIẾT KIỆM THỜI GIAN"}, nil},
	{"Trí_tuệ_nhân_tạo phục_vụ nhân_dân", nil, []string{"TRÍ TUỆ NHÂN TẠO", "PHỤC VỤ", "NHÂN DÂN"}},
	{"Đến năm_2030, kinh_tế_số đạt tối_thiểu_30%_GDP", []string{"ĐẾN NĂM 2030,", "KINH TẾ SỐ ĐẠT TỐI THIỂU 30% GDP"}, nil},
	{"Đẩy_mạnh nghiên_cứu khoa_học và chuyển_giao công_nghệ", []string{"ĐẨY MẠNH NGHIÊN CỨU KHOA HỌC", "VÀ CHUYỂN GIAO CÔNG NGHỆ"}, nil},
	{"Thanh_toán không_dùng_tiền_mặt vì một xã_hội văn_minh", nil, nil},
	{"Chung_sức_đồng_lòng xây_dựng quê_hương Hưng_Yên giàu_đẹp", nil, []string{"CHUNG SỨC ĐỒNG LÒNG", "XÂY DỰNG QUÊ HƯƠNG", "HƯNG YÊN GIÀU ĐẸP"}},
	{"Tôn_vinh nhà_khoa_học, trọng_dụng nhân_tài", []string{"TÔN VINH NHÀ KHOA HỌC,", "TRỌNG DỤNG NHÂN TÀI"}, nil},
	{"Cán_bộ, đảng_viên gương_mẫu đi_đầu trong chuyển_đổi_số", nil, nil},
	{"Nâng_cao năng_lực_cạnh_tranh_số của tỉnh Hưng_Yên", []string{"NÂNG CAO NĂNG LỰC CẠNH TRANH SỐ", "CỦA TỈNH HƯNG YÊN"}, nil},
}

// TestFitComposedSlogans checks slogans composed of compound words as the
// campaign's are checked.
func TestFitComposedSlogans(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	for _, c := range composed {
		text := strings.ToUpper(strings.ReplaceAll(c.words, "_", " "))
		for _, box := range []struct {
			box  Box
			want []string
		}{{bannerBox, c.banner}, {panelBox, c.panel}} {
			r, err := Fit(f, text, box.box, printOpts)
			if err != nil {
				t.Fatal(err)
			}
			checkFits(t, f, text, box.box, printOpts, r)
			checkWords(t, strings.ToUpper(c.words), r.Lines)
			checkLexicon(t, text, r.Lines)
			checkOptimal(t, f, text, box.box, printOpts, r)
			if box.want != nil && !slices.Equal(r.Lines, box.want) {
				t.Errorf("%v %q: %q, want %q", box.box, text, r.Lines, box.want)
			}
			t.Logf("%v %.0f mm: %s", box.box, r.Size, strings.Join(r.Lines, " | "))
		}
	}
}

// checkWords fails if a line ends inside a word of words (syllables
// joined by "_"), or if the last line is one syllable of a text of more.
func checkWords(t *testing.T, words string, lines []string) {
	t.Helper()
	// inside[i]: the gap after part i lies inside a word.
	var inside []bool
	for _, w := range strings.Fields(words) {
		for range strings.Count(w, "_") {
			inside = append(inside, true)
		}
		inside = append(inside, false)
	}
	end := 0
	for i, l := range lines[:len(lines)-1] {
		end += len(fields(l))
		if end-1 >= len(inside) {
			t.Fatalf("lines %q do not match words %q", lines, words)
		}
		if inside[end-1] {
			t.Errorf("line %d %q ends inside a word of %q", i, l, words)
		}
	}
	if last := lines[len(lines)-1]; len(inside) > 1 && len(fields(last)) == 1 {
		t.Errorf("%q: the last line %q is one syllable", words, last)
	}
}

// checkLexicon fails if a line of text ends where vnbreak keeps words
// together or inside a fixed term.
func checkLexicon(t *testing.T, text string, lines []string) {
	t.Helper()
	a := vnbreak.Analyze(text)
	end := 0
	for i, l := range lines[:len(lines)-1] {
		end += len(fields(l))
		if c := a.Costs[end-1]; c >= vnbreak.Term {
			t.Errorf("%q: line %d %q ends at a %v gap", text, i, l, c)
		}
	}
}

// TestSeries fits the campaign's slogans as one series of banners: one
// size for all, the largest at which each fits.
func TestSeries(t *testing.T) {
	f := loadFont(t, "NotoSans-Bold.ttf")
	var texts []string
	for _, title := range campaignTitles(t) {
		texts = append(texts, strings.ToUpper(title))
	}
	rs, err := Series(f, texts, bannerBox, printOpts)
	if err != nil {
		t.Fatal(err)
	}
	// The shared size: the smallest of the sizes Fit gives each alone, at
	// its largest split regardless of break costs.
	want := math.Inf(1)
	for _, text := range texts {
		a := vnbreak.Analyze(text)
		p := newPlanner(f, a.Parts, bannerBox, func() Options { o, _ := printOpts.resolve(bannerBox); return o }())
		largest := 0.0
		for _, ends := range allSplits(a, 6) {
			largest = max(largest, p.size(linesUnits(f, a, ends)))
		}
		want = min(want, largest)
	}
	for i, r := range rs {
		checkFits(t, f, texts[i], bannerBox, printOpts, r)
		checkLexicon(t, texts[i], r.Lines)
		if r.Size != want {
			t.Errorf("%q: size %g, want the series' %g", texts[i], r.Size, want)
		}
		t.Logf("%.0f mm: %s", r.Size, strings.Join(r.Lines, " | "))
	}
	if _, err := Series(f, []string{"ĐỔI MỚI", " "}, bannerBox, printOpts); err == nil || !strings.Contains(err.Error(), "text 2: empty text") {
		t.Errorf("Series with an empty text: %v", err)
	}
}

// linesUnits measures the lines of a that end at ends, each whole.
func linesUnits(f *Font, a vnbreak.Text, ends []int) []int64 {
	out := make([]int64, len(ends))
	for i, l := range a.Lines(ends) {
		out[i] = f.units(l)
	}
	return out
}
