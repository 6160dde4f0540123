package pdf

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"loa/internal/paths"
)

// Sources records, for each PDF, the files of the site it was made from
// (its HTML, style sheets, fonts, images) with a SHA-256 of each, so that
// loa build keeps a PDF only while every one of them is unchanged: a new
// print.css or font makes it stale as surely as new text does. It is kept
// as in/pdf/sources.json.
type Sources map[string]map[string]string // PDF → output file → sha256

// SourcesFile is where Sources are kept in the output folder.
const SourcesFile = paths.PrintDir + "/pdf/sources.json"

// Sum is the hex SHA-256 of data.
func Sum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// ReadSources reads the record of the output folder dir; a folder without
// one has none.
func ReadSources(dir string) (Sources, error) {
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(SourcesFile)))
	if errors.Is(err, fs.ErrNotExist) {
		return Sources{}, nil
	}
	if err != nil {
		return nil, err
	}
	var s Sources
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("%s: %w", SourcesFile, err)
	}
	if s == nil {
		s = Sources{}
	}
	return s, nil
}

// Write writes the record into the output folder dir.
func (s Sources) Write(dir string) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, filepath.FromSlash(SourcesFile)), append(data, '\n'))
}

// Fresh reports whether the PDF pdf was made from files that all still
// read the same through read.
func (s Sources) Fresh(pdf string, read func(name string) ([]byte, error)) bool {
	files, ok := s[pdf]
	if !ok || len(files) == 0 {
		return false
	}
	for name, sum := range files {
		data, err := read(name)
		if err != nil || Sum(data) != sum {
			return false
		}
	}
	return true
}
