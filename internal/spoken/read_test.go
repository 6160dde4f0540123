package spoken

import "testing"

type readCase struct{ in, want string }

// runRead checks each case's read text, that it has no digit left, and
// that it raised no problem.
func runRead(t *testing.T, r *Reader, cases []readCase) {
	t.Helper()
	for _, c := range cases {
		res := r.Read(c.in)
		if res.Text != c.want {
			t.Errorf("Read(%q)\n got %q\nwant %q", c.in, res.Text, c.want)
		}
		if p := Check(res.Text); p != nil {
			t.Errorf("Read(%q) left digits: %v", c.in, p)
		}
		if len(res.Problems) > 0 {
			t.Errorf("Read(%q) problems: %v", c.in, res.Problems)
		}
	}
}

func TestReadDates(t *testing.T) {
	runRead(t, Default(), []readCase{
		{"22/12/2024", "Ngày hai mươi hai tháng mười hai năm hai nghìn không trăm hai mươi tư"},
		{"ngày 22/12/2024", "ngày hai mươi hai tháng mười hai năm hai nghìn không trăm hai mươi tư"},
		{"Ngày 22/12/2024, Bộ Chính trị ban hành", "Ngày hai mươi hai tháng mười hai năm hai nghìn không trăm hai mươi tư, Bộ Chính trị ban hành"},
		{"22.12.2024", "Ngày hai mươi hai tháng mười hai năm hai nghìn không trăm hai mươi tư"},
		{"25-02-2025", "Ngày hai mươi lăm tháng hai năm hai nghìn không trăm hai mươi lăm"},
		{"hạn chót 01/4/2025.", "hạn chót ngày một tháng tư năm hai nghìn không trăm hai mươi lăm."},
		{"29/2/2024", "Ngày hai mươi chín tháng hai năm hai nghìn không trăm hai mươi tư"},
		{"tháng 4/2025", "tháng tư năm hai nghìn không trăm hai mươi lăm"},
		{"từ 4/2025", "từ tháng tư năm hai nghìn không trăm hai mươi lăm"},
		{"tháng 12/2030", "tháng mười hai năm hai nghìn không trăm ba mươi"},
		{"Hưng Yên, ngày 25 tháng 02 năm 2025", "Hưng Yên, ngày hai mươi lăm tháng hai năm hai nghìn không trăm hai mươi lăm"},
		{"ngày 03 tháng 4", "ngày ba tháng tư"},
		{"ngày 24/4", "ngày hai mươi tư tháng tư"},
		{"sáng 1/4", "sáng ngày một tháng tư"},
		{"ngày 1-2/12", "ngày một đến ngày hai tháng mười hai"},
		{"22–23/12/2024", "Từ ngày hai mươi hai đến ngày hai mươi ba tháng mười hai năm hai nghìn không trăm hai mươi tư"},
		{"năm 2030", "năm hai nghìn không trăm ba mươi"},
		{"đến năm 2045.", "đến năm hai nghìn không trăm bốn mươi lăm."},
	})
	mong, err := New(Options{DayPrefix: "mồng"})
	if err != nil {
		t.Fatal(err)
	}
	runRead(t, mong, []readCase{
		{"ngày 1/4/2025", "ngày mồng một tháng tư năm hai nghìn không trăm hai mươi lăm"},
		{"mồng 5/5", "mồng năm tháng năm"},
		{"ngày 10/10", "ngày mồng mười tháng mười"},
		{"ngày 11/10", "ngày mười một tháng mười"},
		{"ngày 3", "ngày mồng ba"},
	})
}

func TestReadTimes(t *testing.T) {
	runRead(t, Default(), []readCase{
		{"7h30", "Bảy giờ ba mươi phút"},
		{"lúc 7h30 sáng", "lúc bảy giờ ba mươi phút sáng"},
		{"lúc 7h30' sáng", "lúc bảy giờ ba mươi phút sáng"},
		{"lúc 7h05", "lúc bảy giờ năm phút"},
		{"14h", "Mười bốn giờ"},
		{"14h00", "Mười bốn giờ"},
		{"07:30", "Bảy giờ ba mươi phút"},
		{"14:00", "Mười bốn giờ"},
		{"lúc 20:15:30", "lúc hai mươi giờ mười lăm phút ba mươi giây"},
		{"7 giờ 30 phút", "Bảy giờ ba mươi phút"},
		{"24h/ngày", "Hai mươi tư giờ mỗi ngày"},
		{"10h-11h30", "Từ mười giờ đến mười một giờ ba mươi phút"},
		{"trong 8:00 – 11:30", "trong tám giờ đến mười một giờ ba mươi phút"},
		{"5ha", "Năm héc-ta"},
	})
}

func TestReadPercentages(t *testing.T) {
	runRead(t, Default(), []readCase{
		{"2%", "Hai phần trăm"},
		{"0,5%", "Không phẩy năm phần trăm"},
		{"30 %", "Ba mươi phần trăm"},
		{"≥ 30%", "Ít nhất ba mươi phần trăm"},
		{"≥30%", "Ít nhất ba mươi phần trăm"},
		{"> 50%", "Trên năm mươi phần trăm"},
		{"≤ 20%", "Không quá hai mươi phần trăm"},
		{"< 5%", "Dưới năm phần trăm"},
		{"≈ 40%", "Khoảng bốn mươi phần trăm"},
		{"10%/năm", "Mười phần trăm mỗi năm"},
		{"1‰", "Một phần nghìn"},
		{"tăng 2,5 lần", "tăng hai phẩy năm lần"},
		{"3,14", "Ba phẩy mười bốn"},
		{"2,05", "Hai phẩy không năm"},
		{"2,50", "Hai phẩy năm mươi"},
		{"0,125", "Không phẩy một trăm hai mươi lăm"},
		{"1,2345", "Một phẩy hai ba bốn năm"},
		{"1.000.000", "Một triệu"},
		{"10.000 người", "Mười nghìn người"},
		{"10\u00a0000 người", "Mười nghìn người"},
		{"1.234,5", "Một nghìn hai trăm ba mươi tư phẩy năm"},
		{"A > B", "A lớn hơn B"},
		{"2 + 3 = 5", "Hai cộng ba bằng năm"},
	})
	most, err := New(Options{AtMost: "tối đa"})
	if err != nil {
		t.Fatal(err)
	}
	runRead(t, most, []readCase{{"≤ 20%", "Tối đa hai mươi phần trăm"}})
}

func TestReadRanges(t *testing.T) {
	runRead(t, Default(), []readCase{
		{"16–18%", "Từ mười sáu đến mười tám phần trăm"},
		{"16-18%", "Từ mười sáu đến mười tám phần trăm"},
		{"16 – 18%", "Từ mười sáu đến mười tám phần trăm"},
		{"16—18%", "Từ mười sáu đến mười tám phần trăm"},
		{"16–18%/năm", "Từ mười sáu đến mười tám phần trăm mỗi năm"},
		{"tăng trung bình 16-18%/năm", "tăng trung bình từ mười sáu đến mười tám phần trăm mỗi năm"},
		{"16%–18%", "Từ mười sáu phần trăm đến mười tám phần trăm"},
		{"8–10%", "Từ tám đến mười phần trăm"},
		{"40–50 tổ chức", "Từ bốn mươi đến năm mươi tổ chức"},
		{"3–5 km", "Từ ba đến năm ki-lô-mét"},
		{"giai đoạn 2025–2030", "giai đoạn từ hai nghìn không trăm hai mươi lăm đến hai nghìn không trăm ba mươi"},
		{"từ 2025-2030", "từ hai nghìn không trăm hai mươi lăm đến hai nghìn không trăm ba mươi"},
		{"trong 2–3 năm", "trong hai đến ba năm"},
		{"khoảng 2-3 lần", "khoảng hai đến ba lần"},
		{"0,5–1%", "Từ không phẩy năm đến một phần trăm"},
	})
}

func TestReadOrdinalsAndRoman(t *testing.T) {
	runRead(t, Default(), []readCase{
		{"thứ 3", "thứ ba"},
		{"lần thứ 4", "lần thứ tư"},
		{"hạng thứ 1", "hạng thứ nhất"},
		{"Thứ 2", "Thứ hai"},
		{"thứ 14", "thứ mười bốn"},
		{"thứ 21", "thứ hai mươi mốt"},
		{"thứ 24", "thứ hai mươi tư"},
		{"tháng 4", "tháng tư"},
		{"tháng 12", "tháng mười hai"},
		{"Top 3", "Tốp ba"},
		{"thuộc nhóm Top 50 thế giới", "thuộc nhóm tốp năm mươi thế giới"},
		{"Phần II", "Phần hai"},
		{"Chương IV", "Chương bốn"},
		{"Điều 27", "Điều hai mươi bảy"},
		{"lần thứ XIV", "lần thứ mười bốn"},
		{"Đại hội XIV của Đảng", "Đại hội mười bốn của Đảng"},
		{"thế kỷ XXI", "thế kỷ hai mươi mốt"},
		{"quý I/2025", "quý một năm hai nghìn không trăm hai mươi lăm"},
		{"Quý IV", "Quý bốn"},
		{"II. NHIỆM VỤ", "Hai. NHIỆM VỤ"},
		{"IV-TỔ CHỨC THỰC HIỆN", "Bốn-TỔ CHỨC THỰC HIỆN"},
		{"Ý từ mục I.1, Kế hoạch", "Ý từ mục một chấm một, Kế hoạch"},
		{"phương án C", "phương án C"},
		{"nhóm C", "nhóm C"},
	})
}

func TestReadMoneyAndUnits(t *testing.T) {
	runRead(t, Default(), []readCase{
		{"10 tỷ đồng", "Mười tỷ đồng"},
		{"500.000 VNĐ", "Năm trăm nghìn đồng"},
		{"500.000đ", "Năm trăm nghìn đồng"},
		{"500.000 ₫", "Năm trăm nghìn đồng"},
		{"50k", "Năm mươi nghìn"},
		{"50 USD", "Năm mươi đô la Mỹ"},
		{"$5", "Năm đô la"},
		{"giá 1,5 triệu đồng/tháng", "giá một phẩy năm triệu đồng mỗi tháng"},
		{"100 km", "Một trăm ki-lô-mét"},
		{"10km", "Mười ki-lô-mét"},
		{"5 ha", "Năm héc-ta"},
		{"5 hai", "Năm hai"},
		{"120 m²", "Một trăm hai mươi mét vuông"},
		{"120 m2", "Một trăm hai mươi mét vuông"},
		{"32 GB", "Ba mươi hai gi-ga-bai"},
		{"5GB", "Năm gi-ga-bai"},
		{"100 Mbps", "Một trăm mê-ga-bít trên giây"},
		{"60 km/h", "Sáu mươi ki-lô-mét trên giờ"},
		{"25°C", "Hai mươi lăm độ xê"},
		{"−5°C", "Âm năm độ xê"},
		{"297 × 210 mm", "Hai trăm chín mươi bảy nhân hai trăm mười mi-li-mét"},
		{"3x4", "Ba nhân bốn"},
		{"10+ năm", "Hơn mười năm"},
		{"Công nghiệp 4.0", "Công nghiệp bốn chấm không"},
		{"0912345678", "Không chín một hai ba bốn năm sáu bảy tám"},
		{"２０２４", "Hai nghìn không trăm hai mươi tư"},
		{"٣ người", "Ba người"},
	})
}

func TestReadSymbols(t *testing.T) {
	runRead(t, Default(), []readCase{
		{"A & B", "A và B"},
		{"KH&CN + ĐMST", "Khoa học và công nghệ và đổi mới sáng tạo"},
		{"§5.3", "Mục năm chấm ba"},
		{"№ 5", "Số năm"},
		{"nam/nữ", "nam hoặc nữ"},
		{"Facebook / Zalo", "Facebook hoặc Zalo"},
		{"3 lần/tuần", "Ba lần mỗi tuần"},
		{"dùng và/hoặc", "dùng và hoặc"},
		{"đ/c Nguyễn Văn A", "Đồng chí Nguyễn Văn A"},
		{"A → B", "A dẫn đến B"},
		{"½ số hộ", "Một phần hai số hộ"},
		{"“Bình dân học vụ số” (2025)!", "“Bình dân học vụ số” (hai nghìn không trăm hai mươi lăm)!"},
		{"ban@hungyen.gov.vn", "Ban a còng hungyen chấm gov chấm vn"},
		{"https://binhdanhocvuso.gov.vn/", "Binhdanhocvuso chấm gov chấm vn"},
		{"xem tại www.chinhphu.vn.", "xem tại www chấm chinhphu chấm vn."},
		{"tổng đài 1022", "tổng đài một không hai hai"},
		{"Điện thoại: 0221 3862 345.", "Điện thoại: không hai hai một, ba tám sáu hai, ba bốn năm."},
		{"đường dây nóng 0912.345.678", "đường dây nóng không chín một hai, ba bốn năm, sáu bảy tám"},
		{"số 1022 phố", "số một nghìn không trăm hai mươi hai phố"},
		{"soft\u00adhyphen", "softhyphen"},
	})
}

func TestReadDocumentNumbers(t *testing.T) {
	runRead(t, Default(), []readCase{
		{"Nghị quyết số 57-NQ/TW của Bộ Chính trị", "Nghị quyết số năm mươi bảy của Bộ Chính trị"},
		{"Nghị quyết 57-NQ/TW", "Nghị quyết số năm mươi bảy của Bộ Chính trị"},
		{"Nghị quyết 59-NQ/TW", "Nghị quyết số năm mươi chín của Trung ương"},
		{"Nghị quyết 57-NQ/TW do Bộ Chính trị ban hành", "Nghị quyết số năm mươi bảy do Bộ Chính trị ban hành"},
		{"Thủ tướng Chính phủ ban hành Quyết định 1169/QĐ-TTg về", "Thủ tướng Chính phủ ban hành Quyết định số một nghìn một trăm sáu mươi chín về"},
		{"Thủ tướng đã ký. Quyết định 1169/QĐ-TTg", "Thủ tướng đã ký. Quyết định số một nghìn một trăm sáu mươi chín của Thủ tướng Chính phủ"},
		{"Kế hoạch tuyên truyền 01-KH/BTGDVTU", "Kế hoạch tuyên truyền số một của Ban Tuyên giáo và Dân vận Tỉnh ủy"},
		{"Kế hoạch hành động số 433-KH/TU", "Kế hoạch hành động số bốn trăm ba mươi ba của Tỉnh ủy"},
		{"Ban Tuyên giáo và Dân vận Tỉnh ủy, Kế hoạch 433-KH/TU", "Ban Tuyên giáo và Dân vận Tỉnh ủy, Kế hoạch số bốn trăm ba mươi ba của Tỉnh ủy"},
		{"Bộ Chính trị đã ban hành Nghị quyết số 57-NQ/TW.", "Bộ Chính trị đã ban hành Nghị quyết số năm mươi bảy."},
		{"Nghị quyết, 59-NQ/TW", "Nghị quyết, nghị quyết số năm mươi chín của Trung ương"},
		{"Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
			"Nghị quyết số năm mươi bảy ngày hai mươi hai tháng mười hai năm hai nghìn không trăm hai mươi tư của Bộ Chính trị"},
		{"Nghị quyết số 57-NQ/TW, ngày 22 tháng 12 năm 2024, của Bộ Chính trị",
			"Nghị quyết số năm mươi bảy, ngày hai mươi hai tháng mười hai năm hai nghìn không trăm hai mươi tư, của Bộ Chính trị"},
		{"Số 01-KH/BTGDVTU", "Kế hoạch số một của Ban Tuyên giáo và Dân vận Tỉnh ủy"},
		{"theo Số 01-KH/BTGDVTU", "theo Kế hoạch số một của Ban Tuyên giáo và Dân vận Tỉnh ủy"},
		{"Số: 719/QĐ-UBND", "Quyết định số bảy trăm mười chín của Ủy ban nhân dân"},
		{"Quyết định số 1169/QĐ-TTg", "Quyết định số một nghìn một trăm sáu mươi chín của Thủ tướng Chính phủ"},
		{"Nghị định 30/2020/NĐ-CP", "Nghị định số ba mươi năm hai nghìn không trăm hai mươi của Chính phủ"},
		{"Luật số 75/2025/QH15", "Luật số bảy mươi lăm năm hai nghìn không trăm hai mươi lăm của Quốc hội khóa mười lăm"},
		{"Nghị quyết 193/2025/QH15", "Nghị quyết số một trăm chín mươi ba năm hai nghìn không trăm hai mươi lăm của Quốc hội khóa mười lăm"},
		{"Quy định 230-QĐ/TW", "Quy định số hai trăm ba mươi của Trung ương"},
		{"Hướng dẫn 36-HD/VPTW", "Hướng dẫn số ba mươi sáu của Văn phòng Trung ương Đảng"},
		{"Hướng dẫn số 24-HD/BTGDVTW", "Hướng dẫn số hai mươi tư của Ban Tuyên giáo và Dân vận Trung ương"},
		{"Công văn 01-CV/BCĐTW", "Công văn số một của Ban Chỉ đạo Trung ương"},
		{"Kế hoạch số 386-KH/TU", "Kế hoạch số ba trăm tám mươi sáu của Tỉnh ủy"},
		{"Nghị quyết số 57-NQ/TƯ", "Nghị quyết số năm mươi bảy của Trung ương"},
		{"theo 59-NQ/TW về", "theo nghị quyết số năm mươi chín của Trung ương về"},
		{"Nghị quyết 71/NQ-CP", "Nghị quyết số bảy mươi mốt của Chính phủ"},
		{"văn bản 5734/BVHTTDL-VHCSGĐTV", "văn bản số năm nghìn bảy trăm ba mươi tư của Bộ Văn hóa, Thể thao và Du lịch"},
		{"5734/BVHTTDL-VHCSGĐTV", "Công văn số năm nghìn bảy trăm ba mươi tư của Bộ Văn hóa, Thể thao và Du lịch"},
		{"Thông tư liên tịch 01/2015/TTLT-BTC-BKHCN",
			"Thông tư liên tịch số một năm hai nghìn không trăm mười lăm của Bộ Tài chính, Bộ Khoa học và Công nghệ"},
		{"QĐ 1165/QĐ-UBND", "Quyết định số một nghìn một trăm sáu mươi lăm của Ủy ban nhân dân"},
		{"Nghị quyết số 57", "Nghị quyết số năm mươi bảy"},
		{"NQ57", "Nghị quyết năm mươi bảy"},
		{"NQ 57", "Nghị quyết năm mươi bảy"},
		{"Quốc hội khóa XV", "Quốc hội khóa mười lăm"},
		{"QH15", "Quốc hội khóa mười lăm"},
	})
}

func TestReadAbbreviations(t *testing.T) {
	runRead(t, Default(), []readCase{
		{"KHCN", "Khoa học và công nghệ"},
		{"phát triển KH&CN, ĐMST và CĐS", "phát triển khoa học và công nghệ, đổi mới sáng tạo và chuyển đổi số"},
		{"ứng dụng AI", "ứng dụng trí tuệ nhân tạo"},
		{"Ai cũng làm được", "Ai cũng làm được"},
		{"R&D", "Nghiên cứu và phát triển"},
		{"30% GDP", "Ba mươi phần trăm tổng sản phẩm trong nước"},
		{"UBND tỉnh", "Ủy ban nhân dân tỉnh"},
		{"HĐND, UBND, MTTQ", "Hội đồng nhân dân, Ủy ban nhân dân, Mặt trận Tổ quốc"},
		{"trường THPT", "trường trung học phổ thông"},
		{"mạng 5G", "mạng năm gờ"},
		{"5G, 6G", "Năm gờ, sáu gờ"},
		{"Internet vạn vật (IoT), thông tin di động", "Internet vạn vật, thông tin di động"},
		{"trí tuệ nhân tạo (AI)", "trí tuệ nhân tạo"},
		{"TFP (năng suất nhân tố tổng hợp) cho biết", "Năng suất nhân tố tổng hợp cho biết"},
		{"R&D là viết tắt của nghiên cứu và phát triển.", "R và D là viết tắt của nghiên cứu và phát triển."},
		{"“AI” là chữ viết tắt", "“AI” là chữ viết tắt"},
		{"sách, báo, v.v.", "sách, báo, vân vân."},
		{"sách, v.v. đều", "sách, vân vân đều"},
		{"sách, v.v...", "sách, vân vân."},
		{"TP. Hà Nội", "Thành phố Hà Nội"},
		{"TP.HCM", "Thành phố Hồ Chí Minh"},
		{"PGS.TS. Nguyễn Văn A", "Phó giáo sư tiến sĩ Nguyễn Văn A"},
		{"COVID-19", "Cô-vít mười chín"},
		{"từ TW đến địa phương", "từ Trung ương đến địa phương"},
		{"NGHỊ QUYẾT VỀ ĐỘT PHÁ", "NGHỊ QUYẾT VỀ ĐỘT PHÁ"},
		{"xem YouTube", "xem YouTube"},
		{"nhập mã OTP", "nhập mã o tê pê"},
		{"các tổ chức CT-XH", "các tổ chức chính trị - xã hội"},
	})
	extra, err := New(Options{Abbrev: DefaultAbbrev().With(Table{"VNeID": "Vê en e ai đi", "AI": "ây ai"})})
	if err != nil {
		t.Fatal(err)
	}
	runRead(t, extra, []readCase{
		{"cài VNeID", "cài Vê en e ai đi"},
		{"ứng dụng AI", "ứng dụng ây ai"},
	})
}
