package print

import (
	"regexp"
	"strings"
	"testing"

	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/site"
)

func product(name string) config.Product {
	p, _ := config.Default().Print.Product(name)
	return p
}

func TestSheet(t *testing.T) {
	tests := []struct {
		product       config.Product
		width, height float64
		scale         string
		trimX, bleedX float64
	}{
		{product("to-gap-a4"), 327, 240, "1:1", 15, 12},
		{product("to-roi-a5"), 178, 240, "1:1", 15, 12},
		{product("ap-phich-a3"), 327, 450, "1:1", 15, 12},
		{product("bang-ron"), 5070, 870, "1:1", 35, 25},
		{product("pano"), 2470, 1270, "1:1", 35, 25},
		{config.Product{TrimMM: []float64{6000, 1200}, BleedMM: 10, MarksMM: 25}, 6070, 1270, "1:10", 35, 25},
		{config.Product{TrimMM: []float64{5020, 800}, BleedMM: 10, MarksMM: 20}, 5080, 860, "1:1", 30, 20},
		{config.Product{TrimMM: []float64{5021, 800}, BleedMM: 10, MarksMM: 20}, 5081, 860, "1:10", 30, 20},
		// A 52 m banner is still 5.2 m at 1:10: it is drawn at 1:100.
		{config.Product{TrimMM: []float64{52000, 1200}, BleedMM: 10, MarksMM: 25}, 52070, 1270, "1:100", 35, 25},
		{config.Product{TrimMM: []float64{50730, 1200}, BleedMM: 10, MarksMM: 25}, 50800, 1270, "1:10", 35, 25},
	}
	for _, tt := range tests {
		s := NewSheet(tt.product)
		if s.Width() != tt.width || s.Height() != tt.height || s.ScaleLabel() != tt.scale {
			t.Errorf("%v: %v × %v at %s, want %v × %v at %s", tt.product.TrimMM, s.Width(), s.Height(), s.ScaleLabel(), tt.width, tt.height, tt.scale)
		}
		if s.TrimBox().X != tt.trimX || s.BleedBox().X != tt.bleedX {
			t.Errorf("%v: trim at %v, bleed at %v", tt.product.TrimMM, s.TrimBox().X, s.BleedBox().X)
		}
	}
	if got := NewSheet(config.Product{TrimMM: []float64{6000, 1200}, BleedMM: 10, MarksMM: 25}).PageSize(); got != "607mm 127mm" {
		t.Errorf("1:10 page size %q", got)
	}
	if got := NewSheet(config.Product{TrimMM: []float64{52000, 1200}, BleedMM: 10, MarksMM: 25}).PageSize(); got != "520.7mm 12.7mm" {
		t.Errorf("1:100 page size %q", got)
	}
}

func TestTriFold(t *testing.T) {
	sd := sides(product("to-gap-a4"))
	if len(sd) != 2 {
		t.Fatalf("%d sides", len(sd))
	}
	widths := func(ps []Panel) (out []float64) {
		for _, p := range ps {
			out = append(out, p.W)
		}
		return out
	}
	if w := widths(sd[0]); w[0] != 97 || w[1] != 100 || w[2] != 100 {
		t.Errorf("outside panels %v, want 97 100 100", w)
	}
	if w := widths(sd[1]); w[0] != 100 || w[1] != 100 || w[2] != 97 {
		t.Errorf("inside panels %v, want 100 100 97", w)
	}
	if f := folds(sd[0]); f[0] != 97 || f[1] != 197 {
		t.Errorf("outside folds %v", f)
	}
	if f := folds(sd[1]); f[0] != 100 || f[1] != 200 {
		t.Errorf("inside folds %v", f)
	}
	// Reading order: cover (outside right), flap (outside left), inside
	// left to right, back (outside middle).
	var order []int
	var names []string
	for side := 1; side <= 2; side++ {
		s := &Side{Number: side, Of: 2, Panels: sd[side-1]}
		for i := 1; i <= 3; i++ {
			order = append(order, s.PartOf(i))
			names = append(names, s.PanelName(i))
		}
	}
	if want := []int{2, 6, 1, 3, 4, 5}; !equal(order, want) {
		t.Errorf("parts %v, want %v", order, want)
	}
	if got := strings.Join(names, ", "); got != "flap (folds in), back cover, front cover, inside left, inside middle, inside right" {
		t.Errorf("panel names %s", got)
	}
	if got := strings.Join(partNames(product("to-gap-a4")), ", "); got != "front cover, flap (folds in), inside left, inside middle, inside right, back cover" {
		t.Errorf("reading order %s", got)
	}
	// A half fold reads front, inside left, inside right, back.
	half := config.Product{TrimMM: []float64{210, 148}, Pages: 2, Panels: []float64{105, 105}, Fold: config.FoldHalf}
	if got := strings.Join(partNames(half), ", "); got != "front cover, inside left, inside right, back cover" {
		t.Errorf("half fold %s", got)
	}
	if got := strings.Join(partNames(product("to-roi-a5")), ", "); got != "side 1, side 2" {
		t.Errorf("flyer %s", got)
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

var lineRE = regexp.MustCompile(`<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"[^>]*?( stroke-dasharray="[^"]*")?/>`)

func TestMarksSVG(t *testing.T) {
	s := NewSheet(product("to-gap-a4"))
	svg := string(s.MarksSVG(Slug{Lines: [2]string{"nhãn <thử>", "dòng hai · ngày "}, Undated: "chưa in"}, []float64{97, 197}, MarkStyle{Color: "#000001", Family: "Noto Sans"}))
	if !strings.Contains(svg, `viewBox="0 0 327 240" width="327mm" height="240mm"`) {
		t.Errorf("viewBox: %s", svg[:200])
	}
	crop, fold := 0, 0
	for _, m := range lineRE.FindAllStringSubmatch(svg, -1) {
		if m[5] != "" {
			fold++
			if m[1] != "112" && m[1] != "212" { // trim at 15 + 97, 15 + 197
				t.Errorf("fold mark at x=%s", m[1])
			}
			continue
		}
		crop++
		// Crop marks stay outside the bleed box (12..315 × 12..228): a
		// vertical one starts at the top edge or below the bleed.
		x1, y1 := m[1], m[2]
		if (x1 == "15" || x1 == "312") && y1 != "0" && !strings.HasPrefix(y1, "23") {
			t.Errorf("vertical crop mark enters the bleed: %v", m[0])
		}
	}
	if crop != 8 || fold != 4 {
		t.Errorf("%d crop marks and %d fold marks, want 8 and 4", crop, fold)
	}
	if !strings.Contains(svg, "nhãn &lt;thử&gt;") || !strings.Contains(svg, `dòng hai · ngày <tspan data-loa="made">chưa in</tspan>`) {
		t.Error("label missing or not escaped")
	}
	// Every mark and the label are in the registration colour, and
	// nothing is transparent.
	if n := strings.Count(svg, `"#000001"`); n != 13 {
		t.Errorf("%d uses of the registration colour, want 12 marks and the label", n)
	}
	for _, bad := range []string{"opacity", "#000\"", "rgba"} {
		if strings.Contains(svg, bad) {
			t.Errorf("marks use %s", bad)
		}
	}
}

func TestQRSVG(t *testing.T) {
	svg, err := QRSVG("https://nq57.example.vn/hoi-dap/x/", 30)
	if err != nil {
		t.Fatal(err)
	}
	s := string(svg)
	if !strings.Contains(s, "width:calc(30 * var(--mm))") || !strings.Contains(s, `<path d="M`) || strings.Contains(s, "<image") || !strings.Contains(s, "fill:var(--ink)") {
		t.Errorf("QR SVG: %s", s[:200])
	}
}

func slogan(file, title, status string, products ...string) *site.Page {
	return site.NewPage(&content.Page{Path: "content/khau-hieu/" + file + ".md", Kind: config.KindSlogan, Section: "khau-hieu",
		URL: "khau-hieu/" + file + "/", Title: title, Status: status, Products: products}, "", "", nil)
}

func TestPieces(t *testing.T) {
	cfg := config.Default()
	a := slogan("a", "Đổi mới để vươn mình", "draft")
	b := slogan("b", "Khoa học là động lực", "official", "pano")
	editor := site.NewPage(&content.Page{Path: "content/in/to-gap.md", Kind: config.KindPrint, Section: "in", URL: "in/to-gap/", Title: "Tờ gấp", Product: "to-gap-a4"}, "", "", nil)
	home := site.NewPage(&content.Page{Kind: content.KindHome}, "", "", nil)
	s := &site.Site{Config: cfg, Home: home,
		Sections: []*site.Section{{Name: "khau-hieu", Kind: config.KindSlogan, Page: home, Items: []*site.Page{a, b}}},
		Print:    []*site.Page{editor}}
	var files []string
	for _, p := range Pieces(s) {
		files = append(files, p.File())
	}
	want := "in/to-gap-a4/to-gap.html in/to-roi-a5/mac-dinh.html in/ap-phich-a3/mac-dinh.html in/bang-ron/a.html in/pano/a.html in/pano/b.html"
	if got := strings.Join(files, " "); got != want {
		t.Errorf("pieces:\n%s\nwant\n%s", got, want)
	}
	// products = [] puts a slogan on no product.
	none := slogan("c", "Không in", "official")
	none.Products = []string{}
	s.Sections[0].Items = []*site.Page{none}
	for _, p := range Pieces(s) {
		if p.Page == none {
			t.Errorf("a slogan with products = [] is on %s", p.File())
		}
	}
}
