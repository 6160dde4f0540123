package posts

import (
	"strings"
	"testing"
	"unicode/utf8"

	"loa/internal/config"
	"loa/internal/vnbreak"
)

var share = config.Share{
	Hashtags: []string{"NghiQuyet57", "#ChuyenDoiSo"},
	UTM:      map[string]string{"facebook": "facebook"},
	Campaign: "nq57",
}

const long = "Người dân có thể làm gì để góp phần thực hiện Nghị quyết 57 về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, nhất là ở các xã, phường của tỉnh?"

var items = map[string]Item{
	"qa": {Label: "Hỏi – đáp", Title: "Nghị quyết 57-NQ/TW do cơ quan nào ban hành, vào ngày nào và ai ký?",
		Summary: "Bộ Chính trị ban hành Nghị quyết 57-NQ/TW ngày 22/12/2024; Tổng Bí thư Tô Lâm ký; có hiệu lực từ ngày ký.",
		URL:     "https://nq57.hungyen.gov.vn/hoi-dap/nghi-quyet-57-do-ai-ban-hanh/"},
	"long": {Label: "Hỏi – đáp", Title: long, Summary: strings.Repeat("Người dân và doanh nghiệp là trung tâm, là chủ thể của chuyển đổi số quốc gia. ", 8),
		URL: "https://nq57.hungyen.gov.vn/hoi-dap/nguoi-dan-co-the-lam-gi/"},
	"long-link": {Label: "Hỏi – đáp", Title: long, Summary: "Một câu trả lời.",
		URL: "https://nq57.hungyen.gov.vn/hoi-dap/" + strings.Repeat("nguoi-dan-co-the-lam-gi-", 7) + "/"},
	"goal": {Label: "Mục tiêu đến năm 2030", Title: "Kinh tế số và chuyển đổi số",
		Summary: "Đến năm 2030, kinh tế số đạt tối thiểu 30% GDP; trên 80% người dân, doanh nghiệp dùng dịch vụ công trực tuyến.",
		Figures: []Figure{{"≥ 30%", "Quy mô kinh tế số so với GDP"}, {"> 80%", "Tỉ lệ sử dụng dịch vụ công trực tuyến"}},
		URL:     "https://nq57.hungyen.gov.vn/muc-tieu/kinh-te-so/"},
	"slogan-long": {Label: "Khẩu hiệu", Quote: true, Draft: true,
		Title: "Nhiệt liệt hưởng ứng Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
		URL:   "https://nq57.hungyen.gov.vn/khau-hieu/nhiet-liet-huong-ung-nghi-quyet-57-ve-dot-pha/"},
	"slogan": {Label: "Khẩu hiệu", Title: "Đổi mới để vươn mình", Quote: true, Draft: true,
		Summary: "Khẩu hiệu ngắn, dễ nhớ, gắn tinh thần đổi mới, sáng tạo với khát vọng vươn mình của đất nước.",
		URL:     "https://nq57.hungyen.gov.vn/khau-hieu/doi-moi-de-vuon-minh/"},
}

// TestLengths checks every post of every item against its network's
// lengths, and that it carries the link and the tags.
func TestLengths(t *testing.T) {
	for name, it := range items {
		for _, n := range config.Networks() {
			p := Write(it, n, share)
			max, leadMax := ZaloMax, ZaloMax
			if n == config.NetworkFacebook {
				max, leadMax = FacebookMax, FacebookLead
			}
			if l := utf8.RuneCountInString(p.Text); l > max {
				t.Errorf("%s %s: %d characters, more than %d:\n%s", name, n, l, max, p.Text)
			}
			if l := utf8.RuneCountInString(p.Lead); l > leadMax || !strings.HasPrefix(p.Text, p.Lead+"\n") {
				t.Errorf("%s %s: lead of %d characters (at most %d), or not first: %q", name, n, l, leadMax, p.Lead)
			}
			if !strings.Contains(p.Text, p.Link) || !strings.HasPrefix(p.Link, it.URL) {
				t.Errorf("%s %s: the link %q is not in the post or not the page's", name, n, p.Link)
			}
			// The tags go when the link leaves no room for them: only with
			// an address far longer than loa's slugs make.
			if !strings.Contains(p.Text, "#NghiQuyet57 #ChuyenDoiSo") && (name != "long-link" || n != config.NetworkZalo) {
				t.Errorf("%s %s: no hashtags:\n%s", name, n, p.Text)
			}
			if it.Draft && (!strings.Contains(p.Text, "DỰ THẢO") || (n == config.NetworkFacebook && !strings.Contains(p.Text, "DỰ THẢO, chưa"))) {
				t.Errorf("%s %s: a draft's post does not say so:\n%s", name, n, p.Text)
			}
		}
	}
	if p := Write(items["qa"], config.NetworkFacebook, share); p.Link != items["qa"].URL+"?utm_source=facebook&utm_medium=social&utm_campaign=nq57" {
		t.Errorf("Facebook link %q", p.Link)
	}
	if p := Write(items["qa"], config.NetworkZalo, share); p.Link != items["qa"].URL {
		t.Errorf("Zalo link %q, want it untagged", p.Link)
	}
}

// TestNoCutWord checks that every paragraph of every post is either a text
// of the item whole, or its beginning up to a gap where a line may break,
// then "…".
func TestNoCutWord(t *testing.T) {
	for name, it := range items {
		texts := []string{it.Title, it.Summary, "[DỰ THẢO] " + it.Title, it.Label + ": " + it.Title}
		for _, n := range config.Networks() {
			p := Write(it, n, share)
			for _, para := range strings.Split(p.Text, "\n") {
				cut, ok := strings.CutSuffix(para, "…")
				if !ok {
					continue
				}
				cut = strings.TrimPrefix(cut, "[DỰ THẢO] ")
				whole := ""
				for _, s := range texts {
					if strings.HasPrefix(s, cut) {
						whole = s
					}
				}
				if whole == "" {
					t.Errorf("%s %s: %q is no text of the item", name, n, para)
					continue
				}
				if !breaksAfter(whole, cut) {
					t.Errorf("%s %s: %q cuts a word of %q", name, n, para, whole)
				}
			}
		}
	}
}

// breaksAfter reports whether whole may break after its beginning cut
// (less the punctuation Cut drops).
func breaksAfter(whole, cut string) bool {
	tx := vnbreak.Analyze(whole)
	for k := 1; k < len(tx.Parts); k++ {
		if line := tx.Line(0, k); strings.TrimRight(line, ",;:.–-—") == cut {
			return tx.Costs[k-1] < vnbreak.Keep
		}
	}
	return false
}

func TestCut(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{
		{"Đổi mới để vươn mình", 40, "Đổi mới để vươn mình"},
		{"Đổi mới để vươn mình", 19, "Đổi mới…"},                                  // "vươn mình" is one word; "để" leans on it
		{"Phát triển khoa học, công nghệ và đổi mới", 22, "Phát triển khoa học…"}, // the comma goes
		{"Chuyển đổi số", 5, ""},
		{"đạt tối thiểu 30 % GDP", 17, "đạt…"}, // vnbreak keeps "tối thiểu 30 %" together
	} {
		if got := Cut(tc.s, tc.n); got != tc.want {
			t.Errorf("Cut(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
		}
	}
}

func FuzzCut(f *testing.F) {
	f.Add("Người dân và doanh nghiệp là trung tâm, là chủ thể", 20)
	f.Add("a b", 1)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 0 || n > 1000 || !utf8.ValidString(s) {
			return
		}
		got := Cut(s, n)
		if utf8.RuneCountInString(got) > n && got != s {
			t.Fatalf("Cut(%q, %d) = %q: too long", s, n, got)
		}
	})
}
