package card

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var out = flag.String("out", "", "write the sample cards into this folder, to look at them")

func painter(t testing.TB) *Painter {
	t.Helper()
	fonts, pal := loadFonts(t)
	p, err := NewPainter(fonts, pal)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func loadFonts(t testing.TB) (Fonts, Palette) {
	t.Helper()
	read := func(p string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "..", "static", p))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	bold, err := ParseFont(read("fonts/NotoSans-Bold.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	reg, err := ParseFont(read("fonts/NotoSans-Regular.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParsePalette(read("css/tokens.css"))
	if err != nil {
		t.Fatal(err)
	}
	return Fonts{Bold: bold, Regular: reg}, p
}

const (
	issuer  = "Ban Tuyên giáo và Dân vận Tỉnh ủy Hưng Yên"
	address = "nq57.hungyen.gov.vn"
	brand   = "NQ 57 – Hưng Yên"
)

// samples are cards of every kind, with the longest texts of the campaign.
var samples = map[string]Card{
	"qa":      {Brand: brand, Kind: "Hỏi – đáp", Title: "Nghị quyết 57-NQ/TW do cơ quan nào ban hành, vào ngày nào và ai ký?", Issuer: issuer, Address: address},
	"qa-long": {Brand: brand, Kind: "Hỏi – đáp", Title: "Người dân có thể làm gì để góp phần thực hiện Nghị quyết 57 về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia?", Issuer: issuer, Address: address},
	"goal": {Brand: brand, Kind: "Mục tiêu đến năm 2030", Title: "Kinh tế số và chuyển đổi số", Issuer: issuer, Address: address,
		Figures: []Figure{{"≥ 30%", "Quy mô kinh tế số so với GDP"}, {"> 80%", "Tỉ lệ người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến"}, {"80%", "Tỉ lệ giao dịch không dùng tiền mặt"}}},
	"slogan-draft": {Brand: brand, Kind: "Khẩu hiệu", Title: "Đổi mới để vươn mình", Draft: true, Banner: true, Issuer: issuer, Address: address},
	"slogan-long":  {Brand: brand, Kind: "Khẩu hiệu", Title: "Người dân và doanh nghiệp là trung tâm, là chủ thể của đổi mới sáng tạo", Draft: true, Banner: true, Issuer: issuer, Address: address},
	"viewpoint":    {Brand: brand, Kind: "Quan điểm chỉ đạo · 1", Title: "Đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là đột phá quan trọng hàng đầu", Issuer: issuer, Address: address},
	"home":         {Brand: brand, Title: "Đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", Issuer: issuer, Address: address},
	"stacked":      {Brand: brand, Kind: "Khẩu hiệu", Title: "Ẫ Ễ Ộ Ậ Ặ Ẵ Ỗ Ữ Ỹ ỄNH ỘNG", Banner: true, Issuer: issuer, Address: address},
}

func TestWriteSamples(t *testing.T) {
	if *out == "" {
		t.Skip("no -out folder")
	}
	p := painter(t)
	for name, c := range samples {
		for _, f := range Formats {
			data, err := p.Render(f, c)
			if err != nil {
				t.Fatal(name, err)
			}
			if err := os.WriteFile(filepath.Join(*out, name+"-"+f.String()+".png"), data, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s %s: %d bytes", name, f, len(data))
		}
	}
}
