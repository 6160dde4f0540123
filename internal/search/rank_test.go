package search

import (
	"testing"
)

func TestMarkClass(t *testing.T) {
	tests := []struct {
		q, form string
		want    int
	}{
		{"duong", "đường", markExact},    // typed without marks: every form is as good
		{"đường", "đường", markExact},    // the same letters
		{"đườ", "đường", markExact},      // its beginning, while typing
		{"dương", "đường", markSubset},   // the marks typed are all there
		{"đươ", "đường", markSubset},     // ơ is in ờ
		{"đường", "dương", markFolded},   // a mark typed is missing
		{"đường", "đương", markFolded},   // another tone
		{"chuyển", "chuyen", markFolded}, // marks typed, text without
		{"30%", "30", markFolded},        // the symbol counts as a mark
		{"30", "30%", markExact},         // a prefix
		{"r&d", "rd", markFolded},
		{"rd", "r&d", markExact},
		{"hoc", "học", markExact},
		{"họcx", "học", markFolded},
	}
	for _, tt := range tests {
		if got := markClass(tt.q, tt.form); got != tt.want {
			t.Errorf("markClass(%q, %q) = %d, want %d", tt.q, tt.form, got, tt.want)
		}
	}
	if !(markFactor[markExact] > markFactor[markSubset] && markFactor[markSubset] > markFactor[markFolded] && markFactor[markFolded] > 0) {
		t.Errorf("mark factors %v do not rank exact, subset, folded", markFactor)
	}
}

func TestIDFAndImpact(t *testing.T) {
	for df := 1; df < 100; df++ {
		if idf(df, 100) < idf(df+1, 100) {
			t.Errorf("idf(%d) < idf(%d)", df, df+1)
		}
	}
	if idf(100, 100) < 1 {
		t.Errorf("idf of a syllable on every page is %d", idf(100, 100))
	}
	title, summary, body := impact(1, 0, 0, 1), impact(0, 1, 0, 1), impact(0, 0, 1, 1)
	if !(title > summary && summary > body) {
		t.Errorf("one occurrence: title %d, summary %d, body %d", title, summary, body)
	}
	// However often a body repeats a syllable, a title that has it once wins.
	if impact(0, 0, 1000, 1) >= title {
		t.Errorf("a body with 1000 occurrences (%d) outranks a title (%d)", impact(0, 0, 1000, 1), title)
	}
	for tf := 1; tf < 50; tf++ {
		if impact(0, 0, tf+1, 1) < impact(0, 0, tf, 1) {
			t.Errorf("impact falls from tf %d to %d", tf, tf+1)
		}
	}
	if impact(0, 0, 2, 3) >= impact(0, 0, 2, 1) {
		t.Errorf("a long body weighs as much as an average one")
	}
}

// rankDocs builds docs and returns the URLs of the results of q.
func rankDocs(t *testing.T, docs []Doc, q string) []string {
	t.Helper()
	files, err := Build(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(memFS(files), DefaultDir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(q)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range res {
		out = append(out, docs[r.Page].URL)
	}
	return out
}

// filler pads a body so that the pages have the same length.
const filler = " Nội dung này nói về công tác tuyên truyền ở cơ sở, trong các thôn, xóm và khu dân cư."

func TestRanking(t *testing.T) {
	tests := []struct {
		name string
		docs []Doc
		q    string
		want []string
	}{
		{"marks typed carefully rank exact first, and still find the rest",
			[]Doc{{URL: "a", Title: "Dương Phố"}, {URL: "b", Title: "Con đường mới"}, {URL: "c", Title: "Đương nhiên"}},
			"đường", []string{"b", "a", "c"}},
		{"no marks find every form, in page order when equal",
			[]Doc{{URL: "a", Title: "Dương Phố"}, {URL: "b", Title: "Con đường"}, {URL: "c", Title: "Chợ"}},
			"duong", []string{"a", "b"}},
		{"the marks typed are in the text",
			[]Doc{{URL: "a", Title: "Đương đầu"}, {URL: "b", Title: "Dương Phố"}},
			"dương", []string{"b", "a"}},
		{"title above body",
			[]Doc{{URL: "a", Title: "Tin tức", Body: "Bài viết về kinh tế số ở địa phương." + filler}, {URL: "b", Title: "Kinh tế số", Body: filler}},
			"kinh te so", []string{"b", "a"}},
		{"a question above an answer",
			[]Doc{{URL: "a", Kind: "qa", Title: "Vì sao phải học?", Body: "Vì dữ liệu là tài nguyên, dữ liệu mở đường." + filler},
				{URL: "b", Kind: "qa", Title: "Dữ liệu là gì?", Body: "Là thông tin số." + filler}},
			"dữ liệu", []string{"b", "a"}},
		{"adjacent syllables above scattered ones",
			[]Doc{{URL: "a", Body: "Số người đổi nghề để chuyển đi." + filler}, {URL: "b", Body: "Người dân cần chuyển đổi số nghề." + filler}},
			"chuyen doi so", []string{"b", "a"}},
		{"stop words do not drown results",
			[]Doc{{URL: "a", Body: "Của ai, của ai, là của chung, của mọi người và của các cấp." + filler}, {URL: "b", Body: "Dữ liệu mở." + filler}},
			"của dữ liệu", []string{"b", "a"}},
		{"the last syllable is a prefix",
			[]Doc{{URL: "a", Title: "Học viện"}, {URL: "b", Title: "Bình dân học vụ số"}, {URL: "c", Title: "Bình minh"}},
			"binh dan hoc v", []string{"b", "a", "c"}},
		{"a whole syllable above a longer one it begins",
			[]Doc{{URL: "a", Title: "Sông Hồng"}, {URL: "b", Title: "Số hóa"}},
			"so", []string{"b", "a"}},
		{"mixed marks",
			[]Doc{{URL: "a", Title: "Đổi mới"}, {URL: "b", Title: "Chuyển đổi số"}},
			"chuyển doi so", []string{"b", "a"}},
		{"a figure prefers its percent sign",
			[]Doc{{URL: "a", Title: "Sau 30 năm"}, {URL: "b", Title: "Đạt 30% GDP"}},
			"30%", []string{"b", "a"}},
		{"a page with every syllable above one with the rarest only",
			[]Doc{{URL: "a", Title: "Hạ tầng"}, {URL: "b", Title: "Hạ tầng dữ liệu"}, {URL: "c", Title: "Dữ liệu"}, {URL: "d", Title: "Dữ liệu mở"}},
			"ha tang du lieu", []string{"b", "a", "c", "d"}},
		{"nothing found",
			[]Doc{{URL: "a", Title: "Hạ tầng"}},
			"xyz", nil},
	}
	for _, tt := range tests {
		got := rankDocs(t, tt.docs, tt.q)
		if len(got) != len(tt.want) {
			t.Errorf("%s: %q gives %v, want %v", tt.name, tt.q, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: %q gives %v, want %v", tt.name, tt.q, got, tt.want)
				break
			}
		}
	}
}
