package print

import (
	"fmt"
	"html/template"
	"math"
	"strings"
)

// Draft marks: the words DỰ THẢO on a piece that carries unapproved
// wording, so that it never reaches a press run unmarked.
const (
	draftWord = "DỰ THẢO"
	draftBand = "DỰ THẢO – câu chữ chưa được phê duyệt, không in đại trà"
)

// draftMark draws the DỰ THẢO mark of one side, on each of its panels, so
// that every face of a folded leaflet shows it (front and back covers,
// the flap, each inside panel) and not a fragment of one word across a
// fold: the word across the panel, diagonally, as large as two thirds of
// the diagonal; and a line in the band between the trim and the safe
// zone at the top, where no content goes.
//
// It is drawn under the content, so that text and QR codes stay whole,
// in flat palette colours, without stroke or transparency (PDF/X-1a has
// no room for them): the CSS classes du-thao-word and du-thao-band take
// their colours from the style sheet, which picks one that shows on the
// ground of each layout (a pale red on paper, a light one on a red
// banner).
func (s Sheet) draftMark(panels []Panel, family string, measure func(string) float64) template.HTML {
	if measure == nil {
		measure = func(t string) float64 { return 0.66 * float64(len([]rune(t))) }
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="du-thao" data-loa="du-thao" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" `+
		`style="position:absolute;left:0;top:0;width:100%%;height:100%%;z-index:0;display:block;visibility:visible;pointer-events:none" aria-hidden="true">`,
		num(s.TrimW), num(s.TrimH))
	fam := template.HTMLEscapeString(family)
	word := measure(draftWord)
	band := s.Safe * 0.5
	for _, p := range panels {
		w, h := p.W-2*s.Safe, s.TrimH-2*s.Safe
		cx, cy := p.X+p.W/2, s.TrimH/2
		angle := -math.Atan2(h, w) * 180 / math.Pi
		// Two thirds of the diagonal, and a cap height of at most half
		// the panel's short side.
		size := min(math.Hypot(w, h)*0.66/word, min(w, h)*0.5/0.72)
		fmt.Fprintf(&b, `<text class="du-thao-word" x="%s" y="%s" transform="rotate(%s %s %s)" text-anchor="middle" dominant-baseline="central" font-family="%s" font-weight="700" font-size="%s">%s</text>`,
			num(cx), num(cy), num(angle), num(cx), num(cy), fam, num(size), draftWord)
		// The band line, as large as the band and the panel allow.
		bs := min(band*0.9, (p.W-2*s.Safe)/measure(draftBand))
		fmt.Fprintf(&b, `<text class="du-thao-band" x="%s" y="%s" font-family="%s" font-weight="700" font-size="%s">%s</text>`,
			num(p.X+s.Safe), num(s.Safe*0.5+bs*0.36), fam, num(bs), draftBand)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
