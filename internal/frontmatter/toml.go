package frontmatter

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"loa/internal/diag"
)

// Meta says which keys a decoded TOML text defines. It stands for the TOML
// library's own type, so that no other package depends on that library.
type Meta struct{ md toml.MetaData }

// IsDefined reports whether the key, given as its parts ("home", "full"),
// is set in the text.
func (m Meta) IsDefined(key ...string) bool { return m.md.IsDefined(key...) }

// Undecoded returns the keys of the text that no field received, in the
// order written, each as its parts; a key inside an unknown table is left
// out, the table itself is reported.
func (m Meta) Undecoded() [][]string {
	var out [][]string
	for _, k := range m.md.Undecoded() {
		inUnknown := false
		for _, o := range out {
			if len(o) < len(k) && equal(o, k[:len(o)]) {
				inUnknown = true
				break
			}
		}
		if !inUnknown {
			out = append(out, []string(k))
		}
	}
	return out
}

// DecodeTOML decodes the TOML text data, which starts at line firstLine of
// the file path, into v. A syntax or type error becomes a diag.Diagnostic
// at the file's own line and column, in an editor's words, with a hint for
// mistakes editors make: curly quotes pasted from Word, "key: value" written
// as in YAML, accents or a no-break space in a key.
func DecodeTOML(path string, data []byte, firstLine int, v any) (Meta, error) {
	md, err := toml.Decode(string(data), v)
	if err == nil {
		return Meta{md}, nil
	}
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return Meta{md}, typeError(path, data, firstLine, err)
	}
	line, col := position(data, pe.Position)
	d := diag.At(path, firstLine+line-1, col, "invalid TOML: %s", lowerFirst(pe.Message))
	d.Hint = tomlHint(data, line)
	if p, ok := plain(data, firstLine, pe, line, col, v); ok {
		d.Msg = p.msg
		if p.hint != "" {
			d.Hint = p.hint
		}
		if p.line > 0 {
			d.Line, d.Col = firstLine+p.line-1, p.col
		}
	}
	return Meta{md}, d
}

// typeErrorRE matches the errors toml.Decode returns for a value of the
// wrong type, which carry a line but are not ParseErrors.
var typeErrorRE = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)

// typeNames says in an editor's words what each TOML value and each Go
// destination type is, as the TOML library names them.
var typeNames = map[string]string{
	"string": "text in quotes", "integer": "a whole number", "int64": "a whole number",
	"float": "a number", "float64": "a decimal number",
	"bool": "true or false", "boolean": "true or false",
	"array": "a list [ ... ]", "slice": "a list [ ... ]", "[]any": "a list [ ... ]", "[]interface {}": "a list [ ... ]",
	"table": "a table { ... }", "struct": "a table { ... }", "map": "a table { ... }",
	"map[string]any": "a table { ... }", "map[string]interface {}": "a table { ... }",
	"datetime": "a date", "time.Time": "a date",
}

// typeHints shows the form a value of each destination type takes.
var typeHints = map[string]string{
	"slice":   `write a list in square brackets: %s = ["a", "b"]`,
	"integer": `write a whole number without quotes: %s = 3`,
	"boolean": `write %s = true or %s = false, without quotes`,
	"string":  `put text in straight quotes: %s = "..."`,
}

var rangeRE = regexp.MustCompile(`^(\S+) is out of range for (int64|int|int32|uint64|float64)$`)

func typeError(path string, data []byte, firstLine int, err error) diag.Diagnostic {
	m := typeErrorRE.FindStringSubmatch(err.Error())
	if m == nil {
		return diag.At(path, firstLine, 0, "invalid TOML: %v", err)
	}
	line, _ := strconv.Atoi(m[1])
	key := m[2]
	short := key[strings.LastIndexByte(key, '.')+1:]
	msg, hint := m[3], ""
	var have, want string
	if _, err := fmt.Sscanf(strings.ReplaceAll(msg, ";", " ;"), "incompatible types: TOML value has type %s ; destination has type %s", &have, &want); err == nil {
		msg = fmt.Sprintf("%s must be %s, not %s", short, nameOf(want), nameOf(have))
		if h, ok := typeHints[want]; ok {
			hint = strings.ReplaceAll(h, "%s", short)
		}
	} else if r := rangeRE.FindStringSubmatch(msg); r != nil {
		msg = fmt.Sprintf("%s = %s is too large a number", short, r[1])
	}
	d := diag.At(path, firstLine+line-1, 0, "%s", msg)
	d.Hint = hint
	// The key as written on that line or, for a value spread over lines
	// (an array of inline tables), the first one after it.
	for _, k := range Keys(data) {
		if !k.Header && equal(k.Path, strings.Split(key, ".")) && k.Line >= line {
			d.Line, d.Col = firstLine+k.Line-1, k.Col
			break
		}
	}
	return d
}

func nameOf(t string) string {
	t = strings.TrimSuffix(t, ",")
	if n, ok := typeNames[t]; ok {
		return n
	}
	switch {
	case strings.HasPrefix(t, "[]"):
		return "a list [ ... ]"
	case strings.HasPrefix(t, "map["):
		return "a table { ... }"
	}
	return t
}

// position turns a toml position into a line and a column in characters,
// which is what editors show. Both come from the byte offset: toml's own
// line is the one after the offending character when that character is a
// line end, and its column counts bytes.
func position(data []byte, p toml.Position) (line, col int) {
	start := min(max(p.Start, 0), len(data))
	if p.Start == 0 && p.Line > 1 {
		// No offset: only the line is known.
		return p.Line, 1
	}
	// toml may point at the blank before the offending token: move onto it.
	for start < len(data) && (data[start] == ' ' || data[start] == '\t') {
		start++
	}
	line = bytes.Count(data[:start], []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(data[:start], '\n') + 1
	return line, utf8.RuneCount(data[lineStart:start]) + 1
}

// tomlHint guesses the cause of a TOML error from the offending line.
func tomlHint(data []byte, line int) string {
	lines := strings.Split(string(data), "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	l := lines[line-1]
	switch {
	case strings.ContainsAny(l, "“”„‟″"):
		return `replace the curly quotes “ ” with straight quotes "`
	case strings.ContainsAny(l, "‘’"):
		return `replace the curly quotes ‘ ’ with straight quotes ' or "`
	case isYAMLLine(l):
		return `front matter is TOML: write key = "value", not key: value`
	case strings.Count(l, `"`)%2 == 1:
		return `a text value needs a closing quote "`
	case isBareText(l):
		return `put text values in straight quotes: key = "value"`
	}
	return ""
}

func isYAMLLine(l string) bool {
	key, _, ok := strings.Cut(l, ":")
	return ok && !strings.Contains(key, "=") && strings.TrimSpace(key) != "" &&
		!strings.ContainsAny(strings.TrimSpace(key), " \"'")
}

// isBareText reports whether l assigns a value that is neither quoted nor a
// TOML number, boolean, date, array or table: text someone forgot to quote.
func isBareText(l string) bool {
	_, v, ok := strings.Cut(l, "=")
	v = strings.TrimSpace(v)
	if !ok || v == "" {
		return false
	}
	switch c := v[0]; {
	case strings.IndexByte(`"'[{+-`, c) >= 0, '0' <= c && c <= '9':
		return false
	}
	for _, word := range []string{"true", "false", "inf", "nan"} {
		if v == word || strings.HasPrefix(v, word+" ") || strings.HasPrefix(v, word+"#") {
			return false
		}
	}
	return true
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r >= 'A' && r <= 'Z' {
		return string(r+'a'-'A') + s[n:]
	}
	return s
}

// Errorf returns a diagnostic at the line where the key (dotted from the
// top: "print.bleed_mm") is set in the TOML text data, which starts at line
// firstLine of path. A key that is not written points at the line before
// the text, where a content file's front matter opens.
func Errorf(path string, data []byte, firstLine int, key, format string, args ...any) diag.Diagnostic {
	line, col, ok := Find(data, firstLine, strings.Split(key, "."), 1)
	if !ok {
		line, col = max(firstLine-1, 1), 1
	}
	return diag.At(path, line, col, "%s", fmt.Sprintf(format, args...))
}

// Unknown returns a diagnostic for every key in md that was not decoded into
// v's struct type, at the place it is written, with a "did you mean" hint
// naming the closest field of the same table. Keys of inline tables and
// arrays of tables are checked against the struct fields they decode into.
func Unknown(path string, data []byte, firstLine int, md Meta, v any) []diag.Diagnostic {
	var ds []diag.Diagnostic
	seen := map[string]int{}
	for _, key := range md.Undecoded() {
		name := key[len(key)-1]
		joined := strings.Join(key, ".")
		seen[joined]++
		line, col, ok := Find(data, firstLine, key, seen[joined])
		if !ok {
			line, col = max(firstLine-1, 1), 1
		}
		d := diag.At(path, line, col, "unknown key %q", joined)
		known := FieldNames(reflect.TypeOf(v), key[:len(key)-1])
		if s := diag.Suggest(name, known); s != "" {
			d.Hint = fmt.Sprintf("did you mean %q?", s)
		} else if len(known) > 0 {
			d.Hint = "known keys here: " + strings.Join(known, ", ")
		}
		ds = append(ds, d)
	}
	return ds
}

// FieldNames lists the TOML keys of the struct reached from t by following
// the table path, or nil if the path does not lead to a struct.
func FieldNames(t reflect.Type, path []string) []string {
	t = elem(t)
	for _, p := range path {
		if t.Kind() != reflect.Struct {
			return nil
		}
		f, ok := fieldByKey(t, p)
		if !ok {
			return nil
		}
		t = elem(f.Type)
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	var names []string
	for f := range t.Fields() {
		if name := keyOf(f); name != "" {
			names = append(names, name)
		}
	}
	return names
}

// elem unwraps pointers, slices and arrays down to their element type.
func elem(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	return t
}

func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	for f := range t.Fields() {
		if keyOf(f) == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// keyOf returns the TOML key of a struct field, as BurntSushi/toml does
// for the tags loa uses (a name, or "-" to skip).
func keyOf(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	switch tag {
	case "-":
		return ""
	case "":
		return strings.ToLower(f.Name)
	}
	return tag
}
