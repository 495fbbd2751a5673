package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// This file drops the names of a Go program's own functions (-nonames): in
// the pclntab's funcnametab, each name outside the runtime's and reflect's
// packages becomes "?.?" followed by zeros, in place (offsets and layout
// stay; zeros compress to little). Go's runtime reads a function's name to
// print it (stack traces, runtime.Callers' Frames, FuncForPC) and, for what
// the program runs on, only for functions of its own and of reflect: whether
// a goroutine is the runtime's ("runtime." names), how to scan the frames of
// reflect's call stubs. Those names stay. After it, a stack trace names the
// program's functions "?.?" (the "." keeps their frames in the trace).

// keptNames are the prefixes of the names that stay.
var keptNames = [][]byte{[]byte("runtime."), []byte("reflect."), []byte("internal/runtime/")}

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
		if n < 3 || bytes.Equal(name, []byte("?.?")) || kept(name) {
			continue
		}
		copy(name, "?.?")
		clear(name[3:])
		changed += n
	}
	return changed, nil
}

func kept(name []byte) bool {
	for _, p := range keptNames {
		if bytes.HasPrefix(name, p) {
			return true
		}
	}
	return false
}
