package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// This file drops the names of a Go program's functions (-nonames) from the
// pclntab's funcnametab, in place (the layout stays). Go's runtime reads a
// function's name to print it (stack traces, runtime.Callers' Frames,
// FuncForPC) and, for what the program runs on (checked in Go 1.26's
// runtime, grepping for funcname and the names it compares), only:
//   - whether a goroutine is the runtime's: its function's name starts with
//     "runtime." (isSystemGoroutine; runtime.main and the finalizer and
//     cleanup goroutines go by their funcID);
//   - how to scan the frames of reflect's two call stubs, by their names
//     (stkframe.go's argMapInternal).
//
// So every name of the runtime's becomes "runtime.?", every other name
// "?.?", except the two stubs' names and runtime.gopanic's (a stack trace
// prints it as "panic"). Only the first name of each kind keeps its text
// ("runtime.?" or "?.?" followed by zeros); the others become zeros and each
// record names that first one: zeros and one repeated offset compress to
// little. Where no function has an inline tree left (-nolines drops them),
// the names of inlined calls, which only the trees named, become zeros too. After it, a stack trace names the program's functions "?.?" (the
// "." keeps their frames in the trace) and hides the runtime's, as it hides
// most of them anyway.

// keptNames are the names that stay.
var keptNames = [][]byte{[]byte("reflect.makeFuncStub"), []byte("reflect.methodValueCall"), []byte("runtime.gopanic")}

// runtimePrefix starts the names of the runtime's functions.
const runtimePrefix = "runtime."

// funcNameOff is the offset of nameOff in runtime._func.
const funcNameOff = 4

// stripNames replaces the names of the functions outside keptNames in the
// pclntab in mem and returns how many bytes of names it changed.
func stripNames(mem []byte) (int, error) {
	t, err := findPcln(mem)
	if err != nil {
		return 0, err
	}
	le := binary.LittleEndian
	names := mem[t.funcnames:t.cutab]
	changed := 0
	shared := [2]int{-1, -1}           // the offsets of the one "?.?" and the one "runtime.?"
	unused := make([]bool, len(names)) // the bytes no record's name covers
	markRange(unused, 0, len(unused), true)
	trees := false // whether a function has an inline tree, which names its inlined calls
	for i := 0; i < t.nfunc; i++ {
		fp, ok := t.record(mem, i)
		if !ok || le.Uint32(mem[fp:]) != le.Uint32(mem[t.pcln+8*i:]) {
			return 0, &FormatError{Offset: t.pcln + 8*i, What: fmt.Sprintf("function %d's record does not match the functab", i)}
		}
		off := int(int32(le.Uint32(mem[fp+funcNameOff:])))
		n := 0
		if off >= 0 && off < len(names) {
			n = bytes.IndexByte(names[off:], 0)
		}
		if n < 0 || off < 0 || off >= len(names) {
			return 0, &FormatError{Offset: fp, What: fmt.Sprintf("function %d's name is not in funcnametab", i)}
		}
		name := names[off : off+n]
		kind, text := 0, "?.?"
		if bytes.HasPrefix(name, []byte(runtimePrefix)) {
			kind, text = 1, runtimePrefix+"?"
		}
		switch {
		case n < 3 || kept(name) || off == shared[kind]:
		case shared[kind] < 0:
			shared[kind] = off
			changed += overwrite(name, text)
		default:
			changed += overwrite(name, "")
			le.PutUint32(mem[fp+funcNameOff:], uint32(shared[kind]))
		}
		at := int(le.Uint32(mem[fp+funcNameOff:]))
		markRange(unused, at, at+bytes.IndexByte(names[at:], 0)+1, false)
		slot := fp + funcSize + 4*(int(le.Uint32(mem[fp+funcNpcdata:]))+funcdataInl)
		trees = trees || int(mem[fp+funcNfuncdata]) > funcdataInl && (slot+4 > len(mem) || le.Uint32(mem[slot:]) != ^uint32(0))
	}
	if !trees { // -nolines dropped them: the names only they used go
		changed += zeroMarked(names, unused)
	}
	return changed, nil
}

// overwrite writes s and then zeros over name and returns how many bytes
// changed.
func overwrite(name []byte, s string) int {
	n := 0
	for i := range name {
		b := byte(0)
		if i < len(s) {
			b = s[i]
		}
		if name[i] != b {
			name[i] = b
			n++
		}
	}
	return n
}

func kept(name []byte) bool {
	for _, k := range keptNames {
		if bytes.Equal(name, k) {
			return true
		}
	}
	return false
}
