package vnbreak

import "strings"

// The word classes the gap rules know, by the keys of their syllables (see
// key): the tone is a digit at the end, "và" is "va1".
var (
	// openers open a phrase: a break before them costs Phrase, after
	// them Dangling. Prepositions and conjunctions.
	openers = keySet("và của cho với về để là trong trên dưới vì từ đến tới tại theo bằng mà thì " +
		"nhưng hoặc hay khi nếu do bởi qua giữa ở vào cùng như nhằm song hầu")
	// leaners lean on the next word: a break after them costs Dangling.
	// Plural and quantity words, numerals, auxiliaries, negation, degree.
	leaners = keySet("các những mọi mỗi từng một hai ba bốn sáu bảy tám chín mười " +
		"đã đang sẽ được bị phải cần nên hãy đừng chớ không chưa chẳng rất cũng đều vẫn còn chỉ luôn " +
		"thật quá cái con chiếc sự việc cuộc nền niềm nỗi")
	// followers lean on the previous word: a break before them costs Dangling.
	// "số" is "digital" after a noun: "năng lực cạnh tranh số".
	followers = keySet("nhất hơn nữa lắm số")
	// counters are nouns that take a number after them: a break between
	// them and the number is Keep. Entries of two syllables are matched
	// against whole lexicon words.
	counters = keySet("năm ngày tháng quý tuần giờ phút số thứ lần khóa đợt kỳ nhóm top điều khoản " +
		"chương mục phần trang hình bảng lớp tầng tổ khu đội trên dưới hơn khoảng gần " +
		"quốc_lộ tỉnh_lộ phụ_lục nghị_quyết quyết_định kế_hoạch chỉ_thị kết_luận quy_định " +
		"hướng_dẫn công_văn thông_tư nghị_định luật thông_báo tờ_trình báo_cáo văn_bản " +
		"giai_đoạn đại_hội hội_nghị tối_thiểu tối_đa ít_nhất nhiều_nhất")
	// units follow a number: a break between the number and them is Keep.
	units = keySet("đồng đ vnđ vnd usd tỷ tỉ triệu nghìn ngàn vạn trăm chục km m cm mm m2 m3 ha kg g " +
		"tấn tạ lít kw kwh mw gw gb mb tb mbps gbps giây phút giờ ngày tuần tháng năm lần người hộ " +
		"tuổi điểm bước gdp grdp")
	// multipliers take a unit after them: "180 triệu đồng".
	multipliers = keySet("tỷ tỉ triệu nghìn ngàn vạn trăm chục")
)

// keySet returns the set of the keys of the space-separated words of s;
// an underscore joins the syllables of a word.
func keySet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(s) {
		syl := strings.Split(w, "_")
		for i := range syl {
			syl[i] = key(syl[i])
		}
		set[strings.Join(syl, " ")] = true
	}
	return set
}

// Punctuation classes, by where a break may go around them.
const (
	clauseMarks = ",;:.!?…"     // a break after them is Ideal
	openMarks   = "([{“‘«\"'„‹" // a break after them is Keep, before them Phrase
	closeMarks  = ")]}”’»\"'›"  // a break before them is Keep, after them Phrase
	dashMarks   = "-‐‑‒–—―"     // standing alone: a break before is Keep, after Ideal
	unitMarks   = "%‰‱°"        // standing alone: a break before is Keep
)
