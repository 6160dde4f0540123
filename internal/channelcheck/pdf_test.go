package channelcheck_test

import (
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"loa/internal/booklet"
	"loa/internal/paths"
)

// TestPDFSizesAndFonts checks every PDF of the channels against its
// manifest entry: its page count and page size (pdfinfo), and that every
// font is embedded (pdffonts).
func TestPDFSizesAndFonts(t *testing.T) {
	chromium := needTools(t, "pdfinfo", "pdffonts", "pdftotext")
	dest, entries := pdfs(t, chromium)
	if len(entries) < 10 {
		t.Fatalf("only %d channel entries", len(entries))
	}
	for _, e := range entries {
		file := filepath.Join(dest, filepath.FromSlash(e.PDF))
		for i, s := range pageSizes(t, file, e.Pages) {
			if math.Abs(s[0]-pt(e.SheetMM[0])) > 1 || math.Abs(s[1]-pt(e.SheetMM[1])) > 1 {
				t.Errorf("%s page %d is %.1f × %.1f pt, want %.1f × %.1f", e.PDF, i+1, s[0], s[1], pt(e.SheetMM[0]), pt(e.SheetMM[1]))
			}
		}
		out := run(t, "pdffonts", file)
		rows := strings.Split(strings.TrimSpace(out), "\n")[2:]
		if len(rows) == 0 {
			t.Errorf("%s: no fonts", e.PDF)
		}
		for _, r := range rows {
			f := strings.Fields(r)
			// name type... encoding emb sub uni object ID
			if len(f) < 7 || f[len(f)-5] != "yes" {
				t.Errorf("%s: font not embedded: %s", e.PDF, r)
			}
			if !strings.Contains(f[0], "Noto") {
				t.Errorf("%s: a font other than the site's: %s", e.PDF, r)
			}
		}
	}
	// The products' sizes, as the issue asks them.
	want := map[string][2]float64{
		paths.ProductDeck: {320, 180}, paths.ProductHandout: {210, 297}, paths.ProductBooklet: {148, 210},
		paths.ProductBookletImposed: {296 + 2*15, 210 + 2*15}, paths.ProductOutline: {210, 297}, paths.ProductBulletin: {210, 297},
	}
	for _, e := range entries {
		if w, ok := want[e.Product]; ok && e.SheetMM != w {
			t.Errorf("%s: sheet %v mm, want %v", e.File, e.SheetMM, w)
		}
	}
	deck := entryOf(t, entries, paths.ProductDeck)
	if r := deck.SheetMM[0] / deck.SheetMM[1]; math.Abs(r-16.0/9) > 1e-9 {
		t.Errorf("the deck's pages are %.4f:1, not 16:9", r)
	}
	hand := entryOf(t, entries, paths.ProductHandout)
	if hand.Pages != (deck.Pages+2)/3 {
		t.Errorf("the handout has %d pages for %d slides", hand.Pages, deck.Pages)
	}
}

// TestBookletPages reads the booklet back: a multiple of four pages, each
// numbered page carrying its own number at its outer foot, the table of
// contents giving the page each question is on, no question at a page's
// foot without its answer, and nothing outside a 5 mm safe area.
func TestBookletPages(t *testing.T) {
	chromium := needTools(t, "pdftotext")
	dest, entries := pdfs(t, chromium)
	e := entryOf(t, entries, paths.ProductBooklet)
	if e.Pages%4 != 0 || e.Pages < 8 {
		t.Fatalf("the booklet has %d pages", e.Pages)
	}
	pages := words(t, filepath.Join(dest, e.PDF))
	if len(pages) != e.Pages {
		t.Fatalf("pdftotext found %d pages, want %d", len(pages), e.Pages)
	}
	numRE := regexp.MustCompile(`^\d+$`)
	numbered := 0
	for i, ws := range pages {
		n := i + 1
		for _, w := range ws {
			if w.XMin < 5-0.01 || w.XMax > 148-5+0.01 || w.YMin < 5-0.01 || w.YMax > 210-5+0.01 {
				t.Errorf("page %d: %q at %.1f,%.1f–%.1f,%.1f mm is outside the safe area", n, w.Text, w.XMin, w.YMin, w.XMax, w.YMax)
			}
		}
		// The lowest word is the page number, outer side: right on odd
		// pages, left on even ones; the covers and the inside cover have none.
		var low word
		for _, w := range ws {
			if w.YMax > low.YMax {
				low = w
			}
		}
		if n == 1 || n == 2 || n == e.Pages {
			if numRE.MatchString(low.Text) && low.YMin > 210-18 {
				t.Errorf("page %d has a page number %q", n, low.Text)
			}
			continue
		}
		numbered++
		if low.Text != strconv.Itoa(n) || low.YMin < 210-18 {
			t.Errorf("page %d: the lowest word is %q at %.1f mm, want its number in the foot", n, low.Text, low.YMin)
			continue
		}
		if odd := n%2 == 1; odd != (low.XMin > 74) {
			t.Errorf("page %d: its number is at x = %.1f mm, not on the outer side", n, low.XMin)
		}
	}
	if numbered < e.Pages-3 {
		t.Errorf("only %d pages numbered", numbered)
	}
	// The contents: "Câu N. ... p" lines point at the page with "Câu N.".
	text := make([]string, len(pages))
	for i, ws := range pages {
		text[i] = strings.Join(lines(ws), "\n")
	}
	// The contents run from page 3 to the page before the first chapter's.
	var toc []string
	body := 2
	for ; body < len(pages) && !strings.Contains(text[body], "PHẦN I\n"); body++ {
		toc = append(toc, lines(pages[body])...)
	}
	entryRE := regexp.MustCompile(`^(.*?)\s+(\d+)$`)
	checked := 0
	var pending string
	for _, l := range toc {
		m := entryRE.FindStringSubmatch(l)
		if m == nil {
			pending += l + " "
			continue
		}
		title := strings.TrimSpace(pending + m[1])
		pending = ""
		q := regexp.MustCompile(`^(Câu \d+\.)`).FindString(title)
		if q == "" {
			continue
		}
		p, _ := strconv.Atoi(m[2])
		if p < 1 || p > len(pages) || !strings.Contains(text[p-1], q) {
			t.Errorf("the contents put %q on page %d, which does not hold it", q, p)
		}
		checked++
	}
	if checked < 20 {
		t.Errorf("only %d questions found in the contents:\n%s", checked, strings.Join(toc, "\n"))
	}
	// No page ends with a question: its start and its answer's are together.
	for i := body; i < len(pages); i++ {
		ls := lines(pages[i])
		if len(ls) < 2 {
			continue
		}
		last := ls[len(ls)-2] // the last is the page number
		if regexp.MustCompile(`^Câu \d+\.`).MatchString(last) || strings.HasSuffix(last, "?") && !strings.Contains(last, "Trả lời") {
			t.Errorf("page %d ends with the question %q", i+1, last)
		}
	}
}

// TestImposition reads the imposed booklet back, side by side: each side
// holds the two pages Order gives (their numbers at the foot of each half),
// every text inside the trim less 5 mm but for the slug line in the marks.
func TestImposition(t *testing.T) {
	chromium := needTools(t, "pdftotext", "pdfinfo")
	dest, entries := pdfs(t, chromium)
	reading := entryOf(t, entries, paths.ProductBooklet)
	e := entryOf(t, entries, paths.ProductBookletImposed)
	if e.Pages != reading.Pages/2 {
		t.Fatalf("%d sides for %d pages", e.Pages, reading.Pages)
	}
	order := booklet.Order(reading.Pages)
	sides := words(t, filepath.Join(dest, e.PDF))
	tr := e.TrimBox // x, y, w, h in mm
	for i, ws := range sides {
		var nums [2]string
		for _, w := range ws {
			if w.YMin > tr[1]+tr[3] { // the slug line, in the marks
				continue
			}
			if w.XMin < tr[0]+5-0.01 || w.XMax > tr[0]+tr[2]-5+0.01 || w.YMin < tr[1]+5-0.01 {
				t.Errorf("side %d: %q at %.1f,%.1f mm is outside the safe area", i+1, w.Text, w.XMin, w.YMin)
			}
			if w.YMin > tr[1]+tr[3]-18 && regexp.MustCompile(`^\d+$`).MatchString(w.Text) {
				half := 0
				if w.XMin > tr[0]+tr[2]/2 {
					half = 1
				}
				nums[half] = w.Text
			}
		}
		for k, n := range order[i] {
			want := strconv.Itoa(n)
			if n == 1 || n == 2 || n == reading.Pages {
				want = "" // the covers and the inside cover carry no number
			}
			if nums[k] != want {
				t.Errorf("side %d, %s half: page number %q, want %q (order %v)", i+1, []string{"left", "right"}[k], nums[k], want, order[i])
			}
		}
	}
	// The slug line says which sheet and pages each side is.
	text := run(t, "pdftotext", "-f", "1", "-l", "2", filepath.Join(dest, e.PDF), "-")
	if want := fmt.Sprintf("trang %d | 1", reading.Pages); !strings.Contains(text, want) {
		t.Errorf("the first side's slug line lacks %q", want)
	}
}

// TestOutline reads the outline back: a Party document's header, the
// draft mark, the date line; page numbers from the second page, at the
// top; the text inside the margins of the guidance.
func TestOutline(t *testing.T) {
	chromium := needTools(t, "pdftotext")
	dest, entries := pdfs(t, chromium)
	e := entryOf(t, entries, paths.ProductOutline)
	pages := words(t, filepath.Join(dest, e.PDF))
	first := strings.Join(lines(pages[0]), "\n")
	for _, want := range []string{"ĐẢNG CỘNG SẢN VIỆT NAM", "DỰ THẢO", "TỈNH ỦY HƯNG YÊN", "BAN TUYÊN GIÁO", "ĐỀ CƯƠNG TUYÊN TRUYỀN",
		"ngày 25 tháng 02 năm 2025", "I- QUAN ĐIỂM CHỈ ĐẠO"} {
		if !strings.Contains(first, want) {
			t.Errorf("the first page lacks %q:\n%s", want, first)
		}
	}
	if !strings.Contains(strings.Join(lines(pages[len(pages)-1]), "\n"), "Nơi nhận:") {
		t.Error("the last page lacks Nơi nhận")
	}
	for i, ws := range pages {
		n := i + 1
		var top word
		top.YMin = 1e9
		for _, w := range ws {
			if w.YMin < top.YMin {
				top = w
			}
			if w.XMin < 35-0.5 || w.XMax > 210-15+0.5 {
				t.Errorf("page %d: %q at x %.1f–%.1f mm is outside the margins", n, w.Text, w.XMin, w.XMax)
			}
			if w.YMax > 297-25+0.5 {
				t.Errorf("page %d: %q at y %.1f mm is in the bottom margin", n, w.Text, w.YMax)
			}
		}
		if n == 1 {
			continue
		}
		if top.Text != strconv.Itoa(n) || top.YMin < 8 || top.YMin > 13 || math.Abs((top.XMin+top.XMax)/2-(35+195)/2.0) > 1 {
			t.Errorf("page %d: top word %q at %.1f,%.1f mm, want its number centred 10 mm from the top", n, top.Text, top.XMin, top.YMin)
		}
	}
}
