// Package frontmatter splits a content file into its TOML front matter and
// its Markdown body, and decodes TOML with positions an editor can act on.
//
// A content file looks like this:
//
//	+++
//	title = "Nghị quyết 57 là gì?"
//	weight = 1
//	+++
//
//	Markdown body...
//
// Line numbers are kept: Doc records where the front matter and the body
// start in the file, so errors found later point at the file's own lines.
package frontmatter

import (
	"bytes"

	"loa/internal/diag"
)

// Doc is a content file split into its parts.
type Doc struct {
	Front     []byte // TOML between the +++ lines, without them
	FrontLine int    // line of the file where Front starts (1-based)
	Body      []byte // Markdown after the closing +++
	BodyLine  int    // line of the file where Body starts (1-based)
}

const delim = "+++"

// Split separates front matter from body. src must already be UTF-8 with LF
// line endings (see Normalize). A file without front matter is returned as
// all body, with Front nil; a front matter that is opened but never closed,
// or written in YAML, is an error with the line to fix. The +++ lines may
// be indented or followed by blanks: a line that is only +++ can mean
// nothing else, and an editor can not see the spaces before it.
func Split(path string, src []byte) (Doc, error) {
	rest, line := src, 1
	// Blank lines before the opening +++ are harmless; skip them.
	for {
		l, next := cutLine(rest)
		if len(bytes.TrimSpace(l)) != 0 || next == nil {
			break
		}
		rest, line = next, line+1
	}
	first, after := cutLine(rest)
	switch string(bytes.TrimSpace(first)) {
	case delim:
	case "---":
		return Doc{}, diag.At(path, line, 1, "front matter in YAML (---) is not supported").
			WithHint("write it in TOML between +++ lines, e.g. +++ / title = \"...\" / +++")
	default:
		return Doc{Body: src, BodyLine: 1}, nil
	}
	open := line
	front, frontLine := after, line+1
	rest, line = after, line+1
	for rest != nil {
		l, next := cutLine(rest)
		if string(bytes.TrimSpace(l)) == delim {
			return Doc{
				Front:     front[:len(front)-len(rest)],
				FrontLine: frontLine,
				Body:      orEmpty(next),
				BodyLine:  line + 1,
			}, nil
		}
		rest, line = next, line+1
	}
	return Doc{}, diag.At(path, open, 1, "front matter opened with +++ is never closed").
		WithHint("add a line with only +++ after the last front matter key")
}

// cutLine returns the first line of b without its newline, and the rest
// after the newline; rest is nil when b has no newline.
func cutLine(b []byte) (line, rest []byte) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return b, nil
	}
	return b[:i], b[i+1:]
}

func orEmpty(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

// Normalize removes a UTF-8 byte order mark and turns CRLF and lone CR line
// endings into LF, as files saved by Windows editors need. It returns src
// itself when there is nothing to change.
func Normalize(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\r' {
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		out = append(out, c)
	}
	return out
}
