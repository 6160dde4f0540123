package paths

import "path"

// The print products of the channels loa paginates itself, each a folder
// under in/ (PrintFile, PrintPDF).
const (
	ProductBulletin       = "phat-thanh"          // a bulletin's A4 script
	ProductDeck           = "trinh-chieu"         // a deck, one 16:9 page a slide
	ProductHandout        = "trinh-chieu-a4"      // a deck's handout: A4, three slides a page
	ProductBooklet        = "tai-lieu-hoi-dap"    // the A5 Q&A booklet in reading order
	ProductBookletImposed = "tai-lieu-hoi-dap-in" // the same, imposed for saddle stitch on A4 sheets
	ProductOutline        = "de-cuong"            // the A4 propaganda outline
)

// BulletinText is the read-aloud text of the bulletin published at url
// ("phat-thanh/x/" → "phat-thanh/x/x.txt").
func BulletinText(url string) string { return url + path.Base(url) + ".txt" }

// BulletinWAV is where `loa phat-thanh --wav` writes the spoken preview
// of the bulletin at url.
func BulletinWAV(url string) string { return url + path.Base(url) + ".wav" }

// DeckCSS is the style sheet of the deck published at url: the lengths
// its slides were set at.
func DeckCSS(url string) string { return url + "trinh-chieu.css" }
