package asset

import (
	"bytes"
	"path"
	"strings"
)

// Rewrite returns the style sheet css, published at the output path at,
// with every url(...) that leads to a file of names (plain output path →
// fingerprinted output path) leading to its fingerprinted name instead.
// Quoted and bare URLs are both rewritten, in the quoting they had; a
// query or fragment is kept; absolute URLs, data: URLs and references to
// other files are left as they are. Comments are skipped. The result is
// css itself when nothing changed.
func Rewrite(css []byte, at string, names map[string]string) []byte {
	if len(names) == 0 || !bytes.Contains(bytes.ToLower(css), []byte("url(")) {
		return css
	}
	dir := path.Dir(at)
	var out []byte
	last := 0 // css[last:] is not copied yet
	for i := 0; i < len(css); {
		switch {
		case bytes.HasPrefix(css[i:], []byte("/*")):
			end := bytes.Index(css[i+2:], []byte("*/"))
			if end < 0 {
				i = len(css)
				continue
			}
			i += end + 4
		case css[i] == '"' || css[i] == '\'':
			i = skipString(css, i)
		case hasURL(css, i):
			start, end, ok := urlArg(css, i+4)
			if !ok {
				i += 4
				continue
			}
			ref := string(css[start:end])
			if repl, ok := rewriteRef(ref, dir, names); ok {
				out = append(out, css[last:start]...)
				out = append(out, repl...)
				last = end
			}
			i = end
		default:
			i++
		}
	}
	if out == nil {
		return css
	}
	return append(out, css[last:]...)
}

// hasURL reports whether a url( token starts at i, not as the end of a
// longer name.
func hasURL(css []byte, i int) bool {
	if i+4 > len(css) || !bytes.EqualFold(css[i:i+4], []byte("url(")) {
		return false
	}
	if i > 0 {
		c := css[i-1]
		if c == '-' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			return false
		}
	}
	return true
}

// urlArg finds the URL inside url( ... ) whose text starts at i: the
// bytes between the quotes, or the bare URL without its spaces.
func urlArg(css []byte, i int) (start, end int, ok bool) {
	for i < len(css) && isSpace(css[i]) {
		i++
	}
	if i >= len(css) {
		return 0, 0, false
	}
	if q := css[i]; q == '"' || q == '\'' {
		end := skipString(css, i)
		if end > len(css) || end-1 <= i || css[end-1] != q {
			return 0, 0, false
		}
		return i + 1, end - 1, true
	}
	start = i
	for i < len(css) && css[i] != ')' && !isSpace(css[i]) {
		if css[i] == '"' || css[i] == '\'' || css[i] == '(' || css[i] == '\\' {
			return 0, 0, false // not a plain bare URL: leave it alone
		}
		i++
	}
	end = i
	for i < len(css) && isSpace(css[i]) {
		i++
	}
	if i >= len(css) || css[i] != ')' {
		return 0, 0, false
	}
	return start, end, true
}

// skipString returns the index just after the string that starts with the
// quote at i (or the end of the line or text, for one never closed).
func skipString(css []byte, i int) int {
	q := css[i]
	for i++; i < len(css); i++ {
		switch css[i] {
		case '\\':
			i++
		case q:
			return i + 1
		case '\n':
			return i
		}
	}
	return len(css)
}

// rewriteRef returns the reference ref, made from the folder dir, leading
// to the fingerprinted name of its file, if it has one.
func rewriteRef(ref, dir string, names map[string]string) (string, bool) {
	if ref == "" || strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "#") || strings.Contains(ref, ":") {
		return "", false
	}
	file, suffix := ref, ""
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		file, suffix = ref[:i], ref[i:]
	}
	target := path.Clean(path.Join(dir, file))
	name, ok := names[target]
	if !ok {
		return "", false
	}
	// The fingerprinted file is in the same folder as its plain copy, so
	// the reference keeps its folders and changes its last name only.
	base := path.Base(target)
	if !strings.HasSuffix(file, "/"+base) && file != base {
		return "", false // "a.woff2/", "a.woff2/.": not a plain reference
	}
	return file[:len(file)-len(base)] + path.Base(name) + suffix, true
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
