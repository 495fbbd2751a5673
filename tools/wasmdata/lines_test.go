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
// the unsafe points and the argument infos are gone and that every table the
// program runs on is unchanged: the stack pointer deltas, the pcdata of
// stack maps and bounds-check panics (its bytes in pctab included) and the
// funcdata other than ArgInfo and ArgLiveInfo.
func checkTables(t *testing.T, before, after []byte) {
	t.Helper()
	fb, pctabB := readFuncTables(t, before)
	fa, pctabA := readFuncTables(t, after)
	var unsafeB, unsafeA, argsB, argsA, kept int
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
		for k := funcdataArgs; k < funcdataArgs+2 && k < len(b.funcdata); k++ {
			argsB += min(int(^b.funcdata[k]), 1)
			argsA += min(int(^a.funcdata[k]), 1)
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
			if (k < funcdataArgs || k > funcdataArgs+1) && a.funcdata[k] != off {
				t.Errorf("function %d: its funcdata %d changed", i, k)
			}
		}
	}
	if unsafeB == 0 || argsB == 0 || kept == 0 || unsafeA != 0 || argsA != 0 {
		t.Errorf("functions with unsafe points %d, then %d; argument infos %d, then %d; kept pcdata tables %d",
			unsafeB, unsafeA, argsB, argsA, kept)
	}
}
