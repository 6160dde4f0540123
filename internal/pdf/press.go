package pdf

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"loa/internal/config"
	"loa/internal/pdfx"
	"loa/internal/print"
)

// Press says how press files are made: the PDF/X options every piece
// shares (palette, printing condition, level, total ink).
type Press struct {
	pdfx.Options
}

// NewPress returns the press settings of a site's [print] configuration,
// which must have passed its checks.
func NewPress(p config.Print) (Press, error) {
	cond, err := pdfx.KnownCondition(p.OutputCondition)
	if err != nil {
		return Press{}, fmt.Errorf("print.output_condition: %w", err)
	}
	std, err := pdfx.ParseStandard(p.PDFX)
	if err != nil {
		return Press{}, fmt.Errorf("print.pdfx: %w", err)
	}
	return Press{pdfx.Options{Palette: p.Palette(), Condition: cond, Standard: std, MaxInk: p.MaxInk}}, nil
}

// convert makes the press file of one piece from its RGB PDF.
func (p Press) convert(rgb []byte, e print.Entry, date time.Time, producer string) ([]byte, error) {
	opts := p.Options
	opts.Title, opts.ID, opts.Date, opts.Producer = e.Title, e.PDF, date, producer
	out, err := pdfx.Convert(rgb, opts)
	if err != nil {
		return nil, &PressError{Entry: e, Err: err}
	}
	return out, nil
}

// PressError says why a piece has no press file: what in its PDF PDF/X-1a
// can not carry, each problem on a line of its own that names the piece.
type PressError struct {
	Entry print.Entry
	Err   error
}

func (e *PressError) Error() string {
	var xe *pdfx.Error
	if !errors.As(e.Err, &xe) {
		return fmt.Sprintf("%s: press file: %v", e.Entry.File, e.Err)
	}
	var b strings.Builder
	for i, pr := range xe.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%s: press file: %s", e.Entry.File, pr)
		if pr.Color != "" {
			b.WriteString("; every colour print uses needs a CMYK value in [print.colors] of config.toml (by its token's name in css/tokens.css)")
		}
	}
	return b.String()
}

func (e *PressError) Unwrap() error { return e.Err }

// BaseURLError refuses a piece whose QR code would lead nowhere: base_url
// is not set, or names this computer.
type BaseURLError struct {
	Entry print.Entry
}

func (e *BaseURLError) Error() string {
	why := "base_url is not set"
	if e.Entry.QRBase == "local" {
		why = "base_url names this computer"
	}
	return fmt.Sprintf("%s: %s: the QR code of %s would lead to %s, which no reader can open; set base_url to the address the site is published at",
		config.File, why, e.Entry.File, e.Entry.QR)
}

// refuseQR returns a *BaseURLError for a piece with a QR code that leads
// nowhere, or nil.
func refuseQR(e print.Entry) error {
	if e.QR != "" && (e.QRBase == "unset" || e.QRBase == "local") {
		return &BaseURLError{Entry: e}
	}
	return nil
}
