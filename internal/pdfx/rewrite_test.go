package pdfx

import (
	"bytes"
	"strings"
	"testing"
)

var testInks = map[RGB]Ink{
	{0xb5, 0x12, 0x1b}: {CMYK: CMYK{0, 100, 100, 10}},
	{0x1a, 0x1a, 0x1a}: {CMYK: CMYK{0, 0, 0, 100}, Overprint: true},
	{0, 0, 0}:          {CMYK: CMYK{0, 0, 0, 100}, Overprint: true},
	{0, 0, 1}:          {Registration: true},
	{255, 255, 255}:    {},
}

func testScope(form bool) *scope {
	return &scope{page: 1, where: "content", form: form,
		spaces: map[string]csKind{"CS0": csRGB, "CS1": csCMYK, "P0": csPattern, "L": csBad},
		states: map[string]gsInfo{"G1": {}, "G4": {refuse: []string{"fill opacity 0.28"}}, "OP": {overprint: true}},
		images: map[string]bool{"Im0": true},
		names:  addedNames{all: "LoaAll", overprint: "LoaOP", knockout: "LoaKO"},
	}
}

func run(t *testing.T, src string, form bool) (string, []Problem) {
	t.Helper()
	var ps problems
	r, err := rewrite([]byte(src), testScope(form), func(c RGB) (Ink, bool) { k, ok := testInks[c]; return k, ok }, &ps)
	if err != nil {
		t.Fatalf("rewrite %q: %v", src, err)
	}
	return string(r.out), ps.list
}

func TestRewrite(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
		problems        []string // Problem.String() of each
	}{
		{"no colour", "q 1 0 0 1 0 0 cm 0 0 10 10 re f Q", "q 1 0 0 1 0 0 cm 0 0 10 10 re f Q", nil},
		{"comments and strings kept", "% a comment with rg\nBT (rg \\) 1 0 0 rg) Tj ET", "% a comment with rg\nBT (rg \\) 1 0 0 rg) Tj ET", nil},
		{"fill and stroke", "0.7098 0.0706 0.1059 RG 0.7098 0.0706 0.1059 rg 0 0 1 1 re f",
			"0 1 1 0.1 K 0 1 1 0.1 k 0 0 1 1 re f", nil},
		{"8-bit rounding", ".70980 .07059 .10588 rg", "0 1 1 0.1 k", nil},
		{"white is paper", "1 1 1 rg", "0 0 0 0 k", nil},
		{"grey operator", "0 g 1 G", "0 0 0 1 k 0 0 0 0 K", nil},
		{"registration", "0 0 0.0039 RG 0 0 10 10 re S", "/LoaAll CS 1 SCN 0 0 10 10 re S", nil},
		{"RGB colour space", "/CS0 cs 0.102 0.102 0.102 sc", "0 0 0 1 k 0 0 0 1 k", nil},
		{"CMYK space kept", "/CS1 cs 0 1 1 0 scn /DeviceCMYK CS 1 0 0 0 SCN", "/CS1 cs 0 1 1 0 scn /DeviceCMYK CS 1 0 0 0 SCN", nil},
		{"black text overprints", "0.102 0.102 0.102 rg BT /F1 12 Tf (a) Tj ET 0 0 5 5 re f",
			"0 0 0 1 k BT /F1 12 Tf /LoaOP gs\n(a) Tj ET /LoaKO gs\n0 0 5 5 re f", nil},
		{"red text knocks out", "0.7098 0.0706 0.1059 rg BT (a) Tj ET", "0 1 1 0.1 k BT (a) Tj ET", nil},
		{"q and Q restore overprint", "q 0 0 0 rg BT (a) Tj ET Q 0 0 1 1 re f",
			"q 0 0 0 1 k BT /LoaOP gs\n(a) Tj ET Q 0 0 1 1 re f", nil},
		{"form starts unknown", "0 0 1 1 re f", "/LoaKO gs\n0 0 1 1 re f", nil},
		{"image knocks out", "0 0 0 rg BT (a) Tj ET /Im0 Do", "0 0 0 1 k BT /LoaOP gs\n(a) Tj ET /LoaKO gs\n/Im0 Do", nil},
		{"inline image data untouched", "BI /W 1 /H 1 /CS /G /BPC 8 ID \x00rg EI 1 1 1 rg",
			"BI /W 1 /H 1 /CS /G /BPC 8 ID \x00rg EI 0 0 0 0 k", nil},
		{"unmapped colour", "0.8 0 0 rg 0.8 0 0 rg", "0.8 0 0 rg 0.8 0 0 rg",
			[]string{"page 1, content, operator rg: colour #cc0000 is not in the palette (2 times)"}},
		{"opacity", "/G4 gs /G1 gs", "/G4 gs /G1 gs",
			[]string{"page 1, content, operator gs: ExtGState /G4: fill opacity 0.28"}},
		{"gradient", "/Sh0 sh", "/Sh0 sh", []string{"page 1, content, operator sh: a shading (gradient): PDF/X-1a files from loa use flat palette colours; remove the CSS gradient"}},
		{"pattern", "/P0 cs /Pat scn", "/P0 cs /Pat scn", []string{"page 1, content, operator cs: a pattern fill (a CSS gradient or repeated background): use a flat palette colour"}},
		{"RGB inline image", "BI /CS /RGB /W 1 /H 1 ID abc EI", "/LoaKO gs\nBI /CS /RGB /W 1 /H 1 ID abc EI",
			[]string{"page 1, content, operator BI: an inline image in colour space /RGB: PDF/X-1a takes CMYK or grey images only"}},
		{"malformed", "0 0 rg", "0 0 rg", []string{"page 1, content, operator rg: malformed colour operator"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ps := run(t, tc.src, tc.name == "form starts unknown" || tc.name == "RGB inline image")
			if got != tc.want {
				t.Errorf("rewrite(%q)\n got %q\nwant %q", tc.src, got, tc.want)
			}
			var msgs []string
			for _, p := range ps {
				msgs = append(msgs, p.String())
			}
			if strings.Join(msgs, "\n") != strings.Join(tc.problems, "\n") {
				t.Errorf("problems\n got %q\nwant %q", msgs, tc.problems)
			}
		})
	}
}

func TestLexErrors(t *testing.T) {
	for _, src := range []string{"(unterminated", "<abc", "BI /W 1 ID data", ") rg", "a >"} {
		var ps problems
		if _, err := rewrite([]byte(src), testScope(false), func(RGB) (Ink, bool) { return Ink{}, false }, &ps); err == nil {
			t.Errorf("rewrite(%q): no error", src)
		}
	}
}

// FuzzRewrite checks that the rewriter never panics, and that a stream
// it does not change comes back byte for byte; a changed one must lex to
// the same operators, colour operators aside.
func FuzzRewrite(f *testing.F) {
	for _, s := range []string{
		"q 1 0 0 1 0 0 cm 0 0 10 10 re f Q",
		"0.7098 0.0706 0.1059 RG 0.7098 0.0706 0.1059 rg 0 0 1 1 re f",
		"0.102 0.102 0.102 rg BT /F1 12 Tf [(a) -20 (b)] TJ ET",
		"/CS0 cs 1 0 0 sc /P0 cs /Pat scn",
		"BI /W 1 /H 1 /CS /G /BPC 8 ID \x00\xffEI EI Q",
		"/Span <</MCID 3 /ActualText (x\\)y)>> BDC EMC % c\n<48656c6c6f> Tj",
		"<< /A [1 2 {3}] >> [ ] ' \" T*",
	} {
		f.Add([]byte(s))
	}
	inks := func(c RGB) (Ink, bool) { k, ok := testInks[c]; return k, ok }
	f.Fuzz(func(t *testing.T, src []byte) {
		var ps problems
		r, err := rewrite(src, testScope(false), inks, &ps)
		if err != nil {
			return
		}
		if !r.changed {
			if !bytes.Equal(r.out, src) {
				t.Fatalf("unchanged stream differs:\n%q\n%q", src, r.out)
			}
			return
		}
		if a, b := ops(t, src), ops(t, r.out); a != b {
			t.Fatalf("operators changed:\n%s\n%s", a, b)
		}
	})
}

// ops lists a stream's operators, leaving out those the rewrite may
// change or add.
func ops(t *testing.T, src []byte) string {
	l := lexer{src: src}
	var out []string
	for {
		tk, ok, err := l.next()
		if err != nil {
			t.Fatalf("rewritten stream does not lex: %v\n%q", err, src)
		}
		if !ok {
			return strings.Join(out, " ")
		}
		if tk.kind != tokKeyword {
			continue
		}
		switch w := l.text(tk); w {
		case "rg", "RG", "g", "G", "k", "K", "cs", "CS", "sc", "scn", "SC", "SCN", "gs", "true", "false", "null":
		default:
			out = append(out, w)
		}
	}
}

func TestRewriteColourInsidePath(t *testing.T) {
	// Not valid PDF, but it must not break the rewrite.
	got, _ := run(t, "0 0 m 1 1 1 rg 1 1 l f", true)
	if want := "0 0 m 0 0 0 0 k /LoaKO gs\n1 1 l f"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
