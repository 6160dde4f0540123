package bulletin

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"loa/internal/diag"
	"loa/internal/markdown"
	"loa/internal/pagesrc"
	"loa/internal/spoken"
)

// para is one paragraph of a bulletin, as written and as read aloud.
type para struct {
	kind    paraKind
	written string // as the editor wrote it: digits, abbreviations
	read    string // as the announcer reads it: no digit
	// Where the written text comes from, to report what could not be read:
	// runs map it to the body of src; without runs it is all at line:col.
	src       *pagesrc.Source
	runs      []markdown.Run
	line, col int
	problems  []spoken.Problem
}

// paraKind says what a paragraph is.
type paraKind uint8

const (
	formula paraKind = iota + 1 // the opening or closing formula
	title                       // a part's title: a viewpoint, a question
	heading                     // a heading inside a page's text
	text                        // a paragraph, a list item, a table row
)

// reader reads text aloud, remembering what it read: the same paragraph
// is read by the three files of each bulletin and again at every rebuild
// of the live preview. spoken's Reader is pure, so a remembered reading
// is the reading.
type reader struct {
	r     *spoken.Reader
	mu    sync.Mutex
	memo  map[string]spoken.Result
	times map[string]time.Duration // reading time of one paragraph, by rate and text
}

// maxMemo bounds what a reader remembers; past it, it forgets all.
const maxMemo = 20000

func (rd *reader) read(s string) spoken.Result {
	rd.mu.Lock()
	res, ok := rd.memo[s]
	rd.mu.Unlock()
	if ok {
		return res
	}
	res = rd.r.Read(s)
	rd.mu.Lock()
	if len(rd.memo) >= maxMemo {
		clear(rd.memo)
	}
	rd.memo[s] = res
	rd.mu.Unlock()
	return res
}

// time is how long one paragraph takes to read at rate, without pauses
// around it.
func (rd *reader) time(rate spoken.Rate, read string) time.Duration {
	key := fmt.Sprint(rate) + "\x00" + read
	rd.mu.Lock()
	d, ok := rd.times[key]
	rd.mu.Unlock()
	if ok {
		return d
	}
	d = spoken.Duration(read, rate)
	rd.mu.Lock()
	if rd.times == nil || len(rd.times) >= maxMemo {
		rd.times = map[string]time.Duration{}
	}
	rd.times[key] = d
	rd.mu.Unlock()
	return d
}

// make reads a paragraph's written text and gives it a pause at its end:
// a heading or a list item without final punctuation gets a full stop, so
// that the announcer stops there.
func (rd *reader) make(p para) para {
	res := rd.read(p.written)
	p.read = strings.TrimSpace(res.Text)
	p.problems = res.Problems
	if p.read != "" && !strings.ContainsAny(p.read[len(p.read)-1:], ".!?…:;,") {
		p.read += "."
	}
	return p
}

// fromBlocks turns a page's blocks into paragraphs: headings, paragraphs,
// list items and table rows are read; code, images and rules are not.
func fromBlocks(src *pagesrc.Source, own bool) ([]para, diag.List) {
	var out []para
	var ds diag.List
	for _, b := range src.Blocks {
		b.Runs = unraw(b.Runs)
		switch b.Kind {
		case markdown.Heading:
			out = append(out, para{kind: heading, written: markdown.Plain(b.Runs), src: src, runs: b.Runs})
		case markdown.Paragraph, markdown.Item:
			if len(b.Runs) > 0 {
				out = append(out, para{kind: text, written: markdown.Plain(b.Runs), src: src, runs: b.Runs})
			}
		case markdown.Table:
			for _, r := range b.Rows {
				if r.Header {
					continue
				}
				cells := make([][]markdown.Run, len(r.Cells)) // the row is the parser's: not changed
				for k, c := range r.Cells {
					cells[k] = unraw(c)
				}
				r.Cells = cells
				runs := rowRuns(r)
				out = append(out, para{kind: text, written: markdown.Plain(runs), src: src, runs: runs})
			}
		case markdown.Image:
			if own {
				ds.Add(src.Warn(b.Start, "an image can not be read aloud: the bulletin leaves it out").
					WithHint("say in words what it shows, if the listeners need it"))
			}
		case markdown.Code:
			if own {
				ds.Add(src.Warn(b.Start, "a code block is not read aloud: the bulletin leaves it out"))
			}
		}
	}
	return out, ds
}

// unraw leaves out of runs the raw HTML an editor pasted: the web page
// shows it as text, but it is not for reading aloud.
func unraw(runs []markdown.Run) []markdown.Run {
	var out []markdown.Run
	for _, r := range runs {
		if r.Style&markdown.Raw == 0 {
			out = append(out, r)
		}
	}
	return out
}

// rowRuns reads a table row as a sentence: "Quy mô kinh tế số: tối thiểu
// 30% GDP." for two cells, the cells separated by commas for more.
func rowRuns(r markdown.Row) []markdown.Run {
	var runs []markdown.Run
	end := func() int {
		if k := len(runs) - 1; k >= 0 {
			return runs[k].Start + len(runs[k].Text)
		}
		return 0
	}
	for i, cell := range r.Cells {
		if len(cell) == 0 {
			continue
		}
		if len(runs) > 0 {
			sep := ", "
			if i == 1 && len(r.Cells) == 2 {
				sep = ": "
			}
			runs = append(runs, markdown.Run{Text: sep, Start: end()})
		}
		runs = append(runs, cell...)
	}
	if len(runs) > 0 {
		runs = append(runs, markdown.Run{Text: ".", Start: end()})
	}
	return runs
}

// diags turns what could not be read well into warnings at the
// written text's place, and a digit left in the read text into an error.
func (p para) diags() diag.List {
	var ds diag.List
	at := func(off int) (string, int, int) {
		switch {
		case p.src == nil:
			return "", 0, 0
		case p.runs != nil:
			l, c := p.src.At(markdown.SourceOffset(p.runs, off))
			return p.src.Path, l, c
		}
		return p.src.Path, p.line, p.col
	}
	for _, pr := range p.problems {
		path, l, c := at(pr.Start)
		if path == "" {
			path = "config.toml"
		}
		d := diag.Warn(path, l, c, "read aloud: %s: %q", pr.Msg, pr.Text)
		if pr.Hint != "" {
			d = d.WithHint("%s", pr.Hint)
		}
		ds.Add(d)
	}
	for _, pr := range spoken.Check(p.read) {
		path, l, c := at(0)
		if path == "" {
			path = "config.toml"
		}
		ds.Add(diag.At(path, l, c, "the read-aloud text still has %q: the announcer would meet a digit in %q", pr.Text, p.read).
			WithHint("write the number in words, or in a form loa reads (see README: bulletins)"))
	}
	return ds
}
