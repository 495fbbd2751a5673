package lstm

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

// The -update flag rewrites the golden files under testdata. It is defined
// here only if no other test file of the package has defined it already
// (package-level variables are initialised before init functions run).
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata")
	}
}

func updateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// modelDiff returns "" if a and b are identical, field by field, every float
// compared by its bit pattern; otherwise it describes the first difference.
func modelDiff(a, b *Model) string {
	if a == nil || b == nil {
		if a == b {
			return ""
		}
		return fmt.Sprintf("model %p vs %p", a, b)
	}
	ca, cb := reflect.ValueOf(a.Config), reflect.ValueOf(b.Config)
	for i := range ca.NumField() {
		fa, fb := ca.Field(i), cb.Field(i)
		name := ca.Type().Field(i).Name
		if fa.Kind() == reflect.Float64 {
			if math.Float64bits(fa.Float()) != math.Float64bits(fb.Float()) {
				return fmt.Sprintf("Config.%s: %v (%#x) vs %v (%#x)", name, fa.Float(), math.Float64bits(fa.Float()), fb.Float(), math.Float64bits(fb.Float()))
			}
		} else if !fa.Equal(fb) {
			return fmt.Sprintf("Config.%s: %v vs %v", name, fa, fb)
		}
	}
	switch {
	case a.Kind != b.Kind:
		return fmt.Sprintf("Kind: %v vs %v", a.Kind, b.Kind)
	case a.Updates != b.Updates:
		return fmt.Sprintf("Updates: %d vs %d", a.Updates, b.Updates)
	case !slices.Equal(a.Vocab.runes, b.Vocab.runes):
		return fmt.Sprintf("Vocab: %q vs %q", string(a.Vocab.runes), string(b.Vocab.runes))
	case math.Float64bits(a.Norm.Mean) != math.Float64bits(b.Norm.Mean) || math.Float64bits(a.Norm.Scale) != math.Float64bits(b.Norm.Scale):
		return fmt.Sprintf("Norm: %+v vs %+v", a.Norm, b.Norm)
	}
	pa, pb := a.Params, b.Params
	if pa == nil || pb == nil {
		if pa == pb {
			return ""
		}
		return "Params: one is nil"
	}
	if pa.Cell != pb.Cell || pa.Y != pb.Y || len(pa.Layers) != len(pb.Layers) {
		return fmt.Sprintf("Params shapes: %v Y=%d %d layers vs %v Y=%d %d layers", pa.Cell, pa.Y, len(pa.Layers), pb.Cell, pb.Y, len(pb.Layers))
	}
	same := func(name string, x, y []float64) string {
		if len(x) != len(y) {
			return fmt.Sprintf("%s: length %d vs %d", name, len(x), len(y))
		}
		for i := range x {
			if math.Float64bits(x[i]) != math.Float64bits(y[i]) {
				return fmt.Sprintf("%s[%d]: %v (%#x) vs %v (%#x)", name, i, x[i], math.Float64bits(x[i]), y[i], math.Float64bits(y[i]))
			}
		}
		return ""
	}
	for l := range pa.Layers {
		la, lb := pa.Layers[l], pb.Layers[l]
		if la.X != lb.X || la.H != lb.H || la.G != lb.G {
			return fmt.Sprintf("layer %d: X,H,G %d,%d,%d vs %d,%d,%d", l+1, la.X, la.H, la.G, lb.X, lb.H, lb.G)
		}
		for _, d := range []string{same("Wx", la.Wx, lb.Wx), same("U", la.U, lb.U), same("B", la.B, lb.B)} {
			if d != "" {
				return fmt.Sprintf("layer %d %s", l+1, d)
			}
		}
	}
	for _, d := range []string{same("Data", pa.Data, pb.Data), same("Wy", pa.Wy, pb.Wy), same("By", pa.By, pb.By)} {
		if d != "" {
			return d
		}
	}
	return ""
}

// specials are values whose bits a careless encoder would change.
var specials = []float64{math.Copysign(0, -1), math.SmallestNonzeroFloat64, -math.MaxFloat64, math.MaxFloat64, 0x1p-1022, -math.Pi, 1.0 / 3}

// fillParams sets every parameter to a random finite float64 of arbitrary bits
// (any exponent, any mantissa), with the specials first.
func fillParams(p *Params, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 7))
	for i := range p.Data {
		if i < len(specials) {
			p.Data[i] = specials[i]
			continue
		}
		for {
			v := math.Float64frombits(rng.Uint64())
			if isFinite(v) {
				p.Data[i] = v
				break
			}
		}
	}
}

// tinyTextModel is the model of testdata/tiny.model: a one-layer LSTM with
// H = 2 over a four-character vocabulary of 1-, 2-, 3- and 4-byte UTF-8
// characters, every configuration field away from its default, and parameters
// set by formula (not by Init, whose changes must not move the format golden).
func tinyTextModel() *Model {
	v, err := VocabOf([]rune{'a', 'é', '中', '😀'})
	if err != nil {
		panic(err)
	}
	cfg := Config{Cell: CellLSTM, Layers: 1, Hidden: 2, SeqLen: 7, LearningRate: 0.003, Optimizer: RMSProp,
		Momentum: 0.5, Clip: 2.5, ClipMode: ClipNorm, ForgetBias: -0.75, Seed: 0x0123456789abcdef}
	m := &Model{Config: cfg, Kind: Text, Vocab: v, Updates: 1234567,
		Params: NewParams(cfg.Cell, cfg.Layers, v.Size(), cfg.Hidden, v.Size())}
	for i := range m.Params.Data {
		m.Params.Data[i] = float64(i-34) / 8
	}
	copy(m.Params.Data, specials)
	return m
}

// tinyNumbersModel is the model of testdata/tiny-numbers.model: a two-layer RNN
// with H = 3 for numbers, with extreme configuration values and the largest
// update count.
func tinyNumbersModel() *Model {
	cfg := Config{Cell: CellRNN, Layers: 2, Hidden: 3, SeqLen: MaxSeqLen, LearningRate: MinLR, Optimizer: SGD,
		Momentum: MaxMomentum, Clip: 0, ClipMode: ClipElement, ForgetBias: MaxForgetB, Seed: math.MaxUint64}
	m := &Model{Config: cfg, Kind: Numbers, Norm: Norm{Mean: -2.5, Scale: 0.125}, Updates: MaxUpdates,
		Params: NewParams(cfg.Cell, cfg.Layers, 1, cfg.Hidden, 1)}
	for i := range m.Params.Data {
		m.Params.Data[i] = 1 - float64(i)/16
	}
	return m
}

func mustMarshal(t testing.TB, m *Model) []byte {
	t.Helper()
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fixCRC rewrites the checksum of a model file after a deliberate change.
func fixCRC(b []byte) []byte {
	n := len(b) - crcSize
	binary.LittleEndian.PutUint32(b[n:], crc32.ChecksumIEEE(b[:n]))
	return b
}

func TestFormatCoversEveryField(t *testing.T) {
	// A new field in Config, Model or Norm must get a place in the file (and a
	// new FormatVersion); this test fails until format.go is updated with it.
	// (Config.Init took the high bits of the cell's byte within version 1:
	// every earlier file has 0 there, InitGlorot, the scheme its model had.)
	for _, c := range []struct {
		v    any
		want int
	}{{Config{}, 12}, {Model{}, 6}, {Norm{}, 2}} {
		if n := reflect.TypeOf(c.v).NumField(); n != c.want {
			t.Errorf("%T has %d fields; the model file stores %d: update format.go and FormatVersion", c.v, n, c.want)
		}
	}
}

func TestFormatRoundTrip(t *testing.T) {
	texts := map[string]string{
		"ascii":   "hello, world",
		"chinese": "长短期记忆网络，长短期记忆。",
		"emoji":   "naïve café 😀🎉👍🏽 ok",
		"one":     "aaaa",
	}
	for _, cell := range []Cell{CellLSTM, CellRNN} {
		for layers := 1; layers <= MaxLayers; layers++ {
			for name, text := range texts {
				t.Run(fmt.Sprintf("%v/layers=%d/text=%s", cell, layers, name), func(t *testing.T) {
					d, err := NewTextData(text)
					if err != nil {
						t.Fatal(err)
					}
					checkRoundTrip(t, cell, layers, d)
				})
			}
			t.Run(fmt.Sprintf("%v/layers=%d/numbers", cell, layers), func(t *testing.T) {
				d, err := NewNumberData("0, 0.5, 1, 0.5, 0, -0.5, -1e9, 1e9")
				if err != nil {
					t.Fatal(err)
				}
				checkRoundTrip(t, cell, layers, d)
			})
		}
	}
	for _, m := range []*Model{tinyTextModel(), tinyNumbersModel()} {
		t.Run("tiny/"+m.Kind.String(), func(t *testing.T) { checkRoundTripModel(t, m) })
	}
	t.Run("large", func(t *testing.T) {
		// Larger than Decode's first 64 KiB read buffer, so that it grows.
		var text []rune
		for r := rune(0x4e00); r < 0x4e00+300; r++ {
			text = append(text, r)
		}
		d, err := NewTextData(string(text))
		if err != nil {
			t.Fatal(err)
		}
		cfg := DefaultConfig()
		cfg.Layers, cfg.Hidden = 2, 48
		m, err := NewModel(cfg, d)
		if err != nil {
			t.Fatal(err)
		}
		if n := 8 * len(m.Params.Data); n < 4*64<<10 {
			t.Fatalf("the model has only %d bytes of parameters", n)
		}
		fillParams(m.Params, 99)
		checkRoundTripModel(t, m)
	})
}

func TestUnmarshalBinaryKeepsModelOnError(t *testing.T) {
	m := tinyNumbersModel()
	b := mustMarshal(t, tinyTextModel())
	b[200] ^= 1
	if err := m.UnmarshalBinary(b); err == nil {
		t.Fatal("no error")
	}
	if d := modelDiff(m, tinyNumbersModel()); d != "" {
		t.Errorf("UnmarshalBinary changed the model on error: %s", d)
	}
}

func checkRoundTrip(t *testing.T, cell Cell, layers int, d *Data) {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Cell, cfg.Layers, cfg.Hidden, cfg.Seed = cell, layers, 5, uint64(layers)<<8|uint64(cell)
	m, err := NewModel(cfg, d)
	if err != nil {
		t.Fatal(err)
	}
	fillParams(m.Params, cfg.Seed)
	m.Updates = 1<<40 + 3
	checkRoundTripModel(t, m)
}

func checkRoundTripModel(t *testing.T, m *Model) {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, m); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	V := 0
	if m.Kind == Text {
		V = m.Vocab.Size()
	}
	if want := headerSize + 4*V + 8*len(m.Params.Data) + crcSize; len(b) != want {
		t.Errorf("file is %d bytes, want 116+4V+8P = %d", len(b), want)
	}
	readers := map[string]func() io.Reader{
		"bytes":   func() io.Reader { return bytes.NewReader(b) },
		"onebyte": func() io.Reader { return iotest.OneByteReader(bytes.NewReader(b)) },
		"half":    func() io.Reader { return iotest.HalfReader(bytes.NewReader(b)) },
		"dataerr": func() io.Reader { return iotest.DataErrReader(bytes.NewReader(b)) },
	}
	for name, r := range readers {
		got, err := Decode(r())
		if err != nil {
			t.Fatalf("Decode(%s): %v", name, err)
		}
		if d := modelDiff(m, got); d != "" {
			t.Fatalf("Decode(%s): model differs: %s", name, d)
		}
		if &got.Params.Data[0] == &m.Params.Data[0] {
			t.Fatal("decoded parameters alias the original")
		}
	}
	got, err := UnmarshalModel(b)
	if err != nil {
		t.Fatal(err)
	}
	if d := modelDiff(m, got); d != "" {
		t.Fatalf("UnmarshalModel: model differs: %s", d)
	}
	b[len(b)/2] ^= 0xff // the model must not alias the bytes
	if d := modelDiff(m, got); d != "" {
		t.Fatalf("UnmarshalModel's model changed with its input: %s", d)
	}
	b[len(b)/2] ^= 0xff
	var um Model
	if err := um.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if d := modelDiff(m, &um); d != "" {
		t.Fatalf("UnmarshalBinary: model differs: %s", d)
	}
	if b2 := mustMarshal(t, got); !bytes.Equal(b, b2) {
		t.Fatal("re-encoding a decoded model gives different bytes")
	}
}

var goldens = []struct {
	file  string
	model func() *Model
}{
	{"tiny.model", tinyTextModel},
	{"tiny-numbers.model", tinyNumbersModel},
}

// TestFormatGolden pins the format: the tiny models must encode to exactly the
// committed bytes, and the committed files must decode to exactly the models.
// Regenerate with go test ./lstm -run TestFormatGolden -update, only together
// with a new FormatVersion.
func TestFormatGolden(t *testing.T) {
	for _, g := range goldens {
		t.Run(g.file, func(t *testing.T) {
			path := filepath.Join("testdata", g.file)
			want := g.model()
			b := mustMarshal(t, want)
			if updateGolden() {
				if err := os.WriteFile(path, b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			file, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./lstm -run TestFormatGolden -update to create it)", err)
			}
			if !bytes.Equal(file, b) {
				t.Errorf("Encode of the tiny model differs from %s (%d vs %d bytes): the format has changed; bump FormatVersion", path, len(b), len(file))
			}
			got, err := Decode(bytes.NewReader(file))
			if err != nil {
				t.Fatal(err)
			}
			if d := modelDiff(want, got); d != "" {
				t.Errorf("%s decodes to a different model: %s", path, d)
			}
		})
	}
}

// TestFormatLayout reads the golden file at the offsets documented on Encode.
func TestFormatLayout(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "tiny.model"))
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	u32 := func(off int) uint32 { return le.Uint32(b[off:]) }
	u64 := func(off int) uint64 { return le.Uint64(b[off:]) }
	f64 := func(off int) float64 { return math.Float64frombits(u64(off)) }
	V, P := 4, 68
	checks := []struct {
		name      string
		got, want any
	}{
		{"magic", string(b[0:8]), "LSTMPLAY"},
		{"version", u32(8), uint32(1)},
		{"cell", b[12], byte(CellLSTM)},
		{"kind", b[13], byte(Text)},
		{"optimizer", b[14], byte(RMSProp)},
		{"clip mode", b[15], byte(ClipNorm)},
		{"layers", u32(16), uint32(1)},
		{"hidden", u32(20), uint32(2)},
		{"seqlen", u32(24), uint32(7)},
		{"X", u32(28), uint32(V)},
		{"Y", u32(32), uint32(V)},
		{"V", u32(36), uint32(V)},
		{"learning rate", f64(40), 0.003},
		{"momentum", f64(48), 0.5},
		{"clip", f64(56), 2.5},
		{"forget bias", f64(64), -0.75},
		{"seed", u64(72), uint64(0x0123456789abcdef)},
		{"updates", u64(80), uint64(1234567)},
		{"norm mean", u64(88), uint64(0)},
		{"norm scale", u64(96), uint64(0)},
		{"P", u64(104), uint64(P)},
		{"vocab[0]", u32(112), uint32('a')},
		{"vocab[3]", u32(112 + 4*3), uint32('😀')},
		{"param[0] bits (−0)", u64(112 + 4*V), uint64(1) << 63},
		{"param[1] bits (smallest subnormal)", u64(112 + 4*V + 8), uint64(1)},
		{"last param (By[3])", f64(112 + 4*V + 8*(P-1)), float64(P-1-34) / 8},
		{"crc", u32(112 + 4*V + 8*P), crc32.ChecksumIEEE(b[:112+4*V+8*P])},
		{"size", len(b), 116 + 4*V + 8*P},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
}

// decodeBoth decodes b with UnmarshalModel and with Decode, checks that they
// agree and that a model and an error are never both (or neither) returned,
// and returns the error.
func decodeBoth(t testing.TB, b []byte) (*Model, error) {
	t.Helper()
	m, err := UnmarshalModel(b)
	if (m == nil) == (err == nil) {
		t.Fatalf("UnmarshalModel returned model %v and error %v", m != nil, err)
	}
	m2, err2 := Decode(bytes.NewReader(b))
	if (m2 == nil) == (err2 == nil) {
		t.Fatalf("Decode returned model %v and error %v", m2 != nil, err2)
	}
	if fmt.Sprint(err) != fmt.Sprint(err2) {
		t.Fatalf("UnmarshalModel and Decode disagree:\n%v\n%v", err, err2)
	}
	if d := modelDiff(m, m2); d != "" {
		t.Fatalf("UnmarshalModel and Decode disagree: %s", d)
	}
	return m, err
}

func wantFormatError(t *testing.T, err error, substr string) *FormatError {
	t.Helper()
	var fe *FormatError
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T) is not a *FormatError", err, err)
	}
	if !strings.Contains(err.Error(), substr) {
		t.Errorf("error %q does not say %q", err, substr)
	}
	return fe
}

func TestDecodeTruncated(t *testing.T) {
	for _, g := range goldens {
		b := mustMarshal(t, g.model())
		for n := range len(b) {
			_, err := decodeBoth(t, b[:n])
			switch {
			case n == 0:
				wantFormatError(t, err, "empty")
			case n < headerSize:
				wantFormatError(t, err, fmt.Sprintf("truncated: expected at least %d bytes, got %d", headerSize+crcSize, n))
			default:
				wantFormatError(t, err, fmt.Sprintf("truncated: expected %d bytes, got %d", len(b), n))
			}
		}
	}
}

func TestDecodeTrailingData(t *testing.T) {
	b := mustMarshal(t, tinyTextModel())
	for _, extra := range [][]byte{{0}, []byte("more"), b} {
		_, err := decodeBoth(t, append(slices.Clip(b), extra...))
		fe := wantFormatError(t, err, "unexpected extra data")
		if fe.Offset != int64(len(b)) {
			t.Errorf("offset %d, want %d", fe.Offset, len(b))
		}
	}
}

func TestDecodeCorruptByte(t *testing.T) {
	for _, g := range goldens {
		b := mustMarshal(t, g.model())
		for i := range b {
			for _, x := range []byte{0x01, 0x80, 0xff} {
				c := slices.Clone(b)
				c[i] ^= x
				_, err := decodeBoth(t, c)
				var fe *FormatError
				var ue *UnsupportedError
				if !errors.As(err, &fe) && !errors.As(err, &ue) {
					t.Fatalf("byte %d ^ %#x: error %v (%T) is neither a *FormatError nor an *UnsupportedError", i, x, err, err)
				}
				if i >= headerSize && !strings.Contains(err.Error(), "corrupt") {
					t.Errorf("byte %d ^ %#x: %v does not say corrupt", i, x, err)
				}
			}
		}
	}
}

func TestDecodeBadMagic(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	for _, b := range [][]byte{png, []byte("X"), []byte("LSTMPLAX"), []byte(`{"model": 1}`), []byte("lstmplay\x01\x00\x00\x00")} {
		_, err := decodeBoth(t, b)
		wantFormatError(t, err, "not an LSTM Playground model file")
	}
}

func TestDecodeFutureVersion(t *testing.T) {
	b := mustMarshal(t, tinyTextModel())
	for _, v := range []uint32{2, 7, math.MaxUint32} {
		for _, n := range []int{12, headerSize, len(b)} { // a newer file may be shorter or laid out differently
			c := slices.Clone(b[:n])
			binary.LittleEndian.PutUint32(c[offVersion:], v)
			_, err := decodeBoth(t, c)
			var ue *UnsupportedError
			if !errors.As(err, &ue) {
				t.Fatalf("version %d: error %v (%T) is not an *UnsupportedError", v, err, err)
			}
			if ue.Version != v {
				t.Errorf("UnsupportedError.Version = %d, want %d", ue.Version, v)
			}
			for _, s := range []string{"newer version of LSTM Playground", "Reload the page"} {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("%q does not say %q", err, s)
				}
			}
		}
	}
	c := slices.Clone(b)
	binary.LittleEndian.PutUint32(c[offVersion:], 0)
	_, err := decodeBoth(t, fixCRC(c))
	wantFormatError(t, err, "format version 0")
}

// TestDecodeFieldErrors changes one value at a time and fixes the checksum, so
// each check after the CRC is reached and must catch the change on its own.
func TestDecodeFieldErrors(t *testing.T) {
	le := binary.LittleEndian
	text := mustMarshal(t, tinyTextModel())
	nums := mustMarshal(t, tinyNumbersModel())
	set32 := func(off int, v uint32) func([]byte) { return func(b []byte) { le.PutUint32(b[off:], v) } }
	set64 := func(off int, v uint64) func([]byte) { return func(b []byte) { le.PutUint64(b[off:], v) } }
	setF := func(off int, v float64) func([]byte) { return set64(off, math.Float64bits(v)) }
	setB := func(off int, v byte) func([]byte) { return func(b []byte) { b[off] = v } }
	paramOff := func(b []byte, i int) int { return headerSize + 4*int(le.Uint32(b[offV:])) + 8*i }
	setParam := func(i int, v float64) func([]byte) {
		return func(b []byte) {
			if i < 0 {
				i += int(le.Uint64(b[offP:]))
			}
			le.PutUint64(b[paramOff(b, i):], math.Float64bits(v))
		}
	}
	cases := []struct {
		name    string
		file    []byte
		change  func([]byte)
		say     string
		offset  int64
		config  bool // wraps a *ConfigError
		noFixup bool // leave the checksum as it is
	}{
		{"cell", text, setB(offCell, 2), "cell 2 is out of range", offCell, true, false},
		{"kind", text, setB(offKind, 2), "data kind 2", offKind, false, false},
		{"optimizer", text, setB(offOptimizer, 3), "opt 3 is out of range", offOptimizer, true, false},
		{"clip mode", text, setB(offClipMode, 2), "clipmode 2 is out of range", offClipMode, true, false},
		{"layers 0", text, set32(offLayers, 0), "layers 0 is out of range", offLayers, true, false},
		{"layers 3", text, set32(offLayers, 3), "Layers 3 is out of range", offLayers, false, false},
		{"layers max", text, set32(offLayers, math.MaxUint32), "Layers 4294967295 is out of range", offLayers, false, false},
		{"hidden 0", text, set32(offHidden, 0), "h 0 is out of range", offHidden, true, false},
		{"hidden max+1", text, set32(offHidden, MaxHidden+1), "Hidden units 513 is out of range", offHidden, false, false},
		{"hidden 2^31", text, set32(offHidden, 1<<31), "Hidden units 2147483648 is out of range", offHidden, false, false},
		{"seqlen 0", text, set32(offSeqLen, 0), "seq 0", offSeqLen, true, false},
		{"seqlen huge", text, set32(offSeqLen, 1<<30), "Sequence length 1073741824", offSeqLen, false, false},
		{"X huge", text, set32(offX, math.MaxUint32), "input width X 4294967295 is out of range", offX, false, false},
		{"Y huge", text, set32(offY, MaxVocab+1), "output width Y 4097 is out of range", offY, false, false},
		{"V huge", text, set32(offV, MaxVocab+1), "vocabulary size V 4097 is out of range", offV, false, false},
		{"X not V", text, set32(offX, 3), "must equal its vocabulary size", offX, false, false},
		{"Y not V", text, set32(offY, 5), "must equal its vocabulary size", offX, false, false},
		{"text V 0", text, func(b []byte) { set32(offV, 0)(b); set32(offX, 0)(b); set32(offY, 0)(b) }, "empty vocabulary", offV, false, false},
		{"numbers X 2", nums, set32(offX, 2), "input width X 1 (not 2)", offX, false, false},
		{"numbers V 1", nums, set32(offV, 1), "vocabulary size V 0 (not 1)", offX, false, false},
		{"learning rate 0", text, setF(offLR, 0), "lr 0 is out of range", offLR, true, false},
		{"learning rate NaN", text, setF(offLR, math.NaN()), "lr NaN", offLR, true, false},
		{"learning rate Inf", text, setF(offLR, math.Inf(1)), "lr +Inf", offLR, true, false},
		{"momentum 1", text, setF(offMomentum, 1), "mom 1 is out of range", offMomentum, true, false},
		{"clip -1", text, setF(offClip, -1), "clip -1", offClip, true, false},
		{"forget bias NaN", text, setF(offForgetBias, math.NaN()), "fbias NaN", offForgetBias, true, false},
		{"param count", text, set64(offP, 69), "parameter count 69 does not match the configuration, which has 68", offP, false, false},
		{"param count huge", text, set64(offP, math.MaxUint64), "parameter count 18446744073709551615", offP, false, false},
		{"updates 2^53+1", text, set64(offUpdates, MaxUpdates+1), "update count 9007199254740993 is out of range: the limit is 9007199254740992", offUpdates, false, false},
		{"updates 10^18", nums, set64(offUpdates, 1e18), "update count 1000000000000000000 is out of range", offUpdates, false, false},
		{"updates 2^64-1", text, set64(offUpdates, math.MaxUint64), "update count 18446744073709551615 is out of range", offUpdates, false, false},
		{"checksum", text, setB(headerSize+3, 'b'), "corrupt", int64(len(text) - crcSize), false, true},
		{"vocab surrogate", text, set32(headerSize, 0xD800), "vocabulary entry 0 (0xd800) is not a valid character", headerSize, false, false},
		{"vocab beyond unicode", text, set32(headerSize+12, 0x110000), "vocabulary entry 3 (0x110000) is not a valid character", headerSize + 12, false, false},
		{"vocab negative rune", text, set32(headerSize+12, 0xFFFFFFFF), "vocabulary entry 3 (0xffffffff)", headerSize + 12, false, false},
		{"vocab unsorted", text, set32(headerSize, 'ÿ'), "not sorted and unique at entry 1", headerSize + 4, false, false},
		{"vocab duplicate", text, set32(headerSize+4, 'a'), "not sorted and unique at entry 1", headerSize + 4, false, false},
		{"text norm", text, setF(offScale, 1), "normalisation must be zero", offMean, false, false},
		{"text norm -0", text, setF(offMean, math.Copysign(0, -1)), "normalisation must be zero", offMean, false, false},
		{"numbers mean NaN", nums, setF(offMean, math.NaN()), "mean NaN is not finite", offMean, false, false},
		{"numbers mean Inf", nums, setF(offMean, math.Inf(-1)), "mean -Inf is not finite", offMean, false, false},
		{"numbers scale 0", nums, setF(offScale, 0), "scale 0 must be finite and positive", offScale, false, false},
		{"numbers scale -1", nums, setF(offScale, -1), "scale -1 must be finite and positive", offScale, false, false},
		{"numbers scale Inf", nums, setF(offScale, math.Inf(1)), "scale +Inf", offScale, false, false},
		{"param NaN", text, setParam(0, math.NaN()), "parameter 0 (layer 1 Wx[0]) is NaN, not a finite number", headerSize + 16, false, false},
		{"param +Inf", text, setParam(40, math.Inf(1)), "parameter 40 (layer 1 U[8]) is +Inf", headerSize + 16 + 8*40, false, false},
		{"param -Inf last", text, setParam(-1, math.Inf(-1)), "parameter 67 (By[3]) is -Inf", headerSize + 16 + 8*67, false, false},
		{"param NaN payload", nums, setParam(-5, math.Float64frombits(0x7ff0000000000001)), "parameter 35 (layer 2 B[2]) is NaN", headerSize + 8*35, false, false},
		{"param Wy", nums, setParam(36, math.NaN()), "parameter 36 (Wy[0])", headerSize + 8*36, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := slices.Clone(c.file)
			c.change(b)
			if !c.noFixup {
				fixCRC(b)
			}
			m, err := decodeBoth(t, b)
			if m != nil {
				t.Fatal("decoded a bad file")
			}
			fe := wantFormatError(t, err, c.say)
			if fe.Offset != c.offset {
				t.Errorf("offset %d, want %d", fe.Offset, c.offset)
			}
			var ce *ConfigError
			if got := errors.As(err, &ce); got != c.config {
				t.Errorf("wraps a *ConfigError: %v, want %v", got, c.config)
			}
		})
	}
}

// TestUpdatesLimit checks that the largest update count the decoder accepts,
// MaxUpdates, round-trips, so that the limit refuses only what is over it.
func TestUpdatesLimit(t *testing.T) {
	m := tinyTextModel()
	m.Updates = MaxUpdates
	got, err := decodeBoth(t, mustMarshal(t, m))
	if err != nil {
		t.Fatal(err)
	}
	if got.Updates != MaxUpdates || float64(got.Updates)+1 == float64(got.Updates)-1 {
		t.Errorf("updates %d, want %d", got.Updates, uint64(MaxUpdates))
	}
}

// TestDecodeHugeHeaderDoesNotAllocate checks that a header declaring a model
// larger than the limits, or a large valid model with no payload, is refused
// without allocating anything near the declared size.
func TestDecodeHugeHeaderDoesNotAllocate(t *testing.T) {
	le := binary.LittleEndian
	base := mustMarshal(t, tinyTextModel())[:headerSize]
	setConfig := func(b []byte, cfg Config, v int) {
		b[offCell] = byte(cfg.Cell)
		le.PutUint32(b[offLayers:], uint32(cfg.Layers))
		le.PutUint32(b[offHidden:], uint32(cfg.Hidden))
		le.PutUint32(b[offSeqLen:], uint32(cfg.SeqLen))
		for _, off := range []int{offX, offY, offV} {
			le.PutUint32(b[off:], uint32(v))
		}
		le.PutUint64(b[offP:], uint64(cfg.ParamCount(v, v)))
	}
	// The largest configuration, and the largest valid one: the most hidden
	// units that the size limits (checkSize) allow with every other size at
	// its limit and T = 1.
	largest := tinyTextModel().Config
	largest.Layers, largest.Hidden, largest.SeqLen = MaxLayers, MaxHidden, MaxSeqLen
	largestValid := largest
	largestValid.SeqLen = 1
	for checkSize(largestValid, MaxVocab, MaxVocab) != nil {
		largestValid.Hidden--
	}
	cases := []struct {
		name   string
		change func([]byte)
	}{
		{"hidden 2^32-1", func(b []byte) { le.PutUint32(b[offHidden:], math.MaxUint32) }},
		{"layers 2^32-1", func(b []byte) { le.PutUint32(b[offLayers:], math.MaxUint32) }},
		{"vocab 2^32-1", func(b []byte) {
			for _, off := range []int{offX, offY, offV} {
				le.PutUint32(b[off:], math.MaxUint32)
			}
		}},
		{"params 2^64-1", func(b []byte) { le.PutUint64(b[offP:], math.MaxUint64) }},
		{"largest configuration", func(b []byte) { setConfig(b, largest, MaxVocab) }},
		{"largest valid model, no payload", func(b []byte) { setConfig(b, largestValid, MaxVocab) }},
	}
	declared := 8 * largestValid.ParamCount(MaxVocab, MaxVocab)
	if declared < 64<<20 {
		t.Fatalf("the largest valid model has only %d bytes of parameters; the test needs a large one", declared)
	}
	hb := slices.Clone(base)
	setConfig(hb, largestValid, MaxVocab)
	if _, err := parseHeader(hb); err != nil {
		t.Fatalf("the largest valid header is refused: %v", err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := slices.Clone(base)
			c.change(b)
			if _, err := decodeBoth(t, b); err == nil {
				t.Fatal("no error")
			}
			for name, decode := range map[string]func() error{
				"UnmarshalModel": func() error { _, err := UnmarshalModel(b); return err },
				"Decode":         func() error { _, err := Decode(bytes.NewReader(b)); return err },
			} {
				const runs = 20
				allocs := testing.AllocsPerRun(runs, func() {
					if decode() == nil {
						t.Fatal("no error")
					}
				})
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				for range runs {
					if decode() == nil {
						t.Fatal("no error")
					}
				}
				runtime.ReadMemStats(&after)
				perRun := (after.TotalAlloc - before.TotalAlloc) / runs
				// The errors allocate a little; Decode may also allocate its
				// first 64 KiB read buffer for a valid header.
				if allocs > 30 || perRun > 128<<10 {
					t.Errorf("%s allocated %v times and %d bytes per call for a header declaring %d bytes", name, allocs, perRun, declared)
				}
			}
		})
	}
}

// TestDecodeRefusesModelOverSizeLimit checks that a file whose sizes are each
// within their limit, but whose model would be too large to train (checkSize),
// is refused with the *ConfigError of the size limit.
func TestDecodeRefusesModelOverSizeLimit(t *testing.T) {
	cfg := tinyTextModel().Config
	cfg.Layers, cfg.Hidden, cfg.SeqLen = MaxLayers, MaxHidden, MaxSeqLen
	limitErr := checkSize(cfg, MaxVocab, MaxVocab)
	if limitErr == nil {
		t.Skip("the largest configuration is within the size limits")
	}
	le := binary.LittleEndian
	b := mustMarshal(t, tinyTextModel())[:headerSize]
	le.PutUint32(b[offLayers:], MaxLayers)
	le.PutUint32(b[offHidden:], MaxHidden)
	le.PutUint32(b[offSeqLen:], MaxSeqLen)
	for _, off := range []int{offX, offY, offV} {
		le.PutUint32(b[off:], MaxVocab)
	}
	le.PutUint64(b[offP:], uint64(cfg.ParamCount(MaxVocab, MaxVocab)))
	_, err := decodeBoth(t, b)
	fe := wantFormatError(t, err, limitErr.Error())
	var ce *ConfigError
	if !errors.As(err, &ce) || fe.Offset != offHidden {
		t.Errorf("error %v: want a wrapped *ConfigError at byte %d (got byte %d)", err, offHidden, fe.Offset)
	}
}

// endless is a reader of a prefix followed by zeros forever, which counts
// the bytes it has given out.
type endless struct {
	prefix []byte
	n      int64
}

func (r *endless) Read(p []byte) (int, error) {
	k := copy(p, r.prefix)
	r.prefix = r.prefix[k:]
	clear(p[k:])
	r.n += int64(len(p))
	return len(p), nil
}

func TestDecodeBoundedRead(t *testing.T) {
	for _, g := range goldens {
		b := mustMarshal(t, g.model())
		r := &endless{prefix: b}
		m, err := Decode(r)
		if m != nil {
			t.Fatal("decoded a file followed by endless data")
		}
		wantFormatError(t, err, "unexpected extra data")
		if r.n != int64(len(b))+1 {
			t.Errorf("Decode read %d bytes of an endless stream; want the file (%d bytes) and one byte more", r.n, len(b))
		}
	}
	// A valid header followed by zeros is refused after at most the declared size + 1.
	b := mustMarshal(t, tinyNumbersModel())
	r := &endless{prefix: b[:headerSize]}
	if _, err := Decode(r); err == nil {
		t.Fatal("no error")
	}
	if r.n > int64(len(b))+1 {
		t.Errorf("read %d bytes, more than the declared %d + 1", r.n, len(b))
	}
	if MaxModelFileSize != headerSize+4*MaxVocab+8*MaxParamSize+crcSize {
		t.Error("MaxModelFileSize is wrong")
	}
}

func TestDecodeReaderError(t *testing.T) {
	b := mustMarshal(t, tinyTextModel())
	errBoom := errors.New("boom")
	for name, r := range map[string]io.Reader{
		"at once":       iotest.ErrReader(errBoom),
		"in header":     io.MultiReader(bytes.NewReader(b[:20]), iotest.ErrReader(errBoom)),
		"in payload":    io.MultiReader(bytes.NewReader(b[:200]), iotest.ErrReader(errBoom)),
		"at last byte":  io.MultiReader(bytes.NewReader(b[:len(b)-1]), iotest.ErrReader(errBoom)),
		"after the end": io.MultiReader(bytes.NewReader(b), iotest.ErrReader(errBoom)),
	} {
		m, err := Decode(r)
		if m != nil || !errors.Is(err, errBoom) {
			t.Errorf("%s: got model %v, error %v; want the reader's error", name, m != nil, err)
		}
	}
}

func TestEncodeRefusesInvalidModels(t *testing.T) {
	cases := map[string]func(m *Model) *Model{
		"nil model":      func(*Model) *Model { return nil },
		"nil params":     func(m *Model) *Model { m.Params = nil; return m },
		"hidden 0":       func(m *Model) *Model { m.Config.Hidden = 0; return m },
		"learning rate":  func(m *Model) *Model { m.Config.LearningRate = math.NaN(); return m },
		"kind":           func(m *Model) *Model { m.Kind = 7; return m },
		"empty vocab":    func(m *Model) *Model { m.Vocab = Vocab{}; return m },
		"wrong hidden":   func(m *Model) *Model { m.Config.Hidden = 3; return m },
		"wrong layers":   func(m *Model) *Model { m.Config.Layers = 2; return m },
		"wrong cell":     func(m *Model) *Model { m.Config.Cell = CellRNN; return m },
		"wrong vocab":    func(m *Model) *Model { m.Vocab, _ = VocabOf([]rune("abc")); return m },
		"NaN param":      func(m *Model) *Model { m.Params.Data[5] = math.NaN(); return m },
		"Inf param":      func(m *Model) *Model { m.Params.By[0] = math.Inf(1); return m },
		"numbers kind":   func(m *Model) *Model { m.Kind = Numbers; return m },
		"short data":     func(m *Model) *Model { m.Params.Data = m.Params.Data[:10]; return m },
		"numbers norm 0": func(*Model) *Model { m := tinyNumbersModel(); m.Norm.Scale = 0; return m },
		"numbers NaN":    func(*Model) *Model { m := tinyNumbersModel(); m.Norm.Mean = math.NaN(); return m },
		"numbers layer":  func(*Model) *Model { m := tinyNumbersModel(); m.Params.Layers[1].X = 1; return m },
		"updates 2^53+1": func(m *Model) *Model { m.Updates = MaxUpdates + 1; return m },
	}
	for name, change := range cases {
		var buf bytes.Buffer
		err := Encode(&buf, change(tinyTextModel()))
		if err == nil {
			t.Errorf("%s: Encode accepted an invalid model", name)
		} else if !strings.HasPrefix(err.Error(), "lstm: the model cannot be saved: ") {
			t.Errorf("%s: error %q", name, err)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: Encode wrote %d bytes of an invalid model", name, buf.Len())
		}
	}
	err := Encode(io.Discard, func() *Model { m := tinyTextModel(); m.Params.Data[40] = math.NaN(); return m }())
	if err == nil || !strings.Contains(err.Error(), "parameter 40 (layer 1 U[8]) is NaN") {
		t.Errorf("error %q does not name the parameter", err)
	}
}

type shortWriter struct{}

func (shortWriter) Write(p []byte) (int, error) { return len(p) / 2, nil }

func TestEncodeWriterError(t *testing.T) {
	errBoom := errors.New("boom")
	m := tinyTextModel()
	w := &errWriter{err: errBoom}
	if err := Encode(w, m); !errors.Is(err, errBoom) {
		t.Errorf("got %v, want the writer's error", err)
	}
	if err := Encode(shortWriter{}, m); !errors.Is(err, io.ErrShortWrite) {
		t.Errorf("got %v, want io.ErrShortWrite", err)
	}
}

type errWriter struct{ err error }

func (w *errWriter) Write([]byte) (int, error) { return 0, w.err }

func TestFormatErrorMessages(t *testing.T) {
	b := mustMarshal(t, tinyTextModel())
	for _, c := range []struct {
		in   []byte
		want string
	}{
		{nil, "lstm: the model file is empty"},
		{[]byte("GIF89a"), `lstm: not an LSTM Playground model file (it should start with "LSTMPLAY")`},
		{b[:300], "lstm: the model file is truncated: expected 676 bytes, got 300"},
	} {
		if _, err := UnmarshalModel(c.in); err == nil || err.Error() != c.want {
			t.Errorf("got %v\nwant %s", err, c.want)
		}
	}
	c := slices.Clone(b)
	c[500] ^= 1
	_, err := UnmarshalModel(c)
	if err == nil || !strings.HasPrefix(err.Error(), "lstm: the model file is corrupt: its checksum is 0x") {
		t.Errorf("got %v", err)
	}
}
