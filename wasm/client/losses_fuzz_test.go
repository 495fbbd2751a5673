package client

import (
	"math"
	"testing"
)

// FuzzLossHistory: update counts anywhere in uint64, 2^64−1 included, keep
// the history bounded and its numbers consistent.
func FuzzLossHistory(f *testing.F) {
	f.Add(uint64(1<<53), uint64(1e18), uint64(math.MaxUint64), uint16(3))
	f.Add(uint64(0), uint64(1<<16+5), uint64(1<<63), uint16(300))
	f.Fuzz(func(t *testing.T, u0, u1, u2 uint64, n uint16) {
		var h LossHistory
		losses := make([]float32, n%2048)
		for i := range losses {
			losses[i] = float32(i%7) - 1
		}
		for _, u := range []uint64{u0, u1, u2, u2 + 1, u2 + uint64(len(losses))} {
			h.Add(u, losses)
			if h.Len() > MaxLossEntries {
				t.Fatalf("%d entries", h.Len())
			}
			var sum uint64
			for _, e := range h.Entries {
				sum += uint64(e.Span)
			}
			if sum != h.Updates() {
				t.Fatalf("entries cover %d updates, Updates says %d", sum, h.Updates())
			}
		}
	})
}
