package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// This file drops the names of a Go program's own functions (-nonames): in
// the pclntab's funcnametab, the first name outside the runtime's and
// reflect's packages becomes "?.?" followed by zeros, every other such name
// becomes zeros, and each of those functions' records names the one "?.?"
// (the layout stays; zeros and one repeated offset compress to little). Go's runtime reads a function's name to
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
	changed, shared := 0, -1 // shared: the offset of the one "?.?"
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
		switch {
		case n < 3 || kept(name) || off == shared:
		case shared < 0:
			shared = off
			changed += overwrite(name, "?.?")
		default:
			changed += overwrite(name, "")
			le.PutUint32(mem[fp+funcNameOff:], uint32(shared))
		}
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
	for _, p := range keptNames {
		if bytes.HasPrefix(name, p) {
			return true
		}
	}
	return false
}
