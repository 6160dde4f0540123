package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"time"
)

// Limits that no real document reaches, past which goldmark itself becomes
// slow (some Markdown costs it quadratic time: 160 KB of "[a](" takes it
// half a minute, a list nested two thousand levels deep almost a minute).
// A document past them is refused with a message, instead of holding up
// the build and the live preview.
const (
	// MaxDepth is how deeply lists and quotes may nest: a real document
	// nests three or four levels.
	MaxDepth = 100
	// MaxLinkScan bounds the bytes goldmark reads looking for the ")"
	// after each "](" of a paragraph, summed: about half a second of its
	// time. A paragraph with a thousand closed links costs a hundred
	// thousand.
	MaxLinkScan = 50_000_000
	// Budget is the time one document may take to render. It stops what
	// the checks above do not foresee; a page of the campaign takes a
	// millisecond.
	Budget = 5 * time.Second
)

// Problem is a part of a document past loa's limits, at a byte offset of
// the source.
type Problem struct {
	Offset    int
	Msg, Hint string
}

// CheckLimits returns the parts of src past MaxDepth and MaxLinkScan, in
// one pass over its lines, before goldmark reads it.
func CheckLimits(src []byte) []Problem {
	var out []Problem
	if p, ok := checkDepth(src); !ok {
		out = append(out, p)
	}
	if p, ok := checkLinkScan(src); !ok {
		out = append(out, p)
	}
	return out
}

// checkDepth finds the first line whose lists and quotes nest deeper than
// MaxDepth, outside fenced code. A line's depth is counted from its
// indentation (two columns per level, tabs as four) and the markers that
// open containers at its start: "> ", "- ", "* ", "+ ", "1. ", "1) ".
func checkDepth(src []byte) (Problem, bool) {
	fence := []byte(nil)
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		line := src[off:end]
		trimmed := bytes.TrimLeft(line, " \t")
		switch {
		case fence != nil:
			if bytes.HasPrefix(trimmed, fence) {
				fence = nil
			}
		case bytes.HasPrefix(trimmed, []byte("```")), bytes.HasPrefix(trimmed, []byte("~~~")):
			fence = trimmed[:3]
		default:
			if d := depth(line); d > MaxDepth {
				return Problem{Offset: off, Msg: fmt.Sprintf("lists or quotes are nested %d levels deep here; loa reads at most %d", d, MaxDepth),
					Hint: "no document needs so many: check the indentation and the - and > at the start of the lines"}, false
			}
		}
		off = end + 1
	}
	return Problem{}, true
}

// depth estimates how deeply the containers of a line nest.
func depth(line []byte) int {
	cols, markers := 0, 0
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ':
			cols++
			i++
		case c == '\t':
			cols += 4
			i++
		case c == '>':
			markers++
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			markers++
			i += 2
		case '0' <= c && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && '0' <= line[j] && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && (line[j+1] == ' ' || line[j+1] == '\t') {
				markers++
				i = j + 2
				continue
			}
			return markers + cols/2
		default:
			return markers + cols/2
		}
	}
	return markers + cols/2
}

// checkLinkScan estimates, paragraph by paragraph, how much goldmark reads
// to find the end of each link destination: from every "](" to the next
// ")" of its paragraph, or to the paragraph's end when there is none.
func checkLinkScan(src []byte) (Problem, bool) {
	for start := 0; start < len(src); {
		end := bytes.Index(src[start:], []byte("\n\n"))
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		para := src[start:end]
		scan, first := 0, -1
		for i := 0; i+1 < len(para); {
			j := bytes.Index(para[i:], []byte("]("))
			if j < 0 {
				break
			}
			i += j + 2
			stop := bytes.IndexByte(para[i:], ')')
			if stop < 0 {
				stop = len(para) - i
				if first < 0 {
					first = start + i - 2
				}
			}
			if scan += stop; scan > MaxLinkScan {
				if first < 0 {
					first = start + i - 2
				}
				return Problem{Offset: first, Msg: "this paragraph has too many links opened with ]( and never closed for loa to read",
					Hint: "close each link as [text](address), or put such text in a code block"}, false
			}
		}
		start = end + 2
	}
	return Problem{}, true
}

// ErrSlow is what RenderWithin returns for a document that takes longer
// than its budget.
var ErrSlow = errors.New("the document takes too long to read")

// RenderWithin is Render with a time budget: past it, it returns ErrSlow
// and leaves the rendering to finish on its own, its result unused, so
// that one document can not hold up a build or the live preview. The
// options' hooks may then still run after RenderWithin has returned:
// what they write belongs to the abandoned rendering and must not be read.
func (r *Renderer) RenderWithin(src []byte, budget time.Duration, opts ...Option) (Result, error) {
	type result struct {
		res Result
		err error
	}
	done := make(chan result, 1) // never blocks the abandoned rendering
	go func() {
		res, err := r.Render(src, opts...)
		done <- result{res, err}
	}()
	timer := time.NewTimer(budget)
	defer timer.Stop()
	select {
	case d := <-done:
		return d.res, d.err
	case <-timer.C:
		return Result{}, ErrSlow
	}
}
