package print

import (
	"fmt"
	"html/template"
	"strings"

	goqr "github.com/piglig/go-qr"
)

// QRQuietZone is the blank border a QR code needs around it, in modules.
const QRQuietZone = 4

// QRSVG returns a QR code of text as an inline SVG of the given size in
// millimetres (quiet zone included): one path of dark squares, vectors not
// pixels, so that it stays sharp at any print size. Error correction is
// "medium" (15 %), enough for a folded or slightly scratched leaflet. It
// is drawn in the design tokens --ink on --paper, so that it prints in
// black ink only.
func QRSVG(text string, sizeMM float64) (template.HTML, error) {
	code, err := goqr.EncodeText(text, goqr.Medium)
	if err != nil {
		return "", fmt.Errorf("QR code of %q: %w", text, err)
	}
	n := code.Size()
	var path strings.Builder
	for y := range n {
		for x := 0; x < n; x++ {
			if !code.Module(x, y) {
				continue
			}
			// One rectangle per run of dark modules on a row.
			run := 1
			for x+run < n && code.Module(x+run, y) {
				run++
			}
			fmt.Fprintf(&path, "M%d %dh%dv1h-%dz", x+QRQuietZone, y+QRQuietZone, run, run)
			x += run - 1
		}
	}
	total := n + 2*QRQuietZone
	return template.HTML(fmt.Sprintf(
		`<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" style="width:%s;height:%s" role="img" aria-label="%s"><rect width="%d" height="%d" style="fill:var(--paper)"/><path d="%s" style="fill:var(--ink)" shape-rendering="crispEdges"/></svg>`,
		total, total, Length(sizeMM), Length(sizeMM), template.HTMLEscapeString(text), total, total, path.String())), nil
}
