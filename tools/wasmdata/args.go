package main

import (
	"encoding/binary"
	"fmt"
)

// This file finds the bytes of the ArgInfo and inline-tree blobs that
// -nolines leaves unreferenced (lines.go drops every function's InlTree,
// ArgInfo and ArgLiveInfo slots) and sets them to zero. A function's funcdata
// slot k is an offset from moduledata.gofunc (go:func.*) to its blob; the
// linker deduplicates blobs of equal content, so one blob may serve several
// slots, of any kind. A byte of a dropped blob becomes zero only where no
// kept slot's blob (kinds 0 to 2, 4 and 7, each measured by its encoding)
// lies. An inline tree's length is the largest value of its function's
// inline-tree index; a tree whose index is unknown stays. ArgLiveInfo blobs
// stay: their length depends on the liveness indexes, not on their bytes.

const (
	moduledataGofunc = 320  // the offset of runtime.moduledata's gofunc (Go 1.26, 64-bit)
	argsEndSeq       = 0xff // abi.TraceArgsEndSeq
	argsSpecial      = 0xf0 // abi.TraceArgsSpecial: above it, one-byte operators
	argsMaxLen       = 171  // abi.TraceArgsMaxLen
)

// blobUses collects, while lines.go visits the functions, the blobs the
// dropped ArgInfo and InlTree slots and the kept slots reference, as
// [start, end) in mem.
type blobUses struct {
	gofunc  int
	dropped [][2]int
	kept    [][2]int
}

// findModuledata returns where the moduledata of the pclntab t starts in
// mem: the 8-aligned record whose first words are the pcHeader's and
// funcnametab's addresses.
func findModuledata(mem []byte, t pclnTab) (int, error) {
	le := binary.LittleEndian
	for at := 0; at+moduledataGofunc+8 <= len(mem); at += 8 {
		if le.Uint64(mem[at:]) == uint64(t.header) && le.Uint64(mem[at+8:]) == uint64(t.funcnames) {
			return at, nil
		}
	}
	return 0, &FormatError{Offset: t.header, What: "no moduledata names this pclntab"}
}

// findGofunc returns the address of go:func.* from the moduledata of the
// pclntab t in mem.
func findGofunc(mem []byte, t pclnTab) (int, error) {
	md, err := findModuledata(mem, t)
	if err != nil {
		return 0, err
	}
	if g := binary.LittleEndian.Uint64(mem[md+moduledataGofunc:]); g < uint64(len(mem)) {
		return int(g), nil
	}
	return 0, &FormatError{Offset: md, What: "the moduledata's go:func.* is not in memory"}
}

// note records the funcdata slots of the _func at fp (before lines.go drops
// its inline-tree index: an inline tree's length is that index's maximum).
func (u *blobUses) note(mem, pctab []byte, fp, npcdata int) error {
	le := binary.LittleEndian
	slots := fp + funcSize + 4*npcdata
	nfuncdata := int(mem[fp+funcNfuncdata])
	if slots+4*nfuncdata > len(mem) {
		return &FormatError{Offset: fp, What: "its funcdata runs past memory"}
	}
	inl := int32(-2) // no inline-tree index
	if npcdata > pcdataInlTree {
		if top, ok := tableMax(pctab, int(le.Uint32(mem[fp+funcSize+4*pcdataInlTree:]))); ok {
			inl = top
		}
	}
	for k := 0; k < nfuncdata; k++ {
		off := le.Uint32(mem[slots+4*k:])
		if off == ^uint32(0) || k == funcdataArgs+1 {
			continue
		}
		at := u.gofunc + int(off)
		n, ok := blobLen(mem, at, k, inl)
		if !ok {
			return &FormatError{Offset: at, What: fmt.Sprintf("its funcdata %d is not a blob of its kind", k)}
		}
		switch {
		case k == funcdataInl && inl < 0: // its length is unknown: its bytes stay
		case droppedFuncdata(k):
			u.dropped = append(u.dropped, [2]int{at, at + n})
		default:
			u.kept = append(u.kept, [2]int{at, at + n})
		}
	}
	return nil
}

// blobLen returns the length of the blob of funcdata kind k at mem[at:], by
// its encoding (runtime's stackmap, stackObjectRecord, inlinedCall, open-coded
// defer info, wrapper info; printArgs for ArgInfo); an inline tree whose
// index's maximum inl is unknown (-2) runs to the end of memory.
func blobLen(mem []byte, at, k int, inl int32) (int, bool) {
	if at < 0 || at >= len(mem) {
		return 0, false
	}
	b, le, n := mem[at:], binary.LittleEndian, 0
	switch k {
	case 0, 1: // stack maps: n, nbit int32, then n bitmaps
		if len(b) >= 8 {
			n = 8 + int(le.Uint32(b))*int((le.Uint32(b[4:])+7)/8)
		}
	case 2: // stack objects: a count, then 16-byte records
		if len(b) >= 8 {
			n = 8 + 16*int(le.Uint32(b))
		}
	case 3: // inline tree: 16-byte inlinedCalls
		n = len(b)
		if inl >= 0 {
			n = 16 * int(inl+1)
		}
	case 4: // open-coded defers: two varints
		if _, m := binary.Uvarint(b); m > 0 {
			if _, m2 := binary.Uvarint(b[m:]); m2 > 0 {
				n = m + m2
			}
		}
	case funcdataArgs:
		n = argInfoLen(b)
	case 7: // the wrapped function's offset
		n = 4
	default: // a newer kind: up to the end of memory
		n = len(b)
	}
	return n, n > 0 && n <= len(b)
}

// argInfoLen returns the length of the ArgInfo at b's start, as printArgs
// reads it, or 0.
func argInfoLen(b []byte) int {
	for i := 0; i < len(b) && i < argsMaxLen; i++ {
		switch {
		case b[i] == argsEndSeq:
			return i + 1
		case b[i] < argsSpecial:
			i++ // an offset, then a size
		}
	}
	return 0
}

// zero sets to zero the bytes of the dropped blobs that no kept blob uses
// and returns how many were not zero.
func (u *blobUses) zero(mem []byte) int {
	drop := make([]bool, len(mem))
	for _, r := range u.dropped {
		markRange(drop, r[0], r[1], true)
	}
	for _, r := range u.kept {
		markRange(drop, r[0], r[1], false)
	}
	return zeroMarked(mem, drop)
}

// tableMax returns the largest value of the pc-value table at off in pctab.
func tableMax(pctab []byte, off int) (int32, bool) {
	if off <= 0 || off >= len(pctab) {
		return 0, false
	}
	val, top := int32(-1), int32(-1)
	for p, first := off, true; p < len(pctab); first = false {
		uv, n := binary.Uvarint(pctab[p:])
		if n <= 0 || uv == 0 && !first {
			return top, n > 0
		}
		if uv&1 != 0 {
			val += int32(^(uv >> 1))
		} else {
			val += int32(uv >> 1)
		}
		top = max(top, val)
		_, m := binary.Uvarint(pctab[p+n:])
		if m <= 0 {
			return 0, false
		}
		p += n + m
	}
	return 0, false
}
