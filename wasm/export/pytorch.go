package export

import (
	"bufio"
	"errors"
	"io"
	"math"
	"strconv"

	"lstmplayground/lstm"
)

// PyTorchFormat names the JSON that PyTorchJSON writes (its "format" field),
// and PyTorchVersion is its version.
const (
	PyTorchFormat  = "lstm-playground-pytorch"
	PyTorchVersion = 1
)

// PyTorchJSON writes the weights of m as JSON in the layout of PyTorch's
// torch.nn.LSTM (or torch.nn.RNN with tanh) followed by a torch.nn.Linear
// head, so that a notebook can load them with load_state_dict. The object
// has these fields:
//
//	format, version     "lstm-playground-pytorch", 1
//	cell, module        "LSTM", "torch.nn.LSTM" or "RNN", "torch.nn.RNN"
//	nonlinearity        "tanh" (RNN only)
//	kind                "text" (one-hot input over vocabulary, softmax output)
//	                    or "numbers" (one normalised value in and out)
//	input_size, hidden_size, num_layers, output_size
//	gate_order          ["i", "f", "g", "o"] (LSTM only): PyTorch's names for
//	                    zⁱ, zᶠ, z, zᵒ, the order of the blocks of 4H rows
//	vocabulary          text: the characters, a string; character k is one-hot
//	                    input k and output k
//	normalisation       numbers: {mean, scale}; the model reads
//	                    (value − mean)/scale and its output y means y·scale + mean
//	updates             the training updates the model has had
//	training            the settings it was trained with
//	usage               the Python lines that load it and run it, one a string:
//	                    print("\n".join(d["usage"]))
//	weights             for each layer k = 0 … num_layers−1, in this order:
//	                    "weight_ih_l{k}" [G·H][X]  (= Wxᵀ of lstm's layout)
//	                    "weight_hh_l{k}" [G·H][H]  (= U)
//	                    "bias_ih_l{k}"   [G·H]     (= B)
//	                    "bias_hh_l{k}"   [G·H]     zeros (PyTorch adds both biases)
//	                    then "linear.weight" [Y][H] (= Wʸ) and "linear.bias" [Y] (= bʸ)
//
// with G = 4 for the LSTM (blocks i, f, g, o of H rows each) and 1 for the
// RNN, X the layer's input width (input_size for layer 0, hidden_size above).
// PyTorch's equations with these weights, from a zero state, give exactly
// lstm's h_t (TestPyTorchForward checks it). Weights are float64 written as
// the shortest decimal that reads back as the same float64.
//
// It returns an error, having written nothing, if m has no parameters, its
// shapes do not match its configuration, or a parameter is not finite; and
// otherwise the error of w.
func PyTorchJSON(w io.Writer, m *lstm.Model) error {
	if err := checkModel(m); err != nil {
		return err
	}
	// The JSON is written by hand, field by field, rather than with
	// encoding/json: that package's reflection would add about 90 KB
	// (gzipped) to the page's WebAssembly for this one file.
	j := &jsonWriter{bw: bufio.NewWriter(w)}
	j.bw.WriteString("{\n  \"format\": ")
	writeString(j.bw, PyTorchFormat)
	j.intField("version", PyTorchVersion)
	pyTorchShape(j, m)
	j.intField("updates", m.Updates)
	pyTorchTraining(j, m.Config)
	j.field("usage")
	j.bw.WriteString("[")
	for i, line := range usage(m.Config.Cell, m.Kind) {
		if i > 0 {
			j.bw.WriteString(",")
		}
		j.bw.WriteString("\n    ")
		writeString(j.bw, line)
	}
	j.bw.WriteString("\n  ]")
	pyTorchWeights(j, m)
	j.bw.WriteString("\n}\n")
	return j.bw.Flush()
}

// jsonWriter writes the fields of PyTorchJSON's object.
type jsonWriter struct {
	bw    *bufio.Writer
	num   []byte
	first bool // no weight written yet
}

// number writes v as the shortest decimal that reads back as v.
func (j *jsonWriter) number(v float64) {
	j.num = strconv.AppendFloat(j.num[:0], v, 'g', -1, 64)
	j.bw.Write(j.num)
}

// field starts the top-level field name.
func (j *jsonWriter) field(name string) {
	j.bw.WriteString(",\n  ")
	writeString(j.bw, name)
	j.bw.WriteString(": ")
}

func (j *jsonWriter) strField(name, v string) { j.field(name); writeString(j.bw, v) }

func (j *jsonWriter) intField(name string, v uint64) {
	j.field(name)
	j.bw.WriteString(strconv.FormatUint(v, 10))
}

// name starts the weight n in the weights object.
func (j *jsonWriter) name(n string) {
	if !j.first {
		j.bw.WriteByte(',')
	}
	j.first = false
	j.bw.WriteString("\n    \"" + n + "\": ")
}

// row writes the n values get(0) … get(n−1) as an array.
func (j *jsonWriter) row(get func(i int) float64, n int) {
	j.bw.WriteByte('[')
	for i := range n {
		if i > 0 {
			j.bw.WriteString(", ")
		}
		j.number(get(i))
	}
	j.bw.WriteByte(']')
}

// matrix writes a rows × cols matrix as an array of rows.
func (j *jsonWriter) matrix(rows, cols int, get func(r, c int) float64) {
	j.bw.WriteByte('[')
	for r := range rows {
		if r > 0 {
			j.bw.WriteByte(',')
		}
		j.bw.WriteString("\n      ")
		j.row(func(c int) float64 { return get(r, c) }, cols)
	}
	j.bw.WriteString("\n    ]")
}

// pyTorchShape writes the fields that say what the model is: its cell and
// PyTorch module, its kind, its sizes, the gate order, and its vocabulary or
// normalisation.
func pyTorchShape(j *jsonWriter, m *lstm.Model) {
	cfg, p := m.Config, m.Params
	cell, module := "LSTM", "torch.nn.LSTM"
	if cfg.Cell == lstm.CellRNN {
		cell, module = "RNN", "torch.nn.RNN"
	}
	j.strField("cell", cell)
	j.strField("module", module)
	if cfg.Cell == lstm.CellRNN {
		j.strField("nonlinearity", "tanh")
	}
	if m.Kind == lstm.Numbers {
		j.strField("kind", "numbers")
	} else {
		j.strField("kind", "text")
	}
	j.intField("input_size", uint64(p.Layers[0].X))
	j.intField("hidden_size", uint64(cfg.Hidden))
	j.intField("num_layers", uint64(cfg.Layers))
	j.intField("output_size", uint64(p.Y))
	if cfg.Cell == lstm.CellLSTM {
		j.field("gate_order")
		j.bw.WriteString(`["i", "f", "g", "o"]`)
	}
	if m.Kind == lstm.Numbers {
		j.field("normalisation")
		j.bw.WriteString(`{"mean": `)
		j.number(m.Norm.Mean)
		j.bw.WriteString(`, "scale": `)
		j.number(m.Norm.Scale)
		j.bw.WriteString("}")
	} else {
		j.strField("vocabulary", string(m.Vocab.Runes()))
	}
}

// pyTorchTraining writes the training field: the settings cfg.
func pyTorchTraining(j *jsonWriter, cfg lstm.Config) {
	j.field("training")
	j.bw.WriteString(`{"sequence_length": ` + strconv.Itoa(cfg.SeqLen) + `, "learning_rate": `)
	j.number(cfg.LearningRate)
	j.bw.WriteString(`, "optimizer": `)
	writeString(j.bw, cfg.Optimizer.String())
	j.bw.WriteString(`, "momentum": `)
	j.number(cfg.Momentum)
	j.bw.WriteString(`, "clip": `)
	j.number(cfg.Clip)
	j.bw.WriteString(`, "clip_mode": `)
	writeString(j.bw, cfg.ClipMode.String())
	j.bw.WriteString(`, "forget_bias": `)
	j.number(cfg.ForgetBias)
	j.bw.WriteString(`, "seed": ` + strconv.FormatUint(cfg.Seed, 10) + "}")
}

// pyTorchWeights writes the weights field: each layer's weights and biases
// in PyTorch's layout, then the linear head's.
func pyTorchWeights(j *jsonWriter, m *lstm.Model) {
	p, H, G := m.Params, m.Config.Hidden, m.Config.Cell.Gates()
	j.field("weights")
	j.bw.WriteString("{")
	j.first = true
	for k, L := range p.Layers {
		GH := G * H
		j.name("weight_ih_l" + strconv.Itoa(k))
		j.matrix(GH, L.X, func(r, c int) float64 { return L.Wx[c*GH+r] }) // Wxᵀ: Wx is (X, G·H)
		j.name("weight_hh_l" + strconv.Itoa(k))
		j.matrix(GH, H, func(r, c int) float64 { return L.U[r*H+c] }) // U is (G·H, H)
		j.name("bias_ih_l" + strconv.Itoa(k))
		j.row(func(i int) float64 { return L.B[i] }, GH)
		j.name("bias_hh_l" + strconv.Itoa(k))
		j.row(func(int) float64 { return 0 }, GH)
	}
	j.name("linear.weight")
	j.matrix(p.Y, H, func(r, c int) float64 { return p.Wy[r*H+c] }) // Wʸ is (Y, H)
	j.name("linear.bias")
	j.row(func(i int) float64 { return p.By[i] }, p.Y)
	j.bw.WriteString("\n  }")
}

// PyTorchJSONFile is PyTorchJSON of the model in the model file b (lstm's
// format, as protocol.ModelFile carries it): the page holds the model only as
// a file. A file that does not decode gives lstm.UnmarshalModel's error and
// nothing is written.
func PyTorchJSONFile(w io.Writer, b []byte) error {
	m, err := lstm.UnmarshalModel(b)
	if err != nil {
		return err
	}
	return PyTorchJSON(w, m)
}

// writeString writes s as a JSON string (RFC 8259): '"', '\\' and the
// control characters escaped, everything else as it is (the vocabulary stays
// readable). s is valid UTF-8: vocabularies hold valid runes only.
func writeString(w *bufio.Writer, s string) {
	const hex = "0123456789abcdef"
	w.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			w.WriteByte('\\')
			w.WriteByte(c)
		case c == '\n':
			w.WriteString(`\n`)
		case c == '\t':
			w.WriteString(`\t`)
		case c == '\r':
			w.WriteString(`\r`)
		case c < 0x20:
			w.WriteString(`\u00`)
			w.WriteByte(hex[c>>4])
			w.WriteByte(hex[c&15])
		default:
			w.WriteByte(c)
		}
	}
	w.WriteByte('"')
}

// usage returns the Python lines that load the JSON and run the model.
func usage(cell lstm.Cell, kind lstm.Kind) []string {
	module := `torch.nn.LSTM(d["input_size"], d["hidden_size"], d["num_layers"], batch_first=True).double()`
	state := "(h_n, c_n)"
	if cell == lstm.CellRNN {
		module = `torch.nn.RNN(d["input_size"], d["hidden_size"], d["num_layers"], nonlinearity="tanh", batch_first=True).double()`
		state = "h_n"
	}
	lines := []string{
		`import json, torch`,
		`d = json.load(open("model.json", encoding="utf-8"))  # this file`,
		`rnn = ` + module,
		`linear = torch.nn.Linear(d["hidden_size"], d["output_size"]).double()`,
		`W = {k: torch.tensor(v, dtype=torch.float64) for k, v in d["weights"].items()}`,
		`rnn.load_state_dict({k: v for k, v in W.items() if not k.startswith("linear.")})`,
		`linear.load_state_dict({"weight": W["linear.weight"], "bias": W["linear.bias"]})`,
	}
	if kind == lstm.Numbers {
		return append(lines,
			`mean, scale = d["normalisation"]["mean"], d["normalisation"]["scale"]`,
			`values = torch.tensor([0.0, 0.5, 1.0, 0.5], dtype=torch.float64)  # a probe, in your units`,
			`x = ((values - mean) / scale).reshape(1, -1, 1)`,
			`out, `+state+` = rnn(x)  # out[0, t] is h_t of the top layer, from a zero state`,
			`prediction = linear(out)[0, :, 0] * scale + mean  # the predicted next value after each step`,
		)
	}
	return append(lines,
		`vocab = d["vocabulary"]  # character k is one-hot input k and output k`,
		`text = vocab[:5]  # a probe: any characters of vocab`,
		`x = torch.nn.functional.one_hot(torch.tensor([[vocab.index(ch) for ch in text]]), len(vocab)).double()`,
		`out, `+state+` = rnn(x)  # out[0, t] is h_t of the top layer, from a zero state`,
		`p = torch.softmax(linear(out), dim=-1)  # p[0, t, k]: probability that vocab[k] comes after text[t]`,
	)
}

// checkModel returns an error if m cannot be written: no parameters, shapes
// that do not match the configuration, or a parameter that is not finite.
func checkModel(m *lstm.Model) error {
	bad := func(reason string) error { return errors.New("export: the model cannot be exported: " + reason) }
	if m == nil || m.Params == nil || len(m.Params.Layers) == 0 {
		return bad("it has no parameters")
	}
	cfg, p := m.Config, m.Params
	if err := cfg.Validate(); err != nil {
		return bad(err.Error())
	}
	G, H := cfg.Cell.Gates(), cfg.Hidden
	if cfg.Cell != lstm.CellLSTM && cfg.Cell != lstm.CellRNN || p.Cell != cfg.Cell || len(p.Layers) != cfg.Layers || H < 1 {
		return bad("its parameters do not match its configuration (" + cfg.Cell.String() + ", " + strconv.Itoa(cfg.Layers) + " layers, " + strconv.Itoa(H) + " hidden units)")
	}
	var x int
	switch m.Kind {
	case lstm.Text:
		x = m.Vocab.Size()
	case lstm.Numbers:
		x = 1
		if !finite(m.Norm.Mean) || !finite(m.Norm.Scale) || !(m.Norm.Scale > 0) {
			return bad("its normalisation (mean " + strconv.FormatFloat(m.Norm.Mean, 'g', -1, 64) + ", scale " + strconv.FormatFloat(m.Norm.Scale, 'g', -1, 64) + ") is not finite with a positive scale")
		}
	default:
		return bad("it reads " + m.Kind.String())
	}
	if x < 1 || p.Y != x || len(p.Wy) != x*H || len(p.By) != x {
		return bad("its head does not match its " + strconv.Itoa(x) + " inputs")
	}
	in := x
	for l, L := range p.Layers {
		if L.X != in || L.H != H || L.G != G || len(L.Wx) != in*G*H || len(L.U) != G*H*H || len(L.B) != G*H {
			return bad("the shape of layer " + strconv.Itoa(l+1) + " does not match its configuration")
		}
		in = H
	}
	for i, v := range p.Data {
		if !finite(v) {
			return bad("parameter " + strconv.Itoa(i) + " is " + strconv.FormatFloat(v, 'g', -1, 64) + "; export the model from its last finite state")
		}
	}
	return nil
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
