package lstm

import (
	"os"
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
