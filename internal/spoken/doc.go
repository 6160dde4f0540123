// Package spoken turns Vietnamese written for the eye into the text an
// announcer reads over the commune loudspeakers: no digit, no symbol, no
// abbreviation left. "Đến năm 2030, kinh tế số đạt ≥ 30% GDP" becomes
// "Đến năm hai nghìn không trăm ba mươi, kinh tế số đạt ít nhất ba mươi
// phần trăm tổng sản phẩm trong nước".
//
// A Reader (New, Default) holds the choices Vietnamese allows (nghìn or
// ngàn, linh or lẻ, ...) and four tables: abbreviations, document types,
// issuers and units, each with defaults a site's configuration can extend
// (Table.With). Reader.Read returns the read text and the Problems found
// on the way, with byte offsets into the source so a caller can report
// them at file:line:col; Check verifies that read text has no digit left;
// Duration estimates the reading time; Preview has espeak-ng say it.
//
// Read is one pass over the text. At each word it tries, in order:
//
//   - a document number, with the "Số" before it ("Số 01-KH/BTGDVTU" →
//     "Kế hoạch số một của Ban Tuyên giáo và Dân vận Tỉnh ủy"), see docnum.go;
//   - a web or e-mail address (address.go);
//   - "QH15" (Quốc hội khóa mười lăm) and the abbreviation table (words.go);
//   - at a digit: a date, a time, then a quantity with its unit, a range
//     ("16–18%" → "từ mười sáu đến mười tám phần trăm"), a product or a
//     fraction (date.go, quantity.go, numeral.go);
//   - a Roman numeral in a document's structure ("Phần II");
//   - else the word as written, reported when it looks like an
//     abbreviation no table knows.
//
// Symbols are read by symbol.go; numbers by number.go, whose rules are
// those taught in Vietnamese schools: mười/mươi, mốt, lăm, tư, linh for a
// zero tens digit, "không trăm" inside larger numbers, groups of zeros
// left out, tỷ repeated above 10⁹.
//
// Everything is NFC in and out. Read never panics and never fails: what
// it cannot read well stays as written and is reported.
package spoken
