package browsercheck

import (
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// focusJS focuses every link, button, summary and field of the page in
// turn, as the keyboard would, and reports each ring that is not drawn,
// thinner than 2 px, or of less than 3:1 against the colour behind it
// (WCAG 1.4.11): the first opaque background colour among the element and
// its ancestors.
const focusJS = `(() => {
  const lum = c => {
    const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map(v => { v = v / 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4 });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05) };
  const behind = el => {
    for (let e = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      const m = c.match(/[\d.]+/g);
      if (m && (m.length < 4 || +m[3] === 1)) return c;
    }
    return "rgb(255, 255, 255)";
  };
  const bad = [];
  let n = 0;
  for (const el of document.querySelectorAll("a[href], button:not([hidden]), summary, input, select, textarea")) {
    if (!el.checkVisibility()) continue;
    el.focus();
    if (document.activeElement !== el) continue;
    n++;
    const s = getComputedStyle(el);
    const width = parseFloat(s.outlineWidth);
    const r = ratio(s.outlineColor, behind(el.parentElement));
    if (s.outlineStyle === "none" || width < 2 || r < 3) {
      bad.push((el.textContent.trim().slice(0, 40) || el.outerHTML.slice(0, 60)) + ": " + s.outlineStyle + " " + width + "px, " + r.toFixed(2) + ":1");
    }
  }
  return {n, bad};
})()`

// TestFocusVisible checks the focus ring of every control of the four
// pages: drawn, 2 px or more, 3:1 against the background around it.
func TestFocusVisible(t *testing.T) {
	s := build(t)
	ctx := tab(t, browser(t))
	for _, p := range pages {
		if err := open(ctx, s.url+p.path, 390, 844); err != nil {
			t.Fatal(err)
		}
		// A key press first: browsers draw :focus-visible rings for the
		// keyboard, not for the mouse.
		if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
			t.Fatal(err)
		}
		r, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
			N   int      `json:"n"`
			Bad []string `json:"bad"`
		}](focusJS))
		if err != nil {
			t.Fatal(err)
		}
		if r.N < 8 {
			t.Errorf("%s: only %d controls took the focus", p.name, r.N)
		}
		for _, b := range r.Bad {
			t.Errorf("%s: focus ring of %s", p.name, b)
		}
		t.Logf("%s: %d focus rings, all at least 2 px and 3:1", p.name, r.N)
	}
	// The check itself: a yellow ring on white, a thin one, none.
	page := `data:text/html,<style>a:focus-visible{outline:3px solid %23ffd54a} b a:focus-visible{outline:1px solid %23000} i a:focus-visible{outline:none}</style>` +
		`<a href="%23">a</a><b><a href="%23">b</a></b><i><a href="%23">c</a></i>` + strings.Repeat(`<p><a href="%23" style="outline-color:%23000">ok</a>`, 6)
	if err := open(ctx, page, 390, 844); err != nil {
		t.Fatal(err)
	}
	chromedp.Do(ctx, chromedp.KeyEvent("\t"))
	r, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		N   int      `json:"n"`
		Bad []string `json:"bad"`
	}](focusJS))
	if err != nil || r.N != 9 || len(r.Bad) != 3 {
		t.Errorf("the check of a page with three bad rings found %d of %d: %q (%v)", len(r.Bad), r.N, r.Bad, err)
	}
}

// TestTargets checks that every link and control that stands alone (not
// a link inside a sentence) is at least 44 px high on a phone.
func TestTargets(t *testing.T) {
	s := build(t)
	ctx := tab(t, browser(t))
	const js = `(() => {
	  const bad = [];
	  let n = 0;
	  for (const el of document.querySelectorAll("a[href], button:not([hidden]), summary, input")) {
	    if (!el.checkVisibility() || el.closest(".prose p, .prose li, .prose td, .intro, .section-intro, .summary, p.note, .kind-404 main p, .hero-summary")) continue;
	    n++;
	    const r = el.getBoundingClientRect();
	    if (r.height < 43.5) bad.push(el.textContent.trim().slice(0, 40) + ": " + r.height.toFixed(1) + " px");
	  }
	  return {n, bad};
	})()`
	for _, p := range pages {
		if err := open(ctx, s.url+p.path, 390, 844); err != nil {
			t.Fatal(err)
		}
		r, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
			N   int      `json:"n"`
			Bad []string `json:"bad"`
		}](js))
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range r.Bad {
			t.Errorf("%s: %s", p.name, b)
		}
		t.Logf("%s: %d targets, all 44 px high or more", p.name, r.N)
	}
}

// TestFirstScreen checks what a reader on a phone sees before scrolling:
// who speaks, the resolution, its title and four key figures.
func TestFirstScreen(t *testing.T) {
	s := build(t)
	ctx := tab(t, browser(t))
	if err := open(ctx, s.url, 390, 844); err != nil {
		t.Fatal(err)
	}
	const js = `(() => {
	  const below = sel => { const e = document.querySelector(sel); return e ? Math.round(e.getBoundingClientRect().bottom) : -1 };
	  const tiles = [...document.querySelectorAll(".headlines li")].map(li => Math.round(li.getBoundingClientRect().bottom));
	  const h1 = document.querySelector("h1");
	  return {issuer: below(".brand-issuer"), subject: below(".hero-subject"), title: below("h1"), tiles,
	    lines: Math.round(h1.getBoundingClientRect().height / parseFloat(getComputedStyle(h1).lineHeight)),
	    text: document.querySelector(".hero-subject").textContent};
	})()`
	r, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		Issuer, Subject, Title, Lines int
		Tiles                         []int
		Text                          string
	}](js))
	if err != nil {
		t.Fatal(err)
	}
	if r.Issuer <= 0 || r.Subject <= r.Issuer || r.Title <= r.Subject || len(r.Tiles) != 4 {
		t.Fatalf("first screen: %+v", r)
	}
	for i, b := range r.Tiles {
		if b > 844 {
			t.Errorf("key figure %d ends at %d px, below the first screen of 844", i+1, b)
		}
	}
	if r.Text != "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị" || r.Lines > 4 {
		t.Errorf("subject %q, title on %d lines", r.Text, r.Lines)
	}
	t.Logf("390×844: issuer ends at %d px, subject at %d, title (%d lines) at %d, key figures at %v", r.Issuer, r.Subject, r.Lines, r.Title, r.Tiles)
}

// TestPrint prints the home page and an item as a reader's browser would
// and reads the PDF's text back with pdftotext: the collapsed answers and
// explanations, the date line, the page's address.
func TestPrint(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		need(t, "pdftotext is not installed: apt-get install poppler-utils")
	}
	s := build(t)
	ctx := tab(t, browser(t))
	text := func(path string) string {
		if err := open(ctx, s.url+path, 1366, 900); err != nil {
			t.Fatal(err)
		}
		data, err := chromedp.Run(ctx, chromedp.PrintToPDF())
		if err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(t.TempDir(), "page.pdf")
		os.WriteFile(f, data, 0o644)
		out, err := exec.Command(pdftotext, f, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(strings.Fields(string(out)), " ")
	}
	home := text("")
	for _, want := range []string{
		// An answer of the Q&A and an explanation of a goal, both
		// collapsed on screen.
		"Nghị quyết 57-NQ/TW giao Ban cán sự đảng Chính phủ xây dựng chương trình hành động",
		"Kinh tế số là phần giá trị kinh tế được tạo ra nhờ công nghệ số",
		"Hưng Yên, ngày 25 tháng 02 năm 2025",
	} {
		if !strings.Contains(home, want) {
			t.Errorf("the printed home page lacks %q", want)
		}
	}
	if strings.Contains(home, "Bỏ qua, đến nội dung chính") || strings.Contains(home, "Mục lục") {
		t.Error("the printed home page has the skip link or the table of contents")
	}
	item := text("hoi-dap/nghi-quyet-57-do-ai-ban-hanh/")
	if !strings.Contains(item, "Địa chỉ trang này: https://nq57.example.vn/hoi-dap/nghi-quyet-57-do-ai-ban-hanh/") {
		t.Errorf("the printed item lacks its address: %.300s", item)
	}
	if strings.Contains(item, "Chia sẻ trang này") {
		t.Error("the printed item has the share block")
	}
}

// TestFromDisk opens the site as a reader does from a USB stick, with no
// server: file:///…/public/index.html. Every link to a folder leads to its
// index.html; a click opens the section's page, styled.
func TestFromDisk(t *testing.T) {
	s := build(t)
	ctx := tab(t, browser(t))
	home := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(s.public, "index.html"))}).String()
	if err := open(ctx, home, 390, 844); err != nil {
		t.Fatal(err)
	}
	const js = `[...document.querySelectorAll("a[href]")].map(a => a.getAttribute("href")).filter(h => !/^([a-z]+:|#)/.test(h) && !/index\.html([?#].*)?$/.test(h) && !/\.[a-z0-9]+([?#].*)?$/.test(h))`
	left, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](js))
	if err != nil {
		t.Fatal(err)
	}
	if len(left) > 0 {
		t.Errorf("links that would open a folder listing from a disk: %q", left)
	}
	if err := chromedp.Do(ctx, chromedp.Click(`.site-nav a`)); err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		at, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.readyState === "complete" && location.href.includes("quan-diem")`))
		if err == nil && at {
			break
		}
		if i == 100 {
			t.Fatalf("the click did not lead to quan-diem: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	r, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		Href, Header, Title string
	}](`({href: location.href, header: getComputedStyle(document.querySelector(".site-header")).backgroundColor, title: document.querySelector("h1").textContent.replaceAll("\u00a0", " ")})`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(r.Href, "/quan-diem/index.html") || r.Header != "rgb(165, 14, 14)" || !strings.Contains(r.Title, "Quan điểm") {
		t.Errorf("after a click from the disk: %+v", r)
	}
	// And back home through the brand link, which is "../".
	if err := chromedp.Do(ctx, chromedp.Click(`.brand`)); err != nil {
		t.Fatal(err)
	}
	// Ask again until the new page answers: a question asked while the
	// page navigates is lost with the old page.
	var loc string
	for range 100 {
		loc, err = chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState === "complete" ? location.href : ""`))
		if err == nil && loc != "" && !strings.Contains(loc, "quan-diem") {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if loc != home {
		t.Errorf("back home: %q, %v, want %s", loc, err, home)
	}
}
