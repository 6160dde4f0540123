package card

// design holds the measures of a format's layout, in pixels.
type design struct {
	pad              int     // left and right padding of the texts
	strip, accent    int     // heights of the brand strip and the yellow band under it
	footer           int     // height of the footer band
	brand, foot      float64 // sizes of the strip's and the footer's words
	kind             float64 // size of the kind's words
	titleMax         float64 // largest title size
	titleMin         float64 // smallest title size
	maxLines         int     // most lines of a title
	figValue, figLbl float64 // sizes of a figure's value and label
	gap              int     // space between the parts of the body
	pill             int     // padding around the DỰ THẢO mark
}

func designOf(f Format) design {
	if f == Square {
		return design{pad: 84, strip: 150, accent: 12, footer: 150, brand: 40, foot: 30, kind: 38,
			titleMax: 104, titleMin: 40, maxLines: 7, figValue: 72, figLbl: 27, gap: 34, pill: 14}
	}
	return design{pad: 64, strip: 108, accent: 8, footer: 92, brand: 30, foot: 24, kind: 28,
		titleMax: 80, titleMin: 32, maxLines: 4, figValue: 56, figLbl: 22, gap: 22, pill: 10}
}

// LineHeight is the distance between the baselines of two lines of a
// title, as a multiple of the font size: at least 1.35, the smallest at
// which Vietnamese capitals with two stacked marks (Ẫ, Ễ, Ộ) stay clear of
// the line above.
const LineHeight = 1.35
