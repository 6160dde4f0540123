package card

import "image"

// Format is the size of a card.
type Format uint8

// The formats: Wide for link previews (Facebook's recommended 1200 × 630,
// 1.91:1), Square for feed posts.
const (
	Wide Format = iota
	Square
)

// Formats lists every format, in the order their files are made.
var Formats = [...]Format{Wide, Square}

// Size returns the width and height of the format in pixels.
func (f Format) Size() (w, h int) {
	if f == Square {
		return 1080, 1080
	}
	return 1200, 630
}

// String names the format: "wide" or "square".
func (f Format) String() string {
	if f == Square {
		return "square"
	}
	return "wide"
}

// Margin is the width of the band along each edge where no text is drawn:
// previews crop the edges a little on some phones, and text that touches
// the edge looks cut. Backgrounds run to the edge.
func (f Format) Margin() int {
	if f == Square {
		return 48
	}
	return 32
}

// Safe is the rectangle inside the margin, where all text lies.
func (f Format) Safe() image.Rectangle {
	w, h := f.Size()
	m := f.Margin()
	return image.Rect(m, m, w-m, h-m)
}
