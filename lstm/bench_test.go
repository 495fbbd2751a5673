package lstm

import (
	"fmt"
	"os"
	"slices"
	"testing"
)

// benchCorpus is the standard workload's text: the first 20,000 characters of
// the GPL-3 licence (../shared/bench/WORKLOAD.md).
func benchCorpus(b *testing.B) string {
	raw, err := os.ReadFile("/usr/share/common-licenses/GPL-3")
	if err != nil {
		b.Skipf("the benchmark corpus is missing: %v", err)
	}
	if len(raw) < 20000 {
		b.Skip("the benchmark corpus is shorter than 20,000 characters")
	}
	return string(raw[:20000])
}

// BenchmarkTrainCharLSTM runs the char-lstm workloads: one layer, T = 32, batch
// 1, Adam 0.01, element-wise clipping at 5, one-hot characters of the GPL-3
// text. One op is one update of 32 characters; chars/s is the figure to compare
// with ../shared/bench/RESULTS.md.
func BenchmarkTrainCharLSTM(b *testing.B) {
	text := benchCorpus(b)
	for _, bc := range []struct {
		name   string
		cell   Cell
		hidden int
	}{
		{"H=64", CellLSTM, 64},
		{"H=128", CellLSTM, 128},
		{"RNN/H=64", CellRNN, 64},
	} {
		b.Run(bc.name, func(b *testing.B) {
			d, err := NewTextData(text)
			if err != nil {
				b.Fatal(err)
			}
			cfg := DefaultConfig()
			cfg.Cell, cfg.Hidden, cfg.SeqLen = bc.cell, bc.hidden, 32
			cfg.LearningRate, cfg.Clip, cfg.ClipMode = 0.01, 5, ClipElement
			m, err := NewModel(cfg, d)
			if err != nil {
				b.Fatal(err)
			}
			tr, err := NewTrainer(m, d)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			chars := 0
			var loss float64
			b.ResetTimer()
			for b.Loop() {
				u, err := tr.Step()
				if err != nil {
					b.Fatal(err)
				}
				chars += u.Chars
				loss = u.Loss
			}
			b.ReportMetric(float64(chars)/b.Elapsed().Seconds(), "chars/s")
			b.ReportMetric(loss, "loss")
		})
	}
}

// BenchmarkLoss20k trains the char-lstm workloads of BenchmarkTrainCharLSTM
// from scratch over the first 20,000 characters, one seed per op (1, 2, …),
// and reports the median over the seeds of the loss the peers are compared by
// (tests/bench/gobench, ../shared/bench/RESULTS.md): the mean loss of the
// updates that train the last 3,200 of those characters. Run it with
// -benchtime Nx for N seeds.
func BenchmarkLoss20k(b *testing.B) {
	text := benchCorpus(b)
	const T, chars, tail = 32, 20000, 3200
	last := (chars + T - 1) / T
	first := last - (tail+T-1)/T + 1
	for _, hidden := range []int{64, 128} {
		b.Run(fmt.Sprintf("H=%d", hidden), func(b *testing.B) {
			var losses []float64
			for b.Loop() {
				cfg := DefaultConfig()
				cfg.Cell, cfg.Hidden, cfg.SeqLen = CellLSTM, hidden, T
				cfg.LearningRate, cfg.Clip, cfg.ClipMode = 0.01, 5, ClipElement
				cfg.Seed = uint64(len(losses) + 1)
				_, tr := newTextTrainer(b, cfg, text)
				sum := 0.0
				for step := 1; step <= last; step++ {
					if u := mustStep(b, tr); step >= first {
						sum += u.Loss
					}
				}
				losses = append(losses, sum/float64(last-first+1))
			}
			slices.Sort(losses)
			b.Logf("H=%d: loss after %d characters, seeds 1–%d in order of size: %.4f", hidden, chars, len(losses), losses)
			b.ReportMetric(losses[len(losses)/2], "loss20k")
		})
	}
}
