package present

import (
	"math"
	"slices"
	"testing"
)

// prevSnapshot returns the snapshot update before u, which must be one: the
// schedule's table, then 1 and 3 × a power of ten.
func prevSnapshot(t *testing.T, u uint64) uint64 {
	t.Helper()
	if i := slices.Index(snapshotUpdates, u); i > 0 {
		return snapshotUpdates[i-1]
	}
	m, p := u, uint64(1)
	for m%10 == 0 {
		m, p = m/10, p*10
	}
	switch {
	case m == 3 && p >= 1_000_000:
		return p
	case m == 1 && p > 1_000_000:
		return 3 * p / 10
	}
	t.Fatalf("%d is not a snapshot update", u)
	return 0
}

// TestNextSnapshotHuge: near 2^63 the schedule ended in an endless loop (its
// multiplication wrapped around); it must end with 10^19.
func TestNextSnapshotHuge(t *testing.T) {
	for _, c := range []struct {
		after int64
		want  uint64
	}{{1 << 53, 1e16}, {1e18 - 1, 1e18}, {1e18, 3e18}, {3e18, 1e19}, {math.MaxInt64, 1e19}} {
		if got := NextSnapshot(c.after); got != c.want {
			t.Errorf("NextSnapshot(%d) = %d, want %d", c.after, got, c.want)
		}
	}
}

// FuzzNextSnapshot: for every after, NextSnapshot ends and returns the
// first snapshot update above it.
func FuzzNextSnapshot(f *testing.F) {
	for _, a := range []int64{math.MinInt64, -1, 0, 99, 1e6, 1 << 53, 1e18, 3e18, 1<<63 - 1} {
		f.Add(a)
	}
	f.Fuzz(func(t *testing.T, after int64) {
		u := NextSnapshot(after)
		if after < 0 {
			if u != 0 {
				t.Fatalf("NextSnapshot(%d) = %d, want 0", after, u)
			}
			return
		}
		if u <= uint64(after) || prevSnapshot(t, u) > uint64(after) {
			t.Fatalf("NextSnapshot(%d) = %d, not the first snapshot update above it", after, u)
		}
	})
}

// FuzzSampleSeed: the seed of a Generate depends only on its inputs, and the
// next press gets another one.
func FuzzSampleSeed(f *testing.F) {
	f.Add(uint64(0), uint64(0), uint64(0))
	f.Add(uint64(math.MaxUint64), uint64(1<<53), uint64(math.MaxUint64))
	f.Add(uint64(1), uint64(1e18), uint64(1<<63))
	f.Fuzz(func(t *testing.T, seed, update, n uint64) {
		s := SampleSeed(seed, update, n)
		if SampleSeed(seed, update, n) != s {
			t.Fatal("not deterministic")
		}
		if SampleSeed(seed, update, n+1) == s {
			t.Fatalf("SampleSeed(%d, %d, %d) repeats at the next press", seed, update, n)
		}
	})
}
