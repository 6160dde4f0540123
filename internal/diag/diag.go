// Package diag carries the problems loa finds in a site as values, so that a
// build can collect all of them, sort them and print them together in the
// form editors and their tools understand:
//
//	content/hoi-dap/x.md:3:1: unknown front matter key "titel"
//		hint: did you mean "title"?
//
// A Diagnostic is a user's mistake (bad input), never an internal failure;
// those are ordinary errors.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Diagnostic is one problem at one place in the site.
type Diagnostic struct {
	Path string // slash-separated, relative to the site folder
	Line int    // 1-based; 0 when the problem concerns the whole file
	Col  int    // 1-based, in characters; 0 when unknown
	Msg  string // what is wrong, lower-case, no final period
	Hint string // what to do about it; may be empty
}

// String formats d as "path:line:col: message", followed by the hint on an
// indented line of its own.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Path)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(d.Msg)
	if d.Hint != "" {
		b.WriteString("\n\thint: ")
		b.WriteString(d.Hint)
	}
	return b.String()
}

// At returns a Diagnostic at path:line:col with a formatted message.
func At(path string, line, col int, format string, args ...any) Diagnostic {
	return Diagnostic{Path: path, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// WithHint returns d with a formatted hint.
func (d Diagnostic) WithHint(format string, args ...any) Diagnostic {
	d.Hint = fmt.Sprintf(format, args...)
	return d
}

// List is a set of diagnostics. The zero List is empty and ready to use.
type List []Diagnostic

// Add appends diagnostics to l.
func (l *List) Add(ds ...Diagnostic) { *l = append(*l, ds...) }

// Sort orders l by path, line and column, and drops exact duplicates, so
// that output is stable whatever order parallel workers found things in.
func (l List) Sort() List {
	slices.SortStableFunc(l, compare)
	return slices.Compact(l)
}

func compare(a, b Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col),
		cmp.Compare(a.Msg, b.Msg),
	)
}

// Err returns l as an error, or nil when l is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return &Error{List: l.Sort()}
}

// Error is a non-empty List used as an error value, so that callers can
// recover the individual diagnostics with errors.As.
type Error struct {
	List List
}

func (e *Error) Error() string {
	lines := make([]string, len(e.List))
	for i, d := range e.List {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// Error makes a single Diagnostic usable as an error.
func (d Diagnostic) Error() string { return d.String() }
