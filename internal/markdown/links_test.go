package markdown

import (
	"slices"
	"strings"
	"testing"
)

func TestCollectLinks(t *testing.T) {
	src := "# Tiêu đề\n\nXem [câu hỏi](../x/) và ![ảnh *đẹp*](/img/a.jpg).\n" +
		"- [](trống/)\n- https://example.vn/ là địa chỉ gõ tay\n\n[tham chiếu][r]\n\n[r]: /hoi-dap/\n"
	var links []Link
	if _, err := New().Render([]byte(src), CollectLinks(&links)); err != nil {
		t.Fatal(err)
	}
	want := []Link{
		{Dest: "../x/", Offset: strings.Index(src, "[câu")},
		{Dest: "/img/a.jpg", Image: true, Offset: strings.Index(src, "![ảnh")},
		{Dest: "trống/", Offset: strings.Index(src, "[](")},
		{Dest: "/hoi-dap/", Offset: strings.Index(src, "[tham")},
	}
	if !slices.Equal(links, want) {
		t.Errorf("links = %+v\nwant %+v", links, want)
	}
}

func TestWithBasePath(t *testing.T) {
	src := "[a](/hoi-dap/x/) ![b](/img/a.jpg) [c](../y/) [d](https://a.vn/) [e](//cdn.vn/x) [f](/nq57/z/) [g](#muc)\n"
	tests := []struct{ base, want string }{
		{"/nq57/", `<p><a href="/nq57/hoi-dap/x/">a</a> <img src="/nq57/img/a.jpg" alt="b"> <a href="../y/">c</a> <a href="https://a.vn/">d</a> <a href="//cdn.vn/x">e</a> <a href="/nq57/z/">f</a> <a href="#muc">g</a></p>` + "\n"},
		{"/", `<p><a href="/hoi-dap/x/">a</a> <img src="/img/a.jpg" alt="b"> <a href="../y/">c</a> <a href="https://a.vn/">d</a> <a href="//cdn.vn/x">e</a> <a href="/nq57/z/">f</a> <a href="#muc">g</a></p>` + "\n"},
	}
	for _, tt := range tests {
		var links []Link
		res, err := New().Render([]byte(src), CollectLinks(&links), WithBasePath(tt.base))
		if err != nil {
			t.Fatal(err)
		}
		if string(res.HTML) != tt.want {
			t.Errorf("base %q:\n got %s\nwant %s", tt.base, res.HTML, tt.want)
		}
		if links[0].Dest != "/hoi-dap/x/" {
			t.Errorf("links recorded after the rewrite: %v", links[0])
		}
	}
}
