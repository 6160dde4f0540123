package markdown

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// kinds writes a document's blocks in a short form: kind, level or mark,
// and text.
func kinds(bs []Block) string {
	var out []string
	for _, b := range bs {
		s := map[BlockKind]string{Paragraph: "p", Heading: "h", Item: "li", Code: "code", Table: "table", Image: "img", Break: "hr"}[b.Kind]
		switch b.Kind {
		case Heading:
			s += string(rune('0' + b.Level))
			if b.Setext {
				s += "s"
			}
		case Item:
			s += string(rune('0'+b.Level)) + b.Mark
		case Code:
			s += "(" + b.Info + ")"
		case Image:
			s += "(" + b.URL + ")"
		case Table:
			s += "(" + string(rune('0'+len(b.Rows))) + ")"
		}
		if b.Quote > 0 {
			s = ">" + s
		}
		if t := Plain(b.Runs); t != "" {
			s += ":" + t
		}
		out = append(out, s)
	}
	return strings.Join(out, " | ")
}

func TestBlocks(t *testing.T) {
	md := New()
	tests := []struct{ name, src, want string }{
		{"paragraphs and soft breaks", "Một hai\nba.\n\nBốn.", "p:Một hai ba. | p:Bốn."},
		{"a hard break stays a line feed", "Dòng một  \ndòng hai", "p:Dòng một\ndòng hai"},
		{"headings", "# Một\n\n## Hai\n\nBa\n===", "h1:Một | h2:Hai | h1s:Ba"},
		{"rules split, underlines do not", "Một\n\n---\n\nHai\n---\n\n***", "p:Một | hr | h2s:Hai | hr"},
		{"a rule in a fence is code", "```\n---\n```", "code():---"},
		{"lists, nested, ordered", "- a\n- b\n  1. c\n  2. d", "li1–:a | li1–:b | li21.:c | li22.:d"},
		{"an item's second paragraph", "- a\n\n  more\n- b", "li1–:a | li1:more | li1–:b"},
		{"quote", "> trích dẫn", ">p:trích dẫn"},
		{"table", "| a | b |\n|---|---|\n| 1 | **2** |", "table(2)"},
		{"image alone", "![ảnh](img/a.png)", "img(img/a.png):ảnh"},
		{"notes fence", "```ghi-chu\nnói chậm\n```", "code(ghi-chu):nói chậm"},
		{"escapes and entities", `a \* b &amp; c`, "p:a * b & c"},
		{"raw HTML is text", "<b>x</b>", "p:<b>x</b>"},
		{"links keep their text", "xem [trang](https://x.vn) và https://y.vn", "p:xem trang và https://y.vn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := kinds(md.Blocks([]byte(tt.src))); got != tt.want {
				t.Errorf("Blocks(%q)\n got %s\nwant %s", tt.src, got, tt.want)
			}
		})
	}
}

func TestStyles(t *testing.T) {
	bs := New().Blocks([]byte("a **b** *c* `d` ~~e~~ [f](x) ***g***"))
	var got []string
	for _, r := range bs[0].Runs {
		got = append(got, fmt.Sprintf("%s/%d", r.Text, r.Style))
	}
	want := "a /0 b/1  /0 c/2  /0 d/4  /0 e/16  /0 f/8  /0 g/3"
	if strings.Join(got, " ") != want {
		t.Errorf("runs = %q\nwant %q", strings.Join(got, " "), want)
	}
}

// TestOffsets checks that every run's text is where it says in the
// source, and that LineCol finds it.
func TestOffsets(t *testing.T) {
	src := []byte("# Tiêu đề\n\nĐoạn **đậm** và\n*nghiêng* cuối.\n\n- mục một\n- mục **hai**\n\n| ô | ô hai |\n|---|---|\n| x | y |\n")
	for _, b := range New().Blocks(src) {
		all := b.Runs
		for _, r := range b.Rows {
			for _, c := range r.Cells {
				all = append(all, c...)
			}
		}
		for _, r := range all {
			if r.Text == " " || r.Text == "\n" {
				continue // a soft or hard line break
			}
			// A soft line break is a space where the source has its line feed.
			if got := strings.ReplaceAll(string(src[r.Start:r.Start+len(r.Text)]), "\n", " "); got != r.Text {
				t.Errorf("run %q at %d: the source there holds %q", r.Text, r.Start, got)
			}
		}
	}
	text := string(src)
	off := strings.Index(text, "nghiêng")
	if l, c := LineCol(src, off); l != 4 || c != 2 {
		t.Errorf("LineCol(nghiêng) = %d:%d, want 4:2", l, c)
	}
	bs := New().Blocks(src)
	p := bs[1]
	i := strings.Index(Plain(p.Runs), "cuối")
	if got := SourceOffset(p.Runs, i); got != strings.Index(text, "cuối") {
		t.Errorf("SourceOffset(cuối) = %d, want %d", got, strings.Index(text, "cuối"))
	}
}

// TestBreakStart checks that a rule's block starts at its own line.
func TestBreakStart(t *testing.T) {
	src := "Một\n\n- a\n- b\n\n  ---  \n\nHai\n"
	for _, b := range New().Blocks([]byte(src)) {
		if b.Kind == Break {
			if l, _ := LineCol([]byte(src), b.Start); l != 6 {
				t.Errorf("the rule is at line %d, want 6", l)
			}
			return
		}
	}
	t.Fatal("no rule found")
}

// FuzzBlocks checks that Blocks never panics and that every run lies in
// the source.
func FuzzBlocks(f *testing.F) {
	for _, s := range []string{"# a\n\nb\n\n---\n\n- c\n  1. d", "| a |\n|---|\n| b |", "> x\n> ---\n\n```\n---\n```", "a\\\nb &amp; <i>c</i>"} {
		f.Add(s)
	}
	md := New()
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		src := []byte(s)
		for _, b := range md.Blocks(src) {
			if b.Start < 0 || b.Start > len(src) {
				t.Fatalf("block at %d of %d", b.Start, len(src))
			}
			for _, r := range b.Runs {
				if r.Start < 0 || r.Start > len(src) {
					t.Fatalf("run %q at %d of %d", r.Text, r.Start, len(src))
				}
			}
			l, c := LineCol(src, b.Start)
			if l < 1 || c < 1 {
				t.Fatalf("LineCol = %d:%d", l, c)
			}
		}
	})
}
