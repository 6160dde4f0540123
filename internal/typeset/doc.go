// Package typeset sets text for the outputs whose lines loa decides itself
// instead of the browser: the pages of the Q&A booklet and the outline,
// the bulletins' A4 sheets, slides and handouts.
//
// A browser that breaks lines and pages itself gives no page count to put
// in the manifest, no page numbers for a table of contents (Chromium has
// no target-counter()), nothing to impose before it has printed, and no
// way to tell in Go that a slide overflows. So the Markdown of a page is
// set here, from the very font files the page embeds (package fit measures
// as HarfBuzz, and so Chromium, does): each paragraph is broken into lines
// (Lines), the lines and the other blocks are stacked into Items of known
// height (Theme.Flow), and the items are cut into pages (Paginate), with
// keep rules so that a heading never ends a page and a paragraph leaves no
// single line behind. The HTML written out holds every line as an element
// of its own, which the browser only has to draw: it can not break them
// differently, and a page that still comes out too tall (a font that
// differs from the one measured) is caught by loa pdf's overflow check.
//
// Lines are broken where package vnbreak allows (never inside "năm 2030",
// "57-NQ/TW" or a name, seldom inside a compound word), by a small
// total-fit search that keeps justified lines even: each line costs the
// square of its free space plus the vnbreak cost of its break.
//
// Lengths are millimetres throughout. The CSS of a document (font sizes,
// line boxes, indents, table columns) is written by the same values
// (Sheet), so that what Go measured and what the browser draws can not
// drift apart.
package typeset
