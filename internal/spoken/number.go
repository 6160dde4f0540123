package spoken

import "strings"

// digitWords are the plain readings of 0 to 9.
var digitWords = [10]string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}

// Number returns the reading of n: 21 is "hai mươi mốt", 105 "một trăm
// linh năm", 2024 "hai nghìn không trăm hai mươi tư", 10¹² "một nghìn tỷ".
func (r *Reader) Number(n uint64) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return r.integer(string(b[i:]))
}

// integer reads a string of ASCII digits of any length as one number;
// leading zeros are ignored ("01" is "một"). Above 10⁹ the word "tỷ"
// repeats: 10¹⁸ is "một tỷ tỷ".
func (r *Reader) integer(d string) string {
	d = strings.TrimLeft(d, "0")
	if d == "" {
		return digitWords[0]
	}
	if len(d) <= 9 {
		return r.belowBillion(d, true)
	}
	hi, lo := d[:len(d)-9], d[len(d)-9:]
	s := r.integer(hi) + " tỷ"
	if strings.Trim(lo, "0") != "" {
		s += " " + r.belowBillion(lo, false)
	}
	return s
}

// belowBillion reads up to nine digits as groups of three: triệu, nghìn
// and units. A group of zeros is left out ("một triệu không trăm linh
// năm"); every group after the first says its hundreds, even "không trăm".
// leading is false for the part after "tỷ", which is never the first group.
func (r *Reader) belowBillion(d string, leading bool) string {
	for len(d)%3 != 0 {
		d = "0" + d
	}
	scales := []string{"", " " + r.thousand, " triệu"}
	var parts []string
	for k := 0; k < len(d); k += 3 {
		g := d[k : k+3]
		if g == "000" {
			continue
		}
		scale := scales[(len(d)-k)/3-1]
		parts = append(parts, r.group(g, leading)+scale)
		leading = false
	}
	return strings.Join(parts, " ")
}

// group reads three digits. A leading group drops zero hundreds (24, not
// "không trăm hai mươi tư"); any other group keeps them.
func (r *Reader) group(g string, leading bool) string {
	h, t, u := int(g[0]-'0'), int(g[1]-'0'), int(g[2]-'0')
	if leading && h == 0 {
		return r.tens(t, u)
	}
	s := digitWords[h] + " trăm"
	switch {
	case t == 0 && u == 0:
	case t == 0:
		// 105: "một trăm linh năm"; after linh the digit keeps its plain
		// reading (một, bốn, năm), never mốt, tư or lăm.
		s += " " + r.zeroTens + " " + digitWords[u]
	default:
		s += " " + r.tens(t, u)
	}
	return s
}

// tens reads a number below 100 with the changes the units digit takes:
// mười/mươi, mốt after mươi, lăm after mười or mươi, tư after mươi.
func (r *Reader) tens(t, u int) string {
	switch t {
	case 0:
		return digitWords[u]
	case 1:
		switch u {
		case 0:
			return "mười"
		case 5:
			return "mười lăm"
		}
		return "mười " + digitWords[u]
	}
	s := digitWords[t] + " mươi"
	switch u {
	case 0:
	case 1:
		s += " mốt"
	case 4:
		s += " " + r.four
	case 5:
		s += " " + r.five
	default:
		s += " " + digitWords[u]
	}
	return s
}

// digitByDigit reads every digit on its own: "0912" is "không chín một
// hai". It serves codes, telephone numbers and runs too long for a number.
func digitByDigit(d string) string {
	words := make([]string, 0, len(d))
	for i := 0; i < len(d); i++ {
		words = append(words, digitWords[d[i]-'0'])
	}
	return strings.Join(words, " ")
}

// fraction reads the digits after a decimal comma the way Vietnamese
// schools teach: leading zeros one by one, then the rest as a number
// ("2,05" hai phẩy không năm, "3,14" ba phẩy mười bốn, "0,125" không phẩy
// một trăm hai mươi lăm). More than three digits are read one by one.
func (r *Reader) fraction(f string) string {
	if len(f) > 3 {
		return digitByDigit(f)
	}
	var words []string
	i := 0
	for i < len(f) && f[i] == '0' {
		words = append(words, digitWords[0])
		i++
	}
	if i < len(f) {
		words = append(words, r.integer(f[i:]))
	}
	return strings.Join(words, " ")
}

// ordinal reads n after "thứ": 1 is "nhất", 4 is "tư", the rest as numbers
// ("thứ hai", "thứ mười bốn", "thứ hai mươi mốt").
func (r *Reader) ordinal(d string) string {
	switch strings.TrimLeft(d, "0") {
	case "1":
		return "nhất"
	case "4":
		return "tư"
	}
	return r.integer(d)
}

// month reads a month number: "tháng tư", never "tháng bốn".
func (r *Reader) month(m int) string {
	if m == 4 {
		return "tư"
	}
	return r.integer(itoa(m))
}

// itoa formats a small non-negative int.
func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
