package bulletin

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"loa/internal/config"
	"loa/internal/diag"
	"loa/internal/maker"
	"loa/internal/markdown"
	"loa/internal/pagesrc"
	"loa/internal/spoken"
	"loa/internal/view"
)

// plan says what one bulletin reads: its parts, in order. Plans are made
// when the files are listed (Jobs) and are the files' signatures, so that a
// bulletin is made again when what it holds changes.
type plan struct {
	Slug  string
	Title string
	Page  string // the editor's bulletin (site path); "" when composed
	Segs  []seg
}

// seg is a part of a bulletin.
type seg struct {
	Kind segKind
	Page string // the page it reads (site path), for page parts
	// From and To select paragraphs [From, To) of a part too long for one
	// bulletin; To 0 means to the end.
	From, To int
}

type segKind uint8

const (
	segIntro      segKind = iota + 1 // the home page's first paragraph
	segViewpoints                    // the list of viewpoints, by title
	segFigures                       // the goals' key figures
	segTasks                         // the list of task groups, by title
	segViewpoint                     // one viewpoint page
	segGoal                          // one goal page
	segQA                            // one question and its answer
	segBody                          // an editor's bulletin
)

// parts returns the paragraphs of one part, read through v and in.
func (m *Maker) parts(in *maker.Input, rec *view.Recorder, v *view.Site, rd *reader, s seg) ([]para, diag.List) {
	var out []para
	var ds diag.List
	add := func(p para) { out = append(out, rd.make(p)) }
	page := func(kind string) *view.Page { return v.Item(kind, s.Page) }
	body := func(p *view.Page) *pagesrc.Source {
		src, err := m.src.Read(in, rec, p)
		if err != nil {
			ds.Add(diag.At(p.Path(), 0, 0, "%v", err))
			return nil
		}
		return src
	}
	titled := func(p *view.Page, written string, src *pagesrc.Source) {
		pr := para{kind: title, written: written}
		if src != nil {
			pr.src = src
			pr.line, pr.col = src.Key("title")
		}
		add(pr)
	}
	bodyParas := func(src *pagesrc.Source) {
		if src == nil {
			return
		}
		// What a bulletin leaves out is the editor's to know only in
		// the editor's own bulletins; composed ones leave images out
		// quietly, as the page's description says.
		ps, pds := fromBlocks(src, s.Kind == segBody)
		ds.Add(pds...)
		for _, p := range ps {
			add(p)
		}
	}
	switch s.Kind {
	case segIntro:
		// The home page's introduction, up to its first list or table (a
		// list of what the site holds is for readers, not listeners).
		h := v.Home()
		if h.Path() == "" {
			return nil, nil
		}
		src := body(h)
		if src == nil {
			return out, ds
		}
		var intro []para
		for _, b := range src.Blocks {
			if b.Kind != markdown.Paragraph && b.Kind != markdown.Heading {
				break
			}
			if len(b.Runs) == 0 {
				continue
			}
			k := text
			if b.Kind == markdown.Heading {
				k = heading
			}
			intro = append(intro, para{kind: k, written: markdown.Plain(b.Runs), src: src, runs: b.Runs})
		}
		for len(intro) > 0 && intro[len(intro)-1].kind == heading {
			intro = intro[:len(intro)-1]
		}
		for _, p := range intro {
			add(p)
		}
	case segViewpoints:
		items := v.Items(config.KindViewpoint)
		sec := v.Section(config.KindViewpoint)
		add(para{kind: title, written: sec.Page().Title()})
		add(para{kind: text, written: fmt.Sprintf("Nghị quyết nêu %d quan điểm chỉ đạo.", len(items))})
		for i, p := range items {
			add(para{kind: text, written: fmt.Sprintf("Quan điểm thứ %d: %s.", number(p, i), trimStop(p.Title()))})
		}
	case segFigures:
		sec := v.Section(config.KindGoal)
		add(para{kind: title, written: sec.Page().Title()})
		// The figures by year, in the order the years first come.
		type fig struct {
			label, value string
			src          *pagesrc.Source
		}
		var years []int
		byYear := map[int][]fig{}
		for _, g := range v.Items(config.KindGoal) {
			if len(g.Figures()) == 0 {
				continue
			}
			src := body(g)
			for _, f := range g.Figures() {
				if _, ok := byYear[f.Year]; !ok {
					years = append(years, f.Year)
				}
				byYear[f.Year] = append(byYear[f.Year], fig{trimStop(f.Label), f.Value, src})
			}
		}
		for _, y := range years {
			if y > 0 {
				add(para{kind: heading, written: fmt.Sprintf("Những chỉ tiêu đến năm %d:", y)})
			}
			for _, f := range byYear[y] {
				pr := para{kind: text, written: f.label + ": " + f.value + "."}
				if f.src != nil {
					pr.src = f.src
					pr.line, pr.col = f.src.Key("figures")
				}
				add(pr)
			}
		}
	case segTasks:
		items := v.Items(config.KindTask)
		sec := v.Section(config.KindTask)
		add(para{kind: title, written: sec.Page().Title()})
		add(para{kind: text, written: fmt.Sprintf("Nghị quyết đề ra %d nhóm nhiệm vụ, giải pháp.", len(items))})
		for i, p := range items {
			add(para{kind: text, written: fmt.Sprintf("Nhóm thứ %d: %s.", i+1, trimStop(p.Title()))})
		}
	case segViewpoint, segGoal, segQA:
		kind := pageKinds[s.Kind]
		p := page(kind)
		if p == nil {
			return nil, nil
		}
		src := body(p)
		switch s.Kind {
		case segViewpoint:
			titled(p, fmt.Sprintf("Quan điểm thứ %d: %s.", number(p, -1), trimStop(p.Title())), src)
		case segGoal:
			titled(p, "Mục tiêu: "+trimStop(p.Title())+".", src)
		case segQA:
			titled(p, "Câu hỏi: "+p.Title(), src)
			add(para{kind: heading, written: "Trả lời:"})
		}
		bodyParas(src)
	case segBody:
		if p := v.Item(config.KindRadio, s.Page); p != nil {
			bodyParas(body(p))
		}
	}
	if s.From > 0 || s.To > 0 {
		to := s.To
		if to == 0 || to > len(out) {
			to = len(out)
		}
		out = out[min(s.From, to):to]
	}
	return out, ds
}

// number is a viewpoint's number: its own, or its place in the list.
func number(p *view.Page, i int) int {
	if n := p.Number(); n > 0 {
		return n
	}
	return i + 1
}

func trimStop(s string) string { return strings.TrimRight(strings.TrimSpace(s), ".") }

// lowerFirst lowers a label's first letter to stand inside a sentence,
// unless it starts an abbreviation or a name ("GDP", "Việt Nam").
func lowerFirst(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return s
	}
	w := []rune(f[0])
	if len(w) > 1 && strings.ToUpper(string(w[1:])) == string(w[1:]) {
		return s
	}
	if len(f) > 1 {
		if r := []rune(f[1]); len(r) > 0 && strings.ToUpper(string(r[0])) == string(r[0]) && strings.ToLower(string(r[0])) != string(r[0]) {
			return s // a name: "Việt Nam", "Chính phủ"
		}
	}
	return strings.ToLower(string(w[:1])) + s[len(string(w[:1])):]
}

// plans lists the bulletins of the site: the composed series, then the
// editors' own, each with the parts it reads. Durations decide how the
// series is cut, so the parts are read here too.
func (m *Maker) plans(in *maker.Input, rd *reader) []plan {
	var rec view.Recorder // Jobs record nothing: the plans are the signature
	v := in.View(&rec)
	var out []plan
	if v.Config().Radio.Compose {
		out = append(out, m.series(in, &rec, v, rd)...)
	}
	for _, p := range v.Items(config.KindRadio) {
		out = append(out, plan{Slug: lastSegment(p.URL()), Title: p.Title(), Page: p.Path(), Segs: []seg{{Kind: segBody, Page: p.Path()}}})
	}
	return out
}

// series composes the bulletins from the site's content: the resolution
// in brief, the viewpoints, the goals, a few questions and answers. Each
// group is cut into bulletins no longer than [radio] max_minutes.
func (m *Maker) series(in *maker.Input, rec *view.Recorder, v *view.Site, rd *reader) []plan {
	cfg := v.Config()
	var out []plan
	group := func(slug, title string, segs []seg) {
		if len(segs) == 0 {
			return
		}
		parts := m.pack(in, rec, v, rd, title, segs)
		for i, part := range parts {
			p := plan{Slug: slug, Title: title, Segs: part}
			if len(parts) > 1 {
				p.Slug += "-" + strconv.Itoa(i+1)
				p.Title += fmt.Sprintf(" – bài %d", i+1)
			}
			out = append(out, p)
		}
	}
	var brief []seg
	if v.Home().Path() != "" {
		brief = append(brief, seg{Kind: segIntro})
	}
	if len(v.Items(config.KindViewpoint)) > 0 {
		brief = append(brief, seg{Kind: segViewpoints})
	}
	for _, g := range v.Items(config.KindGoal) {
		if len(g.Figures()) > 0 {
			brief = append(brief, seg{Kind: segFigures})
			break
		}
	}
	if len(v.Items(config.KindTask)) > 0 {
		brief = append(brief, seg{Kind: segTasks})
	}
	group("tom-tat", "Những điều cần biết về "+lowerFirst(trimStop(v.Home().Title())), brief)
	for _, k := range []struct {
		kind string
		seg  segKind
		n    int
	}{{config.KindViewpoint, segViewpoint, -1}, {config.KindGoal, segGoal, -1}, {config.KindQA, segQA, cfg.Radio.QA}} {
		sec := v.Section(k.kind)
		if sec == nil {
			continue
		}
		var segs []seg
		for i, p := range sec.Items() {
			if k.n >= 0 && i >= k.n {
				break
			}
			segs = append(segs, seg{Kind: k.seg, Page: p.Path()})
		}
		group(lastSegment(sec.Page().URL()), sec.Page().Title(), segs)
	}
	return out
}

// pack cuts a group's parts into bulletins no longer than max_minutes
// (formulas included), as few as can be and then as even as can be. It
// first cuts only between parts (a viewpoint, a question stays whole);
// when that leaves a bulletin shorter than min_minutes, or a part is
// longer than a bulletin, it cuts between paragraphs, never after a title
// or a heading.
func (m *Maker) pack(in *maker.Input, rec *view.Recorder, v *view.Site, rd *reader, name string, segs []seg) [][]seg {
	cfg := v.Config().Radio
	rate := cfg.SpokenRate()
	open, closing := formulaParts(rd, cfg, name+" – bài 1")
	formulas := m.duration(rd, rate, []para{open, closing}) + rate.Paragraph
	room := time.Duration(cfg.MaxMinutes*float64(time.Minute)) - formulas
	least := time.Duration(cfg.MinMinutes*float64(time.Minute)) - formulas
	var whole, fine []unit
	for _, s := range segs {
		c := m.cost(in, rec, v, rd, s)
		whole = append(whole, unit{s, c.whole})
		from, acc := 0, time.Duration(0)
		for i, p := range c.paras {
			if i > from && c.paras[i-1].kind != title && c.paras[i-1].kind != heading {
				fine = append(fine, unit{seg{Kind: s.Kind, Page: s.Page, From: from, To: i}, acc})
				from, acc = i, 0
			}
			acc += p.d
		}
		if len(c.paras) > 0 {
			fine = append(fine, unit{seg{Kind: s.Kind, Page: s.Page, From: from, To: len(c.paras)}, acc})
		}
	}
	groups, ok := cut(whole, room, least)
	if !ok {
		groups, _ = cut(fine, room, least)
		for i, g := range groups {
			groups[i] = join(g)
		}
	}
	out := make([][]seg, len(groups))
	for i, g := range groups {
		for _, u := range g {
			out[i] = append(out[i], u.s)
		}
	}
	return out
}

// segCost is how long a part reads, whole and paragraph by paragraph
// (each with its pause).
type segCost struct {
	whole time.Duration
	paras []paraCost
}

type paraCost struct {
	kind paraKind
	d    time.Duration
}

// pageKinds are the kinds of page of the parts that read one page.
var pageKinds = map[segKind]string{segViewpoint: config.KindViewpoint, segGoal: config.KindGoal, segQA: config.KindQA, segBody: config.KindRadio}

// timed is the cost of a part of one page as it was read: that version of
// its file, read by that reader (the same configuration).
type timed struct {
	rd      *reader
	version any
	cost    segCost
}

// cost is how long part s reads. Reading a part aloud to time it is most
// of what planning the series costs, and the series is planned at every
// rebuild of the live preview: the cost of a part of one page is kept
// while the page is the same.
func (m *Maker) cost(in *maker.Input, rec *view.Recorder, v *view.Site, rd *reader, s seg) segCost {
	var version any
	if kind, ok := pageKinds[s.Kind]; ok {
		if p := v.Item(kind, s.Page); p != nil {
			version = p.Version()
		}
	}
	if version != nil {
		m.mu.Lock()
		t, ok := m.costs[s]
		m.mu.Unlock()
		if ok && t.rd == rd && t.version == version {
			return t.cost
		}
	}
	rate := v.Config().Radio.SpokenRate()
	ps, _ := m.parts(in, rec, v, rd, s)
	c := segCost{whole: m.duration(rd, rate, ps) + rate.Paragraph}
	for _, p := range ps {
		c.paras = append(c.paras, paraCost{p.kind, m.duration(rd, rate, []para{p}) + rate.Paragraph})
	}
	if version != nil {
		m.mu.Lock()
		if m.costs == nil {
			m.costs = map[seg]timed{}
		}
		m.costs[s] = timed{rd, version, c}
		m.mu.Unlock()
	}
	return c
}

// unit is a part, or a run of a part's paragraphs, and how long it reads.
type unit struct {
	s seg
	d time.Duration
}

// cut groups units into the fewest bulletins of at most room each (a unit
// longer than room stands alone), as even as can be; ok reports whether
// every one is within [least, room] (a group that is short in all is
// allowed to be short).
func cut(units []unit, room, least time.Duration) ([][]unit, bool) {
	var out [][]unit
	ok := true
	total := time.Duration(0)
	for _, u := range units {
		total += u.d
	}
	run := func(us []unit) {
		if len(us) == 0 {
			return
		}
		ds := make([]time.Duration, len(us))
		for i, u := range us {
			ds[i] = u.d
		}
		start := 0
		for _, c := range append(partition(ds, groupsWithin(ds, room)), len(us)) {
			out = append(out, us[start:c])
			start = c
		}
	}
	start := 0
	for i, u := range units {
		if u.d > room {
			run(units[start:i])
			out = append(out, units[i:i+1])
			ok, start = false, i+1
		}
	}
	run(units[start:])
	for _, g := range out {
		sum := time.Duration(0)
		for _, u := range g {
			sum += u.d
		}
		if sum < least && total >= least {
			ok = false
		}
	}
	return out, ok
}

// longest is the largest sum of the groups ds cut at cuts.
func longest(ds []time.Duration, cuts []int) time.Duration {
	best, sum, k := time.Duration(0), time.Duration(0), 0
	for i, d := range ds {
		if k < len(cuts) && i == cuts[k] {
			best, sum = max(best, sum), 0
			k++
		}
		sum += d
	}
	return max(best, sum)
}

// join merges runs of paragraphs of one part that follow each other into
// one: a part whole again is From 0, To 0.
func join(g []unit) []unit {
	var out []unit
	for _, u := range g {
		if k := len(out) - 1; k >= 0 && out[k].s.Kind == u.s.Kind && out[k].s.Page == u.s.Page && out[k].s.To == u.s.From {
			out[k].s.To, out[k].d = u.s.To, out[k].d+u.d
			continue
		}
		out = append(out, u)
	}
	return out
}

// groupsWithin is the fewest contiguous groups of ds whose sums are at
// most c (every d at most c): taking each group as long as it can be is
// optimal.
func groupsWithin(ds []time.Duration, c time.Duration) int {
	n, sum := 0, c
	for _, d := range ds {
		if sum+d > c {
			n, sum = n+1, 0
		}
		sum += d
	}
	return n
}

// partition splits ds into n contiguous non-empty groups (n at most
// len(ds)) so that the largest sum is smallest and, within that, each
// group as near an even share of what is left as the others allow; it
// returns where groups 2..n start. The least largest sum is found by
// bisection over groupsWithin, so a section of thousands of parts costs
// milliseconds, not the cube of its length.
func partition(ds []time.Duration, n int) []int {
	k := len(ds)
	if n <= 1 || k == 0 {
		return nil
	}
	n = min(n, k)
	pre := make([]time.Duration, k+1)
	for i, d := range ds {
		pre[i+1] = pre[i] + d
	}
	lo, hi := slices.Max(ds), pre[k]
	for lo < hi {
		if mid := lo + (hi-lo)/2; groupsWithin(ds, mid) <= n {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	c := lo
	// reach[j]: the furthest end of a group from j within c; need[j]: the
	// fewest groups ds[j:] takes, which never grows with j.
	reach, need := make([]int, k+1), make([]int, k+1)
	for j, e := 0, 0; j < k; j++ {
		for e < k && pre[e+1]-pre[j] <= c {
			e++
		}
		reach[j] = e
	}
	for j := k - 1; j >= 0; j-- {
		need[j] = 1 + need[reach[j]]
	}
	var cuts []int
	for s, r := 0, n; r > 1; r-- {
		// Ends that leave the rest possible: need[e] <= r-1, and at least
		// one part for each group left.
		lo := s + 1 + sort.Search(k-s, func(i int) bool { return need[s+1+i] <= r-1 })
		hi := min(reach[s], k-r+1)
		target := pre[s] + (pre[k]-pre[s])/time.Duration(r)
		e := lo + sort.Search(hi-lo+1, func(i int) bool { return pre[lo+i] >= target })
		if e > hi || (e > lo && target-pre[e-1] <= pre[e]-target) {
			e--
		}
		cuts = append(cuts, e)
		s = e
	}
	return cuts
}

// duration is how long paragraphs take to read, with the pauses between
// them: spoken.Duration of their joined text, summed paragraph by
// paragraph so that each is measured once.
func (m *Maker) duration(rd *reader, rate spoken.Rate, ps []para) time.Duration {
	d, n := time.Duration(0), 0
	for _, p := range ps {
		if p.read == "" {
			continue
		}
		d += rd.time(rate, p.read)
		n++
	}
	if n > 1 {
		d += time.Duration(n-1) * rate.Paragraph
	}
	return d
}

// joinRead is the read text of paragraphs: one line each, a blank line
// between.
func joinRead(ps []para) string {
	var b strings.Builder
	for _, p := range ps {
		if p.read == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p.read)
	}
	return b.String()
}

func lastSegment(url string) string {
	url = strings.TrimSuffix(url, "/")
	return url[strings.LastIndexByte(url, '/')+1:]
}
