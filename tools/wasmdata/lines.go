package main

import (
	"encoding/binary"
	"fmt"
)

// This file drops the source positions of a Go program's functions (-nolines):
// the file and line tables of its pclntab (with the file names and each
// function's first line), the index into each function's inline tree and the
// index into its arguments' liveness. Go's runtime reads
// them only to name a frame's file, line and inlined calls and to print its
// arguments: in a panic's or throw's stack trace, runtime.Caller,
// runtime.Callers and their Frames, and FuncForPC. With the index goes each
// function's FUNCDATA_InlTree slot, the inline tree the index points into:
// the runtime reads a tree only at an index (symtabinl.go's inlineUnwinder,
// FuncForPC), and the index of a function without one is -1, the same as
// an absent tree (the tree's blob becomes zeros, args.go). The
// tables the program runs on stay: the stack pointer deltas (stack growth and
// the garbage collector's stack scans), the stack maps and the bounds-check
// panics' tables, the funcdata of the stack maps, stack objects,
// open-coded defers and wrappers; function names stay too. After it, a
// stack trace names every function with "?:0" for its place and omits the
// frames of inlined calls (and prints no arguments).
//
// It also drops two tables the runtime never reads on js/wasm (checked in Go
// 1.26's runtime, grepping for their abi constants):
//   - each function's unsafe-point table (PCDATA_UnsafePoint): read only by
//     isAsyncSafePoint (preempt.go), called only from the signal handlers of
//     signal_unix.go and os_windows.go, and debugcall.go (amd64, arm64,
//     loong64, ppc64 only); js/wasm has no asynchronous preemption
//     (preemptMSupported is false in os_wasm.go);
//   - its FUNCDATA_ArgInfo and FUNCDATA_ArgLiveInfo slots: read only by the
//     traceback's printArgs, which prints nothing when ArgInfo is absent.
//     An absent slot is ^uint32(0) (runtime.funcdata returns nil); the
//     ArgInfo blobs no kept slot uses become zeros (args.go).
//
// The runtime's _func (Go 1.20 and later, runtime/runtime2.go) has an offset
// into pctab for each table; 0 means no table, which the runtime treats as
// unknown (pcvalue returns -1, funcline1 "?" and 0). The bytes no remaining
// table uses become zeros (memory keeps its layout; zeros compress to little).

const (
	pclnMagic     = 0xfffffff1 // abi.Go120PCLnTabMagic
	pcHeaderSize  = 8 + 8*8    // magic, pads, minLC, ptrSize; 8 pointer-sized words
	funcSize      = 44         // runtime._func before its pcdata offsets
	funcPcfile    = 20         // the offsets of _func's fields
	funcPcln      = 24
	funcNpcdata   = 28
	funcCuOffset  = 32
	funcStartLine = 36
	funcNfuncdata = 43 // _func's last byte
	pcdataUnsafe  = 0  // abi.PCDATA_UnsafePoint
	pcdataInlTree = 2  // abi.PCDATA_InlTreeIndex
	pcdataArgLive = 3  // abi.PCDATA_ArgLiveIndex
	funcdataInl   = 3  // abi.FUNCDATA_InlTree
	funcdataArgs  = 5  // abi.FUNCDATA_ArgInfo; abi.FUNCDATA_ArgLiveInfo follows
)

// droppedPcdata reports whether stripLines drops pcdata table d.
func droppedPcdata(d int) bool {
	return d == pcdataUnsafe || d == pcdataInlTree || d == pcdataArgLive
}

// droppedFuncdata reports whether stripLines drops funcdata slot k.
func droppedFuncdata(k int) bool {
	return k == funcdataInl || k == funcdataArgs || k == funcdataArgs+1
}

// pclnTab locates a pclntab in mem.
type pclnTab struct {
	nfunc       int
	header      int // the pcHeader's start in mem
	funcnames   int // the start of funcnametab in mem; cutab follows it
	cutab       int // the start of cutab in mem; filetab follows it, then pctab
	pctab, pcln int // the starts of pctab and of functab/_func records in mem
	end         int // where the records may go up to
}

// findPcln returns the pclntab of a 64-bit Go program's memory image: the
// pcHeader (aligned to 8) whose offsets are in order and in mem and whose
// first function's record names that function's entry.
func findPcln(mem []byte) (pclnTab, error) {
	le := binary.LittleEndian
	for at := 0; at+pcHeaderSize <= len(mem); at += 8 {
		if le.Uint32(mem[at:]) != pclnMagic || mem[at+4] != 0 || mem[at+5] != 0 || mem[at+7] != 8 {
			continue
		}
		nfunc := le.Uint64(mem[at+8:])
		namesOff, cuOff := le.Uint64(mem[at+32:]), le.Uint64(mem[at+40:])
		pctabOff, pclnOff := le.Uint64(mem[at+56:]), le.Uint64(mem[at+64:])
		if nfunc == 0 || nfunc > 1<<24 || namesOff < pcHeaderSize || cuOff < namesOff || pctabOff < cuOff || pclnOff <= pctabOff || pclnOff > uint64(len(mem)-at) {
			continue
		}
		t := pclnTab{nfunc: int(nfunc), header: at, funcnames: at + int(namesOff), cutab: at + int(cuOff), pctab: at + int(pctabOff), pcln: at + int(pclnOff), end: len(mem)}
		if t.pcln+8*(t.nfunc+1) > len(mem) {
			continue
		}
		if fp, ok := t.record(mem, 0); ok && le.Uint32(mem[fp:]) == le.Uint32(mem[t.pcln:]) {
			return t, nil
		}
	}
	return pclnTab{}, &FormatError{Offset: 0, What: "no Go 1.20+ pclntab (64-bit) in the data segments"}
}

// record returns where function i's _func starts in mem.
func (t pclnTab) record(mem []byte, i int) (int, bool) {
	off := int(binary.LittleEndian.Uint32(mem[t.pcln+8*i+4:]))
	fp := t.pcln + off
	return fp, off > 0 && fp+funcSize <= t.end
}

// tableLen returns the length of the pc-value table at off in pctab, its
// terminating zero included (runtime.step).
func tableLen(pctab []byte, off int) (int, bool) {
	p, first := off, true
	for p < len(pctab) {
		if pctab[p] == 0 && !first {
			return p + 1 - off, true
		}
		first = false
		for k := 0; k < 2; k++ { // the value delta, then the pc delta: varints
			for p < len(pctab) && pctab[p]&0x80 != 0 {
				p++
			}
			p++
		}
	}
	return 0, false
}

// stripLines drops the file, line and inline-index tables of the pclntab in
// mem (see above) and returns how many bytes of pctab it set to zero.
func stripLines(mem []byte) (int, error) {
	t, err := findPcln(mem)
	if err != nil {
		return 0, err
	}
	gofunc, err := findGofunc(mem, t)
	if err != nil {
		return 0, err
	}
	le := binary.LittleEndian
	pctab := mem[t.pctab:t.pcln]
	unused := make([]bool, len(pctab))
	markRange(unused, 1, len(unused), true) // pctab[0]: offset 0 is no table
	keep := func(off uint32) bool {
		if off == 0 {
			return true
		}
		n, ok := tableLen(pctab, int(off))
		if ok {
			markRange(unused, int(off), int(off)+n, false)
		}
		return ok
	}
	uses := blobUses{gofunc: gofunc}
	for i := 0; i < t.nfunc; i++ {
		fp, ok := t.record(mem, i)
		if !ok || le.Uint32(mem[fp:]) != le.Uint32(mem[t.pcln+8*i:]) {
			return 0, &FormatError{Offset: t.pcln + 8*i, What: fmt.Sprintf("function %d's record does not match the functab", i)}
		}
		npcdata := int(le.Uint32(mem[fp+funcNpcdata:]))
		if npcdata > 16 || fp+funcSize+4*npcdata > len(mem) || !keep(le.Uint32(mem[fp+16:])) {
			return 0, &FormatError{Offset: fp, What: fmt.Sprintf("function %d's record is not a Go 1.20+ _func", i)}
		}
		if err := uses.note(mem, pctab, fp, npcdata); err != nil {
			return 0, err
		}
		for d := 0; d < npcdata; d++ {
			at := fp + funcSize + 4*d
			if droppedPcdata(d) {
				le.PutUint32(mem[at:], 0)
			} else if !keep(le.Uint32(mem[at:])) {
				return 0, &FormatError{Offset: at, What: fmt.Sprintf("function %d: pcdata %d runs past pctab", i, d)}
			}
		}
		for _, f := range []int{funcPcfile, funcPcln, funcCuOffset, funcStartLine} {
			le.PutUint32(mem[fp+f:], 0)
		}
		slots := fp + funcSize + 4*npcdata // note checked they are in mem
		for k := range int(mem[fp+funcNfuncdata]) {
			if droppedFuncdata(k) {
				le.PutUint32(mem[slots+4*k:], ^uint32(0)) // absent: runtime.funcdata returns nil
			}
		}
	}
	clear(mem[t.cutab:t.pctab]) // cutab and filetab: the files, read only with pcfile
	return zeroMarked(pctab, unused) + uses.zero(mem), nil
}

// markRange sets marks[start:end] to v.
func markRange(marks []bool, start, end int, v bool) {
	for i := start; i < end; i++ {
		marks[i] = v
	}
}

// zeroMarked sets to zero the bytes of b that marks marks and returns how
// many were not zero.
func zeroMarked(b []byte, marks []bool) int {
	n := 0
	for i := range b {
		if marks[i] && b[i] != 0 {
			b[i] = 0
			n++
		}
	}
	return n
}

// stripModuleLines applies stripLines to the memory that module's simple data
// segments initialise, in place: the segments keep their places and lengths.
func stripModuleLines(module []byte) (int, error) { return stripModule(module, stripLines) }

// stripModule applies strip to the memory that module's simple data segments
// initialise, in place: the segments keep their places and lengths.
func stripModule(module []byte, strip func(mem []byte) (int, error)) (int, error) {
	secs, err := readSections(module)
	if err != nil {
		return 0, err
	}
	for _, s := range secs {
		if s.id != sectionData {
			continue
		}
		segs, err := readData(s.body)
		if err != nil {
			return 0, err
		}
		var mem []byte
		for _, seg := range segs {
			if seg.simple && seg.end() > uint64(len(mem)) {
				mem = append(mem, make([]byte, seg.end()-uint64(len(mem)))...)
			}
		}
		for _, seg := range segs {
			if seg.simple {
				copy(mem[seg.offset:], seg.init)
			}
		}
		n, err := strip(mem)
		if err != nil {
			return 0, err
		}
		for _, seg := range segs {
			if seg.simple {
				copy(seg.init, mem[seg.offset:]) // init aliases module
			}
		}
		return n, nil
	}
	return 0, &FormatError{Offset: len(module), What: "no data section"}
}
