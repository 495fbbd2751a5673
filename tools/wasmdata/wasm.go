package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// The WebAssembly binary format, as far as this tool needs it
// (WebAssembly Core Specification 2.0, §5.5): a module is the magic, the
// version and a sequence of sections, each an id byte, a u32 size and a body.
const (
	sectionData      = 11
	sectionDataCount = 12
)

var header = []byte{0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00}

// FormatError reports a module this tool cannot read: Offset is the byte
// offset in the module (or in the data section's body) where reading stopped.
type FormatError struct {
	Offset int
	What   string
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("wasmdata: offset %d: %s", e.Offset, e.What)
}

// section is one section of a module; body aliases the module's bytes.
type section struct {
	id   byte
	body []byte
}

// reader reads LEB128 integers and byte strings, remembering the first error.
type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = &FormatError{Offset: r.off, What: what}
	}
}

func (r *reader) byte() byte {
	if r.err != nil || r.off >= len(r.b) {
		r.fail("unexpected end")
		return 0
	}
	c := r.b[r.off]
	r.off++
	return c
}

// u32 reads an unsigned LEB128 number of at most 32 bits.
func (r *reader) u32() uint32 {
	var v uint64
	for shift := 0; shift < 35; shift += 7 {
		c := r.byte()
		v |= uint64(c&0x7f) << shift
		if c&0x80 == 0 {
			if v > 0xffffffff {
				r.fail("u32 out of range")
			}
			return uint32(v)
		}
	}
	r.fail("u32 too long")
	return 0
}

// i32 reads a signed LEB128 number of at most 32 bits.
func (r *reader) i32() int32 {
	var v int64
	for shift := 0; shift < 35; shift += 7 {
		c := r.byte()
		v |= int64(c&0x7f) << shift
		if c&0x80 == 0 {
			if c&0x40 != 0 {
				v -= 1 << (shift + 7) // sign-extend
			}
			if v < -1<<31 || v > 1<<31-1 {
				r.fail("i32 out of range")
			}
			return int32(v)
		}
	}
	r.fail("i32 too long")
	return 0
}

// bytes reads n bytes (aliasing the input).
func (r *reader) bytes(n uint32) []byte {
	if r.err != nil {
		return nil
	}
	if uint64(n) > uint64(len(r.b)-r.off) {
		r.fail("length past the end")
		return nil
	}
	s := r.b[r.off : r.off+int(n) : r.off+int(n)]
	r.off += int(n)
	return s
}

func (r *reader) done() bool { return r.err != nil || r.off == len(r.b) }

// readSections splits a module into its sections.
func readSections(module []byte) ([]section, error) {
	if !bytes.HasPrefix(module, header) {
		return nil, &FormatError{Offset: 0, What: "not a WebAssembly 1 module (magic and version)"}
	}
	r := &reader{b: module, off: len(header)}
	var secs []section
	for !r.done() {
		id := r.byte()
		body := r.bytes(r.u32())
		secs = append(secs, section{id: id, body: body})
	}
	return secs, r.err
}

// writeModule joins sections into a module.
func writeModule(secs []section) []byte {
	out := append([]byte(nil), header...)
	for _, s := range secs {
		out = append(out, s.id)
		out = binary.AppendUvarint(out, uint64(len(s.body)))
		out = append(out, s.body...)
	}
	return out
}

// segment is one data segment. Active segments for memory 0 whose offset is
// one i32.const (what Go's linker writes) are the ones merge can join; every
// other kind keeps its encoding in raw.
type segment struct {
	simple bool   // mode 0 with the offset expression i32.const offset; end
	offset uint32 // where init goes in memory, when simple
	init   []byte
	raw    []byte // the whole encoding, when not simple
}

func (s segment) end() uint64 { return uint64(s.offset) + uint64(len(s.init)) }

// readData parses the body of a data section.
func readData(body []byte) ([]segment, error) {
	r := &reader{b: body}
	n := r.u32()
	if r.err == nil && uint64(n) > uint64(len(body)) {
		r.fail("more segments than bytes")
	}
	if r.err != nil {
		return nil, r.err
	}
	segs := make([]segment, 0, n)
	for i := uint32(0); i < n && r.err == nil; i++ {
		segs = append(segs, readSegment(r))
	}
	if r.err == nil && r.off != len(body) {
		r.fail("bytes after the last segment")
	}
	return segs, r.err
}

// readSegment reads one segment of any of the three modes.
func readSegment(r *reader) segment {
	start := r.off
	mode := r.u32()
	switch mode {
	case 0: // active, memory 0
		if r.err == nil && r.off+1 < len(r.b) && r.b[r.off] == 0x41 {
			r.byte()
			offset := r.i32()
			if r.byte() == 0x0b {
				return segment{simple: true, offset: uint32(offset), init: r.bytes(r.u32())}
			}
		}
		skipExpr(r, start)
	case 1: // passive
	case 2: // active, memory index
		r.u32()
		skipExpr(r, start)
	default:
		r.fail("unknown data segment mode")
	}
	r.bytes(r.u32())
	return segment{raw: r.b[start:r.off:r.off]}
}

// skipExpr rereads segment from start and skips its constant offset expression,
// which must be one instruction of the constant ones an offset may hold.
func skipExpr(r *reader, start int) {
	if r.err != nil {
		return
	}
	r.off = start
	if r.u32() == 2 {
		r.u32()
	}
	switch r.byte() {
	case 0x41: // i32.const
		r.i32()
	case 0x23: // global.get
		r.u32()
	default:
		r.fail("unsupported offset expression")
		return
	}
	if r.byte() != 0x0b {
		r.fail("offset expression longer than one instruction")
	}
}

// writeData encodes segments as the body of a data section.
func writeData(segs []segment) []byte {
	out := binary.AppendUvarint(nil, uint64(len(segs)))
	for _, s := range segs {
		if !s.simple {
			out = append(out, s.raw...)
			continue
		}
		out = append(out, 0x00, 0x41)
		out = appendI32(out, int32(s.offset))
		out = append(out, 0x0b)
		out = binary.AppendUvarint(out, uint64(len(s.init)))
		out = append(out, s.init...)
	}
	return out
}

// appendI32 appends v as a signed LEB128 number.
func appendI32(out []byte, v int32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(out, c)
		}
		out = append(out, c|0x80)
	}
}
