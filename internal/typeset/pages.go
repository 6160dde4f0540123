package typeset

// Page is the items of one page, top to bottom.
type Page struct {
	Items []Item
	// Over is how much taller than the page its content is, mm: an item
	// taller than a page, or a chain of kept items that fills one.
	Over float64
}

// Height is the height of the page's items.
func (p Page) Height() float64 {
	h := 0.0
	for _, it := range p.Items {
		h += it.H
	}
	return h
}

// eps absorbs rounding in sums of heights.
const eps = 1e-6

// Paginate cuts items into pages height high. A page breaks after an item
// that does not Keep with the next, as late as it can; glue at a page's
// head or foot is dropped. When every item of a full page keeps with the
// next, the page breaks where it is full anyway.
func Paginate(items []Item, height float64) []Page {
	var pages []Page
	var cur []Item
	used := 0.0
	flush := func(its []Item) {
		its = trimGlue(its)
		pg := Page{Items: its}
		if h := pg.Height(); h > height+eps {
			pg.Over = h - height
		}
		pages = append(pages, pg)
	}
	for i := 0; i < len(items); i++ {
		it := items[i]
		if it.Break && len(cur) > 0 {
			flush(cur)
			cur, used = nil, 0
		}
		if it.Glue && len(cur) == 0 {
			continue
		}
		if used+it.H <= height+eps || len(cur) == 0 {
			cur = append(cur, it)
			used += it.H
			continue
		}
		// The item does not fit: break after the last item that allows it,
		// and carry what follows to the next page.
		k := len(cur) - 1
		for k >= 0 && cur[k].Keep {
			k--
		}
		if k < 0 || allGlue(cur[:k+1]) {
			k = len(cur) - 1 // nothing allows a break: break here
		}
		tail := trimLeadingGlue(append([]Item(nil), cur[k+1:]...))
		flush(cur[:k+1])
		cur, used = tail, 0
		for _, t := range cur {
			used += t.H
		}
		i-- // place the item again, under the carried ones
		if len(cur) > 0 && used+it.H > height+eps {
			// The carried chain and the item do not fit together either: give
			// up keeping them and break before the item.
			flush(cur)
			cur, used = nil, 0
		}
	}
	if len(cur) > 0 {
		flush(cur)
	}
	return pages
}

func allGlue(its []Item) bool {
	for _, it := range its {
		if !it.Glue {
			return false
		}
	}
	return true
}

func trimGlue(its []Item) []Item {
	its = trimLeadingGlue(its)
	for len(its) > 0 && its[len(its)-1].Glue {
		its = its[:len(its)-1]
	}
	return its
}

func trimLeadingGlue(its []Item) []Item {
	for len(its) > 0 && its[0].Glue {
		its = its[1:]
	}
	return its
}
