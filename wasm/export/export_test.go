package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

// symbols are the probe characters that need care in CSV.
var symbols = []rune{'"', '\n', ',', '\r', ' ', '🙂', '天', '\t', '\'', ';', 'N', '='}

// fakeTrace returns a trace with distinct, recognisable values: the value of
// array k (zi, zf, z, zo, c, h = 0 … 5) of layer l at step t, unit j is
// k + l/10 + t/100 + j/1000 + 1/8 (exact in float32 is not needed: the CSV
// must give back the float32 itself).
func fakeTrace(cell lstm.Cell, kind lstm.Kind, layers, T, H int) protocol.TraceResult {
	tr := protocol.TraceResult{ID: 1, Kind: kind, Cell: cell, T: T, H: H, Layers: make([]protocol.LayerTrace, layers)}
	for t := range T {
		if kind == lstm.Numbers {
			tr.Values = append(tr.Values, float32(t)*0.5-1)
		} else {
			tr.Symbols = append(tr.Symbols, symbols[t%len(symbols)])
		}
	}
	for l := range tr.Layers {
		arr := func(k int) []float32 {
			x := make([]float32, T*H)
			for t := range T {
				for j := range H {
					x[t*H+j] = float32(float64(k) + float64(l)/10 + float64(t)/100 + float64(j)/1000 + 0.125)
				}
			}
			return x
		}
		lt := &tr.Layers[l]
		lt.H = arr(5)
		if cell == lstm.CellLSTM {
			lt.Zi, lt.Zf, lt.Z, lt.Zo, lt.C = arr(0), arr(1), arr(2), arr(3), arr(4)
		}
	}
	return tr
}

func TestTraceCSV(t *testing.T) {
	for _, tc := range []struct {
		cell   lstm.Cell
		kind   lstm.Kind
		layers int
	}{{lstm.CellLSTM, lstm.Text, 1}, {lstm.CellLSTM, lstm.Text, 2}, {lstm.CellRNN, lstm.Text, 2}, {lstm.CellLSTM, lstm.Numbers, 1}, {lstm.CellRNN, lstm.Numbers, 1}} {
		T, H := len(symbols)+1, 3
		tr := fakeTrace(tc.cell, tc.kind, tc.layers, T, H)
		var buf bytes.Buffer
		if err := TraceCSV(&buf, tr); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatalf("%v %v: encoding/csv cannot read the file: %v", tc.cell, tc.kind, err)
		}
		wantHeader := TraceHeader
		if tc.kind == lstm.Numbers {
			wantHeader = TraceHeaderNumbers
		}
		if !slices.Equal(recs[0], wantHeader) {
			t.Fatalf("header %q", recs[0])
		}
		if len(recs) != 1+tc.layers*T*H {
			t.Fatalf("%d rows, want %d", len(recs)-1, tc.layers*T*H)
		}
		row := 1
		for l := range tc.layers {
			for s := range T {
				for j := range H {
					r := recs[row]
					row++
					if r[0] != strconv.Itoa(s+1) || r[2] != strconv.Itoa(l+1) || r[3] != strconv.Itoa(j+1) {
						t.Fatalf("row %d: t, layer, unit = %q %q %q, want %d %d %d", row-1, r[0], r[2], r[3], s+1, l+1, j+1)
					}
					if tc.kind == lstm.Numbers {
						if v, err := strconv.ParseFloat(r[1], 32); err != nil || float32(v) != tr.Values[s] {
							t.Fatalf("row %d: value %q, want %v", row-1, r[1], tr.Values[s])
						}
					} else if r[1] != string(tr.Symbols[s]) {
						t.Fatalf("row %d: char %q, want %q", row-1, r[1], tr.Symbols[s])
					}
					lt := tr.Layers[l]
					for k, x := range [][]float32{lt.Zi, lt.Zf, lt.Z, lt.Zo, lt.C, lt.H} {
						field := r[4+k]
						if x == nil {
							if field != "" {
								t.Fatalf("row %d: %s = %q for the RNN, want empty", row-1, wantHeader[4+k], field)
							}
							continue
						}
						v, err := strconv.ParseFloat(field, 32)
						if err != nil || float32(v) != x[s*H+j] {
							t.Fatalf("row %d: %s = %q, want %v", row-1, wantHeader[4+k], field, x[s*H+j])
						}
					}
				}
			}
		}
	}
}

func TestTraceCSVSpecialValues(t *testing.T) {
	tr := fakeTrace(lstm.CellRNN, lstm.Text, 1, 3, 1)
	tr.Layers[0].H = []float32{float32(math.NaN()), float32(math.Inf(-1)), 1e-30}
	var buf bytes.Buffer
	if err := TraceCSV(&buf, tr); err != nil {
		t.Fatal(err)
	}
	want := "t,char,layer,unit,zi,zf,z,zo,c,h\n" +
		"1,\"\"\"\",1,1,,,,,,NaN\n" +
		"2,\"\n\",1,1,,,,,,-Inf\n" +
		"3,\",\",1,1,,,,,,1e-30\n"
	if buf.String() != want {
		t.Errorf("TraceCSV:\n%q\nwant\n%q", buf.String(), want)
	}
	// An empty probe gives the header alone.
	buf.Reset()
	if err := TraceCSV(&buf, protocol.TraceResult{Kind: lstm.Text, Cell: lstm.CellLSTM, T: 0, H: 2, Layers: make([]protocol.LayerTrace, 1)}); err != nil || buf.String() != "t,char,layer,unit,zi,zf,z,zo,c,h\n" {
		t.Errorf("T = 0: %q, %v", buf.String(), err)
	}
}

func TestTraceCSVBadShapes(t *testing.T) {
	tests := []struct {
		name string
		edit func(*protocol.TraceResult)
	}{
		{"no layers", func(tr *protocol.TraceResult) { tr.Layers = nil }},
		{"H 0", func(tr *protocol.TraceResult) { tr.H = 0 }},
		{"T negative", func(tr *protocol.TraceResult) { tr.T = -1 }},
		{"short h", func(tr *protocol.TraceResult) { tr.Layers[0].H = tr.Layers[0].H[1:] }},
		{"missing gate", func(tr *protocol.TraceResult) { tr.Layers[1].Zf = nil }},
		{"short c", func(tr *protocol.TraceResult) { tr.Layers[0].C = tr.Layers[0].C[:2] }},
		{"symbols", func(tr *protocol.TraceResult) { tr.Symbols = tr.Symbols[1:] }},
		{"numbers without values", func(tr *protocol.TraceResult) { tr.Kind = lstm.Numbers }},
		{"RNN with gates", func(tr *protocol.TraceResult) { tr.Cell = lstm.CellRNN }},
	}
	for _, tt := range tests {
		tr := fakeTrace(lstm.CellLSTM, lstm.Text, 2, 4, 3)
		tt.edit(&tr)
		var buf bytes.Buffer
		err := TraceCSV(&buf, tr)
		if err == nil || buf.Len() != 0 {
			t.Errorf("%s: %v, wrote %d bytes; want an error and nothing written", tt.name, err, buf.Len())
		}
	}
}

// failWriter fails after n bytes.
type failWriter struct{ n int }

var errWrite = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errWrite
	}
	w.n -= len(p)
	return len(p), nil
}

func TestWriterErrors(t *testing.T) {
	tr := fakeTrace(lstm.CellLSTM, lstm.Text, 2, 200, 16) // more than csv's 4 KiB buffer
	if err := TraceCSV(&failWriter{n: 100}, tr); !errors.Is(err, errWrite) {
		t.Errorf("TraceCSV: %v", err)
	}
	if err := LossCSV(&failWriter{n: 10}, 1, make([]float32, 5000)); !errors.Is(err, errWrite) {
		t.Errorf("LossCSV: %v", err)
	}
	m := randomModel(t, lstm.CellLSTM, 1, lstm.Text)
	if err := PyTorchJSON(&failWriter{n: 100}, m); !errors.Is(err, errWrite) {
		t.Errorf("PyTorchJSON: %v", err)
	}
}

func TestLossCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := LossCSV(&buf, 41, []float32{2.5, float32(math.NaN()), 0.1, 1e-7}); err != nil {
		t.Fatal(err)
	}
	want := "update,loss\n41,2.5\n42,NaN\n43,0.1\n44,1e-07\n"
	if buf.String() != want {
		t.Errorf("LossCSV = %q, want %q", buf.String(), want)
	}
	recs, err := csv.NewReader(strings.NewReader(buf.String())).ReadAll()
	if err != nil || len(recs) != 5 {
		t.Fatalf("read back: %v, %d records", err, len(recs))
	}
	if v, _ := strconv.ParseFloat(recs[3][1], 32); float32(v) != 0.1 {
		t.Errorf("0.1 reads back as %v", v)
	}
	buf.Reset()
	if err := LossCSV(&buf, 1, nil); err != nil || buf.String() != "update,loss\n" {
		t.Errorf("no losses: %q, %v", buf.String(), err)
	}
	buf.Reset()
	if err := LossCSV(&buf, math.MaxUint64, []float32{1, 2}); err == nil || buf.Len() != 0 {
		t.Errorf("overflow: %v, wrote %q", err, buf.String())
	}
	if err := LossCSV(&buf, math.MaxUint64, []float32{1}); err != nil {
		t.Errorf("the last update number: %v", err)
	}
}

func TestLossBlocksCSV(t *testing.T) {
	var buf bytes.Buffer
	err := LossBlocksCSV(&buf, []LossBlock{{First: 1, Last: 4, Mean: 2.5, Min: 2, Max: 3}, {First: 5, Last: 5, Mean: 0.1, Min: 0.1, Max: 0.1}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "update,loss,updates,loss_min,loss_max\n4,2.5,4,2,3\n5,0.1,1,0.1,0.1\n"; buf.String() != want {
		t.Errorf("LossBlocksCSV = %q, want %q", buf.String(), want)
	}
	for _, bad := range [][]LossBlock{{{First: 3, Last: 2}}, {{First: 1, Last: 4}, {First: 4, Last: 5}}} {
		buf.Reset()
		if err := LossBlocksCSV(&buf, bad); err == nil || buf.Len() != 0 {
			t.Errorf("%v: %v, wrote %q", bad, err, buf.String())
		}
	}
}

// vocabText has the characters that need care in JSON and Python.
const vocabText = "ab \"\\\n<>&'\t🙂天é"

// randomModel returns a model whose every parameter, biases and head
// included, is random, so that a transposed or misplaced block shows.
func randomModel(t testing.TB, cell lstm.Cell, layers int, kind lstm.Kind) *lstm.Model {
	t.Helper()
	cfg := lstm.DefaultConfig()
	cfg.Cell, cfg.Layers, cfg.Hidden = cell, layers, 5
	var d *lstm.Data
	var err error
	if kind == lstm.Numbers {
		d, err = lstm.NewNumberData("3, 5, 4, 7, 1, 2")
	} else {
		d, err = lstm.NewTextData(vocabText)
	}
	if err != nil {
		t.Fatal(err)
	}
	m, err := lstm.NewModel(cfg, d)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(uint64(cell), uint64(layers)))
	for i := range m.Params.Data {
		m.Params.Data[i] = 2*rng.Float64() - 1
	}
	m.Updates = 42
	return m
}

// pytorchFile is what a notebook reads.
type pytorchFile struct {
	Format        string   `json:"format"`
	Version       int      `json:"version"`
	Cell          string   `json:"cell"`
	Module        string   `json:"module"`
	Nonlinearity  string   `json:"nonlinearity"`
	Kind          string   `json:"kind"`
	InputSize     int      `json:"input_size"`
	HiddenSize    int      `json:"hidden_size"`
	NumLayers     int      `json:"num_layers"`
	OutputSize    int      `json:"output_size"`
	GateOrder     []string `json:"gate_order"`
	Vocabulary    *string  `json:"vocabulary"`
	Normalisation *struct {
		Mean, Scale float64
	} `json:"normalisation"`
	Updates  uint64                     `json:"updates"`
	Training map[string]any             `json:"training"`
	Usage    []string                   `json:"usage"`
	Weights  map[string]json.RawMessage `json:"weights"`
}

func matrixOf(t *testing.T, f *pytorchFile, name string, rows, cols int) [][]float64 {
	t.Helper()
	var m [][]float64
	if err := json.Unmarshal(f.Weights[name], &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(m) != rows {
		t.Fatalf("%s has %d rows, want %d", name, len(m), rows)
	}
	for _, r := range m {
		if len(r) != cols {
			t.Fatalf("%s has a row of %d, want %d", name, len(r), cols)
		}
	}
	return m
}

func vectorOf(t *testing.T, f *pytorchFile, name string, n int) []float64 {
	t.Helper()
	var v []float64
	if err := json.Unmarshal(f.Weights[name], &v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(v) != n {
		t.Fatalf("%s has %d values, want %d", name, len(v), n)
	}
	return v
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// TestPyTorchForward rebuilds the model from the JSON alone with PyTorch's
// equations (torch.nn.LSTM and torch.nn.RNN documentation):
//
//	i = σ(W_ii x + b_ii + W_hi h + b_hi)      rows 0 … H−1 of weight_ih, weight_hh, bias_ih, bias_hh
//	f = σ(W_if x + b_if + W_hf h + b_hf)      rows H … 2H−1
//	g = tanh(W_ig x + b_ig + W_hg h + b_hg)   rows 2H … 3H−1
//	o = σ(W_io x + b_io + W_ho h + b_ho)      rows 3H … 4H−1
//	c' = f ⊙ c + i ⊙ g,  h' = o ⊙ tanh(c')
//	RNN: h' = tanh(W_ih x + b_ih + W_hh h + b_hh)
//
// and checks that it gives lstm's h_t, c_t and output for every layer and step.
func TestPyTorchForward(t *testing.T) {
	for _, cell := range []lstm.Cell{lstm.CellLSTM, lstm.CellRNN} {
		for _, layers := range []int{1, 2} {
			for _, kind := range []lstm.Kind{lstm.Text, lstm.Numbers} {
				t.Run(fmt.Sprintf("%v/%d/%v", cell, layers, kind), func(t *testing.T) {
					checkForward(t, randomModel(t, cell, layers, kind))
				})
			}
		}
	}
}

func checkForward(t *testing.T, m *lstm.Model) {
	var buf bytes.Buffer
	if err := PyTorchJSON(&buf, m); err != nil {
		t.Fatal(err)
	}
	if !json.Valid(buf.Bytes()) {
		t.Fatalf("not valid JSON:\n%s", buf.String())
	}
	var f pytorchFile
	if err := json.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatal(err)
	}

	// Everything below uses f only (and the probe's values, to feed it).
	H, L, X, Y := f.HiddenSize, f.NumLayers, f.InputSize, f.OutputSize
	G := 1
	if f.Cell == "LSTM" {
		G = 4
	}
	type layer struct {
		wih, whh [][]float64
		bih, bhh []float64
	}
	ls := make([]layer, L)
	for k := range L {
		in := H
		if k == 0 {
			in = X
		}
		ls[k] = layer{
			wih: matrixOf(t, &f, fmt.Sprintf("weight_ih_l%d", k), G*H, in),
			whh: matrixOf(t, &f, fmt.Sprintf("weight_hh_l%d", k), G*H, H),
			bih: vectorOf(t, &f, fmt.Sprintf("bias_ih_l%d", k), G*H),
			bhh: vectorOf(t, &f, fmt.Sprintf("bias_hh_l%d", k), G*H),
		}
	}
	lw := matrixOf(t, &f, "linear.weight", Y, H)
	lb := vectorOf(t, &f, "linear.bias", Y)
	if len(f.Weights) != 4*L+2 {
		t.Errorf("%d weights, want %d", len(f.Weights), 4*L+2)
	}

	// The probe, as x_t for PyTorch and as the lstm package reads it.
	var xs [][]float64
	var pr *lstm.Probe
	var err error
	if f.Kind == "text" {
		vocab := []rune(*f.Vocabulary)
		probe := []rune("ab \"\\\n<>&'\t🙂天éé天🙂ba")
		for _, r := range probe {
			x := make([]float64, X)
			x[slices.Index(vocab, r)] = 1
			xs = append(xs, x)
		}
		pr, err = m.TraceText(string(probe), nil)
	} else {
		vals := []float64{3, 5, 4, 7, 1, 2, -10, 100, 0}
		for _, v := range vals {
			xs = append(xs, []float64{(v - f.Normalisation.Mean) / f.Normalisation.Scale})
		}
		pr, err = m.TraceNumbers(vals, nil)
	}
	if err != nil {
		t.Fatal(err)
	}

	const tol = 1e-12
	h := make([][]float64, L)
	c := make([][]float64, L)
	for k := range L {
		h[k], c[k] = make([]float64, H), make([]float64, H) // PyTorch's default zero state
	}
	for step, x := range xs {
		in := x
		for k, ly := range ls {
			a := make([]float64, G*H)
			for r := range a {
				s := ly.bih[r] + ly.bhh[r]
				for q, v := range in {
					s += ly.wih[r][q] * v
				}
				for q, v := range h[k] {
					s += ly.whh[r][q] * v
				}
				a[r] = s
			}
			hn := make([]float64, H)
			for j := range H {
				if G == 1 {
					hn[j] = math.Tanh(a[j])
					continue
				}
				i, fg, g, o := sigmoid(a[j]), sigmoid(a[H+j]), math.Tanh(a[2*H+j]), sigmoid(a[3*H+j])
				c[k][j] = fg*c[k][j] + i*g
				hn[j] = o * math.Tanh(c[k][j])
			}
			h[k] = hn
			want := pr.Trace.Hid(k, step+1)
			for j := range H {
				if d := math.Abs(h[k][j] - want[j]); !(d <= tol) {
					t.Fatalf("layer %d step %d unit %d: PyTorch's h = %.17g, lstm's %.17g (|Δ| = %.3g)", k, step+1, j, h[k][j], want[j], d)
				}
			}
			if G == 4 {
				wantC := pr.Trace.C(k, step+1)
				for j := range H {
					if d := math.Abs(c[k][j] - wantC[j]); !(d <= tol) {
						t.Fatalf("layer %d step %d unit %d: PyTorch's c = %.17g, lstm's %.17g", k, step+1, j, c[k][j], wantC[j])
					}
				}
			}
			in = h[k]
		}
		// The head: linear, then softmax (text) or de-normalisation (numbers).
		y := make([]float64, Y)
		for v := range Y {
			y[v] = lb[v]
			for j, hv := range h[L-1] {
				y[v] += lw[v][j] * hv
			}
		}
		out := pr.Output[step*Y : (step+1)*Y]
		if f.Kind == "numbers" {
			if got := y[0]*f.Normalisation.Scale + f.Normalisation.Mean; math.Abs(got-out[0]) > tol*max(1, math.Abs(out[0])) {
				t.Fatalf("step %d: prediction %.17g, lstm's %.17g", step+1, got, out[0])
			}
			continue
		}
		mx := slices.Max(y)
		var sum float64
		for _, v := range y {
			sum += math.Exp(v - mx)
		}
		for v := range Y {
			if p := math.Exp(y[v]-mx) / sum; math.Abs(p-out[v]) > tol {
				t.Fatalf("step %d: p[%d] = %.17g, lstm's %.17g", step+1, v, p, out[v])
			}
		}
	}
}

func TestPyTorchMetadata(t *testing.T) {
	m := randomModel(t, lstm.CellLSTM, 2, lstm.Text)
	var buf bytes.Buffer
	if err := PyTorchJSON(&buf, m); err != nil {
		t.Fatal(err)
	}
	var f pytorchFile
	if err := json.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	if f.Format != PyTorchFormat || f.Version != 1 || f.Cell != "LSTM" || f.Module != "torch.nn.LSTM" || f.Nonlinearity != "" ||
		f.Kind != "text" || f.InputSize != m.Vocab.Size() || f.HiddenSize != 5 || f.NumLayers != 2 || f.OutputSize != m.Vocab.Size() ||
		!slices.Equal(f.GateOrder, []string{"i", "f", "g", "o"}) || f.Vocabulary == nil || *f.Vocabulary != string(m.Vocab.Runes()) ||
		f.Normalisation != nil || f.Updates != 42 {
		t.Errorf("metadata %+v", f)
	}
	if f.Training["optimizer"] != "Adam" || f.Training["learning_rate"] != 0.01 || f.Training["sequence_length"] != 32.0 || f.Training["seed"] != 1.0 {
		t.Errorf("training %v", f.Training)
	}
	for k := range 2 {
		for _, v := range vectorOf(t, &f, fmt.Sprintf("bias_hh_l%d", k), 20) {
			if v != 0 {
				t.Fatalf("bias_hh_l%d is not zero", k)
			}
		}
	}
	// The vocabulary is readable: no HTML escapes.
	if !strings.Contains(buf.String(), `"vocabulary": "\t\n \"&'<>\\abé天🙂"`) {
		t.Errorf("vocabulary written as %s", buf.String()[strings.Index(buf.String(), `"vocabulary"`):][:60])
	}
	// The weights come in the documented order, each matrix row on a line.
	s := buf.String()
	last := -1
	for _, name := range []string{"weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1", "linear.weight", "linear.bias"} {
		i := strings.Index(s, `"`+name+`"`)
		if i <= last {
			t.Fatalf("%s is at %d, after %d", name, i, last)
		}
		last = i
	}
	if n := strings.Count(s, "\n"); n > 200 {
		t.Errorf("%d lines: one number per line?", n)
	}
	usage := strings.Join(f.Usage, "\n")
	for _, want := range []string{"torch.nn.LSTM(", "load_state_dict", `d["vocabulary"]`, "softmax", ".double()"} {
		if !strings.Contains(usage, want) {
			t.Errorf("usage lacks %q:\n%s", want, usage)
		}
	}

	m = randomModel(t, lstm.CellRNN, 1, lstm.Numbers)
	buf.Reset()
	if err := PyTorchJSON(&buf, m); err != nil {
		t.Fatal(err)
	}
	f = pytorchFile{}
	if err := json.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	if f.Cell != "RNN" || f.Module != "torch.nn.RNN" || f.Nonlinearity != "tanh" || f.GateOrder != nil || f.Kind != "numbers" ||
		f.Vocabulary != nil || f.Normalisation == nil || f.Normalisation.Mean != m.Norm.Mean || f.Normalisation.Scale != m.Norm.Scale ||
		f.InputSize != 1 || f.OutputSize != 1 {
		t.Errorf("metadata %+v", f)
	}
	usage = strings.Join(f.Usage, "\n")
	for _, want := range []string{`torch.nn.RNN(`, `nonlinearity="tanh"`, `d["normalisation"]`, "* scale + mean"} {
		if !strings.Contains(usage, want) {
			t.Errorf("usage lacks %q:\n%s", want, usage)
		}
	}
}

// TestPyTorchExact checks that every weight reads back as the same float64.
func TestPyTorchExact(t *testing.T) {
	m := randomModel(t, lstm.CellLSTM, 1, lstm.Text)
	m.Params.Layers[0].U[0] = math.Nextafter(1, 2)
	m.Params.Layers[0].U[1] = 5e-324
	m.Params.Layers[0].U[2] = math.Copysign(0, -1)
	m.Params.Wy[0] = 1e300
	var buf bytes.Buffer
	if err := PyTorchJSON(&buf, m); err != nil {
		t.Fatal(err)
	}
	var f pytorchFile
	if err := json.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	H, X := 5, m.Vocab.Size()
	wih := matrixOf(t, &f, "weight_ih_l0", 4*H, X)
	whh := matrixOf(t, &f, "weight_hh_l0", 4*H, H)
	bih := vectorOf(t, &f, "bias_ih_l0", 4*H)
	lw := matrixOf(t, &f, "linear.weight", X, H)
	lb := vectorOf(t, &f, "linear.bias", X)
	L := m.Params.Layers[0]
	for r := range 4 * H {
		for k := range X {
			if math.Float64bits(wih[r][k]) != math.Float64bits(L.Wx[k*4*H+r]) {
				t.Fatalf("weight_ih_l0[%d][%d] = %v, Wx[%d][%d] = %v", r, k, wih[r][k], k, r, L.Wx[k*4*H+r])
			}
		}
		for j := range H {
			if math.Float64bits(whh[r][j]) != math.Float64bits(L.U[r*H+j]) {
				t.Fatalf("weight_hh_l0[%d][%d] = %v, U = %v", r, j, whh[r][j], L.U[r*H+j])
			}
		}
		if bih[r] != L.B[r] {
			t.Fatalf("bias_ih_l0[%d]", r)
		}
	}
	for v := range X {
		for j := range H {
			if lw[v][j] != m.Params.Wy[v*H+j] {
				t.Fatalf("linear.weight[%d][%d]", v, j)
			}
		}
		if lb[v] != m.Params.By[v] {
			t.Fatalf("linear.bias[%d]", v)
		}
	}
}

func TestPyTorchJSONErrors(t *testing.T) {
	tests := []struct {
		name string
		m    func() *lstm.Model
	}{
		{"nil", func() *lstm.Model { return nil }},
		{"no params", func() *lstm.Model { m := randomModel(t, lstm.CellLSTM, 1, lstm.Text); m.Params = nil; return m }},
		{"NaN", func() *lstm.Model {
			m := randomModel(t, lstm.CellLSTM, 1, lstm.Text)
			m.Params.Data[3] = math.NaN()
			return m
		}},
		{"Inf", func() *lstm.Model {
			m := randomModel(t, lstm.CellRNN, 2, lstm.Text)
			m.Params.By[0] = math.Inf(1)
			return m
		}},
		{"layers", func() *lstm.Model { m := randomModel(t, lstm.CellLSTM, 1, lstm.Text); m.Config.Layers = 2; return m }},
		{"hidden", func() *lstm.Model { m := randomModel(t, lstm.CellLSTM, 1, lstm.Text); m.Config.Hidden = 6; return m }},
		{"cell", func() *lstm.Model {
			m := randomModel(t, lstm.CellLSTM, 1, lstm.Text)
			m.Config.Cell = lstm.CellRNN
			return m
		}},
		{"kind", func() *lstm.Model { m := randomModel(t, lstm.CellLSTM, 1, lstm.Text); m.Kind = lstm.Numbers; return m }},
		{"norm", func() *lstm.Model { m := randomModel(t, lstm.CellLSTM, 1, lstm.Numbers); m.Norm.Scale = 0; return m }},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		err := PyTorchJSON(&buf, tt.m())
		if err == nil || buf.Len() != 0 || !strings.HasPrefix(err.Error(), "export: the model cannot be exported") {
			t.Errorf("%s: %v, wrote %d bytes", tt.name, err, buf.Len())
		}
	}
}

func TestWriteString(t *testing.T) {
	var all []rune
	for r := rune(0); r < 0x80; r++ {
		all = append(all, r)
	}
	all = append(all, 'é', '天', '🙂', '\u2028', '\ufffd', 0x10ffff)
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	writeString(bw, string(all))
	bw.Flush()
	var got string
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil || got != string(all) {
		t.Fatalf("%s reads back as %q, %v", buf.String(), got, err)
	}
}

func TestPyTorchJSONFile(t *testing.T) {
	m := randomModel(t, lstm.CellLSTM, 2, lstm.Text)
	file, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var want, got bytes.Buffer
	if err := PyTorchJSON(&want, m); err != nil {
		t.Fatal(err)
	}
	if err := PyTorchJSONFile(&got, file); err != nil || !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("PyTorchJSONFile differs from PyTorchJSON of the model: %v", err)
	}
	file[len(file)/2] ^= 1
	got.Reset()
	var fe *lstm.FormatError
	if err := PyTorchJSONFile(&got, file); !errors.As(err, &fe) || got.Len() != 0 {
		t.Fatalf("a corrupt file: %v, wrote %d bytes", err, got.Len())
	}
}

// FuzzTraceCSVChars checks that any probe character comes back from the CSV
// as it was, through encoding/csv.
func FuzzTraceCSVChars(f *testing.F) {
	f.Add(string(symbols))
	f.Add("\r\n\"\"\n\r,\ufeff\u2028 \x00")
	f.Fuzz(func(t *testing.T, s string) {
		runes := []rune(s)
		if len(runes) == 0 || len(runes) > 200 {
			return
		}
		tr := fakeTrace(lstm.CellRNN, lstm.Text, 1, len(runes), 1)
		tr.Symbols = runes
		var buf bytes.Buffer
		if err := TraceCSV(&buf, tr); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatalf("encoding/csv cannot read %q: %v", buf.String(), err)
		}
		if len(recs) != len(runes)+1 {
			t.Fatalf("%d records for %d characters", len(recs), len(runes))
		}
		for i, r := range runes {
			if recs[i+1][1] != string(r) {
				t.Fatalf("character %d %q reads back as %q", i, r, recs[i+1][1])
			}
		}
	})
}
