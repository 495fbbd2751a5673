// Command wasmdata merges the data segments of a WebAssembly module that lie
// close together, without changing the memory they initialise.
//
// Go's linker (cmd/link, wasm) writes a new data segment wherever 8 or more
// zero bytes follow each other, up to 100,000 segments; each costs its own
// header (mode, i32.const offset, end, length), and the headers' varying
// offsets compress poorly. Joining two neighbouring segments writes the zeros
// between them instead; linear memory starts as zeros, so the memory after
// instantiation is the same. Measured on the page's app.wasm (./build.sh build):
// see the commit that added this tool.
//
//	wasmdata [-gap 64] [-nolines] [-nonames] -o out.wasm in.wasm
//
// Only active segments of memory 0 with an i32.const offset are joined, and
// only with the next such segment in the section when it starts at or after
// the first one's end and fewer than -gap bytes later; any other segment stays
// as it is. A data count section, if present, is updated.
//
// With -nolines it first drops the source positions of a Go program's
// functions from its pclntab, with the tables the runtime never reads on
// js/wasm: the unsafe points and the argument infos (lines.go); stack traces
// then show "?:0" and no arguments. With
// -nonames it drops the names of the functions, but for the few the runtime
// runs on (names.go): stack traces then show "?.?" for them. With -findstep n
// it rounds the function indexes of findfunctab, the runtime's table from a
// pc to its function, down to multiples of n (findfunc.go).
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"os"
)

// stats describes what mergeModule did.
type stats struct {
	Before, After       int // data segments
	SizeBefore, SizeAft int // module bytes
}

// mergeModule returns module with neighbouring data segments fewer than gap
// zero bytes apart joined into one.
func mergeModule(module []byte, gap int) ([]byte, stats, error) {
	secs, err := readSections(module)
	if err != nil {
		return nil, stats{}, err
	}
	st := stats{SizeBefore: len(module)}
	for i, s := range secs {
		if s.id != sectionData {
			continue
		}
		segs, err := readData(s.body)
		if err != nil {
			return nil, stats{}, err
		}
		merged := merge(segs, gap)
		st.Before, st.After = len(segs), len(merged)
		secs[i].body = writeData(merged)
	}
	for i, s := range secs {
		if s.id == sectionDataCount {
			secs[i].body = binary.AppendUvarint(nil, uint64(st.After))
		}
	}
	out := writeModule(secs)
	st.SizeAft = len(out)
	return out, st, nil
}

// merge joins each simple segment with the simple segments that follow it
// while the zeros between them are fewer than gap.
func merge(segs []segment, gap int) []segment {
	var out []segment
	for _, s := range segs {
		if n := len(out); n > 0 && s.simple && out[n-1].simple {
			last := &out[n-1]
			if uint64(s.offset) >= last.end() && uint64(s.offset)-last.end() < uint64(gap) {
				joined := make([]byte, 0, uint64(s.offset)-uint64(last.offset)+uint64(len(s.init)))
				joined = append(joined, last.init...)
				joined = append(joined, make([]byte, uint64(s.offset)-last.end())...)
				last.init = append(joined, s.init...)
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

func main() {
	gap := flag.Int("gap", 64, "join segments fewer than this many zero bytes apart")
	out := flag.String("o", "", "write the module here (may be the input)")
	nolines := flag.Bool("nolines", false, "drop the Go functions' file, line and inlining tables, unsafe points and argument infos (lines.go)")
	nonames := flag.Bool("nonames", false, "drop the names of the Go functions but those the runtime runs on (names.go)")
	findstep := flag.Int("findstep", 1, "round findfunctab's function indexes down to multiples of this (findfunc.go)")
	flag.Parse()
	if flag.NArg() != 1 || *out == "" || *gap < 0 || *findstep < 1 {
		fmt.Fprintln(os.Stderr, "usage: wasmdata [-gap 64] [-nolines] [-nonames] [-findstep 1] -o out.wasm in.wasm")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *out, *gap, *nolines, *nonames, *findstep); err != nil {
		fmt.Fprintln(os.Stderr, "wasmdata:", err)
		os.Exit(1)
	}
}

func run(in, out string, gap int, nolines, nonames bool, findstep int) error {
	module, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	if nolines {
		n, err := stripModuleLines(module)
		if err != nil {
			return err
		}
		fmt.Printf("wasmdata: file, line, inlining, unsafe-point and argument tables dropped, %d bytes zeroed\n", n)
	}
	if nonames {
		n, err := stripModule(module, stripNames)
		if err != nil {
			return err
		}
		fmt.Printf("wasmdata: the program's function names dropped, %d bytes changed\n", n)
	}
	if findstep > 1 {
		n, err := stripModule(module, func(mem []byte) (int, error) { return coarsenFindfunc(mem, findstep) })
		if err != nil {
			return err
		}
		fmt.Printf("wasmdata: findfunctab's indexes rounded down to multiples of %d, %d changed\n", findstep, n)
	}
	merged, st, err := mergeModule(module, gap)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, merged, 0o644); err != nil {
		return err
	}
	fmt.Printf("wasmdata: %d data segments → %d, %d bytes → %d\n", st.Before, st.After, st.SizeBefore, st.SizeAft)
	return nil
}
