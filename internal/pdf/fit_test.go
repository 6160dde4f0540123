package pdf

import (
	"context"
	"fmt"
	"html"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"loa/internal/fit"
)

// TestFitMatchesChromium lays out slogans in Chromium with the print style
// sheet's text settings and compares each line's width with the width Go
// predicts from the font file: they must agree within 0.5 %.
func TestFitMatchesChromium(t *testing.T) {
	chromium := needTools(t)
	fonts := filepath.Join("..", "..", "static", "fonts")
	lines := []string{
		"ĐỔI MỚI", "ĐỔI MỚI ĐỂ VƯƠN MÌNH", "NGHỊ QUYẾT 57-NQ/TW", "TẦM NHÌN ĐẾN NĂM 2045",
		"KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ", "ẪỄỘ ỲỶỸỴ ƯỚC ƠN", "AVATAR LAY VÀ TÀI",
		"Toàn dân học tập số", "Lấy người dân, doanh nghiệp làm trung tâm", "“Đột phá” – 30% GDP, 12/10.000",
	}
	dir := t.TempDir()
	for _, font := range []string{"NotoSans-Bold.ttf", "NotoSans-Regular.ttf"} {
		data, err := os.ReadFile(filepath.Join(fonts, font))
		if err != nil {
			t.Fatal(err)
		}
		f, err := fit.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		abs, _ := filepath.Abs(filepath.Join(fonts, font))
		var page strings.Builder
		fmt.Fprintf(&page, `<!doctype html><meta charset="utf-8"><style>
@font-face { font-family: T; src: url(%q); }
body { margin: 0; font-family: T; font-kerning: normal; font-variant-ligatures: none; font-synthesis: none; }
span { white-space: nowrap; font-size: 200px; }
</style>`, (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String())
		for _, l := range lines {
			fmt.Fprintf(&page, "<div><span>%s</span></div>\n", html.EscapeString(l))
		}
		file := filepath.Join(dir, font+".html")
		if err := os.WriteFile(file, []byte(page.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		b, err := Start(context.Background(), chromium)
		if err != nil {
			t.Fatal(err)
		}
		tab, closeTab := b.Tab()
		u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String()
		if err := chromedp.Do(tab, chromedp.Navigate(u)); err != nil {
			t.Fatal(err)
		}
		widths, err := chromedp.Run(tab, chromedp.Evaluate[[]float64](
			`document.fonts.ready.then(() => [...document.querySelectorAll('span')].map(s => s.getBoundingClientRect().width))`,
			chromedp.EvalAwaitPromise))
		closeTab()
		b.Close()
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range lines {
			want := f.Width(l, 200)
			if diff := math.Abs(widths[i]-want) / want; diff > 0.005 {
				t.Errorf("%s %q: Chromium %.2f px, Go %.2f px (%.3f %%)", font, l, widths[i], want, diff*100)
			} else {
				t.Logf("%s %q: Chromium %.2f px, Go %.2f px (%.4f %%)", font, l, widths[i], want, diff*100)
			}
		}
	}
}
