package lstm

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"math"
	"strconv"
	"unicode/utf8"
)

// FormatVersion is the version of the model file format that Encode writes and
// Decode reads. A file with a higher version gets an *UnsupportedError.
const FormatVersion = 1

// fileMagic opens every model file.
const fileMagic = "LSTMPLAY"

// Byte offsets of the fixed header of a version 1 file (see Encode).
const (
	offVersion    = 8
	offCell       = 12
	offKind       = 13
	offOptimizer  = 14
	offClipMode   = 15
	offLayers     = 16
	offHidden     = 20
	offSeqLen     = 24
	offX          = 28
	offY          = 32
	offV          = 36
	offLR         = 40
	offMomentum   = 48
	offClip       = 56
	offForgetBias = 64
	offSeed       = 72
	offUpdates    = 80
	offMean       = 88
	offScale      = 96
	offP          = 104
	headerSize    = 112 // the vocabulary starts here
	crcSize       = 4
)

// MaxUpdates is the largest update count a model file may hold: 2^53, the
// last integer up to which a float64 (and so a JavaScript number) holds every
// integer exactly. The page puts update counts on the loss chart's axis and
// schedules snapshots in that arithmetic, so every count it shows or schedules
// is exact, and a crafted file cannot push it into values where adding 1 no
// longer changes a float64. Training never gets near it: at 10,000 updates a
// second, 2^53 updates take 28,000 years.
const MaxUpdates = 1 << 53

// MaxModelFileSize is the size in bytes of the largest model file Decode can
// accept: a header, MaxVocab characters, MaxParamSize parameters and the
// checksum. Decode never reads more than one byte past the size its header
// declares, and never more than this plus one.
const MaxModelFileSize = headerSize + 4*MaxVocab + 8*MaxParamSize + crcSize

// FormatError reports a model file that is not a valid LSTM Playground model:
// not a model file at all, truncated, corrupt, or with a value out of range.
type FormatError struct {
	Problem FormatProblem
	Offset  int64  // byte offset of the problem in the file (truncated: the length there is)
	Want    int64  // Truncated: the bytes expected (at least, if the header is cut)
	Reason  string // what is wrong, in English, for developers (BadValue: the value and why)
	Err     error  // the underlying error (such as a *ConfigError), or nil
}

// FormatProblem says what is wrong with a model file (FormatError.Problem).
type FormatProblem uint8

const (
	// BadValue: a value at byte Offset is out of range or inconsistent (Err
	// is its *ConfigError if it is a setting).
	BadValue FormatProblem = iota
	// EmptyFile: the file has no bytes.
	EmptyFile
	// NotModel: the file does not start as a model file.
	NotModel
	// Truncated: the file ends at Offset bytes; Want were expected.
	Truncated
	// Corrupt: the checksum does not match the contents.
	Corrupt
	// Trailing: the file goes on after its end at byte Offset.
	Trailing
)

func (e *FormatError) Error() string {
	if e.Problem == BadValue {
		return "lstm: invalid model file: at byte " + strconv.FormatInt(e.Offset, 10) + ", " + e.Reason
	}
	return "lstm: " + e.Reason
}

// Unwrap returns the underlying error, if any.
func (e *FormatError) Unwrap() error { return e.Err }

// UnsupportedError reports a model file written by a newer version of LSTM
// Playground, in a format version this one cannot read.
type UnsupportedError struct {
	Version uint32 // the file's format version
}

func (e *UnsupportedError) Error() string {
	return "lstm: this model file has format version " + strconv.FormatUint(uint64(e.Version), 10) +
		": it was made by a newer version of LSTM Playground, and this one reads format version " + strconv.Itoa(FormatVersion) +
		". Reload the page to update, then load the file again."
}

// badField returns the *FormatError of a header or payload value out of range.
func badField(off int64, err error, reason string) *FormatError {
	return &FormatError{Problem: BadValue, Offset: off, Err: err, Reason: reason}
}

func truncated(want, got int64) *FormatError {
	return &FormatError{Problem: Truncated, Offset: got, Want: want,
		Reason: "the model file is truncated: expected " + i64(want) + " bytes, got " + i64(got)}
}

// truncatedHeader reports a file too short to hold its header, whose size is
// therefore unknown.
func truncatedHeader(got int64) *FormatError {
	return &FormatError{Problem: Truncated, Offset: got, Want: headerSize + crcSize,
		Reason: "the model file is truncated: expected at least " + strconv.Itoa(headerSize+crcSize) + " bytes, got " + i64(got)}
}

func trailing(size int64) *FormatError {
	return &FormatError{Problem: Trailing, Offset: size,
		Reason: "the model file goes on after its end at byte " + i64(size) + ": unexpected extra data"}
}

// MarshalBinary returns the model file of m (see Encode).
func (m *Model) MarshalBinary() ([]byte, error) {
	if err := m.checkSavable(); err != nil {
		return nil, err
	}
	cfg := m.Config
	V := 0
	if m.Kind == Text {
		V = m.Vocab.Size()
	}
	L0 := m.Params.Layers[0]
	P := len(m.Params.Data)
	b := make([]byte, headerSize+4*V+8*P+crcSize)
	le := binary.LittleEndian
	copy(b, fileMagic)
	le.PutUint32(b[offVersion:], FormatVersion)
	b[offCell] = uint8(cfg.Cell) | uint8(cfg.Init)<<4
	b[offKind] = uint8(m.Kind)
	b[offOptimizer] = uint8(cfg.Optimizer)
	b[offClipMode] = uint8(cfg.ClipMode)
	le.PutUint32(b[offLayers:], uint32(cfg.Layers))
	le.PutUint32(b[offHidden:], uint32(cfg.Hidden))
	le.PutUint32(b[offSeqLen:], uint32(cfg.SeqLen))
	le.PutUint32(b[offX:], uint32(L0.X))
	le.PutUint32(b[offY:], uint32(m.Params.Y))
	le.PutUint32(b[offV:], uint32(V))
	le.PutUint64(b[offLR:], math.Float64bits(cfg.LearningRate))
	le.PutUint64(b[offMomentum:], math.Float64bits(cfg.Momentum))
	le.PutUint64(b[offClip:], math.Float64bits(cfg.Clip))
	le.PutUint64(b[offForgetBias:], math.Float64bits(cfg.ForgetBias))
	le.PutUint64(b[offSeed:], cfg.Seed)
	le.PutUint64(b[offUpdates:], m.Updates)
	if m.Kind == Numbers {
		le.PutUint64(b[offMean:], math.Float64bits(m.Norm.Mean))
		le.PutUint64(b[offScale:], math.Float64bits(m.Norm.Scale))
	}
	le.PutUint64(b[offP:], uint64(P))
	off := headerSize
	for i := range V {
		le.PutUint32(b[off:], uint32(m.Vocab.Rune(i)))
		off += 4
	}
	for _, v := range m.Params.Data {
		le.PutUint64(b[off:], math.Float64bits(v))
		off += 8
	}
	le.PutUint32(b[off:], crc32.ChecksumIEEE(b[:off]))
	return b, nil
}

// Encode writes m to w as a version 1 model file, which Decode reads back
// exactly: every configuration field, every float64 bit for bit. All integers
// and floats are little-endian; floats are IEEE 754 binary64.
//
//	offset      size  field
//	0           8     magic "LSTMPLAY"
//	8           4     format version, uint32 (1)
//	12          1     Config.Cell (0 LSTM, 1 RNN) in bits 0–3, Config.Init
//	                  (0 Glorot, 1 orthogonal) in bits 4–7: 0 in files
//	                  made before Init existed, whose models were Glorot's
//	13          1     Kind (0 Text, 1 Numbers)
//	14          1     Config.Optimizer (0 Adam, 1 RMSProp, 2 SGD)
//	15          1     Config.ClipMode (0 element, 1 norm)
//	16          4     Config.Layers, uint32
//	20          4     Config.Hidden (H), uint32
//	24          4     Config.SeqLen (T), uint32
//	28          4     X, the input width, uint32: V for text, 1 for numbers
//	32          4     Y, the output width, uint32: V for text, 1 for numbers
//	36          4     V, the vocabulary size, uint32: 0 for numbers
//	40          8     Config.LearningRate, float64
//	48          8     Config.Momentum, float64
//	56          8     Config.Clip, float64
//	64          8     Config.ForgetBias, float64
//	72          8     Config.Seed, uint64
//	80          8     Updates, uint64, at most MaxUpdates (2^53)
//	88          8     Norm.Mean, float64 (numbers; +0 for text)
//	96          8     Norm.Scale, float64 (numbers; +0 for text)
//	104         8     P, the number of parameters, uint64 (= Config.ParamCount(X, Y))
//	112         4·V   the vocabulary: V code points, uint32, strictly ascending
//	112+4V      8·P   the parameters, float64, in the order of Params.Data:
//	                  per layer Wx (X, G·H), U (G·H, H), B (G·H), with the gate
//	                  blocks in GateOrder; then Wy (Y, H) and By (Y)
//	112+4V+8P   4     CRC-32 (IEEE) of bytes 0 to 112+4V+8P, uint32
//
// The file is 116+4V+8P bytes long. The vocabulary of a numbers model and the
// normalisation of a text model are not stored (they are unused); they decode
// as empty and zero.
//
// Encode refuses, with an error and without writing anything, a model that
// Decode would refuse: a configuration out of range, parameters whose shapes
// do not match the configuration, data or vocabulary, a normalisation that is
// not finite with Scale > 0, or a parameter that is NaN or infinite. It returns
// the error of w, if any.
func Encode(w io.Writer, m *Model) error {
	b, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	n, err := w.Write(b)
	if err == nil && n != len(b) {
		err = io.ErrShortWrite
	}
	return err
}

// checkSavable returns an error if m cannot be written as a model file that
// Decode accepts.
func (m *Model) checkSavable() error {
	const prefix = "lstm: the model cannot be saved: "
	bad := func(reason string) error { return errors.New(prefix + reason) }
	if m == nil || m.Params == nil {
		return bad("it has no parameters")
	}
	cfg, p := m.Config, m.Params
	if err := cfg.Validate(); err != nil {
		return &wrapError{Msg: prefix + err.Error(), Err: err}
	}
	var x int
	switch m.Kind {
	case Text:
		x = m.Vocab.Size()
		if x < 1 {
			return bad("the text model has an empty vocabulary")
		}
	case Numbers:
		x = 1
		if !isFinite(m.Norm.Mean) || !isFinite(m.Norm.Scale) || !(m.Norm.Scale > 0) {
			return bad("the normalisation (mean " + gstr(m.Norm.Mean) + ", scale " + gstr(m.Norm.Scale) + ") must be finite with a positive scale")
		}
	default:
		return bad("unknown data kind " + strconv.Itoa(int(m.Kind)))
	}
	if err := checkSize(cfg, x, x); err != nil {
		return &wrapError{Msg: prefix + err.Error(), Err: err}
	}
	if m.Updates > MaxUpdates {
		return bad("its update count " + strconv.FormatUint(m.Updates, 10) + " is over the limit of " + i64(MaxUpdates))
	}
	if p.Cell != cfg.Cell || len(p.Layers) != cfg.Layers || p.Y != x ||
		int64(len(p.Data)) != cfg.ParamCount(x, x) {
		return bad("its parameters do not match its configuration (" + cfg.Cell.String() + " cell, " + strconv.Itoa(cfg.Layers) +
			" layers, " + strconv.Itoa(cfg.Hidden) + " hidden units, width " + strconv.Itoa(x) + ")")
	}
	in := x
	for l, L := range p.Layers {
		if L.X != in || L.H != cfg.Hidden || L.G != cfg.Cell.Gates() {
			return bad("the shape of layer " + strconv.Itoa(l+1) + " does not match its configuration")
		}
		in = cfg.Hidden
	}
	for i, v := range p.Data {
		if !isFinite(v) {
			return bad("parameter " + strconv.Itoa(i) + " (" + paramName(cfg, x, x, i) + ") is " + gstr(v) + "; train from the last finite state or reset")
		}
	}
	return nil
}

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// paramName names the element i of Params.Data for a model of configuration
// cfg, input width x and output width y, such as "layer 1 U[7]" or "By[0]".
func paramName(cfg Config, x, y, i int) string {
	g, h := cfg.Cell.Gates(), cfg.Hidden
	in := x
	for l := range cfg.Layers {
		for _, v := range []struct {
			name string
			n    int
		}{{"Wx", in * g * h}, {"U", g * h * h}, {"B", g * h}} {
			if i < v.n {
				return "layer " + strconv.Itoa(l+1) + " " + v.name + "[" + strconv.Itoa(i) + "]"
			}
			i -= v.n
		}
		in = h
	}
	if i < y*h {
		return "Wy[" + strconv.Itoa(i) + "]"
	}
	return "By[" + strconv.Itoa(i-y*h) + "]"
}

// header is the validated fixed header of a model file.
type header struct {
	cfg     Config
	kind    Kind
	x, y, v int
	p       int
	updates uint64
	norm    Norm
	size    int64 // the whole file, checksum included
}

// parseHeader checks the magic, the version and then every size of the header
// b, which may be short (a truncated file), and returns the header. It does not
// allocate, except for the error.
func parseHeader(b []byte) (header, error) {
	n := int64(len(b))
	if n == 0 {
		return header{}, &FormatError{Problem: EmptyFile, Offset: 0, Reason: "the model file is empty"}
	}
	if k := min(len(b), len(fileMagic)); string(b[:k]) != fileMagic[:k] {
		return header{}, &FormatError{Problem: NotModel, Offset: 0,
			Reason: "not an LSTM Playground model file (it should start with " + strconv.Quote(fileMagic) + ")"}
	}
	if n < offVersion+4 {
		return header{}, truncatedHeader(n)
	}
	switch ver := binary.LittleEndian.Uint32(b[offVersion:]); {
	case ver > FormatVersion:
		return header{}, &UnsupportedError{Version: ver}
	case ver < 1:
		return header{}, badField(offVersion, nil, "format version "+strconv.FormatUint(uint64(ver), 10)+" is not a valid version")
	}
	if n < headerSize {
		return header{}, truncatedHeader(n)
	}
	h, err := headerFields(b)
	if err != nil {
		return header{}, err
	}
	if err := h.check(b); err != nil {
		return header{}, err
	}
	h.size = headerSize + 4*int64(h.v) + 8*int64(h.p) + crcSize
	return h, nil
}

// headerFields reads the fields of the complete header b, checking the sizes
// as integers before any conversion to int, so that no value wraps around on
// any platform.
func headerFields(b []byte) (header, error) {
	le := binary.LittleEndian
	u32 := func(off int) int64 { return int64(le.Uint32(b[off:])) }
	f64 := func(off int) float64 { return math.Float64frombits(le.Uint64(b[off:])) }
	for _, f := range []struct {
		off  int
		name string
		max  int64
	}{{offLayers, "Layers", MaxLayers}, {offHidden, "Hidden units", MaxHidden}, {offSeqLen, "Sequence length", MaxSeqLen},
		{offX, "the input width X", MaxVocab}, {offY, "the output width Y", MaxVocab}, {offV, "the vocabulary size V", MaxVocab}} {
		if v := u32(f.off); v > f.max {
			return header{}, badField(int64(f.off), nil, f.name+" "+strconv.FormatUint(uint64(v), 10)+" is out of range: the limit is "+i64(f.max))
		}
	}
	if u := le.Uint64(b[offUpdates:]); u > MaxUpdates {
		return header{}, badField(offUpdates, nil, "the update count "+strconv.FormatUint(u, 10)+" is out of range: the limit is "+i64(MaxUpdates)+" (2^53)")
	}
	return header{
		cfg: Config{
			Cell:         Cell(b[offCell] & 0x0f),
			Init:         Init(b[offCell] >> 4),
			Layers:       int(u32(offLayers)),
			Hidden:       int(u32(offHidden)),
			SeqLen:       int(u32(offSeqLen)),
			LearningRate: f64(offLR),
			Optimizer:    Optimizer(b[offOptimizer]),
			Momentum:     f64(offMomentum),
			Clip:         f64(offClip),
			ClipMode:     ClipMode(b[offClipMode]),
			ForgetBias:   f64(offForgetBias),
			Seed:         le.Uint64(b[offSeed:]),
		},
		kind:    Kind(b[offKind]),
		x:       int(u32(offX)),
		y:       int(u32(offY)),
		v:       int(u32(offV)),
		updates: le.Uint64(b[offUpdates:]),
		norm:    Norm{Mean: f64(offMean), Scale: f64(offScale)},
	}, nil
}

// check validates the configuration of h, its shapes against its kind and the
// parameter count of the header b, and sets h.p.
func (h *header) check(b []byte) error {
	if err := h.cfg.Validate(); err != nil {
		var ce *ConfigError
		if !errors.As(err, &ce) { // unreachable: Validate returns *ConfigErrors
			return badField(offCell, err, err.Error())
		}
		return badField(configOffset(ce.Key), err, ce.Error())
	}
	switch h.kind {
	case Text:
		if h.v < 1 {
			return badField(offV, nil, "a text model has an empty vocabulary")
		}
		if h.x != h.v || h.y != h.v {
			return badField(offX, nil, "a text model's input width X ("+strconv.Itoa(h.x)+") and output width Y ("+strconv.Itoa(h.y)+") must equal its vocabulary size V ("+strconv.Itoa(h.v)+")")
		}
	case Numbers:
		if h.x != 1 || h.y != 1 || h.v != 0 {
			return badField(offX, nil, "a numbers model must have input width X 1 (not "+strconv.Itoa(h.x)+"), output width Y 1 (not "+strconv.Itoa(h.y)+") and vocabulary size V 0 (not "+strconv.Itoa(h.v)+")")
		}
	default:
		return badField(offKind, nil, "data kind "+strconv.Itoa(int(b[offKind]))+" is neither text (0) nor numbers (1)")
	}
	if err := checkSize(h.cfg, h.x, h.y); err != nil {
		return badField(offHidden, err, err.Error())
	}
	want := h.cfg.ParamCount(h.x, h.y) // ≤ MaxParamSize, by checkSize
	if p := binary.LittleEndian.Uint64(b[offP:]); p != uint64(want) {
		return badField(offP, nil, "the parameter count "+strconv.FormatUint(p, 10)+" does not match the configuration, which has "+i64(want))
	}
	h.p = int(want)
	return nil
}

// configOffset returns the offset of the header field of the setting key.
func configOffset(key string) int64 {
	switch key {
	case KeyCell, KeyInit:
		return offCell
	case KeyLayers:
		return offLayers
	case KeyHidden:
		return offHidden
	case KeySeqLen:
		return offSeqLen
	case KeyLR:
		return offLR
	case KeyOptimizer:
		return offOptimizer
	case KeyMomentum:
		return offMomentum
	case KeyClip:
		return offClip
	case KeyClipMode:
		return offClipMode
	case KeyForgetBias:
		return offForgetBias
	}
	return 0
}

// decodeBody checks the rest of a file whose header h was parsed from hb (the
// first headerSize bytes), body being exactly the remaining h.size−headerSize
// bytes: the checksum, the vocabulary, the normalisation and every parameter.
// Only then does it allocate the model.
func decodeBody(h header, hb, body []byte) (*Model, error) {
	le := binary.LittleEndian
	end := len(body) - crcSize
	crcOff := int64(headerSize + end)
	sum := crc32.Update(crc32.ChecksumIEEE(hb[:headerSize]), crc32.IEEETable, body[:end])
	if stored := le.Uint32(body[end:]); stored != sum {
		return nil, &FormatError{Problem: Corrupt, Offset: crcOff,
			Reason: "the model file is corrupt: its checksum is " + hexStr(int64(stored), 8) + " but its contents give " + hexStr(int64(sum), 8)}
	}
	for i := range h.v {
		r := le.Uint32(body[4*i:])
		off := int64(headerSize + 4*i)
		if r > utf8.MaxRune || !utf8.ValidRune(rune(r)) {
			return nil, badField(off, nil, "vocabulary entry "+strconv.Itoa(i)+" ("+hexStr(int64(r), 0)+") is not a valid character")
		}
		if i > 0 && le.Uint32(body[4*(i-1):]) >= r {
			return nil, badField(off, nil, "the vocabulary is not sorted and unique at entry "+strconv.Itoa(i)+" ("+strconv.QuoteRune(rune(r))+")")
		}
	}
	switch h.kind {
	case Numbers:
		if !isFinite(h.norm.Mean) {
			return nil, badField(offMean, nil, "the normalisation mean "+gstr(h.norm.Mean)+" is not finite")
		}
		if !isFinite(h.norm.Scale) || !(h.norm.Scale > 0) {
			return nil, badField(offScale, nil, "the normalisation scale "+gstr(h.norm.Scale)+" must be finite and positive")
		}
	case Text:
		if math.Float64bits(h.norm.Mean) != 0 || math.Float64bits(h.norm.Scale) != 0 {
			return nil, badField(offMean, nil, "a text model's normalisation must be zero (it is "+gstr(h.norm.Mean)+", "+gstr(h.norm.Scale)+")")
		}
	}
	params := body[4*h.v : end]
	for i := range h.p {
		if v := math.Float64frombits(le.Uint64(params[8*i:])); !isFinite(v) {
			return nil, badField(int64(headerSize+4*h.v+8*i), nil, "parameter "+strconv.Itoa(i)+" ("+paramName(h.cfg, h.x, h.y, i)+") is "+gstr(v)+", not a finite number")
		}
	}

	// Everything is checked: allocate.
	m := &Model{Config: h.cfg, Kind: h.kind, Updates: h.updates}
	if h.kind == Text {
		runes := make([]rune, h.v)
		for i := range runes {
			runes[i] = rune(le.Uint32(body[4*i:]))
		}
		v, err := VocabOf(runes)
		if err != nil { // unreachable: the vocabulary was checked above
			return nil, badField(headerSize, err, err.Error())
		}
		m.Vocab = v
	} else {
		m.Norm = h.norm
	}
	m.Params = NewParams(h.cfg.Cell, h.cfg.Layers, h.x, h.cfg.Hidden, h.y)
	for i := range m.Params.Data {
		m.Params.Data[i] = math.Float64frombits(le.Uint64(params[8*i:]))
	}
	return m, nil
}

// UnmarshalModel decodes the model file b (see Encode and Decode). The model
// does not alias b.
func UnmarshalModel(b []byte) (*Model, error) {
	h, err := parseHeader(b)
	if err != nil {
		return nil, err
	}
	if n := int64(len(b)); n < h.size {
		return nil, truncated(h.size, n)
	} else if n > h.size {
		return nil, trailing(h.size)
	}
	return decodeBody(h, b[:headerSize], b[headerSize:])
}

// UnmarshalBinary decodes the model file b into m (see Decode). On error m is
// unchanged.
func (m *Model) UnmarshalBinary(b []byte) error {
	d, err := UnmarshalModel(b)
	if err != nil {
		return err
	}
	*m = *d
	return nil
}

// Decode reads a model file written by Encode from r and returns the model, or
// an error and no model. It reads at most one byte past the end of the file
// that the header declares (so never more than MaxModelFileSize+1 bytes), and a
// file followed by more data is refused.
//
// It checks, in order: the magic and the version (a newer version gives an
// *UnsupportedError); every size and configuration value against Config.Validate
// and the package limits, the update count (at most MaxUpdates), with the parameter count computed in int64 and
// limited by MaxParamSize and the memory limit (checkSize), and the shapes
// against the kind (X = Y = V for text, X = Y = 1 for numbers); the exact
// length; the CRC-32; the vocabulary (valid characters, strictly ascending);
// the normalisation (finite, Scale > 0) and every parameter (finite). Only
// then does it allocate the model. Every problem with the bytes is a
// *FormatError naming what is wrong and where; an error of r is returned
// wrapped.
func Decode(r io.Reader) (*Model, error) {
	var hb [headerSize]byte
	n, err := io.ReadFull(r, hb[:])
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, &wrapError{Msg: "lstm: reading the model file: " + err.Error(), Err: err}
	}
	h, herr := parseHeader(hb[:n])
	if herr != nil {
		return nil, herr
	}
	// Read the rest, and one byte more to see whether the file goes on. The
	// buffer grows with what arrives, so a short stream with a header that
	// declares a large model costs only what it sent.
	want := h.size - headerSize
	body, err := readAtMost(r, want+1)
	if err != nil {
		return nil, &wrapError{Msg: "lstm: reading the model file: " + err.Error(), Err: err}
	}
	if got := int64(len(body)); got < want {
		return nil, truncated(h.size, headerSize+got)
	} else if got > want {
		return nil, trailing(h.size)
	}
	return decodeBody(h, hb[:], body)
}

// readAtMost reads from r until io.EOF or until it has limit bytes, and
// returns what it read. Its buffer grows by doubling from 64 KiB, up to limit.
func readAtMost(r io.Reader, limit int64) ([]byte, error) {
	b := make([]byte, 0, min(limit, 64<<10))
	for int64(len(b)) < limit {
		if len(b) == cap(b) {
			nb := make([]byte, len(b), min(limit, 2*int64(cap(b))))
			copy(nb, b)
			b = nb
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
	}
	return b, nil
}
