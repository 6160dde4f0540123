package share_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"html"
	"path"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"loa/internal/paths"
	"loa/internal/posts"
	"loa/internal/share"
	"loa/internal/vnbreak"
)

// items is every item of the site: its sections' and the pages at its top.
func (b *built) items() int {
	s := b.e.Site()
	n := len(s.RootPages)
	for _, sec := range s.Sections {
		n += len(sec.Items)
	}
	return n
}

// TestPosts checks the posts of every item of both sites, as
// bai-dang.json gives them: the lengths, the link, the hashtags, the
// draft's mark, and that a text shortened ends between two words.
func TestPosts(t *testing.T) {
	for name, b := range map[string]*built{"campaign": campaignSite(t), "small": build(t, small(), &cards)} {
		t.Run(name, func(t *testing.T) {
			var entries []share.Entry
			if err := json.Unmarshal(b.files[paths.SharePosts], &entries); err != nil {
				t.Fatal(err)
			}
			if len(entries) != b.items() {
				t.Fatalf("%d entries, want every item: %d", len(entries), b.items())
			}
			share := b.e.Config().Share
			for _, e := range entries {
				p := b.page(strings.TrimPrefix(e.URL, b.base))
				if p == nil {
					t.Errorf("%s: no such page", e.URL)
					continue
				}
				for _, post := range []posts.Post{e.Facebook, e.Zalo} {
					max, lead := posts.ZaloMax, posts.ZaloMax
					if post.Network == "facebook" {
						max, lead = posts.FacebookMax, posts.FacebookLead
					}
					if n := utf8.RuneCountInString(post.Text); n > max || utf8.RuneCountInString(post.Lead) > lead ||
						!strings.HasPrefix(post.Text, post.Lead+"\n") {
						t.Errorf("%s %s: %d characters (at most %d), lead %q (at most %d)", e.URL, post.Network, n, max, post.Lead, lead)
					}
					if post.Link != share.Link(e.URL, post.Network) || !strings.Contains(post.Text, post.Link) {
						t.Errorf("%s %s: link %q", e.URL, post.Network, post.Link)
					}
					for _, tag := range share.Tags() {
						if !strings.Contains(post.Text, tag) {
							t.Errorf("%s %s: no %s:\n%s", e.URL, post.Network, tag, post.Text)
						}
					}
					if e.Draft != strings.Contains(post.Text, "DỰ THẢO") {
						t.Errorf("%s %s: draft %v, but the post says otherwise:\n%s", e.URL, post.Network, e.Draft, post.Text)
					}
					for _, para := range strings.Split(post.Text, "\n") {
						if cut, ok := strings.CutSuffix(para, "…"); ok && !cutBetweenWords(cut, p.Title, p.Summary) {
							t.Errorf("%s %s: %q cuts a word", e.URL, post.Network, para)
						}
					}
				}
				if e.CardURL != b.base+paths.Card(p.URL) || e.SquareURL != b.base+paths.CardSquare(p.URL) {
					t.Errorf("%s: cards %s %s", e.URL, e.CardURL, e.SquareURL)
				}
			}
			checkCSV(t, b, entries)
			checkTeamPage(t, b, entries)
		})
	}
}

// cutBetweenWords reports whether cut is the beginning of one of texts,
// ending at a gap where vnbreak lets a line break, less the punctuation
// there; a lead may carry a label or the draft's mark before it.
func cutBetweenWords(cut string, texts ...string) bool {
	for _, s := range texts {
		tx := vnbreak.Analyze(s)
		for k := 1; k < len(tx.Parts); k++ {
			if l := strings.TrimRight(tx.Line(0, k), ",;:.–-—"); strings.HasSuffix(cut, l) && tx.Costs[k-1] < vnbreak.Keep {
				return true
			}
		}
	}
	return false
}

func checkCSV(t *testing.T, b *built, entries []share.Entry) {
	data, ok := bytes.CutPrefix(b.files[paths.SharePostsCSV], []byte("\ufeff"))
	if !ok {
		t.Error("bai-dang.csv has no byte order mark: Excel would misread it")
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(entries)+1 || strings.Join(rows[0], ",") != strings.Join(share.CSVHeader(), ",") {
		t.Fatalf("bai-dang.csv: %d rows, header %q", len(rows), rows[0])
	}
	for i, e := range entries {
		r := rows[i+1]
		if r[2] != e.Title || r[4] != e.URL || r[7] != e.Facebook.Text || r[8] != e.Zalo.Text {
			t.Errorf("bai-dang.csv row %d differs from bai-dang.json: %q", i+1, r)
		}
	}
}

var (
	textareaRE = regexp.MustCompile(`(?s)<textarea id="([^"]+)"[^>]*>(.*?)</textarea>`)
	imgRE      = regexp.MustCompile(`<img src="([^"]+)"`)
	linkRE     = regexp.MustCompile(`<a href="([^"]+)" download>`)
)

// checkTeamPage checks the team's page: every post in a field to copy,
// every card shown and to download from where the page links it, a copy
// button for each post, and no script or style of its own inside.
func checkTeamPage(t *testing.T, b *built, entries []share.Entry) {
	page := string(b.files[paths.SharePage])
	var texts []string
	for _, m := range textareaRE.FindAllStringSubmatch(page, -1) {
		texts = append(texts, html.UnescapeString(m[2]))
		if !strings.Contains(page, `data-copy-from="`+m[1]+`"`) {
			t.Errorf("team page: no copy button for %s", m[1])
		}
	}
	if len(texts) != 2*len(entries) {
		t.Fatalf("team page: %d posts, want %d", len(texts), 2*len(entries))
	}
	for i, e := range entries {
		if texts[2*i] != e.Facebook.Text || texts[2*i+1] != e.Zalo.Text {
			t.Errorf("team page: the posts of %s differ from bai-dang.json", e.URL)
		}
	}
	resolve := func(link string) string { return path.Clean(path.Join(paths.ShareDir, link)) }
	imgs := imgRE.FindAllStringSubmatch(page, -1)
	if len(imgs) != len(entries) {
		t.Errorf("team page: %d cards shown, want %d", len(imgs), len(entries))
	}
	for _, m := range append(imgs, linkRE.FindAllStringSubmatch(page, -1)...) {
		if _, ok := b.files[resolve(m[1])]; !ok {
			t.Errorf("team page: %s links %s, which is not in the output", paths.SharePage, m[1])
		}
	}
	for _, s := range scriptRE.FindAllString(page, -1) {
		if !strings.Contains(s, " src=") {
			t.Errorf("team page: an inline script %s", s)
		}
	}
	if strings.Contains(page, "<style") || strings.Contains(page, " style=") {
		t.Error("team page: inline styles")
	}
}

// TestNoInlineScripts checks every web page: each script is a file or a
// JSON-LD data block, which a strict Content Security Policy allows.
func TestNoInlineScripts(t *testing.T) {
	b := campaignSite(t)
	for _, file := range b.webPages() {
		for _, s := range parseHead(b.files[file]).scripts {
			if !strings.Contains(s, " src=") && s != `<script type="application/ld+json">` {
				t.Errorf("%s: %s", file, s)
			}
		}
	}
}
