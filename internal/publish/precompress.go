package publish

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"path"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"

	"loa/internal/paths"
)

// Precompressed files: beside every text file of the output, name.gz and
// name.br hold it compressed with gzip and brotli, each only where it is
// smaller than the file. A server that knows them (nginx's gzip_static and
// brotli_static) sends them as they are, so that it spends no processor
// time compressing and can use the slowest, tightest settings: a province
// of readers costs what one build costs.
//
// They are made as the files are written, by the engine's workers, in
// parallel; only a build for disk pays for them (the live preview
// compresses in memory, loa check writes nothing).
const (
	// GzipLevel is gzip's default level: best compression gives files
	// 0.1 % smaller on the campaign site for twice the time, which at ten
	// thousand pages is ten seconds of CPU.
	GzipLevel = gzip.DefaultCompression
	// BrotliQuality is brotli's quality for pages and data. Measured on
	// the campaign site (BenchmarkBrotli), quality 11 makes them 8 %
	// smaller than quality 5 but takes seven times as long, which is
	// seconds for a site of a few hundred pages and minutes for ten
	// thousand.
	BrotliQuality = 5
	// BrotliQualityAssets is the quality for fingerprinted style sheets
	// and scripts (isAsset): a handful of files that every reader loads
	// and keeps, so the tightest setting costs little and saves on every
	// first visit. Scripts that are data (the search index's shards, ten
	// thousand of them on a large site) take BrotliQuality: at quality 11
	// they alone took 130 s of CPU at ten thousand pages.
	BrotliQualityAssets = 11
)

// Compressible reports whether a file is text worth compressing, by the
// extension of its name: HTML, CSS, JavaScript, JSON, XML (sitemap, feeds),
// SVG, plain text, CSV. Fonts (WOFF2 is compressed already), images and
// PDFs are not.
func Compressible(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".css", ".js", ".mjs", ".json", ".xml", ".atom", ".svg", ".txt", ".csv", ".webmanifest", ".map":
		return true
	}
	return false
}

// Compress returns data, the file name, compressed with gzip and
// brotli; either is nil where it would not be smaller than data.
func Compress(name string, data []byte) (gz, br []byte, err error) {
	var c compressors
	return c.compress(name, data)
}

// compressors keeps compressors for reuse, since a brotli writer
// allocates megabytes of tables. Its zero value is ready to use; it is
// safe for concurrent use.
type compressors struct {
	gzip, brotli, brotliAssets sync.Pool
}

func (c *compressors) compress(name string, data []byte) (gz, br []byte, err error) {
	var b bytes.Buffer
	zw, _ := c.gzip.Get().(*gzip.Writer)
	if zw == nil {
		zw, _ = gzip.NewWriterLevel(nil, GzipLevel)
	}
	defer c.gzip.Put(zw)
	// No name and no time in the header: the same file gives the same
	// bytes at every build.
	zw.Reset(&b)
	if _, err := zw.Write(data); err != nil {
		return nil, nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, nil, err
	}
	if b.Len() < len(data) {
		gz = bytes.Clone(b.Bytes())
	}
	b.Reset()
	pool, quality := &c.brotli, BrotliQuality
	if isAsset(name) {
		pool, quality = &c.brotliAssets, BrotliQualityAssets
	}
	bw, _ := pool.Get().(*brotli.Writer)
	if bw == nil {
		bw = brotli.NewWriterLevel(nil, quality)
	}
	defer pool.Put(bw)
	bw.Reset(&b)
	if _, err := bw.Write(data); err != nil {
		return nil, nil, err
	}
	if err := bw.Close(); err != nil {
		return nil, nil, err
	}
	if b.Len() < len(data) {
		br = b.Bytes()
	}
	return gz, br, nil
}

// isAsset reports whether name is a fingerprinted style sheet or script.
func isAsset(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".css", ".js", ".mjs":
		return paths.Fingerprinted(name)
	}
	return false
}

// precompress writes the compressed variants of the file name.
func (s *Staging) precompress(name string, data []byte) error {
	if s.Plain || !Compressible(name) {
		return nil
	}
	gz, br, err := s.z.compress(name, data)
	if err != nil {
		return fmt.Errorf("compress %s: %w", name, err)
	}
	for ext, d := range map[string][]byte{".gz": gz, ".br": br} {
		if d != nil {
			if err := s.write(name+ext, d); err != nil {
				return err
			}
		}
	}
	return nil
}
