// Package overlay reads a folder from a stack of file systems, the first
// layer that has a file winning: a site's own layouts/ and static/ files
// override loa's built-in ones of the same path, and the built-in ones fill
// in whatever the site leaves out.
package overlay

import (
	"errors"
	"io/fs"
	"sort"

	"loa/internal/paths"
)

// Layer is one file system of the stack.
type Layer struct {
	FS     fs.FS
	Origin string // how messages name it: "" for the site, "built into loa"
}

// File is a file found in a stack, with the layer that provides it.
type File struct {
	Path  string // slash path from the file system's root: "layouts/single.html"
	Layer Layer
}

// Read returns the file's bytes.
func (f File) Read() ([]byte, error) { return fs.ReadFile(f.Layer.FS, f.Path) }

// Files lists the regular files under dir in every layer, each from the
// first layer that has it, sorted by path. Files a site never reads
// (paths.Ignored: hidden files, editors' temporary files) are left out. A dir missing from a layer is not an error.
func Files(dir string, layers ...Layer) ([]File, error) {
	seen := map[string]bool{}
	var out []File
	for _, l := range layers {
		if l.FS == nil {
			continue
		}
		err := fs.WalkDir(l.FS, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == dir {
					return fs.SkipDir
				}
				return err
			}
			if paths.Ignored(d.Name()) && p != dir {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() || seen[p] {
				return nil
			}
			seen[p] = true
			out = append(out, File{Path: p, Layer: l})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// Find returns the file at p from the first layer that has it.
func Find(p string, layers ...Layer) (File, bool) {
	for _, l := range layers {
		if l.FS == nil {
			continue
		}
		if st, err := fs.Stat(l.FS, p); err == nil && st.Mode().IsRegular() {
			return File{Path: p, Layer: l}, true
		}
	}
	return File{}, false
}
