package protocol

import (
	"testing"

	"lstmplayground/lstm"
)

// slowMessages are examples of SlowStep and SlowStepResult for messages():
// an LSTM on text with two layers, an RNN on numbers.
func slowMessages() []Message {
	return []Message{SlowStep{}, SlowStep{ID: 30}, slowLSTM(), slowRNN()}
}

func slowLSTM() SlowStepResult {
	f := lstmTrace()
	f.ID, f.Update = 31, 12344
	const T, H = 3, 2
	return SlowStepResult{
		ID: 31, Gen: 3, Update: 12345, Forward: f, Targets: []rune("é😀\n"), StepLoss: []float32{0.7, 1.4, 4.6}, Loss: 2.2333,
		Grads: []StateGrads{{DH: seq(T*H, -0.1, 0.05), DC: seq(T*H, 0.2, -0.1)}, {DH: seq(T*H, 1e-30, 1), DC: seq(T*H, 0, 0)}},
		Reach: [][]float32{{1, 0.5, 0.25}, {2, 1, 1e-30}}, GradNorm: 7.5, ClippedNorm: 5, Clip: 5, ClipMode: lstm.ClipNorm, Clipped: 1,
		Changes: []WeightChange{{Matrix: lstm.MatrixWx, Layer: 1, Norm: 3, Delta: 0.01, MaxDelta: 0.001}, {Matrix: lstm.MatrixBy, Norm: 0.5, Delta: 1e-3, MaxDelta: 1e-4}},
	}
}

func slowRNN() SlowStepResult {
	f := rnnNumbersTrace()
	return SlowStepResult{
		Gen: 1, Update: 1, Forward: f, TargetValues: []float32{0.5, 1e9, -3, 2}, StepLoss: []float32{0, 1, 2, 3}, Loss: 1.5,
		Grads: []StateGrads{{DH: seq(4, 0, 1)}}, Reach: [][]float32{{1, 2, 3, 4}}, GradNorm: 3, ClippedNorm: 3,
		ClipMode: lstm.ClipElement,
	}
}

func slowShortLoss() SlowStepResult {
	m := slowLSTM()
	m.StepLoss = m.StepLoss[:2]
	return m
}

func slowRNNWithDC() SlowStepResult {
	m := slowRNN()
	m.Grads[0].DC = seq(4, 0, 1)
	return m
}

func slowBadForward() SlowStepResult {
	m := slowLSTM()
	m.Forward.Layers[1].Zf = m.Forward.Layers[1].Zf[:5]
	return m
}

// TestSlowStepIDs: the reply's ID and Gen are found as every reply's are.
func TestSlowStepIDs(t *testing.T) {
	m := slowLSTM()
	if IDOf(m) != 31 || IDOf(SlowStep{ID: 30}) != 30 {
		t.Errorf("IDOf: %d, %d", IDOf(m), IDOf(SlowStep{ID: 30}))
	}
	if g, ok := GenOf(m); !ok || g != 3 {
		t.Errorf("GenOf = %d, %v", g, ok)
	}
	if !TypeSlowStep.ToEngine() || TypeSlowStepResult.ToEngine() {
		t.Error("SlowStep goes to the engine, its result from it")
	}
}
