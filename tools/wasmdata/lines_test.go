package main

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// funcTables are the table offsets of one function's _func record.
type funcTables struct {
	pcsp     uint32
	pcdata   []uint32
	funcdata []uint32
}

// readFuncTables returns the table offsets of every function of the pclntab
// in mem and its pctab.
func readFuncTables(t *testing.T, mem []byte) ([]funcTables, []byte) {
	t.Helper()
	p, err := findPcln(mem)
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	u32s := func(at, n int) []uint32 {
		out := make([]uint32, n)
		for k := range out {
			out[k] = le.Uint32(mem[at+4*k:])
		}
		return out
	}
	fs := make([]funcTables, p.nfunc)
	for i := range fs {
		fp, ok := p.record(mem, i)
		if !ok {
			t.Fatalf("function %d has no record", i)
		}
		npcdata := int(le.Uint32(mem[fp+funcNpcdata:]))
		fs[i] = funcTables{pcsp: le.Uint32(mem[fp+16:]), pcdata: u32s(fp+funcSize, npcdata),
			funcdata: u32s(fp+funcSize+4*npcdata, int(mem[fp+funcNfuncdata]))}
	}
	return fs, mem[p.pctab:p.pcln]
}

// checkTables checks, for memory images before and after stripLines, that
// the unsafe points, the inline trees and the argument infos are gone and
// that every table the program runs on is unchanged: the stack pointer
// deltas, the pcdata of stack maps and bounds-check panics (its bytes in
// pctab included) and the funcdata other than InlTree, ArgInfo and
// ArgLiveInfo.
func checkTables(t *testing.T, before, after []byte) {
	t.Helper()
	fb, pctabB := readFuncTables(t, before)
	fa, pctabA := readFuncTables(t, after)
	var unsafeB, unsafeA, kept int
	var droppedB, droppedA [funcdataArgs + 2]int // by funcdata kind
	same := func(off uint32) bool {
		n, ok := tableLen(pctabB, int(off))
		return off == 0 || ok && bytes.Equal(pctabB[off:int(off)+n], pctabA[off:int(off)+n])
	}
	for i := range fb {
		b, a := fb[i], fa[i]
		if len(b.pcdata) > pcdataUnsafe {
			unsafeB += min(int(b.pcdata[pcdataUnsafe]), 1)
			unsafeA += min(int(a.pcdata[pcdataUnsafe]), 1)
		}
		for k := range min(len(b.funcdata), len(droppedB)) {
			droppedB[k] += min(int(^b.funcdata[k]), 1)
			droppedA[k] += min(int(^a.funcdata[k]), 1)
		}
		if a.pcsp != b.pcsp || !same(b.pcsp) {
			t.Errorf("function %d: its stack pointer table changed", i)
		}
		for d, off := range b.pcdata {
			if !droppedPcdata(d) && (a.pcdata[d] != off || !same(off)) {
				t.Errorf("function %d: its pcdata %d changed", i, d)
			}
			kept += min(int(off), 1)
		}
		for k, off := range b.funcdata {
			if !droppedFuncdata(k) && a.funcdata[k] != off {
				t.Errorf("function %d: its funcdata %d changed", i, k)
			}
		}
	}
	for _, k := range []int{funcdataInl, funcdataArgs, funcdataArgs + 1} {
		if droppedB[k] == 0 && k != funcdataArgs+1 || droppedA[k] != 0 { // the program has no ArgLiveInfo
			t.Errorf("functions with funcdata %d: %d, then %d", k, droppedB[k], droppedA[k])
		}
	}
	if unsafeB == 0 || kept == 0 || unsafeA != 0 {
		t.Errorf("functions with unsafe points %d, then %d; kept pcdata tables %d", unsafeB, unsafeA, kept)
	}
}

// checkBlobs checks, for memory images before and after stripLines, that
// the ArgInfo and inline-tree blobs no kept funcdata slot uses became zeros
// and that the blobs of the kept slots did not change.
func checkBlobs(t *testing.T, before, after []byte) {
	t.Helper()
	p, err := findPcln(before)
	if err != nil {
		t.Fatal(err)
	}
	gofunc, err := findGofunc(before, p)
	if err != nil {
		t.Fatal(err)
	}
	uses := blobUses{gofunc: gofunc}
	le := binary.LittleEndian
	for i := 0; i < p.nfunc; i++ {
		fp, _ := p.record(before, i)
		if err := uses.note(before, before[p.pctab:p.pcln], fp, int(le.Uint32(before[fp+funcNpcdata:]))); err != nil {
			t.Fatalf("function %d: %v", i, err)
		}
	}
	for _, r := range uses.kept {
		if !bytes.Equal(before[r[0]:r[1]], after[r[0]:r[1]]) {
			t.Fatalf("the kept blob at %#x changed", r[0])
		}
	}
	zeros := 0
	for _, r := range uses.dropped {
		if bytes.Count(after[r[0]:r[1]], []byte{0}) == r[1]-r[0] {
			zeros++
		}
	}
	if len(uses.kept) == 0 || zeros == 0 {
		t.Errorf("kept blobs %d; of %d dropped slots, %d point to zeros", len(uses.kept), len(uses.dropped), zeros)
	}
}

// TestZeroArgInfos: a dropped ArgInfo blob becomes zeros, measured by its
// encoding, except where a kept blob shares its bytes.
func TestZeroArgInfos(t *testing.T) {
	mem := make([]byte, 64)
	for i := range mem {
		mem[i] = 0xaa
	}
	info := []byte{0x00, 0x08, 0xfe, 0x08, 0x08, 0xfd, 0xfc, argsEndSeq}
	copy(mem[8:], info)
	copy(mem[32:], info)
	n := argInfoLen(mem[8:])
	if n != len(info) || argInfoLen(mem[:8]) != 0 {
		t.Fatalf("argInfoLen = %d, want %d; without an end %d, want 0", n, len(info), argInfoLen(mem[:8]))
	}
	u := blobUses{dropped: [][2]int{{8, 8 + n}, {32, 32 + n}}, kept: [][2]int{{36, 44}}}
	if got, want := u.zero(mem), n-1+3; got != want { // info starts with a zero byte
		t.Errorf("%d bytes zeroed, want %d", got, want)
	}
	want := bytes.Repeat([]byte{0xaa}, 64)
	copy(want[8:], make([]byte, n))
	copy(want[32:], []byte{0, 0, 0, 0, 0x08, 0xfd, 0xfc, argsEndSeq})
	if !bytes.Equal(mem, want) {
		t.Errorf("memory % x\nwant      % x", mem, want)
	}
}
