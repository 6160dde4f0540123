package content

import (
	"path"
	"strings"

	"loa/internal/vntext"
)

// Place is where a content file sits in the site: its kind, section and the
// URL its folder and file names give it.
type Place struct {
	Kind     string
	Section  string   // first folder under content/, as written; "" at the root
	Segments []string // URL segments, slugs of the folders and the file name
	Names    []string // the folder and file names the segments come from
	Index    bool     // the file is an _index.md
}

// IndexName is the file that introduces a folder (and, at the root, the
// whole site) instead of being an item of it.
const IndexName = "_index"

// Locate works out the place of the content file at path, which is
// slash-separated and starts with "content/". folderKinds maps section
// folders to kinds.
func Locate(p string, folderKinds map[string]string) Place {
	rel := strings.TrimPrefix(p, Dir+"/")
	dir, file := path.Split(rel)
	name := vntext.NFCString(strings.TrimSuffix(file, path.Ext(file)))
	var pl Place
	pl.Index = name == IndexName
	var folders []string
	if dir != "" {
		folders = strings.Split(strings.TrimSuffix(dir, "/"), "/")
	}
	for _, f := range folders {
		pl.addSegment(vntext.NFCString(f))
	}
	if !pl.Index {
		pl.addSegment(name)
	}
	switch {
	case len(folders) == 0 && pl.Index:
		pl.Kind = KindHome
	case len(folders) == 0:
		pl.Kind = KindPage
	default:
		pl.Section = vntext.NFCString(folders[0])
		pl.Kind = KindPage
		if k, ok := folderKinds[pl.Section]; ok {
			pl.Kind = k
		}
		if pl.Index && len(folders) == 1 {
			pl.Kind = KindSection
		}
	}
	return pl
}

func (pl *Place) addSegment(name string) {
	pl.Segments = append(pl.Segments, vntext.Slug(name))
	pl.Names = append(pl.Names, name)
}

// Bad returns the first folder or file name that gives no slug, or "".
func (pl Place) Bad() string {
	for i, s := range pl.Segments {
		if s == "" {
			return pl.Names[i]
		}
	}
	return ""
}

// URL returns the output folder of the place, "" for the home page.
func (pl Place) URL() string {
	if len(pl.Segments) == 0 {
		return ""
	}
	return strings.Join(pl.Segments, "/") + "/"
}
