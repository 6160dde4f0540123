package cache

import (
	"sync"
	"testing"
)

func TestMemory(t *testing.T) {
	var c Memory
	if _, ok := c.Get("a"); ok {
		t.Fatal("empty cache has an entry")
	}
	data := []byte("card")
	c.Put("a", data)
	data[0] = 'x' // the cache keeps its own copy
	if got, ok := c.Get("a"); !ok || string(got) != "card" {
		t.Fatalf("Get = %q, %v", got, ok)
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			c.Put(string(rune('b'+i)), []byte{byte(i)})
			c.Get("a")
		})
	}
	wg.Wait()
	if c.Len() != 9 {
		t.Errorf("Len = %d, want 9", c.Len())
	}
}
