package markdown

import (
	"strconv"

	"github.com/yuin/goldmark/ast"

	"loa/internal/vntext"
)

// headingIDs makes heading IDs with vntext.Slug, so that "## Chương trình"
// gets id="chuong-trinh", unique within the document ("-1", "-2" ...).
type headingIDs struct {
	used map[string]bool
}

// fallbackID is the ID of a heading with no letters or digits.
const fallbackID = "muc"

func (ids *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := vntext.Slug(string(value))
	if base == "" {
		base = fallbackID
	}
	id := base
	for n := 1; ids.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	ids.used[id] = true
	return []byte(id)
}

func (ids *headingIDs) Put(value []byte) { ids.used[string(value)] = true }
