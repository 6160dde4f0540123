// Package cache defines where loa keeps files it made and may need again
// in a later build: bytes named by a key that is the hash of everything
// they were made from (share cards are the first such files: drawing ten
// thousand of them costs a minute, reading them back a second).
//
// A Cache is given to the engine from the outside (pipeline.Options), so
// that the engine stays free of the file system: `loa build` passes one
// kept on disk in the user's cache folder (package cli), tests pass a
// Memory or none. A cache is only ever an optimisation: a key names the
// same bytes forever, a miss means making them again, and a cache that
// loses entries, or fails to store them, changes nothing but the time a
// build takes.
package cache

import "sync"

// Cache keeps bytes by key. Implementations must be safe for concurrent
// use, must not keep data's backing array (callers may reuse it) and may
// forget any entry at any time.
type Cache interface {
	// Get returns the bytes stored under key, if any.
	Get(key string) ([]byte, bool)
	// Put stores data under key.
	Put(key string, data []byte)
}

// Memory is a Cache in memory, for tests and for the live preview. Its
// zero value is ready to use.
type Memory struct {
	mu sync.Mutex
	m  map[string][]byte
}

// Get implements Cache.
func (c *Memory) Get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	data, ok := c.m[key]
	return data, ok
}

// Put implements Cache.
func (c *Memory) Put(key string, data []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string][]byte{}
	}
	c.m[key] = append([]byte(nil), data...)
}

// Len returns the number of entries.
func (c *Memory) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}
