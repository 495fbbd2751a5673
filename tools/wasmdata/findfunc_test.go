package main

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestFindstepGoProgram links testdata/unwind for js/wasm, rounds its
// findfunctab's indexes down to multiples of 8 and, where Node.js is
// installed, checks that it computes the same (stack growth, the garbage
// collector's stack scans, panics and defers find each frame's function
// through the table).
func TestFindstepGoProgram(t *testing.T) {
	const step = 8
	p := linkTestProgram(t, "unwind")
	before, _, _ := memoryImage(t, p.module)
	n, err := stripModule(p.module, func(mem []byte) (int, error) { return coarsenFindfunc(mem, step) })
	if err != nil {
		t.Fatal(err)
	}
	after, _, _ := memoryImage(t, p.module)
	tab, buckets, err := findFindfunctab(before)
	if err != nil {
		t.Fatal(err)
	}
	le, changed := binary.LittleEndian, 0
	for b := tab; b < tab+buckets*findBucketSize; b += findBucketSize {
		was, is := le.Uint32(before[b:]), le.Uint32(after[b:])
		if is != was-was%step || string(before[b+4:b+findBucketSize]) != string(after[b+4:b+findBucketSize]) {
			t.Fatalf("the bucket at %#x: index %d, was %d; subbuckets % x, were % x", b, is, was, after[b+4:b+findBucketSize], before[b+4:b+findBucketSize])
		}
		if is != was {
			changed++
		}
	}
	if n == 0 || n != changed || len(after) != len(before) {
		t.Fatalf("%d indexes changed, %d counted; memory %d bytes, was %d", n, changed, len(after), len(before))
	}
	clear(after[tab : tab+buckets*findBucketSize])
	clear(before[tab : tab+buckets*findBucketSize])
	if string(after) != string(before) {
		t.Fatal("memory outside findfunctab changed")
	}
	out := filepath.Join(p.dir, "findstep.wasm")
	if err := os.WriteFile(out, p.module, 0o644); err != nil {
		t.Fatal(err)
	}
	runBoth(t, p.goCmd, p.orig, out)
}

func TestFindstepRejectsOtherData(t *testing.T) {
	_, err := stripModule(testModule(simpleSeg(0, "no pclntab here")), func(mem []byte) (int, error) { return coarsenFindfunc(mem, 8) })
	var fe *FormatError
	if !errors.As(err, &fe) {
		t.Errorf("err = %v, want a *FormatError", err)
	}
}
