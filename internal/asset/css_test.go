package asset

import (
	"bytes"
	"testing"
)

func TestRewrite(t *testing.T) {
	names := map[string]string{
		"fonts/NotoSans-Regular.woff2": "fonts/NotoSans-Regular.0123456789.woff2",
		"css/bg.woff2":                 "css/bg.abcdefabcd.woff2",
	}
	for _, tc := range []struct{ in, want string }{
		{`src: url("../fonts/NotoSans-Regular.woff2") format("woff2");`,
			`src: url("../fonts/NotoSans-Regular.0123456789.woff2") format("woff2");`},
		{`src: url('../fonts/NotoSans-Regular.woff2');`, `src: url('../fonts/NotoSans-Regular.0123456789.woff2');`},
		{`src: url(../fonts/NotoSans-Regular.woff2);`, `src: url(../fonts/NotoSans-Regular.0123456789.woff2);`},
		{`src: URL( ../fonts/NotoSans-Regular.woff2 );`, `src: URL( ../fonts/NotoSans-Regular.0123456789.woff2 );`},
		{`src: url("../fonts/NotoSans-Regular.woff2?v=1#x");`, `src: url("../fonts/NotoSans-Regular.0123456789.woff2?v=1#x");`},
		{`a{b:url(bg.woff2)} c{d:url(./bg.woff2)}`, `a{b:url(bg.abcdefabcd.woff2)} c{d:url(./bg.abcdefabcd.woff2)}`},
		// Left alone: other files, absolute and data: URLs, comments,
		// strings, names that end in url.
		{`url("../fonts/Other.woff2")`, `url("../fonts/Other.woff2")`},
		{`url("/fonts/NotoSans-Regular.woff2")`, `url("/fonts/NotoSans-Regular.woff2")`},
		{`url("https://x.vn/fonts/NotoSans-Regular.woff2")`, `url("https://x.vn/fonts/NotoSans-Regular.woff2")`},
		{`url(data:font/woff2;base64,AAAA)`, `url(data:font/woff2;base64,AAAA)`},
		{`/* url(../fonts/NotoSans-Regular.woff2) */`, `/* url(../fonts/NotoSans-Regular.woff2) */`},
		{`content: "url(../fonts/NotoSans-Regular.woff2)";`, `content: "url(../fonts/NotoSans-Regular.woff2)";`},
		{`--myurl(../fonts/NotoSans-Regular.woff2)`, `--myurl(../fonts/NotoSans-Regular.woff2)`},
		{`url("../fonts/NotoSans-Regular.woff2`, `url("../fonts/NotoSans-Regular.woff2`},
		{`url(../fonts/NotoSans-Regular.woff2`, `url(../fonts/NotoSans-Regular.woff2`},
		{`/* never closed url(../fonts/NotoSans-Regular.woff2)`, `/* never closed url(../fonts/NotoSans-Regular.woff2)`},
	} {
		got := string(Rewrite([]byte(tc.in), "css/site.css", names))
		if got != tc.want {
			t.Errorf("Rewrite(%s)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

func TestName(t *testing.T) {
	// sha256sum of "a{}" starts 5f546eb4606b: the name takes ten hex digits.
	if got := Name("css/site.css", []byte("a{}")); got != "css/site.5f546eb460.css" {
		t.Errorf("Name = %s", got)
	}
	if Name("js/site.js", []byte("1")) == Name("js/site.js", []byte("2")) {
		t.Error("different contents give one name")
	}
}

func FuzzRewrite(f *testing.F) {
	f.Add([]byte(`@font-face{src:url("../fonts/a.woff2") format("woff2")}`))
	f.Add([]byte(`a{b:url( a.woff2 )}/* url(a.woff2) */"url(a.woff2)"`))
	f.Add([]byte(`url('`))
	names := map[string]string{"fonts/a.woff2": "fonts/a.0000000000.woff2", "css/a.woff2": "css/a.1111111111.woff2"}
	f.Fuzz(func(t *testing.T, css []byte) {
		out := Rewrite(css, "css/site.css", names)
		// Only references change, and each only by its fingerprint:
		// without the fingerprints, output and input are the same.
		strip := func(b []byte) []byte {
			b = bytes.ReplaceAll(b, []byte(".0000000000.woff2"), []byte(".woff2"))
			return bytes.ReplaceAll(b, []byte(".1111111111.woff2"), []byte(".woff2"))
		}
		if !bytes.Equal(strip(out), strip(css)) {
			t.Fatalf("Rewrite changed %q into %q", css, out)
		}
	})
}
