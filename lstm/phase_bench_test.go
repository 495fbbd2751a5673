package lstm

import (
	"fmt"
	"os"
	"testing"
	"time"
)

// phaseText is the standard workload's text, or where there is no file system
// (a browser's Web Worker) a pseudo-random text over 71 characters, the
// workload's vocabulary size: the phases' cost depends on H, V and T only.
func phaseText() string {
	if raw, err := os.ReadFile("/usr/share/common-licenses/GPL-3"); err == nil && len(raw) >= 20000 {
		return string(raw[:20000])
	}
	const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:()-'\n"
	b := make([]byte, 20000)
	seed := uint64(1)
	for i := range b {
		seed = seed*6364136223846793005 + 1442695040888963407
		b[i] = alphabet[(seed>>33)%uint64(len(alphabet))]
	}
	return string(b)
}

// BenchmarkStepPhases splits Trainer.Step of the char-lstm workloads into its
// phases and reports each one's share of the time as ns per update: forward,
// loss (head and softmax), backward, Σg² and clipping, the optimizer, the
// transposed copy of U, and zeroing the gradient.
func BenchmarkStepPhases(b *testing.B) {
	text := phaseText()
	for _, hidden := range []int{64, 128} {
		b.Run(fmt.Sprintf("H=%d", hidden), func(b *testing.B) {
			cfg := DefaultConfig()
			cfg.Cell, cfg.Hidden, cfg.SeqLen = CellLSTM, hidden, 32
			cfg.LearningRate, cfg.Clip, cfg.ClipMode = 0.01, 5, ClipElement
			_, tr := newTextTrainer(b, cfg, text)
			var sum [7]time.Duration
			b.ResetTimer()
			for b.Loop() {
				p, T, _ := tr.window()
				in, targets, values := tr.inputAt(p, T)
				tr.setState(p)
				t0 := time.Now()
				tr.n.forward(in, T)
				t1 := time.Now()
				tr.n.loss(targets, values)
				t2 := time.Now()
				tr.g.Zero()
				t3 := time.Now()
				tr.n.backward(tr.g, in, false, nil)
				t4 := time.Now()
				SumSquares(tr.g.Data)
				ClipElementwise(tr.g.Data, cfg.Clip)
				t5 := time.Now()
				tr.opt.Update(tr.m.Params.Data, tr.g.Data)
				t6 := time.Now()
				tr.n.refresh()
				t7 := time.Now()
				for l := range tr.h {
					tr.n.finalState(l, tr.h[l], tr.c[l])
				}
				tr.pos = p + T
				for i, d := range []time.Duration{t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), t4.Sub(t3), t5.Sub(t4), t6.Sub(t5), t7.Sub(t6)} {
					sum[i] += d
				}
			}
			for i, name := range []string{"forward", "loss", "zero", "backward", "sumsq+clip", "adam", "transpose"} {
				b.ReportMetric(float64(sum[i].Nanoseconds())/float64(b.N), name+"-ns/op")
			}
		})
	}
}

// BenchmarkKernelShapes times each kernel once per update's worth of calls at
// the char-lstm shapes (V = 71, T = 32), in ns per update.
func BenchmarkKernelShapes(b *testing.B) {
	const V, T = 71, 32
	for _, H := range []int{64, 128} {
		G := 4 * H
		m := make([]float64, G*(H+V))
		x := make([]float64, G*T)
		y := make([]float64, G*T)
		for i := range m {
			m[i] = float64(i%7) * 0.01
		}
		for i := range x {
			x[i] = float64(i%5) * 0.1
		}
		for _, k := range []struct {
			name string
			f    func()
		}{
			{"matvecU", func() { // a += U h_{t−1}, T times
				for t := 0; t < T; t++ {
					matVecAdd(y[:G], m[:G*H], x[:H])
				}
			}},
			{"matvecUT", func() { // dhNext = Uᵀ da from the transposed copy (pure Go's way), T times
				for t := 0; t < T; t++ {
					matVecAdd(y[:H], m[:G*H], x[:G])
				}
			}},
			{"matvectU", func() { // dhNext = Uᵀ da from U itself (the kernels' way), T times
				for t := 0; t < T; t++ {
					if simd {
						simdMatVecT(y[:H], m[:G*H], x[:G])
					}
				}
			}},
			{"matvecWy", func() { // y = Wʸ h, T times
				for t := 0; t < T; t++ {
					matVecAdd(y[:V], m[:V*H], x[:H])
				}
			}},
			{"gates", func() { // the activations, T times
				for t := 0; t < T; t++ {
					if simd {
						simdLSTMGates(y[:G], x[:H], x[H:2*H], y[G:G+H], y[G+H:G+2*H])
					}
				}
			}},
			{"softmax", func() { // T times
				for t := 0; t < T; t++ {
					softmax(y[:V], x[:V])
				}
			}},
			{"call", func() { // 100 calls of a kernel on 2 values
				for range 100 {
					if simd {
						simdSumSq(x[:2])
					}
				}
			}},
			{"gemmTN-U", func() { addMulTN(m[:G*H], G, H, x, y, T) }},
			{"gemmTN-Wy", func() { addMulTN(m[:V*H], V, H, x, y, T) }},
			{"gemmNN-dh", func() { addMulNN(y[:T*H], T, H, x, V, m[:V*H]) }},
		} {
			b.Run(fmt.Sprintf("H=%d/%s", H, k.name), func(b *testing.B) {
				for b.Loop() {
					k.f()
				}
			})
		}
	}
}
