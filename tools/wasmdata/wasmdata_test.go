package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// memoryImage returns the linear memory that module's simple data segments
// initialise (up to the last byte they write), the encodings of its other
// segments joined, and the number of segments.
func memoryImage(t testing.TB, module []byte) (mem, others []byte, n int) {
	t.Helper()
	secs, err := readSections(module)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range secs {
		if s.id != sectionData {
			continue
		}
		segs, err := readData(s.body)
		if err != nil {
			t.Fatal(err)
		}
		n += len(segs)
		for _, seg := range segs {
			if !seg.simple {
				others = append(others, seg.raw...)
				continue
			}
			if end := int(seg.end()); end > len(mem) {
				mem = append(mem, make([]byte, end-len(mem))...)
			}
			copy(mem[seg.offset:], seg.init)
		}
	}
	return mem, others, n
}

// simpleSeg encodes an active segment of memory 0 at offset.
func simpleSeg(offset int32, init string) []byte {
	b := appendI32([]byte{0x00, 0x41}, offset)
	b = append(b, 0x0b)
	b = binary.AppendUvarint(b, uint64(len(init)))
	return append(b, init...)
}

// testModule returns a module with a custom section, one memory, a data count
// section and a data section holding segs.
func testModule(segs ...[]byte) []byte {
	data := binary.AppendUvarint(nil, uint64(len(segs)))
	for _, s := range segs {
		data = append(data, s...)
	}
	return writeModule([]section{
		{id: 0, body: []byte("\x04nameabc")},
		{id: 5, body: []byte{1, 0, 1}}, // one memory, at least 1 page
		{id: sectionDataCount, body: binary.AppendUvarint(nil, uint64(len(segs)))},
		{id: sectionData, body: data},
	})
}

func TestMergeSynthetic(t *testing.T) {
	passive := append([]byte{0x01, 0x03}, "pas"...)
	global := append([]byte{0x02, 0x00, 0x23, 0x00, 0x0b, 0x01}, 'g')
	module := testModule(
		simpleSeg(0, "ab"),
		simpleSeg(10, "cd"),  // 8 zeros after "ab": joined
		simpleSeg(12, "ef"),  // adjacent: joined
		simpleSeg(100, "gh"), // 86 zeros: a new segment at gap 64
		passive,
		simpleSeg(103, "i"), // after a passive segment: kept apart
		simpleSeg(90, "j"),  // before the previous end: kept apart
		global,
		simpleSeg(200, "k"), // 200's signed LEB128 has bit 6 set in its first byte
		simpleSeg(203, "l"),
	)
	want, wantOthers, wantN := memoryImage(t, module)
	for _, tc := range []struct{ gap, segments int }{{0, 10}, {8, 8}, {9, 7}, {64, 7}, {100, 6}} {
		merged, st, err := mergeModule(module, tc.gap)
		if err != nil {
			t.Fatal(err)
		}
		got, others, n := memoryImage(t, merged)
		if !bytes.Equal(got, want) || !bytes.Equal(others, wantOthers) {
			t.Errorf("gap %d: the memory image or the other segments differ", tc.gap)
		}
		if n != tc.segments || st.Before != wantN || st.After != tc.segments {
			t.Errorf("gap %d: %d segments (stats %+v), want %d of %d", tc.gap, n, st, tc.segments, wantN)
		}
		secs, _ := readSections(merged)
		orig, _ := readSections(module)
		for i := range orig {
			switch orig[i].id {
			case sectionData:
			case sectionDataCount:
				if c := (&reader{b: secs[i].body}).u32(); int(c) != tc.segments {
					t.Errorf("gap %d: data count %d, want %d", tc.gap, c, tc.segments)
				}
			default:
				if secs[i].id != orig[i].id || !bytes.Equal(secs[i].body, orig[i].body) {
					t.Errorf("gap %d: section %d changed", tc.gap, i)
				}
			}
		}
	}
}

func TestMergeRejectsDamagedModules(t *testing.T) {
	module := testModule(simpleSeg(0, "ab"), simpleSeg(10, "cd"))
	for _, bad := range [][]byte{
		nil,
		[]byte("\x00asm\x02\x00\x00\x00"),
		module[:len(module)-1],
		append(module[:len(module):len(module)], 0x0b, 0x05),
		testModule([]byte{0x03}),                   // unknown mode
		testModule([]byte{0x00, 0x42, 0x00, 0x0b}), // i64.const offset
		testModule(append(simpleSeg(0, "ab"), 'x')),
	} {
		_, _, err := mergeModule(bad, 64)
		var fe *FormatError
		if !errors.As(err, &fe) {
			t.Errorf("% x: err = %v, want a *FormatError", bad, err)
		}
	}
}

func FuzzMergeModule(f *testing.F) {
	f.Add(testModule(simpleSeg(0, "ab"), simpleSeg(10, "cd"), []byte{0x01, 0x00}), 64)
	f.Add(testModule(simpleSeg(-1, "ab")), 8)
	f.Fuzz(func(t *testing.T, module []byte, gap int) {
		if gap < 0 || gap > 1<<16 {
			return
		}
		merged, _, err := mergeModule(module, gap)
		if err != nil {
			return
		}
		if _, _, err := mergeModule(merged, gap); err != nil {
			t.Fatalf("the merged module does not read back: %v", err)
		}
	})
}

// linked is a test program linked for js/wasm: the go command that linked
// it, its temporary folder, the module's file and its bytes.
type linked struct {
	goCmd, dir, orig string
	module           []byte
}

// linkTestProgram links testdata/<name> for js/wasm (-s -w, as build.sh
// links the page) into a temporary folder; it skips the test where no go
// command can link (under js, -short).
func linkTestProgram(t *testing.T, name string) linked {
	t.Helper()
	if runtime.GOOS == "js" || testing.Short() {
		t.Skip("links a Go program with the go command")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	dir := t.TempDir()
	orig := filepath.Join(dir, "orig.wasm")
	build := exec.Command(goCmd, "build", "-trimpath", "-ldflags=-s -w", "-o", orig, "./testdata/"+name)
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	module, err := os.ReadFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	return linked{goCmd, dir, orig, module}
}

// TestMergeGoProgram links testdata/tables for js/wasm, merges its data
// segments, checks that both modules initialise the same memory and, where
// Node.js is installed, that both print the same thing.
func TestMergeGoProgram(t *testing.T) {
	p := linkTestProgram(t, "tables")
	dir, module := p.dir, p.module
	merged, st, err := mergeModule(module, 64)
	if err != nil {
		t.Fatal(err)
	}
	if st.After >= st.Before {
		t.Errorf("%d segments merged into %d", st.Before, st.After)
	}
	want, _, _ := memoryImage(t, module)
	got, others, _ := memoryImage(t, merged)
	if !bytes.Equal(got, want) || len(want) == 0 || len(others) != 0 {
		t.Fatal("the merged module initialises a different memory")
	}
	out := filepath.Join(dir, "merged.wasm")
	if err := os.WriteFile(out, merged, 0o644); err != nil {
		t.Fatal(err)
	}
	runBoth(t, p.goCmd, p.orig, out)
}

// runBoth runs both modules under Node.js with Go's wasm_exec_node.js and
// compares what they print.
func runBoth(t *testing.T, goCmd, orig, merged string) {
	outs := runNode(t, goCmd, orig, merged)
	if outs != nil && (len(outs[0]) == 0 || !bytes.Equal(outs[0], outs[1])) {
		t.Fatalf("the original printed %q, the merged one %q", outs[0], outs[1])
	}
}

// runNode runs both modules under Node.js with Go's wasm_exec_node.js and
// returns what they print (nil without Node.js).
func runNode(t *testing.T, goCmd, orig, merged string) *[2][]byte {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Log("no Node.js: the modules were not run")
		return nil
	}
	root, err := exec.Command(goCmd, "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	runner := filepath.Join(string(bytes.TrimSpace(root)), "lib", "wasm", "wasm_exec_node.js")
	var outs [2][]byte
	for i, m := range []string{orig, merged} {
		outs[i], err = exec.Command(node, runner, m).CombinedOutput()
		if err != nil {
			t.Fatalf("node %s: %v\n%s", m, err, outs[i])
		}
	}
	return &outs
}

// TestNoLinesGoProgram links testdata/unwind for js/wasm, drops its line
// tables and, where Node.js is installed, checks that it computes the same
// (stack growth, garbage collection, recovered panics, goroutines, defers)
// and that the runtime no longer knows source lines.
func TestNoLinesGoProgram(t *testing.T) {
	p := linkTestProgram(t, "unwind")
	dir, module := p.dir, p.module
	want, _, _ := memoryImage(t, module)
	n, err := stripModuleLines(module)
	if err != nil {
		t.Fatal(err)
	}
	got, _, _ := memoryImage(t, module)
	if n == 0 || len(got) != len(want) {
		t.Fatalf("%d bytes zeroed; memory %d bytes, was %d", n, len(got), len(want))
	}
	checkTables(t, want, got)
	checkBlobs(t, want, got)
	if _, err := stripModuleLines(append([]byte(nil), module...)); err != nil {
		t.Errorf("a stripped module does not strip again: %v", err)
	}
	out := filepath.Join(dir, "nolines.wasm")
	if err := os.WriteFile(out, module, 0o644); err != nil {
		t.Fatal(err)
	}
	outs := runNode(t, p.goCmd, p.orig, out)
	if outs == nil {
		return
	}
	a, b := string(outs[0]), string(outs[1])
	if !strings.HasSuffix(a, "\nlines: true\n") || !strings.HasSuffix(b, "\nlines: false\n") ||
		strings.TrimSuffix(a, "lines: true\n") != strings.TrimSuffix(b, "lines: false\n") {
		t.Fatalf("the original printed %q, the stripped one %q", a, b)
	}
}

func TestNoLinesRejectsOtherData(t *testing.T) {
	for _, module := range [][]byte{
		testModule(simpleSeg(0, "no pclntab here")),
		testModule(simpleSeg(8, "\xf1\xff\xff\xff\x00\x00\x01\x08\x05")), // a header cut short
	} {
		_, err := stripModuleLines(module)
		var fe *FormatError
		if !errors.As(err, &fe) {
			t.Errorf("err = %v, want a *FormatError", err)
		}
	}
}

// TestNoNamesGoProgram links testdata/unwind for js/wasm, drops its own
// functions' names and, where Node.js is installed, checks that it computes
// the same (the runtime's name-dependent work: goroutines, panics, stack
// scans); the runtime's names stay, the program's are gone.
func TestNoNamesGoProgram(t *testing.T) {
	p := linkTestProgram(t, "unwind")
	dir, module := p.dir, p.module
	before, _, _ := memoryImage(t, module)
	n, err := stripModule(module, stripNames)
	if err != nil {
		t.Fatal(err)
	}
	after, _, _ := memoryImage(t, module)
	for _, c := range []struct {
		name string
		kept bool
	}{{"main.deep\x00", false}, {"main.catch\x00", false}, {"fmt.Fprintln\x00", false},
		{"runtime.gopanic\x00", true}, {"runtime.main\x00", false}, {"reflect.(*MapIter).Next\x00", false}} {
		if !bytes.Contains(before, []byte(c.name)) || bytes.Contains(after, []byte(c.name)) != c.kept {
			t.Errorf("%q: in the original %v, after %v; want it kept: %v", c.name,
				bytes.Contains(before, []byte(c.name)), bytes.Contains(after, []byte(c.name)), c.kept)
		}
	}
	for _, name := range []string{"?.?", "runtime.?"} {
		if c := bytes.Count(after, []byte("\x00"+name+"\x00")); c != 1 {
			t.Errorf("%d names %s in memory, want the one the dropped names share", c, name)
		}
	}
	if m, err := stripModule(module, stripNames); n == 0 || len(after) != len(before) || err != nil || m != 0 {
		t.Fatalf("%d bytes changed, then %d (%v); memory %d bytes, was %d", n, m, err, len(after), len(before))
	}
	out := filepath.Join(dir, "nonames.wasm")
	if err := os.WriteFile(out, module, 0o644); err != nil {
		t.Fatal(err)
	}
	runBoth(t, p.goCmd, p.orig, out)
}

// TestNoLinesNoNamesGoProgram links testdata/unwind for js/wasm and drops
// its line tables, then its names: with the inline trees gone, the names of
// inlined calls go too, and funcnametab holds only the shared "?.?" and
// "runtime.?" and the kept names. Where Node.js is installed, it checks that
// the program computes the same.
func TestNoLinesNoNamesGoProgram(t *testing.T) {
	p := linkTestProgram(t, "unwind")
	if _, err := stripModuleLines(p.module); err != nil {
		t.Fatal(err)
	}
	if _, err := stripModule(p.module, stripNames); err != nil {
		t.Fatal(err)
	}
	mem, _, _ := memoryImage(t, p.module)
	pt, err := findPcln(mem)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, name := range bytes.Split(mem[pt.funcnames:pt.cutab], []byte{0}) {
		if len(name) > 0 {
			left = append(left, string(name))
		}
	}
	if want := []string{"?.?", "runtime.?", "runtime.gopanic", "reflect.methodValueCall"}; strings.Join(left, " ") != strings.Join(want, " ") {
		t.Errorf("names left %q, want %q", left, want)
	}
	out := filepath.Join(p.dir, "nolines-nonames.wasm")
	if err := os.WriteFile(out, p.module, 0o644); err != nil {
		t.Fatal(err)
	}
	outs := runNode(t, p.goCmd, p.orig, out)
	if outs != nil && strings.TrimSuffix(string(outs[0]), "lines: true\n") != strings.TrimSuffix(string(outs[1]), "lines: false\n") {
		t.Fatalf("the original printed %q, the stripped one %q", outs[0], outs[1])
	}
}
