//go:build js && wasm && lstmsimd

package lstm

import (
	"math"
	"strings"
	"testing"
)

// These tests run both paths of the lstmsimd build in one program: the SIMD
// kernels and the pure-Go code they replace (simd switched off for the test's
// duration). They run under Node (tests/simd/run.cjs) and in Chromium's Web
// Worker (tests/simd/chromium.mjs).

// withPureGo runs f with the SIMD kernels switched off.
func withPureGo(f func()) {
	saved := simd
	simd = false
	defer func() { simd = saved }()
	f()
}

// TestSIMDBuildConformancePureGo checks the pure-Go fallback of the lstmsimd
// build against the conformance vectors (TestConformanceEmbedded checks the
// kernels).
func TestSIMDBuildConformancePureGo(t *testing.T) {
	if !SIMD() {
		t.Fatal("the SIMD kernels are not loaded: this test would run the pure-Go path twice")
	}
	withPureGo(func() {
		if SIMD() {
			t.Fatal("the kernels are still in use")
		}
		runEmbeddedConformance(t)
	})
}

// TestSIMDTrainingMatchesGo trains the same models with the kernels and with
// the Go code and compares every update's loss and gradient norm and the final
// parameters. The matrix kernels sum in another order than the Go code, so the
// two drift apart by rounding only: far less than any learning changes them.
func TestSIMDTrainingMatchesGo(t *testing.T) {
	if !SIMD() {
		t.Fatal("the SIMD kernels are not loaded")
	}
	text := strings.Repeat("the quick brown fox jumps over the lazy dog; THE QUICK BROWN FOX? 0123456789\n", 8)
	for _, tc := range []struct {
		name   string
		cell   Cell
		layers int
		hidden int
		clip   ClipMode
	}{
		{"lstm-h64", CellLSTM, 1, 64, ClipElement},
		{"lstm-2x17-norm", CellLSTM, 2, 17, ClipNorm},
		{"rnn-h33", CellRNN, 1, 33, ClipElement},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DefaultConfig()
			cfg.Cell, cfg.Layers, cfg.Hidden, cfg.ClipMode = tc.cell, tc.layers, tc.hidden, tc.clip
			if tc.clip == ClipNorm {
				cfg.Clip = 1
			}
			const updates = 40
			train := func() ([]Update, []float64) {
				d, err := NewTextData(text)
				if err != nil {
					t.Fatal(err)
				}
				m, err := NewModel(cfg, d)
				if err != nil {
					t.Fatal(err)
				}
				tr, err := NewTrainer(m, d)
				if err != nil {
					t.Fatal(err)
				}
				us := make([]Update, updates)
				for i := range us {
					if us[i], err = tr.Step(); err != nil {
						t.Fatal(err)
					}
				}
				return us, append([]float64(nil), m.Params.Data...)
			}
			simdUpdates, simdParams := train()
			var goUpdates []Update
			var goParams []float64
			withPureGo(func() { goUpdates, goParams = train() })
			near := func(a, b, tol float64) bool { return math.Abs(a-b) <= tol*(1+math.Abs(b)) }
			for i := range goUpdates {
				s, g := simdUpdates[i], goUpdates[i]
				if !near(s.Loss, g.Loss, 1e-9) || !near(s.GradNorm, g.GradNorm, 1e-9) || s.Chars != g.Chars {
					t.Fatalf("update %d: kernels loss %.17g |g| %.17g, Go loss %.17g |g| %.17g", i+1, s.Loss, s.GradNorm, g.Loss, g.GradNorm)
				}
			}
			if last := goUpdates[updates-1].Loss; !(last < goUpdates[0].Loss) {
				t.Fatalf("the loss did not fall in %d updates (%.4f → %.4f): the comparison would be of an untrained model", updates, goUpdates[0].Loss, last)
			}
			for i := range goParams {
				if !near(simdParams[i], goParams[i], 1e-8) {
					t.Fatalf("parameter %d after %d updates: kernels %.17g, Go %.17g", i, updates, simdParams[i], goParams[i])
				}
			}
		})
	}
}
