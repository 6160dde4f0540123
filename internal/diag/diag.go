// Package diag carries the problems loa finds in a site as values, so that a
// build can collect all of them, sort them and print them together in the
// form editors and their tools understand:
//
//	content/hoi-dap/x.md:3:1: unknown front matter key "titel"
//		hint: did you mean "title"?
//
// A Diagnostic is a user's mistake (bad input), never an internal failure;
// those are ordinary errors. Its Severity says whether it stops the build
// (an error) or is only shown (a warning); both travel the same way.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Diagnostic is one problem at one place in the site.
type Diagnostic struct {
	Path     string // slash-separated, relative to the site folder
	Line     int    // 1-based; 0 when the problem concerns the whole file
	Col      int    // 1-based, in characters; 0 when unknown
	Msg      string // what is wrong, lower-case, no final period
	Hint     string // what to do about it; may be empty
	Severity Severity
}

// Severity says what a problem does to a build.
type Severity uint8

const (
	// SeverityError stops the build: nothing is published. It is the zero
	// value, so that a problem is an error unless said otherwise.
	SeverityError Severity = iota
	// SeverityWarning is shown with the errors, in the same form, but the
	// build goes on.
	SeverityWarning
)

// String formats d as "path:line:col: message" ("path:line:col: warning:
// message" for a warning), followed by the hint on an indented line of its
// own. Control and invisible characters of the path, the message and the
// hint are escaped (see Printable), so that what a file is named or holds
// can not act on the terminal.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(Printable(d.Path))
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	b.WriteString(": ")
	if d.Severity == SeverityWarning {
		b.WriteString("warning: ")
	}
	b.WriteString(printable(d.Msg, true))
	if d.Hint != "" {
		b.WriteString("\n\thint: ")
		b.WriteString(printable(d.Hint, true))
	}
	return b.String()
}

// At returns a Diagnostic at path:line:col with a formatted message.
func At(path string, line, col int, format string, args ...any) Diagnostic {
	return Diagnostic{Path: path, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// Warn returns a warning at path:line:col with a formatted message.
func Warn(path string, line, col int, format string, args ...any) Diagnostic {
	d := At(path, line, col, format, args...)
	d.Severity = SeverityWarning
	return d
}

// AsWarning returns d as a warning.
func (d Diagnostic) AsWarning() Diagnostic {
	d.Severity = SeverityWarning
	return d
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
		cmp.Compare(a.Hint, b.Hint),
		cmp.Compare(a.Severity, b.Severity),
	)
}

// Errors returns the number of errors in l, warnings left out.
func (l List) Errors() int {
	n := 0
	for _, d := range l {
		if d.Severity == SeverityError {
			n++
		}
	}
	return n
}

// ErrorsOnly returns the errors of l, warnings left out.
func (l List) ErrorsOnly() List {
	var out List
	for _, d := range l {
		if d.Severity == SeverityError {
			out = append(out, d)
		}
	}
	return out
}

// Warnings returns the warnings of l.
func (l List) Warnings() List {
	var out List
	for _, d := range l {
		if d.Severity == SeverityWarning {
			out = append(out, d)
		}
	}
	return out
}

// Err returns l as an error when it holds at least one error, or nil when
// it holds none (warnings only, or nothing). The error carries the
// warnings too, so that they are printed with the errors.
func (l List) Err() error {
	if l.Errors() == 0 {
		return nil
	}
	return &Error{List: l.Sort()}
}

// Error is a List holding at least one error, used as an error value, so
// that callers can recover the individual diagnostics with errors.As.
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
