package booklet

import (
	"fmt"
	"testing"
)

func TestOrder(t *testing.T) {
	// Written out by hand from a folded dummy of two sheets.
	want := [][2]int{{8, 1}, {2, 7}, {6, 3}, {4, 5}}
	if got := Order(8); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Order(8) = %v, want %v", got, want)
	}
	for n := 4; n <= 64; n += 4 {
		sides := Order(n)
		if len(sides) != n/2 {
			t.Fatalf("Order(%d) has %d sides", n, len(sides))
		}
		seen := map[int]bool{}
		for i, s := range sides {
			// Facing pages of a side add up to n+1; the left one is even.
			if s[0]+s[1] != n+1 || s[0]%2 != 0 {
				t.Errorf("Order(%d) side %d = %v", n, i, s)
			}
			seen[s[0]], seen[s[1]] = true, true
		}
		if len(seen) != n {
			t.Errorf("Order(%d) holds %d pages", n, len(seen))
		}
		// The outermost sheet carries the covers; the innermost the centre
		// spread, which is read across the staples.
		if sides[0] != [2]int{n, 1} || sides[len(sides)-1] != [2]int{n / 2, n/2 + 1} {
			t.Errorf("Order(%d): covers %v, centre %v", n, sides[0], sides[len(sides)-1])
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{5: "5", 500: "500", 1000: "1.000", 25000: "25.000", 1234567: "1.234.567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
