// Package vnbreak breaks Vietnamese text into lines: the one line breaker
// of loa, for banners and panels (package fit), titles, share cards and
// slides.
//
// Vietnamese writes a space between the syllables of a word ("khoa học",
// "chuyển đổi số"), so a space is not a word boundary, and a line broken
// at any space splits words: "AN | NINH", "KHOA | HỌC". The package does it
// in two steps.
//
// Analyze finds the words and gives each gap between two parts a Cost: 0
// after a comma, colon or dash, 2 before a phrase ("và", "của", "là"...),
// 4 between words, 5 between syllables it does not know, 30 after a word
// that leans on the next ("của |", "các |"), 40 between the words of a
// fixed term ("đổi mới | sáng tạo"), and Keep inside a word, a name, a
// number with its unit ("30 %", "năm 2030", "Nghị quyết 57-NQ/TW"), and
// before a last syllable that would stand alone. Costs are in percent of
// the font size a fitter gives up to avoid the break.
//
// Layout then picks where the lines end, exactly, by dynamic programming:
// fit maximises the font size less the break costs, Balance (for text set
// at a size chosen beforehand) the fewest lines and then the shortest
// widest line, lengthened by the break costs. Both break only where Analyze
// allows, at every forced break, and inside a word only when the whole text
// is one word.
//
// # Words
//
// Words come from a lexicon (words.txt, names.txt: about 3,000 compound
// words and fixed terms of public-administration Vietnamese and 150 proper
// names, written for loa, no third-party list; see Default). The syllables
// are split into the fewest words that are entries or single syllables,
// ignoring case (banners are in capitals), NFC or NFD, and the old or new
// place of the tone mark ("hoá", "hóa"). A syllable in no entry is a word
// of its own, and a break between two such syllables costs Loose, a little
// more than Word, as they may be a word the lexicon lacks. In text with
// lower-case letters, two capitalised syllables side by side are taken as
// a name the lexicon lacks ("Tô Lâm") and kept together. A site may add
// its own words and names with Lexicon.With.
//
// # What an editor controls
//
//   - A no-break space (U+00A0, also U+202F) joins two syllables into one
//     part, which never breaks: "Tô Lâm" typed with U+00A0.
//   - A line feed forces a break: in a TOML title, "Người dân và doanh
//     nghiệp\nlà trung tâm" (a basic string with \n, or a multi-line
//     string) is set on two lines at least; the text between forced breaks
//     may break further where it allows. An editor who wants exactly her
//     lines writes every break and joins the rest with no-break spaces. A
//     separate list of lines (a "lines" field) is passed joined with "\n".
//   - Where the browser sets the lines (web titles), Text.Glued returns the
//     text with U+00A0 in every gap that must not break, for CSS
//     text-wrap: balance.
//
// Text, the result of Analyze, is plain data: a caller may raise or lower
// costs before handing it to Layout or BalanceText.
package vnbreak
