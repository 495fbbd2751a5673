package export_test

import (
	"fmt"
	"os"
	"strings"

	"lstmplayground/lstm"
	"lstmplayground/wasm/export"
	"lstmplayground/wasm/protocol"
)

func ExampleLossCSV() {
	// The loss chart's history: updates 1, 2 and 3.
	if err := export.LossCSV(os.Stdout, 1, []float32{1.386, 1.2, 0.95}); err != nil {
		panic(err)
	}
	// Output:
	// update,loss
	// 1,1.386
	// 2,1.2
	// 3,0.95
}

func ExampleTraceCSV() {
	// A plain RNN with one unit over the probe `"a` and a new line.
	tr := protocol.TraceResult{Kind: lstm.Text, Cell: lstm.CellRNN, T: 3, H: 1,
		Symbols: []rune("\"a\n"),
		Layers:  []protocol.LayerTrace{{H: []float32{0.25, -0.5, 0.125}}}}
	if err := export.TraceCSV(os.Stdout, tr); err != nil {
		panic(err)
	}
	// Output:
	// t,char,layer,unit,zi,zf,z,zo,c,h
	// 1,"""",1,1,,,,,,0.25
	// 2,a,1,1,,,,,,-0.5
	// 3,"
	// ",1,1,,,,,,0.125
}

func ExamplePyTorchJSON() {
	d, err := lstm.NewTextData("abcabc")
	if err != nil {
		panic(err)
	}
	cfg := lstm.DefaultConfig()
	cfg.Hidden = 2
	m, err := lstm.NewModel(cfg, d)
	if err != nil {
		panic(err)
	}
	var b strings.Builder
	if err := export.PyTorchJSON(&b, m); err != nil {
		panic(err)
	}
	// The head of the file; then come "training", "usage" and "weights".
	head, _, _ := strings.Cut(b.String(), "\n  \"training\"")
	fmt.Println(head)
	// Output:
	// {
	//   "format": "lstm-playground-pytorch",
	//   "version": 1,
	//   "cell": "LSTM",
	//   "module": "torch.nn.LSTM",
	//   "kind": "text",
	//   "input_size": 3,
	//   "hidden_size": 2,
	//   "num_layers": 1,
	//   "output_size": 3,
	//   "gate_order": ["i", "f", "g", "o"],
	//   "vocabulary": "abc",
	//   "updates": 0,
}
