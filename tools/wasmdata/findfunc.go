package main

import (
	"encoding/binary"
	"fmt"
)

// This file coarsens a Go program's findfunctab (-findstep n): the table
// runtime.findfunc reads to go from a pc to its function. It has one 20-byte
// bucket per 4096 bytes of pc (abi.FuncTabBucketSize): the index in ftab of
// the first function in the bucket and 16 small offsets from it, one per
// sixteenth of the bucket. findfunc starts at that index plus the offset and
// steps forward while the next function starts at or before the pc
// (symtab.go: for datap.ftab[idx+1].entryoff <= pcOff { idx++ }), so any
// index at or below the right one finds the same function, after as many
// more steps. On js/wasm a pc is a function's index shifted left by 16 bits,
// so every function has 16 buckets: 73,809 of them, 1.4 MB of memory whose
// index grows by one every 16 buckets, which compresses poorly. Rounding each
// index down to a multiple of n leaves runs n times as long, for at most n-1
// more steps (each one comparison) in each findfunc.

const (
	moduledataFtab   = 128 // the offsets of runtime.moduledata's ftab (a slice),
	moduledataFind   = 152 // findfunctab, minpc and maxpc (Go 1.26, 64-bit)
	moduledataMinpc  = 160
	moduledataMaxpc  = 168
	findBucketSize   = 20   // runtime.findfuncbucket: idx uint32, subbuckets [16]byte
	findBucketCovers = 4096 // abi.FuncTabBucketSize
)

// coarsenFindfunc rounds the function indexes of the findfunctab of the
// pclntab in mem down to multiples of step and returns how many changed.
func coarsenFindfunc(mem []byte, step int) (int, error) {
	tab, n, err := findFindfunctab(mem)
	if err != nil {
		return 0, err
	}
	le, changed := binary.LittleEndian, 0
	for b := tab; b < tab+n*findBucketSize; b += findBucketSize {
		idx := le.Uint32(mem[b:])
		if r := idx - idx%uint32(step); r != idx {
			le.PutUint32(mem[b:], r)
			changed++
		}
	}
	return changed, nil
}

// findFindfunctab returns where the findfunctab of the pclntab in mem starts
// and its number of buckets, having checked that every bucket's index is in
// ftab.
func findFindfunctab(mem []byte) (tab, n int, err error) {
	t, err := findPcln(mem)
	if err != nil {
		return 0, 0, err
	}
	md, err := findModuledata(mem, t)
	if err != nil {
		return 0, 0, err
	}
	le := binary.LittleEndian
	at := le.Uint64(mem[md+moduledataFind:])
	minpc, maxpc := le.Uint64(mem[md+moduledataMinpc:]), le.Uint64(mem[md+moduledataMaxpc:])
	nftab := le.Uint64(mem[md+moduledataFtab+8:])
	if maxpc < minpc || nftab == 0 {
		return 0, 0, &FormatError{Offset: md, What: "the moduledata's pc range or ftab is not a Go 1.26 one"}
	}
	nb := (maxpc - minpc + findBucketCovers - 1) / findBucketCovers
	if at > uint64(len(mem)) || nb > (uint64(len(mem))-at)/findBucketSize {
		return 0, 0, &FormatError{Offset: md, What: fmt.Sprintf("findfunctab at %#x (%d buckets) is not in memory", at, nb)}
	}
	for b := at; b < at+nb*findBucketSize; b += findBucketSize {
		if idx := le.Uint32(mem[b:]); uint64(idx) >= nftab {
			return 0, 0, &FormatError{Offset: int(b), What: fmt.Sprintf("a findfunctab bucket's index %d is past ftab's %d functions", idx, nftab)}
		}
	}
	return int(at), int(nb), nil
}
