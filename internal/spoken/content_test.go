package spoken

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"loa/internal/frontmatter"
)

// figureReadings are the read forms of the goals' key figures, written
// by hand.
var figureReadings = map[string]string{
	"≥ 5":        "Ít nhất năm",
	"≥ 3":        "Ít nhất ba",
	"≥ 10":       "Ít nhất mười",
	"5G":         "Năm gờ",
	"≥ 30%":      "Ít nhất ba mươi phần trăm",
	"≥ 50%":      "Ít nhất năm mươi phần trăm",
	"≥ 3%":       "Ít nhất ba phần trăm",
	"> 80%":      "Trên tám mươi phần trăm",
	"> 60%":      "Trên sáu mươi phần trăm",
	"> 55%":      "Trên năm mươi lăm phần trăm",
	"> 40%":      "Trên bốn mươi phần trăm",
	"> 0,7":      "Trên không phẩy bảy",
	"80%":        "Tám mươi phần trăm",
	"2%":         "Hai phần trăm",
	"12":         "Mười hai",
	"Top 3":      "Tốp ba",
	"Top 30":     "Tốp ba mươi",
	"Top 50":     "Tốp năm mươi",
	"40–50":      "Từ bốn mươi đến năm mươi",
	"8–10%":      "Từ tám đến mười phần trăm",
	"10%/năm":    "Mười phần trăm mỗi năm",
	"16–18%/năm": "Từ mười sáu đến mười tám phần trăm mỗi năm",
}

type goal struct {
	Title   string
	Summary string
	Figures []struct {
		Value, Label string
		Year         int
	}
}

// TestGoalsContent reads every figure, label, title, summary and body
// line of content/muc-tieu: nothing may be left unread, and the figures
// must read as written above.
func TestGoalsContent(t *testing.T) {
	files, err := filepath.Glob("../../content/muc-tieu/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no goal files: %v", err)
	}
	r := Default()
	matched := 0
	read := func(where, text string) string {
		res := r.Read(text)
		if p := Check(res.Text); p != nil {
			t.Errorf("%s: %q → %q: digits left %v", where, text, res.Text, p)
		}
		for _, p := range res.Problems {
			t.Errorf("%s: %q: %v %s", where, text, p.Kind, p.Msg)
		}
		return res.Text
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := frontmatter.Split(f, frontmatter.Normalize(src))
		if err != nil {
			t.Fatal(err)
		}
		var g goal
		if _, err := frontmatter.DecodeTOML(f, doc.Front, doc.FrontLine, &g); err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		read(name+": title", g.Title)
		read(name+": summary", g.Summary)
		for _, fig := range g.Figures {
			got := read(name+": figure", fig.Value)
			read(name+": label", fig.Label)
			read(name+": year", itoa(fig.Year))
			if want, ok := figureReadings[fig.Value]; ok {
				matched++
				if got != want {
					t.Errorf("%s: figure %q reads %q, want %q", name, fig.Value, got, want)
				}
			}
		}
		for i, line := range bodyText(string(doc.Body)) {
			read(name+": body line "+itoa(doc.BodyLine+i), line)
		}
	}
	if matched < 10 {
		t.Errorf("only %d figures checked against a hand-written reading", matched)
	}
}

var tableRule = regexp.MustCompile(`^\|[-:| ]+\|$`)

// bodyText turns Markdown into the display text of its lines, roughly:
// headings, list items and table cells without their marks, no bold.
// Line i of the result is line i of the body ("" where nothing is read).
func bodyText(md string) []string {
	lines := strings.Split(md, "\n")
	for i, l := range lines {
		l = strings.TrimSpace(l)
		switch {
		case tableRule.MatchString(l):
			l = ""
		case strings.HasPrefix(l, "|"):
			l = strings.Join(strings.Split(strings.Trim(l, "|"), "|"), ".")
		case strings.HasPrefix(l, "#"):
			l = strings.TrimLeft(l, "# ")
		case strings.HasPrefix(l, "- "):
			l = l[2:]
		}
		lines[i] = strings.ReplaceAll(l, "**", "")
	}
	return lines
}

// BenchmarkRead reads the goals' Markdown, front matter included.
func BenchmarkRead(b *testing.B) {
	files, _ := filepath.Glob("../../content/muc-tieu/*.md")
	var all strings.Builder
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		all.Write(src)
	}
	text := all.String()
	r := Default()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		r.Read(text)
	}
}
