package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"loa/internal/cache"
)

// Share cards are kept in the user's cache folder (on Linux
// ~/.cache/loa/cards, on Windows %LocalAppData%\loa\cards), one PNG file
// per card named by its key, in folders by the key's first two
// characters. A card not used for cardMaxAge is removed, at most once a
// day. LOA_CACHE=off builds without the cache.
const (
	cardMaxAge  = 30 * 24 * time.Hour
	pruneMarker = ".pruned"
)

// diskCache is a cache.Cache in a folder. It ignores every error: a card
// it can not keep is drawn again next time.
type diskCache struct{ dir string }

// openCardCache returns the cache of share cards, or nil when there is
// none (LOA_CACHE=off, no cache folder, or one that can not be made).
func openCardCache() cache.Cache {
	if os.Getenv("LOA_CACHE") == "off" {
		return nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return nil
	}
	dir := filepath.Join(base, "loa", "cards")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil
	}
	c := &diskCache{dir: dir}
	c.prune(time.Now())
	return c
}

// path is the file of a key; keys are hexadecimal hashes, anything else
// is refused.
func (c *diskCache) path(key string) (string, bool) {
	if len(key) < 16 {
		return "", false
	}
	for _, r := range key {
		if (r < '0' || r > '9') && (r < 'a' || r > 'f') {
			return "", false
		}
	}
	return filepath.Join(c.dir, key[:2], key+".png"), true
}

// Get implements cache.Cache; a card found is marked as used now.
func (c *diskCache) Get(key string) ([]byte, bool) {
	p, ok := c.path(key)
	if !ok {
		return nil, false
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, false
	}
	now := time.Now()
	_ = os.Chtimes(p, now, now)
	return data, true
}

// Put implements cache.Cache: the file is written beside its place and
// renamed there, so that a build running at the same time never reads
// half a card.
func (c *diskCache) Put(key string, data []byte) {
	p, ok := c.path(key)
	if !ok {
		return
	}
	dir := filepath.Dir(p)
	if os.MkdirAll(dir, 0o755) != nil {
		return
	}
	f, err := os.CreateTemp(dir, ".card-*")
	if err != nil {
		return
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr != nil || cerr != nil || os.Rename(f.Name(), p) != nil {
		os.Remove(f.Name())
	}
}

// prune removes the cards not used for cardMaxAge, and what an
// interrupted Put left, once a day.
func (c *diskCache) prune(now time.Time) {
	marker := filepath.Join(c.dir, pruneMarker)
	if st, err := os.Stat(marker); err == nil && now.Sub(st.ModTime()) < 24*time.Hour {
		return
	}
	_ = filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == marker {
			return nil
		}
		if info, err := d.Info(); err == nil && now.Sub(info.ModTime()) > cardMaxAge {
			os.Remove(p)
		}
		return nil
	})
	if f, err := os.Create(marker); err == nil {
		f.Close()
	}
}
