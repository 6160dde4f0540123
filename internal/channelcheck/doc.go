// Package channelcheck holds the end-to-end checks of the channels loa
// sets itself (bulletins, decks and handouts, the Q&A booklet and its
// imposition, the outline): it builds the campaign site, prints its PDFs
// with loa pdf's code in headless Chromium, and reads them back with
// poppler's tools (pdfinfo, pdffonts, pdftotext -bbox), and it drives the
// deck from disk with the keyboard. It has no code of its own besides its
// tests.
package channelcheck
