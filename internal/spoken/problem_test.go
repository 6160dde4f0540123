package spoken

import (
	"strings"
	"testing"
)

// TestProblems checks what is reported, where, and that the text stays
// readable.
func TestProblems(t *testing.T) {
	cases := []struct {
		in, want string
		kind     Kind
		text     string // the source text of the one problem
	}{
		{"Ứng dụng VNeID", "Ứng dụng VNeID", UnknownAbbrev, "VNeID"},
		{"dùng ChatGPT", "dùng ChatGPT", UnknownAbbrev, "ChatGPT"},
		{"do WTO công bố", "do WTO công bố", UnknownAbbrev, "WTO"},
		{"in 3D", "in ba D", UnknownAbbrev, "3D"},
		{"1/2 số hộ", "Một phần hai số hộ", Ambiguous, "1/2"},
		{"24/7", "Ngày hai mươi tư tháng bảy", Ambiguous, "24/7"},
		{"100/200", "Một trăm phần hai trăm", Ambiguous, "100/200"},
		{"tăng 1.5%", "tăng một chấm năm phần trăm", Ambiguous, "1.5"},
		{"1,000,000 người", "Một triệu người", Ambiguous, "1,000,000"},
		{"Số 12-XX/TU", "Số mười hai của Tỉnh ủy", UnknownCode, "12-XX/TU"},
		{"Quyết định 123/QĐ-ABCD", "Quyết định số một trăm hai mươi ba", UnknownCode, "123/QĐ-ABCD"},
		{"xem https://a.gov.vn/tin/123", "xem a chấm gov chấm vn", Ambiguous, "https://a.gov.vn/tin/123"},
		{"đẹp ★ lắm", "đẹp ★ lắm", UnknownSymbol, "★"},
		{"#NQ57", "#Nghị quyết năm mươi bảy", UnknownSymbol, "#"},
		{"m²", "m²", UnknownSymbol, "²"},
		{"a\x01b", "ab", InvalidText, "\x01"},
		{"a\xffb", "ab", InvalidText, "\xff"},
	}
	r := Default()
	for _, c := range cases {
		res := r.Read(c.in)
		if res.Text != c.want {
			t.Errorf("Read(%q) = %q, want %q", c.in, res.Text, c.want)
		}
		if len(res.Problems) != 1 {
			t.Errorf("Read(%q): %d problems %v, want 1", c.in, len(res.Problems), res.Problems)
			continue
		}
		p := res.Problems[0]
		if p.Kind != c.kind || p.Text != c.text || c.in[p.Start:p.End] != p.Text {
			t.Errorf("Read(%q): problem %v %q at %d-%d, want %v %q", c.in, p.Kind, p.Text, p.Start, p.End, c.kind, c.text)
		}
		if p.Msg == "" || p.Msg != strings.ToLower(p.Msg[:1])+p.Msg[1:] {
			t.Errorf("Read(%q): message %q should start in lower case", c.in, p.Msg)
		}
	}
}

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"hai mươi tư", nil},
		{"hai 3 bốn 45", []string{"3", "45"}},
		{"mét²", []string{"²"}},
		{"٣ người", []string{"٣"}},
		{"Ⅻ và ½", []string{"Ⅻ", "½"}},
	} {
		var got []string
		for _, p := range Check(c.in) {
			if p.Kind != DigitLeft || c.in[p.Start:p.End] != p.Text {
				t.Errorf("Check(%q): bad problem %+v", c.in, p)
			}
			got = append(got, p.Text)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Check(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Decomposed input (macOS, PDFs) reads like composed input; the output is NFC.
func TestReadNFC(t *testing.T) {
	nfd := "Nghi\u0323 quyê\u0301t 59-NQ/TW"
	got := Default().Read(nfd).Text
	if want := "Nghị quyết số năm mươi chín của Trung ương"; got != want {
		t.Errorf("Read(NFD) = %q, want %q", got, want)
	}
}

func TestNewErrors(t *testing.T) {
	for _, o := range []Options{
		{Thousand: "ngan"},
		{ZeroTens: "le"},
		{Five: "năm"},
		{DayPrefix: "mong"},
		{Abbrev: Table{"COVID": "Cô-vít 19"}},
		{Units: Table{"": "x"}},
		{Issuers: Table{"X": " "}},
	} {
		if _, err := New(o); err == nil {
			t.Errorf("New(%+v) = nil error", o)
		}
	}
}

// The default tables are NFC, have no digit in a reading, and New accepts
// them unchanged.
func TestDefaultTables(t *testing.T) {
	for name, tb := range map[string]Table{"abbrev": DefaultAbbrev(), "types": DefaultDocTypes(), "issuers": DefaultIssuers(), "units": DefaultUnits()} {
		clean, err := tb.normalize()
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		for k, v := range tb {
			if clean[k] != v {
				t.Errorf("%s: %q → %q is not NFC or has spaces around it", name, k, v)
			}
		}
	}
}
