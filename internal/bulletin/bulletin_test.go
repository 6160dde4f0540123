package bulletin_test

import (
	"context"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
	"unicode"

	"loa"
	"loa/internal/bulletin"
	"loa/internal/diag"
	"loa/internal/frontmatter"
	"loa/internal/pipeline"
)

type memory struct {
	mu    sync.Mutex
	files map[string]string
}

func (m *memory) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = string(data)
	return nil
}

func (m *memory) Remove(string) error { return nil }

// build makes the bulletins of a site and returns its files, problems and
// the bulletins' summaries.
func build(t *testing.T, site fs.FS) (map[string]string, diag.List, []bulletin.Summary) {
	t.Helper()
	out := &memory{files: map[string]string{}}
	eng := pipeline.New(pipeline.Options{Site: site, Defaults: loa.DefaultSite(), Only: []string{bulletin.Name}})
	rep, err := eng.Rebuild(context.Background(), nil, out)
	if err != nil {
		t.Fatal(err)
	}
	var sums []bulletin.Summary
	for _, o := range eng.Results(bulletin.Name) {
		if s, ok := o.Result.(bulletin.Summary); ok {
			sums = append(sums, s)
		}
	}
	return out.files, rep.Problems, sums
}

// readings are the goals' key figures as an announcer reads them, written
// by hand.
var readings = map[string]string{
	"≥ 5": "ít nhất năm", "≥ 3": "ít nhất ba", "5G": "năm gờ", "≥ 30%": "ít nhất ba mươi phần trăm",
	"> 80%": "trên tám mươi phần trăm", "80%": "tám mươi phần trăm", "≥ 50%": "ít nhất năm mươi phần trăm",
	"2%": "hai phần trăm", "> 60%": "trên sáu mươi phần trăm", "≥ 3%": "ít nhất ba phần trăm", "12": "mười hai",
	"> 0,7": "trên không phẩy bảy", "Top 30": "tốp ba mươi", "≥ 10": "ít nhất mười", "> 55%": "trên năm mươi lăm phần trăm",
	"> 40%": "trên bốn mươi phần trăm", "40–50": "từ bốn mươi đến năm mươi", "10%/năm": "mười phần trăm mỗi năm",
	"16–18%/năm": "từ mười sáu đến mười tám phần trăm mỗi năm", "8–10%": "từ tám đến mười phần trăm",
	"Top 3": "tốp ba", "Top 50": "tốp năm mươi",
}

// TestCampaignBulletins builds the campaign's bulletins and checks what
// an announcer gets: every key figure of the goals read in words, no digit
// in any read text, each composed bulletin between three and five minutes,
// and reading times that agree with a count of the syllables made here.
func TestCampaignBulletins(t *testing.T) {
	site := loa.DefaultSite()
	files, ds, sums := build(t, site)
	if ds.Errors() > 0 {
		t.Fatal(ds)
	}
	for _, d := range ds {
		if d.Path != "config.toml" { // base_url is a placeholder there
			t.Errorf("problem: %v", d)
		}
	}
	if len(sums) < 5 {
		t.Fatalf("only %d bulletins", len(sums))
	}
	var all strings.Builder
	digit := regexp.MustCompile(`\p{N}`)
	for _, s := range sums {
		text := files[s.Text]
		if text == "" {
			t.Fatalf("%s: no read text", s.Text)
		}
		if m := digit.FindString(text); m != "" {
			t.Errorf("%s: the read text has %q", s.Text, m)
		}
		all.WriteString(strings.ToLower(text))
		if d := s.Duration; d < 3*time.Minute || d > 5*time.Minute {
			t.Errorf("%s reads in %v, not 3 to 5 minutes", s.URL, d)
		}
		// The reading time at 200 syllables a minute with 0.6 s after a
		// sentence and 1.5 s between paragraphs, counted here from the text.
		want := independent(text)
		if r := float64(s.Duration) / float64(want); r < 0.9 || r > 1.1 {
			t.Errorf("%s: reading time %v, counted %v (%.0f %%)", s.URL, s.Duration, want, r*100)
		}
		page := files[s.URL+"index.html"]
		if !strings.Contains(page, "khoảng "+bulletin.Minutes(s.Duration)) {
			t.Errorf("%s does not show its reading time %s", s.URL, bulletin.Minutes(s.Duration))
		}
	}
	// Every figure of every goal, read.
	goals, _ := fs.Glob(site, "content/muc-tieu/*.md")
	n := 0
	for _, g := range goals {
		if path.Base(g) == "_index.md" {
			continue
		}
		data, _ := fs.ReadFile(site, g)
		doc, err := frontmatter.Split(g, data)
		if err != nil {
			t.Fatal(err)
		}
		var f struct {
			Figures []struct{ Value, Label string }
		}
		if _, err := frontmatter.DecodeTOML(g, doc.Front, doc.FrontLine, &f); err != nil {
			t.Fatal(err)
		}
		for _, fig := range f.Figures {
			r, ok := readings[fig.Value]
			if !ok {
				t.Errorf("%s: no reading written for %q", g, fig.Value)
				continue
			}
			n++
			if !strings.Contains(all.String(), ": "+r+".") {
				t.Errorf("%s: %q (%s) is not read as %q in any bulletin", g, fig.Value, fig.Label, r)
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d figures checked", n)
	}
}

// independent counts a read text's time: a syllable a word or hyphenated
// part, 200 a minute; 0.6 s after each sentence that more words follow in
// its paragraph; 1.5 s between paragraphs.
func independent(text string) time.Duration {
	syl, sentences, paras := 0, 0, 0
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		paras++
		for _, w := range strings.FieldsFunc(line, func(r rune) bool { return unicode.IsSpace(r) || r == '-' }) {
			if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
				syl++
			}
		}
		sentences += len(regexp.MustCompile(`[.!?…] +\pL`).FindAllString(line, -1))
	}
	return time.Duration(float64(syl)/200*float64(time.Minute)) + time.Duration(sentences)*600*time.Millisecond +
		time.Duration(max(paras-1, 0))*1500*time.Millisecond
}

// TestEditorBulletin checks an editor's bulletin: its formulas, its
// paragraphs read, what could not be read reported at its file, line and
// column, and a bulletin too long a warning.
func TestEditorBulletin(t *testing.T) {
	src := "+++\ntitle = \"Tin tuần này\"\ndate = 2025-03-10\n+++\n\nNgày 10/3/2025, xã tổ chức hội nghị.\n\nĐoàn XYZQ đã tham dự.\n"
	site := fstest.MapFS{
		"config.toml":                    {Data: []byte("base_url = \"https://nq57.hungyen.vn/\"\n[radio]\ncompose = false\nstation = \"Đài Truyền thanh xã Tân Hưng\"\n")},
		"content/phat-thanh/tin-tuan.md": {Data: []byte(src)},
	}
	files, ds, sums := build(t, site)
	if ds.Errors() > 0 || len(sums) != 1 {
		t.Fatalf("problems %v, %d bulletins", ds, len(sums))
	}
	text := files["phat-thanh/tin-tuan/tin-tuan.txt"]
	want := "Kính thưa quý vị và các bạn! Đây là Đài Truyền thanh xã Tân Hưng. Mời quý vị và các bạn nghe bản tin: Tin tuần này.\n\n" +
		"Ngày mười tháng ba năm hai nghìn không trăm hai mươi lăm, xã tổ chức hội nghị.\n\n" +
		"Đoàn XYZQ đã tham dự.\n\n" +
		"Bản tin đến đây là kết thúc. Đài Truyền thanh xã Tân Hưng cảm ơn quý vị và các bạn đã chú ý lắng nghe.\n"
	if text != want {
		t.Errorf("read text\n%q\nwant\n%q", text, want)
	}
	var warned bool
	for _, d := range ds {
		if d.Severity == diag.SeverityWarning && d.Path == "content/phat-thanh/tin-tuan.md" && d.Line == 8 && d.Col == 6 && strings.Contains(d.Msg, "XYZQ") {
			warned = true
		}
	}
	if !warned {
		t.Errorf("no warning at content/phat-thanh/tin-tuan.md:8:6 for XYZQ: %v", ds)
	}
	if !strings.Contains(files["phat-thanh/tin-tuan/index.html"], "10/03/2025") {
		t.Error("the page does not show the broadcast date")
	}

	// Too long for a bulletin.
	long := strings.Repeat("Câu này được đọc chậm rãi cho bà con cùng nghe rõ từng lời. ", 200)
	site["content/phat-thanh/tin-tuan.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Tin\"\n+++\n\n" + long + "\n")}
	_, ds, _ = build(t, site)
	if len(ds) != 1 || ds[0].Severity != diag.SeverityWarning || !strings.Contains(ds[0].Msg, "more than radio.max_minutes") {
		t.Errorf("problems = %v", ds)
	}
}
