package pdfx

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Problem is one thing in the input PDF that a PDF/X-1a file can not
// have, with where it is, so that the caller can say which layout or
// style made it.
type Problem struct {
	Page  int    // page number, from 1; 0 for the document as a whole
	Where string // "content", "form /X5", "image /Im0", "font /F10", "annotation 1"
	Op    string // the content-stream operator, "rg", "gs", "" if none
	Color string // the colour, "#cc0000", when the problem is a colour
	Count int    // how many times it occurs there
	Msg   string // what is wrong, and the way out
}

func (p Problem) String() string {
	var b strings.Builder
	if p.Page > 0 {
		fmt.Fprintf(&b, "page %d, ", p.Page)
	}
	b.WriteString(p.Where)
	if p.Op != "" {
		fmt.Fprintf(&b, ", operator %s", p.Op)
	}
	b.WriteString(": ")
	b.WriteString(p.Msg)
	if p.Count > 1 {
		fmt.Fprintf(&b, " (%d times)", p.Count)
	}
	return b.String()
}

// Error is what Convert returns when the input has problems: all of them,
// in page order.
type Error struct {
	Problems []Problem
}

func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return "not convertible to PDF/X-1a:\n" + strings.Join(lines, "\n")
}

// Colors returns the colours that are not in the palette, each once.
func (e *Error) Colors() []string {
	var out []string
	for _, p := range e.Problems {
		if p.Color != "" && !slices.Contains(out, p.Color) {
			out = append(out, p.Color)
		}
	}
	slices.Sort(out)
	return out
}

// problems collects problems, counting repeats of the same one.
type problems struct {
	list []Problem
}

func (ps *problems) add(p Problem) {
	for i := range ps.list {
		q := &ps.list[i]
		if q.Page == p.Page && q.Where == p.Where && q.Op == p.Op && q.Color == p.Color && q.Msg == p.Msg {
			q.Count++
			return
		}
	}
	p.Count = 1
	ps.list = append(ps.list, p)
}

// err returns the problems as an *Error, sorted by page, or nil.
func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	list := slices.Clone(ps.list)
	slices.SortStableFunc(list, func(a, b Problem) int { return cmp.Compare(a.Page, b.Page) })
	return &Error{Problems: list}
}
