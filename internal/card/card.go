package card

import "image"

// Card is what a share card shows.
type Card struct {
	Brand   string   // the brand strip: the campaign's short title ("NQ 57 – Hưng Yên")
	Kind    string   // the kind of item in words ("Hỏi – đáp", "Mục tiêu đến năm 2030"); may be empty
	Title   string   // the title or question; a line feed forces a break
	Figures []Figure // a goal's key figures; the first MaxFigures are shown
	Draft   bool     // the wording is not approved: the card says DỰ THẢO
	Issuer  string   // who issues the campaign
	Address string   // the site's short address ("nq57.hungyen.gov.vn")
	// Banner sets the card in the colours of the campaign's banners,
	// yellow capitals on red, for a slogan.
	Banner bool
}

// Figure is a key figure: "≥ 30%" and what it measures.
type Figure struct {
	Value, Label string
}

// MaxFigures is the most figures a card shows.
const MaxFigures = 3

// DraftMark is the words a card of unapproved wording carries.
const DraftMark = "DỰ THẢO"

// Picture is a card drawn, with where its texts went (for tests and
// checks).
type Picture struct {
	Image *image.Paletted
	// Lines are the lines of text drawn, in order: strip, draft mark,
	// kind, title, figures, footer.
	Lines []Line
	// TitleSize is the font size the title was set at, in pixels.
	TitleSize float64
}

// Line is one line of text drawn.
type Line struct {
	Part string // "brand", "draft", "kind", "title", "figure", "label", "issuer", "address"
	Text string
	Size float64
	// Ink is the rectangle of the pixels the line's glyphs painted.
	Ink image.Rectangle
	// Box is the rectangle the line was laid out in: its advance width,
	// and from the top to the bottom of its glyphs' outlines.
	Box image.Rectangle
	// Baseline is the line's baseline, in pixels from the top.
	Baseline int
}
