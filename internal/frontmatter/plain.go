package frontmatter

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"loa/internal/vntext"
)

// plainMsg is a TOML syntax error said in an editor's words.
type plainMsg struct {
	msg, hint string
	line, col int // where to point instead of the library's place; 0 to keep it
}

var (
	controlRE   = regexp.MustCompile(`^TOML files cannot contain control characters: '0x([0-9a-fA-F]+)'`)
	definedRE   = regexp.MustCompile(`^Key '(.*)' has already been defined\.$`)
	datetimeRE  = regexp.MustCompile(`^invalid datetime: "(.*)"`)
	leadZeroRE  = regexp.MustCompile(`^Invalid integer "(.*)": cannot have leading zeroes`)
	escapeRE    = regexp.MustCompile(`^invalid escape in string '(.*)'`)
	dayFirstRE  = regexp.MustCompile(`^\s*([A-Za-z0-9_.-]+)\s*=\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*(#.*)?$`)
	floatJunkRE = regexp.MustCompile(`^Invalid float value: "(.*)"`)
)

// plain rewrites the TOML library's message for the error pe, found at
// line:col of data (1-based, in characters), in words an editor can act on.
// v is the value decoded into, whose fields are the keys the text may
// have. ok is false for messages left as the library wrote them.
func plain(data []byte, firstLine int, pe toml.ParseError, line, col int, v any) (plainMsg, bool) {
	text := lineOf(data, line)
	at := runeAt(text, col)
	msg := pe.Message
	switch {
	case strings.HasPrefix(msg, "expected end of table array name delimiter"):
		return plainMsg{msg: fmt.Sprintf("the table name %s needs a closing ]]", strings.TrimSpace(text)),
			hint: "an array of tables is written [[name]], with two brackets on each side"}, true
	case strings.HasPrefix(msg, "expected end of table name delimiter"):
		return plainMsg{msg: fmt.Sprintf("the table name %s needs a closing ]", strings.TrimSpace(text)),
			hint: "a table is written [name]"}, true
	case controlRE.MatchString(msg):
		code, _ := strconv.ParseUint(controlRE.FindStringSubmatch(msg)[1], 16, 32)
		c, _ := vntext.InvisibleRune(rune(code))
		if c.Name == "" {
			c = vntext.Invisible{Rune: rune(code), Name: "a control character"}
		}
		p := plainMsg{msg: fmt.Sprintf("the text holds %s, which can not be seen", c),
			hint: "delete it: put the cursor just after it and press Backspace (it comes with text copied from some programs and PDFs)"}
		if i := strings.IndexRune(text, rune(code)); i >= 0 {
			// The library's offset can miss it by a character.
			p.line, p.col = line, utf8.RuneCountInString(text[:i])+1
		}
		return p, true
	case strings.HasPrefix(msg, "expected '.' or '=', but got"):
		return badKey(text, line, col, at, v, keyTable(data, line))
	case strings.HasPrefix(msg, "expected a top-level item to end with a newline"):
		if m := dayFirstRE.FindStringSubmatch(text); m != nil {
			iso := fmt.Sprintf("%s-%s-%s", m[4], pad(m[3]), pad(m[2]))
			return plainMsg{msg: fmt.Sprintf("%s = %s/%s/%s is not a date TOML can read", m[1], m[2], m[3], m[4]),
				hint: fmt.Sprintf("write it year-month-day: %s = %s", m[1], iso)}, true
		}
		if h := tomlHint(data, line); h != "" {
			return plainMsg{}, false
		}
		return plainMsg{msg: fmt.Sprintf("expected the end of the line after the value, but found %s", quoteRune(at)),
			hint: "write one key = value per line"}, true
	case definedRE.MatchString(msg):
		key := definedRE.FindStringSubmatch(msg)[1]
		p := plainMsg{msg: fmt.Sprintf("%q is set twice", key), hint: "keep one of them"}
		if l, _, ok := Find(data, 1, strings.Split(key, "."), 1); ok && l < line {
			l += firstLine - 1
			p.hint = fmt.Sprintf("keep one of them: it is also set at line %d", l)
		}
		return p, true
	case msg == "strings cannot contain newlines":
		return plainMsg{msg: "the text in quotes is not closed on its line",
			hint: `add the closing quote " at the end of the text; a text on several lines is written between """ and """`}, true
	case strings.HasPrefix(msg, "expected value but found '\\n'"):
		return plainMsg{msg: "a value is missing after =",
			hint: `write key = "text", a number, true or false`}, true
	case datetimeRE.MatchString(msg):
		return plainMsg{msg: fmt.Sprintf("%s is not a date", datetimeRE.FindStringSubmatch(msg)[1]),
			hint: "write dates year-month-day, e.g. 2025-02-25"}, true
	case leadZeroRE.MatchString(msg):
		n := leadZeroRE.FindStringSubmatch(msg)[1]
		return plainMsg{msg: fmt.Sprintf("%s: a number can not start with 0", n),
			hint: fmt.Sprintf(`write %s, or put it in quotes: "%s"`, strings.TrimLeft(n, "0"), n)}, true
	case floatJunkRE.MatchString(msg):
		return plainMsg{msg: fmt.Sprintf("%s is not a number", floatJunkRE.FindStringSubmatch(msg)[1]),
			hint: `put text in straight quotes: key = "value"`}, true
	case rangeRE.MatchString(msg):
		return plainMsg{msg: fmt.Sprintf("%s is too large a number", rangeRE.FindStringSubmatch(msg)[1])}, true
	case strings.HasPrefix(msg, "expected a comma (',') or array terminator (']')"):
		return plainMsg{msg: "the list [ ... ] is not closed", hint: "add ] after its last value"}, true
	case strings.HasPrefix(msg, "expected a comma or an inline table terminator '}'"):
		return plainMsg{msg: "the table { ... } is not closed on its line",
			hint: "add } after its last value; a table { ... } is written on one line"}, true
	case strings.HasPrefix(msg, "unexpected '=': key name appears blank"):
		return plainMsg{msg: "a key is missing before =", hint: `write key = value, e.g. title = "..."`}, true
	case escapeRE.MatchString(msg):
		e := escapeRE.FindStringSubmatch(msg)[1]
		return plainMsg{msg: fmt.Sprintf(`%s is not allowed in text in double quotes`, e),
			hint: `write \\ for a backslash, or use single quotes: 'C:\thư mục'`}, true
	}
	return plainMsg{}, false
}

// badKey explains a key that TOML can not read: an accented letter, or an
// invisible character such as a no-break space after it.
func badKey(text string, line, col int, at rune, v any, table []string) (plainMsg, bool) {
	word, start := keyWord(text, col)
	if c, ok := vntext.InvisibleRune(at); ok {
		return plainMsg{msg: fmt.Sprintf("after the key %q there is %s, which TOML does not read as a space", strings.TrimSpace(word), c),
			hint: "delete it and type an ordinary space (Word and web pages paste such characters)"}, true
	}
	if at >= utf8.RuneSelf && unicode.IsLetter(at) {
		p := plainMsg{msg: fmt.Sprintf("%q can not be a key: keys are written in Latin letters without accents, digits, _ and -", word),
			line: line, col: start}
		if known := FieldNames(reflect.TypeOf(v), table); len(known) > 0 {
			p.hint = "the keys here are: " + strings.Join(known, ", ")
		}
		return p, true
	}
	return plainMsg{}, false
}

// keyWord returns the word of text around the column col (the key being
// written, up to the first blank or =) and the column it starts at.
func keyWord(text string, col int) (string, int) {
	runes := []rune(text)
	i := min(max(col-1, 0), len(runes))
	start, end := i, i
	for start > 0 && !isKeyEnd(runes[start-1]) {
		start--
	}
	for end < len(runes) && !isKeyEnd(runes[end]) {
		end++
	}
	return string(runes[start:end]), start + 1
}

func isKeyEnd(r rune) bool {
	if _, invisible := vntext.InvisibleRune(r); invisible || unicode.IsSpace(r) {
		return true
	}
	return r == '=' || r == '.' || r == '[' || r == ']' || r == '"' || r == '\''
}

// keyTable returns the table whose keys are written at line: the last
// table header before it.
func keyTable(data []byte, line int) []string {
	var table []string
	for _, k := range Keys(data) {
		if k.Line >= line {
			break
		}
		if k.Header {
			table = k.Path
		}
	}
	return table
}

// lineOf returns line n (1-based) of data without its newline.
func lineOf(data []byte, n int) string {
	lines := strings.Split(string(data), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

// runeAt returns the character at column col (1-based) of text, or '\n'
// past its end.
func runeAt(text string, col int) rune {
	i := 0
	for _, r := range text {
		if i++; i == col {
			return r
		}
	}
	return '\n'
}

// quoteRune shows a character in a message, spelling out the invisible
// ones and the end of the line.
func quoteRune(r rune) string {
	if r == '\n' {
		return "the end of the line"
	}
	if c, ok := vntext.InvisibleRune(r); ok {
		return c.String()
	}
	return fmt.Sprintf("'%c'", r)
}

func pad(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}
