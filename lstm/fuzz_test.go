package lstm

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// FuzzDecode feeds arbitrary bytes to the model file decoder. Properties: no
// panic; a model or an error, never both and never neither; every error is a
// *FormatError or an *UnsupportedError; UnmarshalModel and Decode agree; and a
// decoded model re-encodes to exactly the same bytes (the format is
// canonical), which decode to an identical model. Since random changes rarely
// keep the CRC-32 right, each input is also tried with its checksum fixed, so
// that the checks after the checksum are fuzzed too.
func FuzzDecode(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.model"))
	if err != nil {
		f.Fatal(err)
	}
	if len(files) == 0 {
		f.Fatal("no testdata/*.model seeds")
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, m := range fuzzSeedModels(f) {
		f.Add(mustMarshal(f, m))
	}
	f.Add([]byte{})
	f.Add([]byte(fileMagic))
	f.Add([]byte(fileMagic + "\x02\x00\x00\x00"))

	f.Fuzz(func(t *testing.T, b []byte) {
		checkDecode(t, b)
		if len(b) >= crcSize {
			checkDecode(t, fixCRC(slices.Clone(b)))
		}
	})
}

func checkDecode(t *testing.T, b []byte) {
	m, err := decodeBoth(t, b) // checks model xor error, and agreement
	if err != nil {
		var fe *FormatError
		var ue *UnsupportedError
		if !errors.As(err, &fe) && !errors.As(err, &ue) {
			t.Fatalf("error %v (%T) is neither a *FormatError nor an *UnsupportedError", err, err)
		}
		return
	}
	b2, err := m.MarshalBinary()
	if err != nil {
		t.Fatalf("a decoded model does not encode: %v", err)
	}
	if !bytes.Equal(b, b2) {
		t.Fatalf("re-encoding a decoded model gives different bytes (%d vs %d)", len(b), len(b2))
	}
	m2, err := UnmarshalModel(b2)
	if err != nil {
		t.Fatalf("a re-encoded model does not decode: %v", err)
	}
	if d := modelDiff(m, m2); d != "" {
		t.Fatalf("a re-encoded model decodes differently: %s", d)
	}
}

// fuzzSeedModels returns small models of every kind, cell and depth.
func fuzzSeedModels(tb testing.TB) []*Model {
	var ms []*Model
	for _, cell := range []Cell{CellLSTM, CellRNN} {
		for layers := 1; layers <= MaxLayers; layers++ {
			for _, text := range []string{"", "ab", "中文😀"} {
				var d *Data
				var err error
				if text == "" {
					d, err = NewNumberData("1 2 3")
				} else {
					d, err = NewTextData(text)
				}
				if err != nil {
					tb.Fatal(err)
				}
				cfg := DefaultConfig()
				cfg.Cell, cfg.Layers, cfg.Hidden = cell, layers, 2
				m, err := NewModel(cfg, d)
				if err != nil {
					tb.Fatal(err)
				}
				m.Updates = uint64(layers * 10)
				ms = append(ms, m)
			}
		}
	}
	return append(ms, tinyTextModel(), tinyNumbersModel())
}

// FuzzRoundtrip builds a model from fuzzed settings, values and parameters and
// checks that Encode accepts it exactly when it is valid, writes nothing when
// it is not, and that Decode gives back the identical model.
func FuzzRoundtrip(f *testing.F) {
	f.Add(false, false, uint8(1), uint8(2), uint16(7), "hello", 0.01, 0.9, 5.0, 1.0, uint8(0), uint8(0), uint64(1), uint64(0), 0.0, 0.0, uint64(1), false)
	f.Add(true, true, uint8(2), uint8(3), uint16(256), "", 1e-6, 0.0, 0.0, -10.0, uint8(2), uint8(1), uint64(math.MaxUint64), uint64(99), -2.5, 0.125, uint64(2), false)
	f.Add(false, false, uint8(2), uint8(5), uint16(32), "长短期记忆😀", 1.0, 0.999, 1000.0, 10.0, uint8(1), uint8(1), uint64(7), uint64(1<<40), 0.0, 0.0, uint64(3), true)
	f.Add(false, true, uint8(0), uint8(0), uint16(0), "x", math.NaN(), -1.0, math.Inf(1), 11.0, uint8(3), uint8(2), uint64(0), uint64(0), math.NaN(), 0.0, uint64(4), true)

	f.Fuzz(func(t *testing.T, rnn, numbers bool, layers, hidden uint8, seqLen uint16, text string,
		lr, momentum, clip, forgetBias float64, optimizer, clipMode uint8, seed, updates uint64,
		mean, scale float64, paramSeed uint64, rawBits bool) {
		cell := CellLSTM
		if rnn {
			cell = CellRNN
		}
		cfg := Config{Cell: cell, Layers: int(layers % 4), Hidden: int(hidden % 33), SeqLen: int(seqLen % 300),
			LearningRate: lr, Optimizer: Optimizer(optimizer % 4), Momentum: momentum, Clip: clip,
			ClipMode: ClipMode(clipMode % 3), ForgetBias: forgetBias, Seed: seed}
		m := &Model{Config: cfg, Updates: updates}
		valid := cfg.Validate() == nil && updates <= MaxUpdates
		x := 1
		if numbers {
			m.Kind, m.Norm = Numbers, Norm{Mean: mean, Scale: scale}
			valid = valid && isFinite(mean) && isFinite(scale) && scale > 0
		} else {
			if len(text) > 256 {
				text = text[:256]
			}
			if v, err := NewVocab(text); err == nil {
				m.Vocab = v
			}
			x = m.Vocab.Size()
			valid = valid && x > 0
		}
		if cfg.Layers > 0 && cfg.Hidden > 0 && x > 0 {
			m.Params = NewParams(cfg.Cell, cfg.Layers, x, cfg.Hidden, x)
			rng := rand.New(rand.NewPCG(paramSeed, 1))
			for i := range m.Params.Data {
				if rawBits {
					m.Params.Data[i] = math.Float64frombits(rng.Uint64())
				} else {
					m.Params.Data[i] = rng.NormFloat64()
				}
				valid = valid && isFinite(m.Params.Data[i])
			}
		} else {
			valid = false
		}

		var buf bytes.Buffer
		err := Encode(&buf, m)
		if valid != (err == nil) {
			t.Fatalf("valid model %v, but Encode error %v", valid, err)
		}
		if err != nil {
			if buf.Len() != 0 {
				t.Fatalf("Encode wrote %d bytes of an invalid model", buf.Len())
			}
			return
		}
		got, err := Decode(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("Decode of an encoded model: %v", err)
		}
		if d := modelDiff(m, got); d != "" {
			t.Fatalf("round trip changed the model: %s", d)
		}
		if b2 := mustMarshal(t, got); !bytes.Equal(buf.Bytes(), b2) {
			t.Fatal("re-encoding gives different bytes")
		}
	})
}
