package lstm

import (
	"encoding/json"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// conformanceCase is one file of ../shared/conformance (format lstm-conformance/1).
type conformanceCase struct {
	Format     string `json:"format"`
	Name       string `json:"name"`
	Cell       string `json:"cell"`
	InputSize  int    `json:"input_size"`
	HiddenSize int    `json:"hidden_size"`
	OutputSize int    `json:"output_size"`
	Steps      int    `json:"steps"`
	Params     struct {
		W  [][]float64 `json:"W"`
		U  [][]float64 `json:"U"`
		B  []float64   `json:"b"`
		Wy [][]float64 `json:"Wy"`
		By []float64   `json:"by"`
	} `json:"params"`
	H0       []float64   `json:"h0"`
	C0       []float64   `json:"c0"`
	X        [][]float64 `json:"x"`
	Targets  []int32     `json:"targets"`
	Expected struct {
		Zi     [][]float64 `json:"zi"`
		Zf     [][]float64 `json:"zf"`
		Z      [][]float64 `json:"z"`
		Zo     [][]float64 `json:"zo"`
		C      [][]float64 `json:"c"`
		H      [][]float64 `json:"h"`
		Logits [][]float64 `json:"logits"`
		Probs  [][]float64 `json:"probs"`
		Loss   *float64    `json:"loss"`
		Grads  struct {
			W  [][]float64 `json:"W"`
			U  [][]float64 `json:"U"`
			B  []float64   `json:"b"`
			Wy [][]float64 `json:"Wy"`
			By []float64   `json:"by"`
			H0 []float64   `json:"h0"`
			C0 []float64   `json:"c0"`
			X  [][]float64 `json:"x"`
		} `json:"grads"`
	} `json:"expected"`
	Tolerance struct {
		Rel float64 `json:"rel"`
		Abs float64 `json:"abs"`
	} `json:"tolerance"`
}

// conformanceDir is LSTM_CONFORMANCE_DIR, else ../shared/conformance beside the
// repository, else the copy committed in testdata/conformance.
func conformanceDir(t *testing.T) string {
	if d := os.Getenv("LSTM_CONFORMANCE_DIR"); d != "" {
		return d
	}
	shared := filepath.Join("..", "..", "shared", "conformance")
	if st, err := os.Stat(shared); err == nil && st.IsDir() {
		return shared
	}
	t.Logf("%s not found; using the committed copy in testdata/conformance", shared)
	return filepath.Join("testdata", "conformance")
}

func TestConformance(t *testing.T) {
	dir := conformanceDir(t)
	runConformanceFS(t, os.DirFS(dir), dir)
}

// runConformanceFS runs every *.json conformance file at the top of fsys as
// a subtest; where names the files for the failure message.
func runConformanceFS(t *testing.T, fsys fs.FS, where string) {
	t.Helper()
	files, err := fs.Glob(fsys, "*.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no *.json conformance files in %s", where)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(f, ".json"), func(t *testing.T) {
			raw, err := fs.ReadFile(fsys, f)
			if err != nil {
				t.Fatal(err)
			}
			var c conformanceCase
			if err := json.Unmarshal(raw, &c); err != nil {
				t.Fatalf("parse: %v", err)
			}
			runConformance(t, &c)
		})
	}
}

// checker compares values against a case's tolerance and reports the first few
// mismatches of each field.
type checker struct {
	t        *testing.T
	rel, abs float64
}

func (ck checker) vec(field string, got, want []float64) {
	ck.t.Helper()
	if len(got) != len(want) {
		ck.t.Errorf("%s: length %d, want %d", field, len(got), len(want))
		return
	}
	bad := 0
	for i := range want {
		if !(math.Abs(got[i]-want[i]) <= ck.abs+ck.rel*math.Abs(want[i])) {
			if bad < 3 {
				ck.t.Errorf("%s[%d] = %.9g, want %.9g (tolerance abs %g + rel %g)", field, i, got[i], want[i], ck.abs, ck.rel)
			}
			bad++
		}
	}
	if bad > 3 {
		ck.t.Errorf("%s: %d of %d values out of tolerance", field, bad, len(want))
	}
}

// mat compares a (rows, cols) matrix stored in got with row stride cols.
func (ck checker) mat(field string, got []float64, want [][]float64) {
	ck.t.Helper()
	if want == nil {
		ck.t.Errorf("%s: missing from the expected values", field)
		return
	}
	flat := make([]float64, 0, len(want)*len(want[0]))
	for _, row := range want {
		flat = append(flat, row...)
	}
	ck.vec(field, got, flat)
}

func flatten(m [][]float64) []float64 {
	var out []float64
	for _, r := range m {
		out = append(out, r...)
	}
	return out
}

func runConformance(t *testing.T, c *conformanceCase) {
	if c.Format != "lstm-conformance/1" {
		t.Fatalf("format %q, want lstm-conformance/1", c.Format)
	}
	var cell Cell
	switch c.Cell {
	case "lstm":
		cell = CellLSTM
	case "rnn":
		cell = CellRNN
	default:
		t.Fatalf("unknown cell %q", c.Cell)
	}
	X, H, V, T := c.InputSize, c.HiddenSize, c.OutputSize, c.Steps
	G := cell.Gates()
	if len(c.Params.W) != G*H || len(c.Params.U) != G*H || len(c.Params.B) != G*H || len(c.X) != T || len(c.Targets) != T {
		t.Fatalf("shapes in the file do not match X=%d H=%d V=%d T=%d", X, H, V, T)
	}
	p := NewParams(cell, 1, X, H, V)
	L := &p.Layers[0]
	for r := 0; r < G*H; r++ {
		for k := 0; k < X; k++ {
			L.Wx[k*G*H+r] = c.Params.W[r][k] // Wx is Wᵀ
		}
		copy(L.U[r*H:(r+1)*H], c.Params.U[r])
	}
	copy(L.B, c.Params.B)
	copy(p.Wy, flatten(c.Params.Wy))
	copy(p.By, c.Params.By)

	n := newNet(p, Text, T)
	n.setState(0, c.H0, c.C0)
	in := input{dense: flatten(c.X)}
	n.forward(in, T)
	loss := n.loss(c.Targets, nil)
	g := NewParamsLike(p)
	n.backward(g, in, true, nil)

	ck := checker{t: t, rel: c.Tolerance.Rel, abs: c.Tolerance.Abs}
	tr := &n.tr
	if cell == CellLSTM {
		gates := map[string]func(l, t int) []float64{"zi": tr.Zi, "zf": tr.Zf, "z": tr.Z, "zo": tr.Zo}
		want := map[string][][]float64{"zi": c.Expected.Zi, "zf": c.Expected.Zf, "z": c.Expected.Z, "zo": c.Expected.Zo}
		for _, name := range []string{"zi", "zf", "z", "zo"} {
			var got []float64
			for s := 0; s < T; s++ {
				got = append(got, gates[name](0, s)...)
			}
			ck.mat(name, got, want[name])
		}
		ck.mat("c", tr.Layers[0].C[H:], c.Expected.C)
	}
	ck.mat("h", tr.Layers[0].H[H:], c.Expected.H)
	ck.mat("logits", n.y[:T*V], c.Expected.Logits)
	ck.mat("probs", n.prob[:T*V], c.Expected.Probs)
	if c.Expected.Loss == nil {
		t.Error("loss: missing from the expected values")
	} else {
		ck.vec("loss", []float64{loss}, []float64{*c.Expected.Loss})
	}

	dW := make([]float64, G*H*X)
	GL := &g.Layers[0]
	for r := 0; r < G*H; r++ {
		for k := 0; k < X; k++ {
			dW[r*X+k] = GL.Wx[k*G*H+r]
		}
	}
	eg := &c.Expected.Grads
	ck.mat("grads.W", dW, eg.W)
	ck.mat("grads.U", GL.U, eg.U)
	ck.vec("grads.b", GL.B, eg.B)
	ck.mat("grads.Wy", g.Wy, eg.Wy)
	ck.vec("grads.by", g.By, eg.By)
	ck.vec("grads.h0", n.dhNext, eg.H0)
	if cell == CellLSTM {
		ck.vec("grads.c0", n.dcNext, eg.C0)
	}
	ck.mat("grads.x", n.dx[:T*X], eg.X)
	if t.Failed() {
		t.Logf("case %s: cell %s X=%d H=%d V=%d T=%d", c.Name, c.Cell, X, H, V, T)
	}
}
