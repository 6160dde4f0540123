// Package synth writes large synthetic Vietnamese sites for benchmarks:
// thousands of pages of Markdown with headings, lists, emphasis, links and
// tables, spread over four sections, in the proportions of real campaign
// content. The text is random but deterministic for a seed.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sections of a synthetic site and their kinds' folders.
var Sections = []string{"hoi-dap", "nhiem-vu", "muc-tieu", "khau-hieu"}

// words is a vocabulary of common Vietnamese words, full diacritics.
var words = strings.Fields(`nghị quyết phát triển khoa học công nghệ đổi mới sáng tạo chuyển đổi số
quốc gia người dân doanh nghiệp nhà nước đột phá quan trọng hàng đầu động lực chính hạ tầng dữ liệu
nhân lực chất lượng cao thể chế chính sách pháp luật ngân sách đầu tư nghiên cứu ứng dụng kinh tế xã hội
chính phủ điện tử dịch vụ công trực tuyến an toàn an ninh mạng không gian bảo vệ chủ quyền hợp tác
quốc tế tỉnh huyện xã cán bộ đảng viên tuyên truyền phổ biến giáo dục học tập kỹ năng thanh niên
phụ nữ nông dân công nhân trí thức nhà khoa học sản phẩm thị trường năng suất hiệu quả bền vững
mục tiêu nhiệm vụ giải pháp quan điểm chỉ đạo thực hiện triển khai kế hoạch chương trình đề án
trung tâm nền tảng số hóa thông minh đô thị nông thôn y tế trường học bệnh viện giao thông logistics
năm tháng ngày đến trong của và với cho là có được những các một để từ theo về trên tại`)

// Site writes a site of n pages of about w words each under dir: a
// config.toml, an _index.md per section and the pages spread evenly over
// the sections.
func Site(dir string, n, w int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, 57))
	if err := write(dir, "config.toml", "title = \"Trang thử nghiệm\"\nbase_url = \"https://synth.example.vn/\"\n"); err != nil {
		return err
	}
	if err := write(dir, "content/_index.md", "+++\ntitle = \"Trang thử nghiệm\"\n+++\n"+paragraph(r, 80)); err != nil {
		return err
	}
	for i, sec := range Sections {
		idx := fmt.Sprintf("+++\ntitle = %q\nweight = %d\n+++\n%s", title(r), i+1, paragraph(r, 40))
		if err := write(dir, "content/"+sec+"/_index.md", idx); err != nil {
			return err
		}
	}
	for i := range n {
		sec := Sections[i%len(Sections)]
		name := fmt.Sprintf("content/%s/trang-%05d.md", sec, i)
		if err := write(dir, name, Page(r, sec, i, w)); err != nil {
			return err
		}
	}
	return nil
}

// Page returns the text of one page of section sec.
func Page(r *rand.Rand, sec string, i, w int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = %q\nweight = %d\nsummary = %q\n", title(r), i%50, sentence(r, 20))
	if sec == "muc-tieu" {
		fmt.Fprintf(&b, "figures = [{value = \"%d%%\", label = %q, year = 2030}]\n", r.IntN(100), sentence(r, 6))
	}
	b.WriteString("+++\n\n")
	for written := 0; written < w; {
		switch k := r.IntN(10); {
		case k < 6:
			n := 40 + r.IntN(40)
			b.WriteString(paragraph(r, n))
			written += n
		case k < 8:
			fmt.Fprintf(&b, "## %s\n\n", title(r))
			written += 5
		case k < 9:
			for range 4 {
				fmt.Fprintf(&b, "- %s\n", sentence(r, 8))
			}
			b.WriteString("\n")
			written += 32
		default:
			b.WriteString("| Chỉ tiêu | Năm 2030 |\n|---|---:|\n")
			for range 3 {
				fmt.Fprintf(&b, "| %s | %d%% |\n", sentence(r, 4), r.IntN(100))
			}
			b.WriteString("\n")
			written += 16
		}
	}
	return b.String()
}

func title(r *rand.Rand) string {
	t := sentence(r, 4+r.IntN(6))
	return strings.TrimSuffix(t, ".")
}

// sentence returns n words, capitalised, with a final period, and now and
// then some bold text or a link.
func sentence(r *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = words[r.IntN(len(words))]
	}
	first, size := utf8.DecodeRuneInString(ws[0])
	ws[0] = string(unicode.ToUpper(first)) + ws[0][size:]
	return strings.Join(ws, " ") + "."
}

func paragraph(r *rand.Rand, n int) string {
	var b strings.Builder
	for n > 0 {
		k := min(n, 8+r.IntN(12))
		s := sentence(r, k)
		switch r.IntN(12) {
		case 0:
			s = "**" + strings.TrimSuffix(s, ".") + "**."
		case 1:
			s = "[" + strings.TrimSuffix(s, ".") + "](https://example.vn/" + words[r.IntN(len(words))] + ")."
		}
		b.WriteString(s)
		b.WriteByte(' ')
		n -= k
	}
	b.WriteString("\n\n")
	return b.String()
}

func write(dir, name, text string) error {
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(text), 0o644)
}
