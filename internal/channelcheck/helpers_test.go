package channelcheck_test

import (
	"context"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"loa"
	"loa/internal/config"
	"loa/internal/pdf"
	"loa/internal/pipeline"
	"loa/internal/print"
	"loa/internal/publish"
)

// needTools returns Chromium's path, or skips the test when it or a tool
// is missing; with LOA_REQUIRE_CHROMIUM=1 (CI) it fails instead.
func needTools(t testing.TB, tools ...string) string {
	t.Helper()
	missing := func(what string) {
		msg := what + " is not installed (apt-get install -y chromium poppler-utils)"
		if os.Getenv("LOA_REQUIRE_CHROMIUM") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	path, err := pdf.FindChromium()
	if err != nil {
		missing("Chromium")
	}
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			missing(tool)
		}
	}
	return path
}

// baseURL is a site address that QR codes may carry.
const baseURL = "https://nq57.hungyen.gov.vn/"

var (
	campaignOnce sync.Once
	campaignDir  string
	campaignErr  error
	campaignEnts []print.Entry
)

// campaign builds the campaign site once into a folder of its own (left
// for the test binary's life) and returns it with the channels' print
// entries.
func campaign(t testing.TB) (string, []print.Entry) {
	t.Helper()
	campaignOnce.Do(func() {
		dir, err := os.MkdirTemp("", "loa-channels-")
		if err != nil {
			campaignErr = err
			return
		}
		dest := filepath.Join(dir, "public")
		st, err := publish.Begin(dest)
		if err != nil {
			campaignErr = err
			return
		}
		eng := pipeline.New(pipeline.Options{Site: loa.DefaultSite(), Defaults: loa.DefaultSite(), BaseURL: baseURL})
		rep, err := eng.Rebuild(context.Background(), nil, st)
		if err == nil {
			err = rep.Problems.Err()
		}
		if err != nil {
			st.Abort()
			campaignErr = err
			return
		}
		if campaignErr = st.Commit(); campaignErr != nil {
			return
		}
		for _, name := range pipeline.PrintMakers()[1:] {
			campaignEnts = append(campaignEnts, print.Entries(eng.Results(name))...)
		}
		campaignDir = dest
	})
	if campaignErr != nil {
		t.Fatal(campaignErr)
	}
	return campaignDir, campaignEnts
}

var (
	pdfOnce sync.Once
	pdfErr  error
)

// pdfs prints the channels' PDFs of the campaign once.
func pdfs(t testing.TB, chromium string) (string, []print.Entry) {
	t.Helper()
	dest, entries := campaign(t)
	pdfOnce.Do(func() {
		files := func(name string) ([]byte, bool) {
			data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name)))
			return data, err == nil
		}
		press, err := pdf.NewPress(config.Default().Print)
		if err != nil {
			pdfErr = err
			return
		}
		res, err := pdf.Run(context.Background(), pdf.Options{Files: files, Entries: entries, Dir: dest, Chromium: chromium, Press: press})
		if err != nil {
			pdfErr = err
			return
		}
		if len(res.Failed) > 0 {
			var msgs []string
			for _, e := range res.Failed {
				msgs = append(msgs, e.Error())
			}
			pdfErr = &failures{msgs}
		}
	})
	if pdfErr != nil {
		t.Fatal(pdfErr)
	}
	return dest, entries
}

type failures struct{ msgs []string }

func (f *failures) Error() string { return strings.Join(f.msgs, "\n") }

func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// pageSizes returns each page's size in points, from pdfinfo.
func pageSizes(t testing.TB, file string, pages int) [][2]float64 {
	out := run(t, "pdfinfo", "-f", "1", "-l", strconv.Itoa(pages), file)
	re := regexp.MustCompile(`Page +\d+ size: +([\d.]+) x ([\d.]+) pts`)
	var sizes [][2]float64
	for _, m := range re.FindAllStringSubmatch(out, -1) {
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		sizes = append(sizes, [2]float64{w, h})
	}
	if m := regexp.MustCompile(`Pages: +(\d+)`).FindStringSubmatch(out); m == nil || m[1] != strconv.Itoa(pages) {
		t.Errorf("%s: pdfinfo says %v pages, want %d", file, m, pages)
	}
	return sizes
}

// word is a word pdftotext found, its box in mm from the page's top left.
type word struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// words returns the words of each page, from pdftotext -bbox.
func words(t testing.TB, file string) [][]word {
	out := run(t, "pdftotext", "-bbox", file, "-")
	var pages [][]word
	re := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	for _, pg := range strings.Split(out, "<page ")[1:] {
		var ws []word
		for _, m := range re.FindAllStringSubmatch(pg, -1) {
			f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v * 25.4 / 72 }
			ws = append(ws, word{Text: html.UnescapeString(m[5]), XMin: f(m[1]), YMin: f(m[2]), XMax: f(m[3]), YMax: f(m[4])})
		}
		pages = append(pages, ws)
	}
	return pages
}

// lines groups a page's words into lines, top to bottom.
func lines(ws []word) []string {
	type line struct {
		y     float64
		words []word
	}
	var ls []*line
	for _, w := range ws {
		var hit *line
		for _, l := range ls {
			if math.Abs(l.y-w.YMax) < 1 {
				hit = l
			}
		}
		if hit == nil {
			hit = &line{y: w.YMax}
			ls = append(ls, hit)
		}
		hit.words = append(hit.words, w)
	}
	slices.SortFunc(ls, func(a, b *line) int {
		if a.y < b.y {
			return -1
		}
		return 1
	})
	var out []string
	for _, l := range ls {
		slices.SortFunc(l.words, func(a, b word) int {
			if a.XMin < b.XMin {
				return -1
			}
			return 1
		})
		var t []string
		for _, w := range l.words {
			t = append(t, w.Text)
		}
		out = append(out, strings.Join(t, " "))
	}
	return out
}

func entryOf(t testing.TB, entries []print.Entry, product string) print.Entry {
	t.Helper()
	for _, e := range entries {
		if e.Product == product {
			return e
		}
	}
	t.Fatalf("no entry of %s", product)
	return print.Entry{}
}

func pt(mm float64) float64 { return mm * 72 / 25.4 }
