// Package spoken turns Vietnamese written for the eye into the text an
// announcer reads over the commune loudspeakers: no digit, no symbol, no
// abbreviation left. "Đến năm 2030, kinh tế số đạt ≥ 30% GDP" becomes
// "Đến năm hai nghìn không trăm ba mươi, kinh tế số đạt ít nhất ba mươi
// phần trăm tổng sản phẩm trong nước".
//
// A Reader (New, Default) holds the choices Vietnamese allows (nghìn or
// ngàn, linh or lẻ, tư or bốn, lăm or nhăm, "không quá" or "tối đa",
// "mồng" before the first ten days) and four tables: abbreviations,
// document types, issuers and units, each with defaults a site's
// configuration can extend or override (Table.With). Reader.Read returns
// the read text and the Problems found on the way, with byte offsets into
// the source so a caller can report them at file:line:col; Check verifies
// that read text has no digit left; Duration estimates the reading time
// from Syllables; Preview has espeak-ng say it.
//
// Read is one pass over the text. At each word it tries, in order:
//
//   - a document number, with the "Số" or "Số:" before it (docnum.go);
//   - a web or e-mail address (address.go);
//   - "QH15" and the abbreviation table (words.go);
//   - at a digit: a telephone number after "điện thoại", "tổng đài"...; a
//     date, a range of days or a time (date.go); else a quantity with its
//     currency, "+", unit and "/per" part, a range of two quantities, a
//     product or a fraction (quantity.go, numeral.go);
//   - a Roman numeral in a document's structure ("Phần II");
//   - else the word as written, reported when it looks like an
//     abbreviation no table knows.
//
// Symbols are read by symbol.go. The rules, with examples:
//
//   - Numbers (number.go), as Vietnamese schools teach: mười/mươi (10,
//     20), mốt after mươi (21) but một after mười or linh (11, 101), lăm
//     after mười or mươi (15, 25) but năm alone or after linh (5, 105),
//     tư after mươi (24) but bốn elsewhere (4, 14, 104), linh for a zero
//     tens digit (105), "không trăm" in every group after the first (1005
//     một nghìn không trăm linh năm), groups of zeros left out (1 000 005
//     một triệu không trăm linh năm), tỷ repeated above 10⁹ (10¹² một
//     nghìn tỷ, 10¹⁸ một tỷ tỷ). Leading zeros are dropped ("01" một);
//     a number of three or more digits starting with 0, or of more than
//     fifteen digits, is read digit by digit.
//   - Separators: "1.000.000" and "10 000" (no-break space) are
//     thousands; "2,5" is hai phẩy năm, the decimals read as a number
//     after their leading zeros (2,05 hai phẩy không năm; 3,14 ba phẩy
//     mười bốn), more than three one by one. "4.0" and "5.3" are read
//     with "chấm"; English forms (1,000,000; 1.5%) are read but reported.
//   - Percent and comparisons: % phần trăm, ‰ phần nghìn; before a
//     number ≥ ít nhất, > trên, ≤ không quá (or tối đa), < dưới, ≈ and ~
//     khoảng; elsewhere lớn hơn, nhỏ hơn (hoặc bằng). "10+" is hơn mười.
//   - Ranges: number, dash (-, –, —), number: "16–18%" từ mười sáu đến
//     mười tám phần trăm; no "từ" after từ, trong, khoảng, trên, dưới...
//     ("trong 2–3 năm" trong hai đến ba năm). "/năm" after a unit is mỗi
//     năm, "/h" after a unit trên giờ.
//   - Dates: D/M/Y, D-M-Y, D.M.Y: ngày D tháng M năm Y, without a second
//     "ngày" after ngày, mồng, mùng; months say tư for 4 (tháng tư). M/Y
//     after "tháng" or alone: tháng M năm Y. D/M after ngày, sáng, chiều...
//     is a date; without such a word it is a date, or a fraction when it
//     looks like one (1/2, 2/3), and reported. "1-2/12": từ ngày một đến
//     ngày hai tháng mười hai. "tháng 4" is tháng tư; "ngày 25 tháng 02"
//     reads the numbers.
//   - Times: 7h, 7h30, 7h30', 07:30, 20:15:30 → bảy giờ ba mươi phút;
//     zero minutes are not said; "10h-11h30" is a range.
//   - Ordinals: after "thứ", 1 is nhất and 4 is tư (lần thứ tư, thứ nhất).
//     "Top 3" is tốp ba (the abbreviation table holds Top → tốp).
//   - Roman numerals after phần, chương, mục, điều, khoản, quý, khóa, kỳ,
//     kỷ, thứ, lần, hội, Đảng, lục, tập, bài, tiết, đoạn, số, or opening
//     a line before ". ) : -" (heading numbers): "Phần II" Phần hai, "quý
//     I/2025" quý một năm hai nghìn không trăm hai mươi lăm, "mục I.1"
//     mục một chấm một. Single C, D, L, M are group labels, not numbers.
//   - Document numbers: Party "57-NQ/TW", State "1169/QĐ-TTg",
//     "30/2020/NĐ-CP", "193/2025/QH15", letters "5734/BVHTTDL-VHCSGĐTV"
//     → "[type] số N [năm Y] [của issuer]". The type is not said when the
//     text names a kind of document in the four words before; the issuer
//     is not said when "của" or "do" follows (after a date, if any) or the
//     issuer was just said ("Thủ tướng Chính phủ ban hành Quyết định
//     ..."). "Số 01-KH/BTGDVTU" becomes Kế hoạch số một của Ban Tuyên
//     giáo và Dân vận Tỉnh ủy. An issuer with a term (QH15) is Quốc hội
//     khóa mười lăm; the issuer table may name one document's issuer
//     exactly ("57-NQ/TW" → Bộ Chính trị). Unknown codes are reported.
//   - Money and units after a number: đồng, đô la Mỹ, ki-lô-mét, héc-ta,
//     mét vuông, gi-ga-bai, mê-ga-bít trên giây, độ xê...; "$5" năm đô
//     la; "297 × 210 mm" nhân.
//   - Abbreviations: whole words, case-sensitive, longest first; "(AI)"
//     after trí tuệ nhân tạo and "(năng suất nhân tố tổng hợp)" after TFP
//     are not said twice; before "là viết tắt" the letters are kept
//     ("R và D là viết tắt của..."). Capitals that do not spell a
//     Vietnamese syllable (UBND, not NGÀY) or a capital inside a word
//     (VNeID) are reported when no table knows them, and kept.
//   - Symbols: & và, + cộng or và, = bằng, § mục, № số, ° độ, @ a còng,
//     → dẫn đến, "/" between words hoặc (or mỗi before năm, tháng, lần...),
//     − âm, ½ một phần hai; bullets and soft hyphens are dropped; other
//     symbols are kept and reported.
//   - Telephone numbers after điện thoại, tổng đài, đường dây nóng...
//     digit by digit, groups separated by commas. Web addresses: the host,
//     "chấm" between its parts; a path is left out and reported.
//
// Generated words at the start of a sentence take a capital. Everything
// is NFC in and out. Read never panics and never fails: what it cannot
// read well stays as written (or, for invalid bytes, is dropped) and is
// reported.
package spoken
