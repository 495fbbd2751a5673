package engine

import (
	"bytes"
	"testing"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

// FuzzEngine sends arbitrary bytes to a trained session, as the worker passes
// them on, without the recovery HandleBytes adds. Properties: no panic; every
// reply encodes (so the worker can post it); and whenever the engine answers
// with an Error, the model is the same object with the same model file, bit
// for bit: a refused message changes nothing. Messages whose configuration
// would need more than 16 MiB are skipped to keep the fuzzer fast.
func FuzzEngine(f *testing.F) {
	var file []byte
	for _, r := range textSessionTB(f).Handle(protocol.Export{}, t0) {
		if mf, ok := r.(protocol.ModelFile); ok {
			file = mf.File
		}
	}
	for _, m := range []protocol.Message{
		protocol.SetData{Mode: lstm.Text, Text: "hello hello"},
		protocol.SetData{Mode: lstm.Numbers, Text: "1, 2, NaN"},
		protocol.SetConfig{Config: smallConfig()},
		protocol.Train{ID: 1}, protocol.Pause{}, protocol.Step{ID: 1 << 31}, protocol.Reset{},
		protocol.Trace{ID: 2, Probe: "hello", Interventions: []lstm.Intervention{{Unit: 1, Value: 0.5}}},
		protocol.Sample{ID: 3, Prime: "he", Count: 10, Temperature: 1},
		protocol.Reach{ID: 4}, protocol.Export{ID: 5},
		protocol.Import{File: file},
		protocol.SetLive{LearningRate: 0.1, Optimizer: lstm.SGD, Clip: 1},
		protocol.Diagnose{ID: 6},
		protocol.SnapAt{ID: 7, At: 3, Probe: "he", Prime: "h", Count: 5},
	} {
		b, err := protocol.Encode(m)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := protocol.Decode(b)
		if err != nil || !m.Type().ToEngine() {
			return
		}
		if c, ok := m.(protocol.SetConfig); ok && c.Config.Validate() == nil && c.Config.MemoryBytes(lstm.MaxVocab/64, lstm.MaxVocab/64) > 16<<20 {
			return
		}
		e := textSessionTB(t)
		model := e.model
		var before bytes.Buffer
		if err := lstm.Encode(&before, model); err != nil {
			t.Fatal(err)
		}
		out := e.Handle(m, t0)
		refused := false
		for _, r := range out {
			if _, err := protocol.Encode(r); err != nil {
				t.Fatalf("%v: the reply %T does not encode: %v", m.Type(), r, err)
			}
			if _, ok := r.(protocol.Error); ok {
				refused = true
			}
		}
		if !refused {
			return
		}
		var after bytes.Buffer
		if err := lstm.Encode(&after, e.model); err != nil {
			t.Fatal(err)
		}
		if e.model != model || !bytes.Equal(before.Bytes(), after.Bytes()) {
			t.Fatalf("%v was refused (%v) but changed the model", m.Type(), out)
		}
	})
}

// textSessionTB is textSession for a testing.TB.
func textSessionTB(t testing.TB) *Engine {
	t.Helper()
	e := New()
	c := smallConfig()
	for _, m := range []protocol.Message{protocol.SetConfig{Config: c}, protocol.SetData{Mode: lstm.Text, Text: sessionText}, protocol.Step{}, protocol.Step{}, protocol.Step{}} {
		if er, bad := errorOf(e.Handle(m, t0)); bad {
			t.Fatalf("%+v", er)
		}
	}
	return e
}
