package frontmatter

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"loa/internal/diag"
)

// DecodeTOML decodes the TOML text data, which starts at line firstLine of
// the file path, into v. A syntax or type error becomes a diag.Diagnostic
// at the file's own line and column, with a hint for mistakes editors make:
// curly quotes pasted from Word, "key: value" written as in YAML.
func DecodeTOML(path string, data []byte, firstLine int, v any) (toml.MetaData, error) {
	md, err := toml.Decode(string(data), v)
	if err == nil {
		return md, nil
	}
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return md, diag.At(path, firstLine, 0, "invalid TOML: %v", err)
	}
	line, col := position(data, pe.Position)
	d := diag.At(path, firstLine+line-1, col, "invalid TOML: %s", lowerFirst(pe.Message))
	d.Hint = tomlHint(data, line)
	return md, d
}

// position turns a toml position into a line and a column in characters,
// which is what editors show; toml's own column counts bytes.
func position(data []byte, p toml.Position) (line, col int) {
	line = max(p.Line, 1)
	start := min(max(p.Start, 0), len(data))
	lineStart := strings.LastIndexByte(string(data[:start]), '\n') + 1
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

// KeyLine returns the line and column of the first line of data that
// assigns key (as `key =` or `"key" =`), so that problems found after
// decoding, such as an unknown key or a bad value, can point at it. It
// returns 0, 0 when the key is not found.
func KeyLine(data []byte, firstLine int, key string) (line, col int) {
	for i, l := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimLeft(l, " \t")
		for _, form := range []string{key, `"` + key + `"`, `'` + key + `'`} {
			rest, ok := strings.CutPrefix(trimmed, form)
			if ok && strings.HasPrefix(strings.TrimLeft(rest, " \t"), "=") {
				return firstLine + i, utf8.RuneCountInString(l[:len(l)-len(trimmed)]) + 1
			}
		}
	}
	return 0, 0
}

// Errorf is a convenience for a diagnostic at key in front matter data.
func Errorf(path string, data []byte, firstLine int, key, format string, args ...any) diag.Diagnostic {
	line, col := KeyLine(data, firstLine, key)
	if line == 0 {
		line = firstLine
	}
	return diag.At(path, line, col, "%s", fmt.Sprintf(format, args...))
}
