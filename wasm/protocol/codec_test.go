package protocol

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"lstmplayground/lstm"
)

var updateCorpus = flag.Bool("update", false, "rewrite the seed corpus in testdata/fuzz/FuzzDecode")

// seq returns n float32 values start, start+step, …
func seq(n int, start, step float32) []float32 {
	v := make([]float32, n)
	for i := range v {
		v[i] = start + float32(i)*step
	}
	return v
}

// fullConfig sets every field of lstm.Config to a value other than its zero.
var fullConfig = lstm.Config{
	Cell: lstm.CellRNN, Layers: 2, Hidden: 48, SeqLen: 25, LearningRate: 0.003,
	Optimizer: lstm.SGD, Momentum: 0.95, Clip: 2.5, ClipMode: lstm.ClipNorm, Init: lstm.InitOrthogonal, ForgetBias: -0.5, Seed: 1<<63 + 7,
}

func lstmTrace() TraceResult {
	const T, H = 3, 2
	layer := func(o float32) LayerTrace {
		return LayerTrace{
			Zi: seq(T*H, 0.1+o, 0.01), Zf: seq(T*H, 0.9-o, -0.01), Z: seq(T*H, -0.5, 0.2), Zo: seq(T*H, 0.5, 0.05),
			C: seq(T*H, -1+o, 0.3), H: seq(T*H, -0.7, 0.25), C0: []float32{0, 0.25}, H0: []float32{0.125, -1},
		}
	}
	return TraceResult{
		ID: 7, Gen: 3, Update: 12345, Kind: lstm.Text, Cell: lstm.CellLSTM, T: T, H: H,
		Layers:  []LayerTrace{layer(0), layer(0.05)},
		Symbols: []rune("猫é😀"), PNext: []float32{0.5, 0.25, 0.01}, Top: []rune("a\n猫"), TopP: []float32{0.6, 0.3, 0.9},
	}
}

func rnnNumbersTrace() TraceResult {
	const T, H = 4, 1
	return TraceResult{
		ID: 1 << 31, Gen: 1<<32 - 1, Kind: lstm.Numbers, Cell: lstm.CellRNN, T: T, H: H,
		Layers: []LayerTrace{{H: seq(T*H, -1, 0.5), H0: []float32{0}}},
		Values: []float32{0, 0.5, 1e9, -3}, Pred: []float32{0.4, 0.9, 0.6, float32(math.Inf(1))},
	}
}

// messages returns examples of every message type, some of them twice: once
// with zero values and once with every field set.
func messages() []Message {
	return append([]Message{
		SetData{},
		SetData{ID: 1<<32 - 1, Mode: lstm.Numbers, Text: "0, 0.5, 1, 0.5, 0, -0.5"},
		SetData{Mode: lstm.Text, Text: "Twinkle, twinkle 小星星 ✨ <img src=x onerror=alert(1)>\n"},
		SetConfig{},
		SetConfig{Config: lstm.DefaultConfig()},
		SetConfig{ID: 12, Config: fullConfig},
		SetConfig{Config: lstm.Config{Layers: -1, Hidden: math.MaxInt64, SeqLen: math.MinInt64, LearningRate: math.Inf(-1)}},
		Train{}, Pause{}, Step{}, Reset{},
		Train{ID: 21}, Pause{ID: 22}, Step{ID: 23}, Reset{ID: 24},
		Trace{},
		Trace{ID: 3, Probe: "hello", Interventions: []lstm.Intervention{
			{Layer: 0, State: lstm.StateC, Unit: 5, Value: 0},
			{Layer: 1, State: lstm.StateH, Unit: 511, Value: -0.75},
		}},
		Sample{},
		Sample{ID: 9, Prime: "Once upon", Count: 200, Temperature: 0.8, Seed: 42},
		Reach{}, Reach{ID: 4},
		Export{}, Export{ID: 5},
		Import{}, Import{ID: 25, File: []byte("LSTMMODEL\x00\x01\xff")},
		SetLive{},
		SetLive{ID: 26, LearningRate: 0.02, Optimizer: lstm.RMSProp, Momentum: 0.5, Clip: 1, ClipMode: lstm.ClipNorm},
		Ready{Protocol: Version}, Ready{Protocol: Version, Engine: "lstmplayground 0.1.0 (go1.26)"},
		Progress{},
		Progress{ID: 21, Gen: 4, Update: 1000, Loss: 2.25, CharsPerSec: 51234.5, GradNorm: 3.75,
			Running: true, Losses: []float32{2.5, 2.4, 2.25}},
		lstmTrace(),
		rnnNumbersTrace(),
		TraceResult{Kind: lstm.Text, Cell: lstm.CellLSTM, T: 0, H: 1, Layers: []LayerTrace{{C0: []float32{0}, H0: []float32{0.5}}}},
		SampleResult{},
		SampleResult{ID: 2, Gen: 5, Kind: lstm.Text, Text: "twinkle 小星"},
		SampleResult{ID: 2, Kind: lstm.Numbers, Values: []float32{1, -1, 0.5}},
		ReachResult{},
		ReachResult{ID: 8, Gen: 6, Update: 99, Cell: lstm.CellRNN, Layers: [][]float32{{1, 0.5, 0.25}, {2, 1, 1e-30}}},
		ModelFile{}, ModelFile{ID: 6, Gen: 7, File: bytes.Repeat([]byte{0, 1, 2, 255}, 100)},
		Status{},
		Status{ID: 12, Gen: 2, Kind: lstm.Text, Config: fullConfig, Vocab: []rune("\n !,.abc猫😀"), Length: 20000,
			Norm: lstm.Norm{Mean: 0, Scale: 1}, Params: 12345, Updates: 77},
		Status{Kind: lstm.Numbers, Config: lstm.DefaultConfig(), Length: 100, Norm: lstm.Norm{Mean: -3.5, Scale: 0.25}, Params: 4500},
		Error{},
		Error{ID: 3, Gen: 2, Code: CodeBadConfig, Reason: ReasonSetting, Key: "lr", Value: 5, Min: 1e-6, Max: 1},
		Error{Code: CodeNotReady, Reason: ReasonNoData, Key: KeyText},
		Error{ID: 1<<32 - 1, Gen: 9, Code: CodeBadData, Reason: ReasonNumber, Detail: 255, Key: KeyText, Value: math.Inf(-1),
			Min: -1e300, Max: -0.5, Have: -1 << 63, Limit: 1<<63 - 1, Index: -3, Position: 1 << 40, Token: "0x1p-3 猫"},
		Diagnose{}, Diagnose{ID: 11},
		Diagnostics{},
		Diagnostics{ID: 11, Update: 1 << 40, HeapLive: 3 << 20, HeapAlloc: 5 << 20, HeapSys: 16 << 20, TotalAlloc: 1 << 50,
			NumGC: 123456, Goroutines: 3, Funcs: -1, Warmed: 1234},
		SnapAt{},
		SnapAt{ID: 4, At: 300, Probe: "abc", Prime: "a", Count: 70, Temperature: 0.5, Seed: 7},
	}, append(slowMessages(), SetPace{}, SetPace{ID: 27, Rest: MaxRest}, SetPace{ID: 28, Rest: 50, Turn: 1, Turns: 2},
		Warm{ID: 29, Millis: 1}, Warm{ID: 30, Millis: MaxWarm})...)
}

func mustEncode(t testing.TB, m Message) []byte {
	t.Helper()
	b, err := Encode(m)
	if err != nil {
		t.Fatalf("Encode(%T): %v", m, err)
	}
	return b
}

func TestRoundTrip(t *testing.T) {
	for i, m := range messages() {
		t.Run(fmt.Sprintf("%d-%v", i, m.Type()), func(t *testing.T) {
			b := mustEncode(t, m)
			got, err := Decode(b)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if !reflect.DeepEqual(got, m) {
				t.Errorf("round trip changed the message:\n got %#v\nwant %#v", got, m)
			}
			// Pointers encode like values.
			p := reflect.New(reflect.TypeOf(m))
			p.Elem().Set(reflect.ValueOf(m))
			bp := mustEncode(t, p.Interface().(Message))
			if !bytes.Equal(bp, b) {
				t.Errorf("a pointer encodes differently from the value")
			}
			// Append after existing bytes.
			prefix := []byte("xyz")
			ba, err := Append(prefix, m)
			if err != nil || !bytes.Equal(ba[:3], prefix) || !bytes.Equal(ba[3:], b) {
				t.Errorf("Append(prefix) = %q, %v; want the prefix then the encoding", ba, err)
			}
		})
	}
}

// TestEveryType checks that messages() covers every message type.
func TestEveryType(t *testing.T) {
	seen := map[Type]bool{}
	for _, m := range messages() {
		seen[m.Type()] = true
		if got, want := m.Type().String(), reflect.TypeOf(m).Name(); got != want {
			t.Errorf("%s.Type().String() = %q", want, got)
		}
	}
	for typ := range typeNames {
		if !seen[typ] {
			t.Errorf("messages() has no %v", typ)
		}
	}
	if len(seen) != len(typeNames) {
		t.Errorf("messages() has %d types, typeNames %d", len(seen), len(typeNames))
	}
}

// TestLstmTypesCovered fails when lstm adds a field to a type the protocol
// carries, so that the codec gets the new field too.
func TestLstmTypesCovered(t *testing.T) {
	for _, tc := range []struct {
		v      any
		fields int
	}{
		{fullConfig, 12},
		{lstm.Intervention{Layer: 1, State: lstm.StateH, Unit: 1, Value: 1}, 4},
		{lstm.Norm{Mean: 1, Scale: 1}, 2},
	} {
		v := reflect.ValueOf(tc.v)
		if v.NumField() != tc.fields {
			t.Errorf("%s has %d fields; the protocol carries %d: add the new ones to fields.go and this test", v.Type(), v.NumField(), tc.fields)
		}
		for i := range v.NumField() {
			if v.Field(i).IsZero() {
				t.Errorf("test value of %s leaves %s zero, so its round trip proves nothing", v.Type(), v.Type().Field(i).Name)
			}
		}
	}
}

// TestNaNBits checks that float payloads cross bit for bit, NaN included.
func TestNaNBits(t *testing.T) {
	nan32 := math.Float32frombits(0x7fc00123)
	nan64 := math.Float64frombits(0x7ff8000000000abc)
	m := Progress{Loss: nan64, Losses: []float32{nan32, float32(math.Inf(-1)), float32(math.Copysign(0, -1))}}
	b := mustEncode(t, m)
	got, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	p := got.(Progress)
	if math.Float64bits(p.Loss) != math.Float64bits(nan64) {
		t.Errorf("Loss bits %#x, want %#x", math.Float64bits(p.Loss), math.Float64bits(nan64))
	}
	for i, v := range m.Losses {
		if math.Float32bits(p.Losses[i]) != math.Float32bits(v) {
			t.Errorf("Losses[%d] bits %#x, want %#x", i, math.Float32bits(p.Losses[i]), math.Float32bits(v))
		}
	}
	if b2 := mustEncode(t, p); !bytes.Equal(b2, b) {
		t.Error("re-encoding changed the bytes")
	}
}

// TestTruncated decodes every proper prefix of every message.
func TestTruncated(t *testing.T) {
	for _, m := range messages() {
		b := mustEncode(t, m)
		for n := range len(b) {
			got, err := Decode(b[:n:n])
			if err == nil {
				t.Fatalf("%v: the first %d of %d bytes decode as %#v", m.Type(), n, len(b), got)
			}
			if got != nil {
				t.Errorf("%v: Decode returned a message and an error", m.Type())
			}
			if !errors.Is(err, ErrTruncated) {
				t.Errorf("%v truncated to %d of %d bytes: %v; want ErrTruncated", m.Type(), n, len(b), err)
			}
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Errorf("error %T is not a *DecodeError", err)
			}
		}
	}
}

func TestTrailingBytes(t *testing.T) {
	for _, m := range messages() {
		b := append(mustEncode(t, m), 0)
		_, err := Decode(b)
		if !errors.Is(err, ErrMalformed) || !strings.Contains(err.Error(), "1 unexpected bytes") {
			t.Errorf("%v with a trailing byte: %v", m.Type(), err)
		}
	}
}

func TestHeaderErrors(t *testing.T) {
	good := mustEncode(t, Train{})
	for _, tc := range []struct {
		name string
		b    []byte
		want error
		text string
	}{
		{"empty", nil, ErrTruncated, "shorter than the 4-byte header"},
		{"magic", []byte("PK\x03\x04"), ErrMalformed, `not the magic "LP"`},
		{"future version", []byte{'L', 'P', Version + 1, byte(TypeTrain)}, ErrVersion, "version 3, but this program speaks version 2"},
		{"version 255", []byte{'L', 'P', 255, byte(TypeTrain)}, ErrVersion, "version 255"},
		{"old version", []byte{'L', 'P', 1, byte(TypeTrain)}, ErrVersion, "version 1"},
		{"old version, short", []byte{'L', 'P', 1}, ErrVersion, "version 1"},
		{"old version, unknown type", []byte{'L', 'P', 1, 200, 1, 2}, ErrVersion, "version 1"},
		{"short", []byte{'L', 'P', Version}, ErrTruncated, "shorter than the 4-byte header"},
		{"unknown type", []byte{'L', 'P', Version, 17}, ErrUnknownType, "type byte 17"},
		{"unknown type 0", []byte{'L', 'P', Version, 0}, ErrUnknownType, "type byte 0"},
		{"unknown type 255", []byte{'L', 'P', Version, 255}, ErrUnknownType, "type byte 255"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Decode(tc.b)
			if m != nil || !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.text) {
				t.Errorf("Decode(%q) = %v, %v; want %v mentioning %q", tc.b, m, err, tc.want, tc.text)
			}
		})
	}
	if _, err := Decode(good); err != nil {
		t.Fatal(err)
	}
}

// raw encodes m's fields without the checks Encode makes, to build messages
// that only a broken or malicious sender would produce.
func raw(m Message) []byte {
	w := writer{typ: m.Type()}
	w.b = append(w.b, magic0, magic1, Version, byte(m.Type()))
	m.put(&w)
	if w.err != nil {
		panic(w.err)
	}
	return w.b
}

// le32 overwrites the u32 at off.
func le32(b []byte, off int, v uint32) []byte {
	b = bytes.Clone(b)
	binary.LittleEndian.PutUint32(b[off:], v)
	return b
}

func TestMalformed(t *testing.T) {
	bad := lstmTrace()
	bad.Layers[1].Zf = bad.Layers[1].Zf[:5]
	rnnWithGates := rnnNumbersTrace()
	rnnWithGates.Layers[0].Zi = seq(4, 0, 1)
	wrongKind := lstmTrace()
	wrongKind.Kind = lstm.Numbers
	bigT := lstmTrace()
	bigT.T = MaxSteps + 1
	for _, tc := range []struct {
		name  string
		b     []byte
		want  error
		field string
		text  string
	}{
		{"bool 2", append(raw(Progress{})[:4+4+4+8+8+8+8], append([]byte{2}, raw(Progress{})[4+4+4+8+8+8+8+1:]...)...), ErrMalformed, "Running", "a bool must be 0 or 1, not 2"},
		{"invalid UTF-8", append(le32(raw(Ready{Protocol: Version}), 5, 2), 0xff, 0xfe), ErrMalformed, "Engine", "not valid UTF-8"},
		{"ready of another version", raw(Ready{Protocol: 1}), ErrMalformed, "Protocol", "version 1 in a message of version 2"},
		{"surrogate", append(raw(SampleResult{})[:4+4+4+1], 3, 0, 0, 0, 0xed, 0xa0, 0x80, 0, 0, 0, 0), ErrMalformed, "Text", "not valid UTF-8"},
		{"mode 2", raw(SetData{Mode: 2, Text: "x"}), ErrMalformed, "Mode", "neither Text (0) nor Numbers (1)"},
		{"layer array", raw(bad), ErrMalformed, "Layers[1].Zf", "has 5 values, want 6 for LSTM with T=3, H=2"},
		{"RNN with gates", raw(rnnWithGates), ErrMalformed, "Layers[0].Zi", "has 4 values, want 0 for RNN"},
		{"kind mismatch", raw(wrongKind), ErrMalformed, "Symbols", "has 3 values, want 0"},
		{"T too large", raw(bigT), ErrMalformed, "T", "2001 steps is out of range 0..2000"},
		{"cell 7", raw(ReachResult{Cell: 7}), ErrMalformed, "Cell", "neither LSTM (0) nor RNN (1)"},
		{"ragged reach", raw(ReachResult{Layers: [][]float32{{1, 2}, {1}}}), ErrMalformed, "Layers[1].Reach", "has 1 values, but layer 0 has 2"},
		{"error code", raw(Error{Code: 200}), ErrMalformed, "Code", "200 is no error code"},
		{"error reason", raw(Error{Reason: 200}), ErrMalformed, "Reason", "200 is no error reason"},
		{"numbers sample with text", raw(SampleResult{Kind: lstm.Numbers, Text: "x"}), ErrMalformed, "Text", "a numbers sample has no text"},
		{"slow step, short loss", raw(slowShortLoss()), ErrMalformed, "StepLoss", "has 2 values, want 3"},
		{"slow step, RNN with ∂L/∂c", raw(slowRNNWithDC()), ErrMalformed, "Grads[0].DH", "want 4 and 0 for RNN"},
		{"slow step, bad forward", raw(slowBadForward()), ErrMalformed, "Forward.Layers[1].Zf", "has 5 values"},
		{"rest over the most", []byte{'L', 'P', Version, byte(TypeSetPace), 1, 0, 0, 0, MaxRest + 1, 0, 0}, ErrMalformed, "Rest", "more than MaxRest"},
		{"turns over the most", []byte{'L', 'P', Version, byte(TypeSetPace), 1, 0, 0, 0, 50, 0, MaxTurns + 1}, ErrMalformed, "Turns", "more than MaxTurns"},
		{"turn out of turns", []byte{'L', 'P', Version, byte(TypeSetPace), 1, 0, 0, 0, 50, 2, 2}, ErrMalformed, "Turn", "not less than Turns"},
		{"turn without turns", []byte{'L', 'P', Version, byte(TypeSetPace), 1, 0, 0, 0, 50, 1, 0}, ErrMalformed, "Turn", "without Turns"},
		{"no warm-up", []byte{'L', 'P', Version, byte(TypeWarm), 1, 0, 0, 0, 0, 0, 0, 0}, ErrMalformed, "Millis", "out of range 1..MaxWarm"},
		{"warm-up over the most", []byte{'L', 'P', Version, byte(TypeWarm), 1, 0, 0, 0, 0xd1, 0x07, 0, 0}, ErrMalformed, "Millis", "out of range 1..MaxWarm"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Decode(tc.b)
			var de *DecodeError
			if m != nil || !errors.As(err, &de) || !errors.Is(err, tc.want) || de.Field != tc.field || !strings.Contains(err.Error(), tc.text) {
				t.Errorf("Decode = %v, %v; want %v in field %q mentioning %q", m, err, tc.want, tc.field, tc.text)
			}
		})
	}
}

// allocBytes returns the bytes allocated by f.
func allocBytes(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestOversized declares huge lengths in small messages: the decoder must say
// so without allocating anything like the declared size.
func TestOversized(t *testing.T) {
	const configSize = 1 + 8 + 8 + 8 + 8 + 1 + 8 + 8 + 1 + 1 + 8 + 8
	// header, ID, Gen, Update, Loss, CharsPerSec, GradNorm, Running
	const progressLossesOff = 4 + 4 + 4 + 8 + 8 + 8 + 8 + 1
	// header, ID, Gen, Code, Reason, Detail, Key (empty), Value, Min, Max, Have, Limit, Index, Position
	const errorTokenOff = 4 + 4 + 4 + 1 + 1 + 1 + 4 + 8 + 8 + 8 + 8 + 8 + 8 + 8
	tr := raw(lstmTrace())
	// Offset of Layers[0].Zi's count: header, ID, Gen, Update, Kind, Cell, T, H, layer count.
	ziOff := 4 + 4 + 4 + 8 + 1 + 1 + 8 + 8 + 4
	for _, tc := range []struct {
		name  string
		b     []byte
		want  error
		field string
	}{
		{"Import.File 4 GiB", le32(raw(Import{File: []byte("abc")}), 8, math.MaxUint32), ErrTooLarge, "File"},
		{"Import.File 200 MiB", le32(raw(Import{File: []byte("abc")}), 8, 200<<20), ErrTruncated, "File"},
		{"SetData.Text", le32(raw(SetData{Text: "abc"}), 9, MaxDataText+1), ErrTooLarge, "Text"},
		{"SetData.Text in limit", le32(raw(SetData{Text: "abc"}), 9, MaxDataText), ErrTruncated, "Text"},
		{"Progress.Losses", le32(raw(Progress{Losses: []float32{1}}), progressLossesOff, MaxLosses), ErrTruncated, "Losses"},
		{"Progress.Losses over", le32(raw(Progress{Losses: []float32{1}}), progressLossesOff, MaxLosses+1), ErrTooLarge, "Losses"},
		{"Trace.Interventions", le32(raw(Trace{}), 4+4+4, MaxInterventions), ErrTruncated, "Interventions"},
		{"TraceResult.Layers", le32(tr, ziOff-4, math.MaxUint32), ErrTooLarge, "Layers"},
		{"TraceResult.Zi", le32(tr, ziOff, maxTraceValues), ErrTruncated, "Layers[0].Zi"},
		{"TraceResult.Zi over", le32(tr, ziOff, maxTraceValues+1), ErrTooLarge, "Layers[0].Zi"},
		{"Status.Vocab", le32(raw(Status{}), 4+4+4+1+configSize, 4*lstm.MaxVocab), ErrTruncated, "Vocab"},
		{"Status.Vocab over", le32(raw(Status{}), 4+4+4+1+configSize, 4*lstm.MaxVocab+1), ErrTooLarge, "Vocab"},
		{"ReachResult.Layers", le32(raw(ReachResult{}), 4+4+4+8+1, lstm.MaxLayers), ErrTruncated, "Layers"},
		{"Error.Token", le32(raw(Error{}), errorTokenOff, MaxText+1), ErrTooLarge, "Token"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			n := allocBytes(func() { _, err = Decode(tc.b) })
			var de *DecodeError
			if !errors.As(err, &de) || !errors.Is(err, tc.want) || de.Field != tc.field {
				t.Errorf("Decode = %v; want %v in field %q", err, tc.want, tc.field)
			}
			if n > 64<<10 {
				t.Errorf("Decode allocated %d bytes for a %d-byte message", n, len(tc.b))
			}
			t.Log(err)
		})
	}
	huge := make([]byte, MaxMessage+1)
	copy(huge, raw(Import{}))
	if _, err := Decode(huge); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Decode of %d bytes: %v; want ErrTooLarge", len(huge), err)
	}
}

func TestEncodeErrors(t *testing.T) {
	bad := lstmTrace()
	bad.Layers[0].H = nil
	for _, tc := range []struct {
		name  string
		m     Message
		want  error
		field string
	}{
		{"nil", nil, ErrMalformed, ""},
		{"text over limit", SetData{Text: strings.Repeat("x", MaxDataText+1)}, ErrTooLarge, "Text"},
		{"invalid UTF-8", Error{Token: "a\xffb"}, ErrMalformed, "Token"},
		{"invalid rune", Status{Vocab: []rune{'a', 0xd800}}, ErrMalformed, "Vocab"},
		{"shape", bad, ErrMalformed, "Layers[0].H"},
		{"losses", Progress{Losses: make([]float32, MaxLosses+1)}, ErrTooLarge, "Losses"},
		{"interventions", Trace{Interventions: make([]lstm.Intervention, MaxInterventions+1)}, ErrTooLarge, "Interventions"},
		{"rest", SetPace{Rest: 255}, ErrMalformed, "Rest"},
		{"turn", SetPace{Rest: 50, Turn: 3, Turns: 2}, ErrMalformed, "Turn"},
		{"warm-up", Warm{Millis: MaxWarm + 1}, ErrMalformed, "Millis"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dst := []byte("keep")
			b, err := Append(dst, tc.m)
			var ee *EncodeError
			if !errors.As(err, &ee) || !errors.Is(err, tc.want) || ee.Field != tc.field {
				t.Errorf("Append = %v; want %v in field %q", err, tc.want, tc.field)
			}
			if string(b) != "keep" {
				t.Errorf("Append returned %q on error; want dst unchanged", b)
			}
			t.Log(err)
		})
	}
}

func TestFloat32s(t *testing.T) {
	v := []float32{0, 1, -2.5, float32(math.Inf(1)), math.SmallestNonzeroFloat32, math.MaxFloat32}
	b := AppendFloat32s([]byte{9}, v)
	if len(b) != 1+4*len(v) || b[0] != 9 {
		t.Fatalf("AppendFloat32s: %d bytes", len(b))
	}
	if got := b[1+4*2 : 1+4*3]; !bytes.Equal(got, []byte{0, 0, 0x20, 0xc0}) {
		t.Errorf("-2.5 encodes as % x, want 00 00 20 c0", got)
	}
	got := make([]float32, len(v))
	DecodeFloat32s(got, b[1:])
	if !reflect.DeepEqual(got, v) {
		t.Errorf("DecodeFloat32s = %v, want %v", got, v)
	}
	if f := Float32s(make([]float32, 3), []float64{1, 1e300, -0.5}); !reflect.DeepEqual(f, []float32{1, float32(math.Inf(1)), -0.5}) {
		t.Errorf("Float32s = %v", f)
	}
}

// TestSeedCorpus keeps testdata/fuzz/FuzzDecode in step with messages(); run
// with -update to rewrite it.
func TestSeedCorpus(t *testing.T) {
	dir := filepath.Join("testdata", "fuzz", "FuzzDecode")
	for i, m := range messages() {
		name := filepath.Join(dir, fmt.Sprintf("seed-%02d-%v", i, m.Type()))
		want := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", mustEncode(t, m))
		if *updateCorpus {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(name, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(name)
		if err != nil || string(got) != want {
			t.Errorf("%s is missing or stale (%v); run go test -run TestSeedCorpus -update", name, err)
		}
	}
}

func BenchmarkEncodeTrace(b *testing.B) {
	m := bigTrace()
	buf, _ := Encode(m)
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	for b.Loop() {
		buf, _ = Append(buf[:0], m)
	}
}

func BenchmarkDecodeTrace(b *testing.B) {
	buf, _ := Encode(bigTrace())
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(buf); err != nil {
			b.Fatal(err)
		}
	}
}

// bigTrace is a trace of the standard workload's size: one LSTM layer, H = 64,
// a probe of 128 characters.
func bigTrace() TraceResult {
	const T, H = 128, 64
	l := LayerTrace{Zi: seq(T*H, 0, 1e-4), Zf: seq(T*H, 0, 1e-4), Z: seq(T*H, 0, 1e-4), Zo: seq(T*H, 0, 1e-4),
		C: seq(T*H, 0, 1e-4), H: seq(T*H, 0, 1e-4), C0: make([]float32, H), H0: make([]float32, H)}
	return TraceResult{Kind: lstm.Text, Cell: lstm.CellLSTM, T: T, H: H, Layers: []LayerTrace{l},
		Symbols: []rune(strings.Repeat("abcd", T/4)), PNext: seq(T, 0, 0.001), Top: []rune(strings.Repeat("e", T)), TopP: seq(T, 0, 0.001)}
}

// TestRequestsAndModelReplies checks that every request is a Request whose
// WithID sets the ID the engine echoes (and nothing else), and that every
// reply with a Gen field is a ModelReply whose WithGen sets it, as the client
// relies on.
func TestRequestsAndModelReplies(t *testing.T) {
	for _, m := range messages() {
		r, isReq := m.(Request)
		if isReq != m.Type().ToEngine() {
			t.Errorf("%v: Request %v, goes to the engine %v", m.Type(), isReq, m.Type().ToEngine())
		}
		if isReq {
			got := r.WithID(IDOf(m) + 7)
			if IDOf(got) != IDOf(m)+7 || got.Type() != m.Type() {
				t.Errorf("%v.WithID(%d) has ID %d", m.Type(), IDOf(m)+7, IDOf(got))
			}
			if !reflect.DeepEqual(got.WithID(IDOf(m)), m) {
				t.Errorf("%v.WithID changed more than the ID", m.Type())
			}
		}
		_, hasGen := reflect.TypeOf(m).FieldByName("Gen")
		mr, isModel := m.(ModelReply)
		if hasGen != isModel {
			t.Errorf("%v: has a Gen field %v, ModelReply %v", m.Type(), hasGen, isModel)
		}
		if isModel {
			g := mr.WithGen(mr.Generation() + 3)
			if g.Generation() != mr.Generation()+3 || reflect.ValueOf(g).FieldByName("Gen").Uint() != uint64(g.Generation()) {
				t.Errorf("%v.WithGen(%d) has Gen %d", m.Type(), mr.Generation()+3, g.Generation())
			}
			if gen, ok := GenOf(g); !ok || gen != g.Generation() {
				t.Errorf("GenOf(%v) = %d, %v", m.Type(), gen, ok)
			}
			if !reflect.DeepEqual(g.WithGen(mr.Generation()), m) {
				t.Errorf("%v.WithGen changed more than the Gen", m.Type())
			}
		}
	}
}
