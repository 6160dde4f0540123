package search

import "testing"

func TestHTMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>Một <strong>hai</strong> ba</p>\n<p>bốn</p>", "Một hai ba\nbốn"},
		{"<h2 id=\"x\">Tiêu đề</h2><p>Nội dung</p>", "Tiêu đề\nNội dung"},
		{"<p>chuy<em>ển</em> đổi</p>", "chuyển đổi"},
		{"<p>R&amp;D &lt;b&gt; &#272;</p>", "R&D <b> Đ"},
		{"<ul>\n<li>a</li>\n<li>b</li>\n</ul>", "a\nb"},
		{"<table><tr><td>Chỉ tiêu</td><td>30%</td></tr></table>", "Chỉ tiêu\n30%"},
		{"<p>a<br>b</p><script>x()</script><style>p{}</style><p>c</p>", "a\nb\nc"},
		{"<p>  nhiều   khoảng\n trắng </p>", "nhiều khoảng trắng"},
		{"<p>dở dang <a href=\"x\"", "dở dang"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := HTMLText(tt.in); got != tt.want {
			t.Errorf("HTMLText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
