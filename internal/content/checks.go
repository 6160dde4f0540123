package content

import (
	"bytes"
	"fmt"
	"regexp"

	"loa/internal/diag"
	"loa/internal/vntext"
)

// MaxFileSize is the largest content file loa reads: 1 MiB, twenty times
// the longest page of the campaign, far beyond what any page holds. Past
// it a file is a mistake (a pasted export, a log) and would slow every
// build.
const MaxFileSize = 1 << 20

// checkSize refuses a file larger than MaxFileSize.
func checkSize(path string, data []byte) (diag.Diagnostic, bool) {
	if len(data) <= MaxFileSize {
		return diag.Diagnostic{}, true
	}
	return diag.At(path, 0, 0, "the file is %s; a content file may have at most %s", size(len(data)), size(MaxFileSize)).
		WithHint("split it into several pages, or put a file to download in static/"), false
}

func size(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", n>>10)
}

// checkUTF16 reports a file saved as UTF-16, which Windows Notepad and
// Word call "Unicode": every other byte of Latin text is zero.
func checkUTF16(path string, data []byte) (diag.Diagnostic, bool) {
	if !IsUTF16(data) {
		return diag.Diagnostic{}, true
	}
	return diag.At(path, 0, 0, `the file is saved as UTF-16 (what Notepad and Word call "Unicode"), not UTF-8`).
		WithHint(`run: loa fix-encoding %s (converts it, keeps a backup), or open it in Notepad, choose File > Save as, and pick the encoding "UTF-8"`, path), false
}

// IsUTF16 reports whether data looks like UTF-16 text: it starts with a
// UTF-16 byte order mark, or a zero byte is every other byte of its start,
// as Latin text and Vietnamese (whose letters are below U+2000) give.
func IsUTF16(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return true
	}
	n := min(len(data), 200) &^ 1
	if n < 4 {
		return false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	return (odd*4 >= half*3 && even == 0) || (even*4 >= half*3 && odd == 0)
}

// invisibleEffects says what an invisible character does to a page.
var invisibleEffects = map[rune]string{
	'\u202A': "it changes the direction of the text after it", '\u202B': "it changes the direction of the text after it",
	'\u202C': "it changes the direction of the text around it", '\u202D': "it changes the direction of the text after it",
	'\u202E': "it turns the text after it right to left", '\u2066': "it changes the direction of the text after it",
	'\u2067': "it changes the direction of the text after it", '\u2068': "it changes the direction of the text after it",
	'\u2069': "it changes the direction of the text around it", '\u200E': "it changes the direction of the text around it",
	'\u200F': "it changes the direction of the text around it", '\u061C': "it changes the direction of the text around it",
}

// maxInvisible is how many invisible characters of one file are reported
// one by one; more are counted in the last report.
const maxInvisible = 5

// checkInvisible reports the invisible characters of data (see
// vntext.FindInvisible): each reaches pages, banners and share cards
// unseen, reverses text or breaks search and line breaking.
func checkInvisible(path string, data []byte) []diag.Diagnostic {
	found := vntext.FindInvisible(string(data))
	var ds []diag.Diagnostic
	for i, c := range found {
		if i == maxInvisible {
			ds[len(ds)-1].Msg += fmt.Sprintf(" (and %d more in this file)", len(found)-maxInvisible)
			break
		}
		line, col := lineCol(data, c.Offset)
		effect, ok := invisibleEffects[c.Rune]
		if !ok {
			effect = "it can not be seen, yet it splits or joins words for search and line breaks"
		}
		ds = append(ds, diag.At(path, line, col, "invisible character: %s; %s", c, effect).
			WithHint("delete it: put the cursor at this column and press Delete (it comes with text copied from web pages and PDFs)"))
	}
	return ds
}

// dayFirstDate matches a date written day first without quotes, as the
// README shows it and editors type it: date = 25/02/2025. TOML can not
// read it; quoteDates quotes it, and the date check reads it as any text
// date.
var dayFirstDate = regexp.MustCompile(`(?m)^([ \t]*date[ \t]*=[ \t]*)(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})([ \t]*(?:#.*)?)$`)

// quoteDates puts quotes around an unquoted day-first date of front
// matter, so that date = 25/02/2025 is read as date = "25/02/2025".
func quoteDates(front []byte) []byte {
	if !bytes.Contains(front, []byte("date")) {
		return front
	}
	return dayFirstDate.ReplaceAll(front, []byte(`$1"$2"$3`))
}
