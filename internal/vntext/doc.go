// Package vntext holds the rules of written Vietnamese that loa relies on:
// Unicode normalisation (NFC), ASCII slugs for URLs and heading IDs, the
// official date line, collation order, and the detection and conversion of
// text typed in the legacy TCVN3 (ABC) and VNI encodings.
//
// The package imports only the standard library and golang.org/x/text, so
// every other package may use it.
package vntext
