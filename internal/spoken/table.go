package spoken

import (
	"cmp"
	"maps"
	"slices"
	"unicode/utf8"
)

// Table maps a written form to its reading: "UBND" → "Ủy ban nhân dân".
// Keys match whole words only and are case-sensitive ("AI" is trí tuệ nhân
// tạo, "Ai" at the start of a question is the word ai). A reading equal to
// its key keeps the form as written without a warning, for names the
// announcer reads as they are ("YouTube").
type Table map[string]string

// With returns a new table holding t's entries overridden and extended by
// u's; neither t nor u changes. It is how a site's configuration adds to
// the defaults: DefaultAbbrev().With(fromConfig).
func (t Table) With(u Table) Table {
	out := maps.Clone(t)
	if out == nil {
		out = Table{}
	}
	maps.Copy(out, u)
	return out
}

// index groups the keys by their first rune, longest first, so a lookup
// tries the longest key that matches ("KH&CN" before "KH").
func (t Table) index() map[rune][]string {
	idx := map[rune][]string{}
	for k := range t {
		r, _ := utf8.DecodeRuneInString(k)
		idx[r] = append(idx[r], k)
	}
	for _, keys := range idx {
		slices.SortFunc(keys, func(a, b string) int {
			return cmp.Or(cmp.Compare(len(b), len(a)), cmp.Compare(a, b))
		})
	}
	return idx
}

// The default tables. Each function returns a fresh map the caller may
// change. Readings are written as an announcer says them: proper names
// with their capitals (Ủy ban nhân dân), common nouns in lower case (a
// reading at the start of a sentence is capitalised when it is used).
// Letters that are said as Vietnamese syllables are spelled that way
// ("năm gờ" for 5G), foreign names in the Vietnamese transcription
// schools use ("A-xê-an").

// DefaultAbbrev returns the abbreviations of the field read in running text.
func DefaultAbbrev() Table {
	return Table{
		// Science, technology, innovation, digital transformation.
		"KHCN":     "khoa học và công nghệ",
		"KH&CN":    "khoa học và công nghệ",
		"KH-CN":    "khoa học và công nghệ",
		"KHKT":     "khoa học kỹ thuật",
		"ĐMST":     "đổi mới sáng tạo",
		"CĐS":      "chuyển đổi số",
		"CNTT":     "công nghệ thông tin",
		"CNC":      "công nghệ cao",
		"ICT":      "công nghệ thông tin và truyền thông",
		"CMCN":     "cách mạng công nghiệp",
		"NCKH":     "nghiên cứu khoa học",
		"SHTT":     "sở hữu trí tuệ",
		"CSDL":     "cơ sở dữ liệu",
		"DVC":      "dịch vụ công",
		"DVCTT":    "dịch vụ công trực tuyến",
		"ATTT":     "an toàn thông tin",
		"AI":       "trí tuệ nhân tạo",
		"IoT":      "Internet vạn vật",
		"R&D":      "nghiên cứu và phát triển",
		"3G":       "ba gờ",
		"4G":       "bốn gờ",
		"5G":       "năm gờ",
		"6G":       "sáu gờ",
		"COVID":    "Cô-vít",
		"COVID-19": "Cô-vít mười chín",
		"Covid":    "Cô-vít",
		"Covid-19": "Cô-vít mười chín",
		"Q&A":      "hỏi đáp",
		"OTP":      "o tê pê",
		"QR":       "kiu-a",
		"STEM":     "STEM",
		"Top":      "tốp",
		"TOP":      "tốp",
		"top":      "tốp",
		"YouTube":  "YouTube",
		"TikTok":   "TikTok",

		// Economy and indices.
		"GDP":   "tổng sản phẩm trong nước",
		"GRDP":  "tổng sản phẩm trên địa bàn",
		"FDI":   "đầu tư trực tiếp nước ngoài",
		"TFP":   "năng suất nhân tố tổng hợp",
		"HDI":   "chỉ số phát triển con người",
		"GII":   "chỉ số đổi mới sáng tạo toàn cầu",
		"PCI":   "chỉ số năng lực cạnh tranh cấp tỉnh",
		"KT-XH": "kinh tế - xã hội",
		"KTXH":  "kinh tế - xã hội",
		"DN":    "doanh nghiệp",
		"DNNVV": "doanh nghiệp nhỏ và vừa",
		"HTX":   "hợp tác xã",
		"KCN":   "khu công nghiệp",
		"NTM":   "nông thôn mới",
		"NLĐ":   "người lao động",
		"BHXH":  "bảo hiểm xã hội",
		"BHYT":  "bảo hiểm y tế",
		"USD":   "đô la Mỹ",
		"VNĐ":   "đồng",
		"VND":   "đồng",
		"ASEAN": "A-xê-an",
		"ĐNA":   "Đông Nam Á",

		// Party, State and mass organisations.
		"TW":       "Trung ương",
		"TƯ":       "Trung ương",
		"T.Ư":      "Trung ương",
		"BCH":      "Ban Chấp hành",
		"BCHTW":    "Ban Chấp hành Trung ương",
		"BCT":      "Bộ Chính trị",
		"BBT":      "Ban Bí thư",
		"BCĐ":      "Ban Chỉ đạo",
		"BTV":      "Ban Thường vụ",
		"ĐCSVN":    "Đảng Cộng sản Việt Nam",
		"CHXHCN":   "Cộng hòa xã hội chủ nghĩa",
		"XHCN":     "xã hội chủ nghĩa",
		"CNH":      "công nghiệp hóa",
		"HĐH":      "hiện đại hóa",
		"CNH-HĐH":  "công nghiệp hóa, hiện đại hóa",
		"UBND":     "Ủy ban nhân dân",
		"HĐND":     "Hội đồng nhân dân",
		"MTTQ":     "Mặt trận Tổ quốc",
		"MTTQVN":   "Mặt trận Tổ quốc Việt Nam",
		"UBKT":     "Ủy ban Kiểm tra",
		"QH":       "Quốc hội",
		"UBTVQH":   "Ủy ban Thường vụ Quốc hội",
		"CP":       "Chính phủ",
		"TTg":      "Thủ tướng Chính phủ",
		"BTGDVTW":  "Ban Tuyên giáo và Dân vận Trung ương",
		"BTGDVTU":  "Ban Tuyên giáo và Dân vận Tỉnh ủy",
		"BTGTW":    "Ban Tuyên giáo Trung ương",
		"CBCCVC":   "cán bộ, công chức, viên chức",
		"CBCC":     "cán bộ, công chức",
		"CT-XH":    "chính trị - xã hội",
		"UBMTTQ":   "Ủy ban Mặt trận Tổ quốc",
		"UBMTTQVN": "Ủy ban Mặt trận Tổ quốc Việt Nam",
		"ĐUTTTU":   "đảng ủy trực thuộc Tỉnh ủy",
		"K/T":      "ký thay",
		"KT.":      "ký thay",
		"TM.":      "thay mặt",
		"TL.":      "thừa lệnh",
		"QP-AN":    "quốc phòng, an ninh",
		"QPAN":     "quốc phòng, an ninh",
		"NQ":       "nghị quyết",
		"QĐ":       "quyết định",
		"NĐ":       "nghị định",
		"đ/c":      "đồng chí",
		"Đ/c":      "đồng chí",

		// Schools, places, titles, writing.
		"THPT":    "trung học phổ thông",
		"THCS":    "trung học cơ sở",
		"GD&ĐT":   "giáo dục và đào tạo",
		"GDĐT":    "giáo dục và đào tạo",
		"VN":      "Việt Nam",
		"TP.":     "thành phố",
		"TP":      "thành phố",
		"Tp.":     "thành phố",
		"HCM":     "Hồ Chí Minh",
		"GS.":     "giáo sư",
		"PGS.":    "phó giáo sư",
		"TS.":     "tiến sĩ",
		"ThS.":    "thạc sĩ",
		"GS":      "giáo sư",
		"PGS":     "phó giáo sư",
		"TS":      "tiến sĩ",
		"ThS":     "thạc sĩ",
		"STT":     "số thứ tự",
		"SĐT":     "số điện thoại",
		"v.v.":    "vân vân",
		"v.v...":  "vân vân",
		"v.v":     "vân vân",
		"và/hoặc": "và hoặc",
	}
}

// DefaultDocTypes returns the type codes of Party and State documents
// (Hướng dẫn 36-HD/VPTW for the Party, Nghị định 30/2020/NĐ-CP for the
// State). QĐ is read "quyết định"; a "Quy định" written before the number
// is kept as written.
func DefaultDocTypes() Table {
	return Table{
		"NQ":   "nghị quyết",
		"NQLT": "nghị quyết liên tịch",
		"QĐ":   "quyết định",
		"KH":   "kế hoạch",
		"HD":   "hướng dẫn",
		"KL":   "kết luận",
		"CT":   "chỉ thị",
		"NĐ":   "nghị định",
		"TT":   "thông tư",
		"TTLT": "thông tư liên tịch",
		"CV":   "công văn",
		"TB":   "thông báo",
		"BC":   "báo cáo",
		"TTr":  "tờ trình",
		"CTr":  "chương trình",
		"CTHĐ": "chương trình hành động",
		"ĐA":   "đề án",
		"QC":   "quy chế",
		"CĐ":   "công điện",
		"GM":   "giấy mời",
		"BB":   "biên bản",
	}
}

// DefaultIssuers returns the codes of issuing bodies. TW, on a Party
// document, is read "Trung ương": Politburo, Secretariat and Central
// Committee documents all carry it, so the text's own "của Bộ Chính trị"
// (which suppresses the issuer) is what names the body exactly.
func DefaultIssuers() Table {
	return Table{
		"TW":       "Trung ương",
		"TƯ":       "Trung ương",
		"57-NQ/TW": "Bộ Chính trị", // a whole symbol names one document's issuer exactly
		"BCT":      "Bộ Chính trị",
		"BBT":      "Ban Bí thư",
		"VPTW":     "Văn phòng Trung ương Đảng",
		"BTGTW":    "Ban Tuyên giáo Trung ương",
		"BTGDVTW":  "Ban Tuyên giáo và Dân vận Trung ương",
		"BTCTW":    "Ban Tổ chức Trung ương",
		"UBKTTW":   "Ủy ban Kiểm tra Trung ương",
		"BCĐTW":    "Ban Chỉ đạo Trung ương",
		"TU":       "Tỉnh ủy",
		"HU":       "Huyện ủy",
		"ĐU":       "Đảng ủy",
		"BTVTU":    "Ban Thường vụ Tỉnh ủy",
		"BTGTU":    "Ban Tuyên giáo Tỉnh ủy",
		"BTGDVTU":  "Ban Tuyên giáo và Dân vận Tỉnh ủy",
		"BDVTU":    "Ban Dân vận Tỉnh ủy",
		"QH":       "Quốc hội",
		"UBTVQH":   "Ủy ban Thường vụ Quốc hội",
		"CP":       "Chính phủ",
		"TTg":      "Thủ tướng Chính phủ",
		"VPCP":     "Văn phòng Chính phủ",
		"UBND":     "Ủy ban nhân dân",
		"HĐND":     "Hội đồng nhân dân",
		"BKHCN":    "Bộ Khoa học và Công nghệ",
		"BTTTT":    "Bộ Thông tin và Truyền thông",
		"BVHTTDL":  "Bộ Văn hóa, Thể thao và Du lịch",
		"BGDĐT":    "Bộ Giáo dục và Đào tạo",
		"BTC":      "Bộ Tài chính",
		"BNV":      "Bộ Nội vụ",
		"BCA":      "Bộ Công an",
		"BQP":      "Bộ Quốc phòng",
		"BKHĐT":    "Bộ Kế hoạch và Đầu tư",
		"SKHCN":    "Sở Khoa học và Công nghệ",
		"STTTT":    "Sở Thông tin và Truyền thông",
		"SNV":      "Sở Nội vụ",
	}
}

// DefaultUnits returns units read after a number ("10 km", "5GB").
func DefaultUnits() Table {
	return Table{
		"%":    "phần trăm",
		"‰":    "phần nghìn",
		"km":   "ki-lô-mét",
		"km2":  "ki-lô-mét vuông",
		"km²":  "ki-lô-mét vuông",
		"m":    "mét",
		"m2":   "mét vuông",
		"m²":   "mét vuông",
		"m3":   "mét khối",
		"m³":   "mét khối",
		"cm":   "xăng-ti-mét",
		"mm":   "mi-li-mét",
		"ha":   "héc-ta",
		"kg":   "ki-lô-gam",
		"g":    "gam",
		"l":    "lít",
		"ml":   "mi-li-lít",
		"KB":   "ki-lô-bai",
		"MB":   "mê-ga-bai",
		"GB":   "gi-ga-bai",
		"TB":   "tê-ra-bai",
		"kbps": "ki-lô-bít trên giây",
		"Mbps": "mê-ga-bít trên giây",
		"Gbps": "gi-ga-bít trên giây",
		"Hz":   "héc",
		"kHz":  "ki-lô-héc",
		"MHz":  "mê-ga-héc",
		"GHz":  "gi-ga-héc",
		"W":    "oát",
		"kW":   "ki-lô-oát",
		"MW":   "mê-ga-oát",
		"GW":   "gi-ga-oát",
		"kWh":  "ki-lô-oát giờ",
		"V":    "vôn",
		"°C":   "độ xê",
		"h":    "giờ",
		"s":    "giây",
		"đ":    "đồng",
		"₫":    "đồng",
		"VNĐ":  "đồng",
		"VND":  "đồng",
		"USD":  "đô la Mỹ",
		"k":    "nghìn",
	}
}
