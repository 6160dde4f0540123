package render

import "testing"

// TestSharedKeys checks that two different lists of keys never share a
// cached piece: ("a", "bc") and ("ab", "c") once did.
func TestSharedKeys(t *testing.T) {
	pairs := [][2][]any{
		{{"a", "bc"}, {"ab", "c"}},
		{{"a b"}, {"a", "b"}},
		{{1}, {"1"}},
		{{"x\x00"}, {"x", ""}},
		{{}, {""}},
	}
	for _, p := range pairs {
		if key("partials/x.html", p[0]) == key("partials/x.html", p[1]) {
			t.Errorf("keys %q and %q collide", p[0], p[1])
		}
	}
	if key("partials/x.html", []any{"a", 2}) != key("partials/x.html", []any{"a", 2}) {
		t.Error("equal keys differ")
	}
}
