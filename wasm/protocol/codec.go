package protocol

import (
	"encoding/binary"
	"errors"
	"math"
	"strconv"
	"unicode/utf8"
)

// magic opens every message.
const magic0, magic1 = 'L', 'P'

// headerLen is the length of the header: magic, version, type.
const headerLen = 4

// Encode returns the encoding of m (see the package doc for the layout). It
// returns an *EncodeError if a field is over its limit or the fields disagree
// (for example a trace array that is not T×H), so that everything Encode
// produces, Decode accepts. m must not be a nil pointer.
func Encode(m Message) ([]byte, error) {
	return Append(nil, m)
}

// Append appends the encoding of m to dst and returns the extended slice; on
// error it returns dst unchanged. Reusing dst avoids an allocation per message.
func Append(dst []byte, m Message) ([]byte, error) {
	if m == nil {
		return dst, &EncodeError{Err: ErrMalformed, Detail: "nil message"}
	}
	t := m.Type()
	if err := m.check(); err != nil {
		var se *shapeError
		if errors.As(err, &se) {
			return dst, &EncodeError{Type: t, Field: se.field, Err: ErrMalformed, Detail: se.detail}
		}
		return dst, &EncodeError{Type: t, Err: ErrMalformed, Detail: err.Error()}
	}
	w := writer{b: dst, typ: t}
	w.b = append(w.b, magic0, magic1, Version, byte(t))
	m.put(&w)
	if w.err != nil {
		return dst, w.err
	}
	if n := len(w.b) - len(dst); n > MaxMessage {
		return dst, &EncodeError{Type: t, Err: ErrTooLarge, Detail: strconv.Itoa(n) + " bytes; the limit is " + strconv.Itoa(MaxMessage)}
	}
	return w.b, nil
}

// decoders reads the fields of each message type.
var decoders = map[Type]func(*reader) Message{
	TypeSetData: readSetData, TypeSetConfig: readSetConfig,
	TypeTrain: func(r *reader) Message { return Train{ID: r.u32("ID")} },
	TypePause: func(r *reader) Message { return Pause{ID: r.u32("ID")} },
	TypeStep:  func(r *reader) Message { return Step{ID: r.u32("ID")} },
	TypeReset: func(r *reader) Message { return Reset{ID: r.u32("ID")} },
	TypeTrace: readTrace, TypeSample: readSample,
	TypeReach:  func(r *reader) Message { return Reach{ID: r.u32("ID")} },
	TypeExport: func(r *reader) Message { return Export{ID: r.u32("ID")} },
	TypeImport: readImport, TypeSetLive: readSetLive, TypeSnapAt: readSnapAt,
	TypeReady: readReady, TypeProgress: readProgress, TypeTraceResult: readTraceResult,
	TypeSampleResult: readSampleResult, TypeReachResult: readReachResult, TypeModelFile: readModelFile,
	TypeStatus: readStatus, TypeError: readError,
	TypeDiagnose:    func(r *reader) Message { return Diagnose{ID: r.u32("ID")} },
	TypeDiagnostics: readDiagnostics,
	TypeSlowStep:    func(r *reader) Message { return SlowStep{ID: r.u32("ID")} }, TypeSlowStepResult: readSlowStepResult,
	TypeSetPace: readSetPace, TypeWarm: readWarm,
}

// HeaderVersion returns the protocol version in the header of b, and false if
// b does not start with a playground message's magic. It lets a reader tell a
// message of another version (Decode's ErrVersion) by its number.
func HeaderVersion(b []byte) (uint8, bool) {
	if len(b) < 3 || b[0] != magic0 || b[1] != magic1 {
		return 0, false
	}
	return b[2], true
}

// Decode returns the message encoded in b, or a *DecodeError saying what is
// wrong with b. It looks at the magic and the version before anything else:
// a message of another protocol version is ErrVersion whatever its type. It
// never panics, and it allocates no more than a small multiple of len(b):
// every length is checked against the bytes that remain and against the
// protocol's limits first. The message does not alias b.
func Decode(b []byte) (Message, error) {
	if err := checkHeader(b); err != nil {
		return nil, err
	}
	t := Type(b[3])
	read, ok := decoders[t]
	if !ok {
		return nil, &DecodeError{Offset: 3, Err: ErrUnknownType, Detail: "type byte " + strconv.Itoa(int(t)) + " is no message of protocol version " + strconv.Itoa(Version)}
	}
	r := reader{b: b, off: headerLen, typ: t, idx: -1}
	m := read(&r)
	if r.err != nil {
		return nil, r.err
	}
	if r.off != len(b) {
		return nil, &DecodeError{Type: t, Offset: r.off, Err: ErrMalformed, Detail: strconv.Itoa(len(b)-r.off) + " unexpected bytes after the last field"}
	}
	if err := m.check(); err != nil {
		var se *shapeError
		if errors.As(err, &se) {
			return nil, &DecodeError{Type: t, Field: se.field, Offset: r.off, Err: ErrMalformed, Detail: se.detail}
		}
		return nil, &DecodeError{Type: t, Offset: r.off, Err: ErrMalformed, Detail: err.Error()}
	}
	return m, nil
}

// checkHeader checks the length, the magic and the version of b.
func checkHeader(b []byte) error {
	if len(b) > MaxMessage {
		return &DecodeError{Err: ErrTooLarge, Detail: strconv.Itoa(len(b)) + " bytes; the limit is " + strconv.Itoa(MaxMessage)}
	}
	if len(b) < 3 {
		return &DecodeError{Offset: len(b), Err: ErrTruncated, Detail: strconv.Itoa(len(b)) + " bytes, shorter than the " + strconv.Itoa(headerLen) + "-byte header"}
	}
	if b[0] != magic0 || b[1] != magic1 {
		return &DecodeError{Err: ErrMalformed, Detail: "starts with " + hexByte(b[0]) + " " + hexByte(b[1]) + ", not the magic \"LP\" of a playground message"}
	}
	if v := b[2]; v != Version {
		return &DecodeError{Offset: 2, Err: ErrVersion, Detail: "version " + strconv.Itoa(int(v)) + ", but this program speaks version " + strconv.Itoa(Version)}
	}
	if len(b) < headerLen {
		return &DecodeError{Offset: len(b), Err: ErrTruncated, Detail: strconv.Itoa(len(b)) + " bytes, shorter than the " + strconv.Itoa(headerLen) + "-byte header"}
	}
	return nil
}

// writer appends fields; the first limit it finds exceeded is kept in err and
// the rest of the message is not written.
type writer struct {
	b   []byte
	typ Type
	err *EncodeError
	// list and idx name the element being written, for errors: "Layers[1]".
	list string
	idx  int
}

func (w *writer) tooLarge(field string, n, max int, unit string) {
	if w.err == nil {
		w.err = &EncodeError{Type: w.typ, Field: fieldName(w.list, w.idx, field), Err: ErrTooLarge,
			Detail: strconv.Itoa(n) + " " + unit + "; the limit is " + strconv.Itoa(max)}
	}
}

func (w *writer) u8(v uint8) { w.b = append(w.b, v) }

func (w *writer) boolean(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

func (w *writer) u32(v uint32)  { w.b = binary.LittleEndian.AppendUint32(w.b, v) }
func (w *writer) u64(v uint64)  { w.b = binary.LittleEndian.AppendUint64(w.b, v) }
func (w *writer) int(v int)     { w.b = binary.LittleEndian.AppendUint64(w.b, uint64(int64(v))) }
func (w *writer) i64(v int64)   { w.b = binary.LittleEndian.AppendUint64(w.b, uint64(v)) }
func (w *writer) f64(v float64) { w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(v)) }

// count writes a length prefix n after checking it against max.
func (w *writer) count(field string, n, max int, unit string) bool {
	if w.err != nil {
		return false
	}
	if n > max {
		w.tooLarge(field, n, max, unit)
		return false
	}
	w.u32(uint32(n))
	return true
}

func (w *writer) str(field, s string, max int) {
	if !utf8.ValidString(s) {
		if w.err == nil {
			w.err = &EncodeError{Type: w.typ, Field: fieldName(w.list, w.idx, field), Err: ErrMalformed, Detail: "not valid UTF-8"}
		}
		return
	}
	if w.count(field, len(s), max, "bytes") {
		w.b = append(w.b, s...)
	}
}

// runes writes rs as a UTF-8 string of at most max runes.
func (w *writer) runes(field string, rs []rune, max int) {
	if w.err != nil {
		return
	}
	if len(rs) > max {
		w.tooLarge(field, len(rs), max, "characters")
		return
	}
	n := 0
	for i, r := range rs {
		if !utf8.ValidRune(r) {
			w.err = &EncodeError{Type: w.typ, Field: fieldName(w.list, w.idx, field), Err: ErrMalformed,
				Detail: "element " + strconv.Itoa(i) + " (" + hexRune(r) + ") is not a valid character"}
			return
		}
		n += utf8.RuneLen(r)
	}
	w.u32(uint32(n))
	for _, r := range rs {
		w.b = utf8.AppendRune(w.b, r)
	}
}

func (w *writer) bytes(field string, p []byte, max int) {
	if w.count(field, len(p), max, "bytes") {
		w.b = append(w.b, p...)
	}
}

func (w *writer) f32s(field string, v []float32, max int) {
	if w.count(field, len(v), max, "values") {
		w.b = AppendFloat32s(w.b, v)
	}
}

// reader reads fields; the first problem it finds is kept in err, and every
// later read returns a zero value, as bufio.Scanner does.
type reader struct {
	b   []byte
	off int
	typ Type
	err *DecodeError
	// list and idx name the element being read, for errors: "Layers[1]".
	list string
	idx  int
}

func fieldName(list string, idx int, field string) string {
	if list == "" {
		return field
	}
	return list + "[" + strconv.Itoa(idx) + "]." + field
}

func (r *reader) fail(field string, off int, err error, detail string) {
	if r.err == nil {
		r.err = &DecodeError{Type: r.typ, Field: fieldName(r.list, r.idx, field), Offset: off, Err: err, Detail: detail}
	}
}

// next returns the next n bytes, or nil after recording a truncation.
func (r *reader) next(field string, n int) []byte {
	if r.err != nil {
		return nil
	}
	if rest := len(r.b) - r.off; n > rest {
		r.fail(field, r.off, ErrTruncated, "needs "+strconv.Itoa(n)+" bytes, "+strconv.Itoa(rest)+" remain")
		return nil
	}
	p := r.b[r.off : r.off+n : r.off+n]
	r.off += n
	return p
}

func (r *reader) u8(field string) uint8 {
	if p := r.next(field, 1); p != nil {
		return p[0]
	}
	return 0
}

func (r *reader) boolean(field string) bool {
	off := r.off
	switch v := r.u8(field); v {
	case 0:
		return false
	case 1:
		return true
	default:
		r.fail(field, off, ErrMalformed, "a bool must be 0 or 1, not "+strconv.Itoa(int(v)))
		return false
	}
}

func (r *reader) u32(field string) uint32 {
	if p := r.next(field, 4); p != nil {
		return binary.LittleEndian.Uint32(p)
	}
	return 0
}

func (r *reader) u64(field string) uint64 {
	if p := r.next(field, 8); p != nil {
		return binary.LittleEndian.Uint64(p)
	}
	return 0
}

// int reads an i64 into an int; on 32-bit platforms a value that does not fit
// is malformed.
func (r *reader) int(field string) int {
	off := r.off
	v := int64(r.u64(field))
	if int64(int(v)) != v {
		r.fail(field, off, ErrMalformed, strconv.FormatInt(v, 10)+" does not fit in an int")
		return 0
	}
	return int(v)
}

func (r *reader) i64(field string) int64   { return int64(r.u64(field)) }
func (r *reader) f64(field string) float64 { return math.Float64frombits(r.u64(field)) }

// count reads a u32 length prefix of elements of size bytes each and checks it
// against max and against the bytes that remain, so that nothing is allocated
// for a length the message cannot hold.
func (r *reader) count(field string, max, size int, unit string) (int, bool) {
	off := r.off
	n64 := int64(r.u32(field))
	if r.err != nil {
		return 0, false
	}
	if n64 > int64(max) {
		r.fail(field, off, ErrTooLarge, "declares "+strconv.FormatInt(n64, 10)+" "+unit+"; the limit is "+strconv.Itoa(max))
		return 0, false
	}
	if rest := int64(len(r.b) - r.off); n64*int64(size) > rest {
		if size == 1 {
			r.fail(field, off, ErrTruncated, "declares "+strconv.FormatInt(n64, 10)+" "+unit+", but "+strconv.FormatInt(rest, 10)+" remain")
		} else {
			r.fail(field, off, ErrTruncated, "declares "+strconv.FormatInt(n64, 10)+" "+unit+" (at least "+strconv.FormatInt(n64*int64(size), 10)+" bytes), but "+strconv.FormatInt(rest, 10)+" bytes remain")
		}
		return 0, false
	}
	return int(n64), true
}

func (r *reader) str(field string, max int) string {
	n, ok := r.count(field, max, 1, "bytes")
	if !ok || n == 0 {
		return ""
	}
	off := r.off
	p := r.next(field, n)
	if !utf8.Valid(p) {
		r.fail(field, off, ErrMalformed, "not valid UTF-8")
		return ""
	}
	return string(p)
}

// runes reads a UTF-8 string of at most max runes as a []rune; empty is nil.
func (r *reader) runes(field string, max int) []rune {
	n, ok := r.count(field, utf8.UTFMax*max, 1, "bytes")
	if !ok || n == 0 {
		return nil
	}
	off := r.off
	p := r.next(field, n)
	if !utf8.Valid(p) {
		r.fail(field, off, ErrMalformed, "not valid UTF-8")
		return nil
	}
	k := utf8.RuneCount(p)
	if k > max {
		r.fail(field, off, ErrTooLarge, strconv.Itoa(k)+" characters; the limit is "+strconv.Itoa(max))
		return nil
	}
	rs := make([]rune, 0, k)
	for len(p) > 0 {
		c, size := utf8.DecodeRune(p)
		rs = append(rs, c)
		p = p[size:]
	}
	return rs
}

func (r *reader) bytes(field string, max int) []byte {
	n, ok := r.count(field, max, 1, "bytes")
	if !ok || n == 0 {
		return nil
	}
	return append([]byte(nil), r.next(field, n)...)
}

func (r *reader) f32s(field string, max int) []float32 {
	n, ok := r.count(field, max, 4, "values")
	if !ok || n == 0 {
		return nil
	}
	v := make([]float32, n)
	DecodeFloat32s(v, r.next(field, 4*n))
	return v
}
