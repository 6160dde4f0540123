// Package browsercheck checks the reader's site, loa's campaign site as
// loa build makes it, in a real headless Chromium (started by package
// pdf): no axe-core violation on the home page, a list, an item and the
// not-found page, at 390 and 1366 px, with their collapsed sections
// closed and open; a focus ring of at least 3:1 on every control; the
// resolution and its key figures on a phone's first screen; printing that
// opens every answer; and the whole site followed from a folder on disk,
// with no server.
//
// It has tests only. They need Chromium, and axe-core from npm
// (npm install -g axe-core, or LOA_AXE=path/to/axe.min.js); without them
// they skip, and with LOA_REQUIRE_CHROMIUM=1 (CI) they fail instead.
// LOA_SCREENSHOTS=dir also writes screenshots of the four pages at
// 390×844 and 1366×900 there, to look at.
package browsercheck
