// Package pdfx turns the RGB PDF that Chromium prints from loa's
// print-ready HTML into a press file: PDF/X-1a:2003 (ISO 15930-4), or
// PDF/X-1a:2001 (ISO 15930-1) on request, with the brand colours in
// exactly the CMYK values the configuration gives.
//
// # Why PDF/X-1a, not PDF/X-4
//
// PDF/X-4 keeps RGB and transparency but requires the output intent to
// embed the ICC profile of the printing condition (DestOutputProfile).
// Debian ships no CMYK profile, and loa may not ship one it did not make.
// PDF/X-1a allows only CMYK and spot colours and no transparency, and for
// a condition registered in the ICC Characterization Data Registry
// (RegistryName http://www.color.org, OutputConditionIdentifier the
// registry's reference name: FOGRA39, JC200103 for Japan Color 2001
// Coated) the profile may be left out. Flat brand colours are what the
// campaign prints, and a print shop's RIP separates DeviceCMYK as it is.
// The 2003 edition is the default because it is based on PDF 1.4, which
// has the document tags, /Lang and XMP metadata that loa keeps; the 2001
// edition is PDF 1.3 (the file then says %PDF-1.3 and still carries those
// keys, which a PDF 1.3 reader ignores).
//
// # How
//
// Chromium prints every CSS colour as DeviceRGB, to four decimals, so an
// 8-bit CSS colour comes back exactly (#b5121b is "0.7098 0.0706 0.1059
// rg"). Convert reads the file with pdfcpu, rewrites every content stream
// (pages, form XObjects, annotation appearances) with its own tokenizer,
// replacing each colour operator (rg, RG, g, G, cs, CS, sc, scn, SC, SCN
// in an RGB or grey space) by the palette's ink: a "c m y k k" operator,
// or the Registration colour [/Separation /All /DeviceCMYK] for marks.
// Everything else is copied byte for byte. Text painted in an ink marked
// Overprint gets an ExtGState with /op true /OPM 1 (so its zero C, M and
// Y leave the plates under it alone), set just before the text is shown
// and reset before any other painting; q and Q are followed.
//
// What PDF/X-1a forbids is refused, not approximated, with each problem
// named by page, place and operator (see Problem): a colour outside the
// palette, opacity (ca, CA, soft masks, blend modes), gradients and
// patterns, Type 3 fonts (which Chromium makes for stroked SVG text),
// fonts not embedded, RGB images with a pixel outside the palette. An RGB
// image whose every pixel is a palette colour is mapped pixel by pixel.
// Once nothing transparent is left, the transparency groups Chromium puts
// on pages and forms are removed, and so are graphics-state keys that say
// "opaque". Link annotations are removed (PDF/X-1a allows no annotation
// inside the bleed, and paper has no links).
//
// Chromium names font subsets AAAAAA+, BAAAAA+, ... in every file, and
// may give two programs one name in one file; a RIP that caches fonts by
// name then swaps glyphs. Each subset gets a tag made from a hash of the
// file's identity (Options.ID) and the font program.
//
// Convert writes the output intent, the Info keys PDF/X requires (Title,
// CreationDate, ModDate, Trapped /False, GTS_PDFXVersion, and for 2001
// GTS_PDFXConformance), XMP metadata that says the same (dc:title, xmp
// dates, pdf:Trapped, pdfx: and pdfxid:GTS_PDFXVersion), and a trailer
// /ID. It writes the file itself, without object streams or a
// cross-reference stream (PDF 1.5 features), and without the current
// time, so one input and one Options always give the same bytes. The
// page boxes, /StructTreeRoot, /MarkInfo and /Lang are kept.
//
// # Sources
//
// What this package relies on, from the stored references searched while
// writing it: the PDF Reference (1.7, section 10.10.4 "Output Intents",
// table 10.51) for the entries of a GTS_PDFX output intent; the ICC
// Characterization Data Registry (color.org/registry2.xalter) for
// reference names as OutputConditionIdentifier; the antenna.co.jp notes on
// PDF/X-1a:2001 and :2003 (blog.antenna.co.jp/PDFTool, July 2006) for the
// version strings ("PDF/X-1:2001" with GTS_PDFXConformance
// "PDF/X-1a:2001"; "PDF/X-1a:2003"), the required Info keys and trailer
// ID, JC200103 for Japan Color 2001 Coated, and the PDF 1.3 / 1.4 bases;
// ISO 32000-2 annex Q for what counts as transparency (SMask, ca, CA, BM).
package pdfx
