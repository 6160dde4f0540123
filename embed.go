// Package loa holds the campaign site that the loa binary carries: its
// content, layouts, static files and configuration. `loa new site` writes
// it out as a starter site, and a site without its own layouts/ or static/
// files uses these.
package loa

import (
	"embed"
	"io/fs"
)

//go:embed all:content all:layouts all:static config.toml
var defaultSite embed.FS

// DefaultSite returns the built-in site.
func DefaultSite() fs.FS { return defaultSite }
