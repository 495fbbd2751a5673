package lstm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// Finite-difference gradient checks (STYLE.md, "Testing habits"): central
// differences with ε = 1e-5 over every parameter of tiny models, and over ∂L/∂h₀,
// ∂L/∂c₀ of the first layer and, for a dense input, ∂L/∂x, with
//
//	rel = |a−n| / max(|a|+|n|, 1e-12) ≤ 1e-6
//
// unless both |a| and |n| are below 1e-9.
//
// The analytic gradient a is the package's backward pass (newNet, setState,
// forward, loss, backward, as in conformance_test.go). The numeric gradient n is
// the central difference of the loss computed by refForward, a plain
// implementation of the package equations written in this file, evaluated in
// double-double arithmetic (about 32 significant digits). A float64 forward pass
// cannot support the 1e-6 criterion for small gradients: its rounding noise, a
// few ulp of the loss divided by 2ε, is about 1e-11, which is already a relative
// error of 1e-5 for a gradient of 1e-6, and the first layer of a stacked model
// has many gradients of that size. TestReferenceMatchesForward checks that the
// reference and the package compute the same function (to 1e-12), so the
// numeric gradient is the derivative of the package's own loss.
const (
	gcEps    = 1e-5
	gcMaxRel = 1e-6
	gcTiny   = 1e-9 // |a| and |n| both below this count as agreeing zeros
)

// relErr is |a−n| / max(|a|+|n|, 1e-12).
func relErr(a, n float64) float64 {
	return math.Abs(a-n) / math.Max(math.Abs(a)+math.Abs(n), 1e-12)
}

// gradAgrees reports whether analytic a and numeric n agree.
func gradAgrees(a, n float64) bool {
	if math.Abs(a) < gcTiny && math.Abs(n) < gcTiny {
		return true
	}
	return relErr(a, n) <= gcMaxRel
}

// namedView is a named view into a Params slab.
type namedView struct {
	name string
	s    []float64
}

// paramViews returns every named view of p: per layer Wx, U, B, then Wy and By.
func paramViews(p *Params) []namedView {
	var vs []namedView
	for l, L := range p.Layers {
		vs = append(vs,
			namedView{fmt.Sprintf("layer%d.Wx", l), L.Wx},
			namedView{fmt.Sprintf("layer%d.U", l), L.U},
			namedView{fmt.Sprintf("layer%d.B", l), L.B})
	}
	return append(vs, namedView{"Wy", p.Wy}, namedView{"By", p.By})
}

// randomize fills every parameter uniformly from [−scale, scale], biases included.
func randomize(p *Params, rng *rand.Rand, scale float64) {
	for i := range p.Data {
		p.Data[i] = (2*rng.Float64() - 1) * scale
	}
}

// gcCase is one tiny model of the gradient check.
type gcCase struct {
	cell    Cell
	kind    Kind
	layers  int
	H, V, T int
	state   bool // non-zero h₀ and c₀ in every layer
}

func (c gcCase) String() string {
	s := "zero"
	if c.state {
		s = "state"
	}
	return fmt.Sprintf("%v/%v/L%d/H%d/V%d/T%d/%s", c.cell, c.kind, c.layers, c.H, c.V, c.T, s)
}

// gradCheckCases is the table: both cells, both heads, 1 and 2 layers,
// H ∈ {1,2,3}, V ∈ {2,5} (text; numbers read and predict one value), T ∈ {1,3,7},
// zero and non-zero initial state.
func gradCheckCases() []gcCase {
	var cs []gcCase
	for _, cell := range []Cell{CellLSTM, CellRNN} {
		for _, kind := range []Kind{Text, Numbers} {
			for _, layers := range []int{1, 2} {
				for _, H := range []int{1, 2, 3} {
					vs := []int{2, 5}
					if kind == Numbers {
						vs = []int{1}
					}
					for _, V := range vs {
						for _, T := range []int{1, 3, 7} {
							for _, state := range []bool{false, true} {
								cs = append(cs, gcCase{cell, kind, layers, H, V, T, state})
							}
						}
					}
				}
			}
		}
	}
	return cs
}

// gcProblem is a tiny model with its input, targets and initial state.
type gcProblem struct {
	c       gcCase
	p       *Params
	n       *net
	in      input
	targets []int32
	values  []float64
	h0, c0  [][]float64 // per layer
}

func newGCProblem(c gcCase, seed uint64) *gcProblem {
	rng := rand.New(rand.NewPCG(seed, 77))
	X, Y := c.V, c.V
	if c.kind == Numbers {
		X, Y = 1, 1
	}
	pr := &gcProblem{c: c, p: NewParams(c.cell, c.layers, X, c.H, Y)}
	randomize(pr.p, rng, 1)
	if c.kind == Numbers {
		pr.in.dense = make([]float64, c.T)
		pr.values = make([]float64, c.T)
		for t := range pr.in.dense {
			pr.in.dense[t] = 2*rng.Float64() - 1
			pr.values[t] = 2*rng.Float64() - 1
		}
	} else {
		pr.in.ids = make([]int32, c.T)
		pr.targets = make([]int32, c.T)
		for t := range pr.in.ids {
			pr.in.ids[t] = int32(rng.IntN(c.V))
			pr.targets[t] = int32(rng.IntN(c.V))
		}
	}
	pr.h0 = make([][]float64, c.layers)
	pr.c0 = make([][]float64, c.layers)
	for l := range pr.h0 {
		pr.h0[l] = make([]float64, c.H)
		pr.c0[l] = make([]float64, c.H)
		if c.state {
			for j := range pr.h0[l] {
				pr.h0[l][j] = 1.8*rng.Float64() - 0.9
				pr.c0[l][j] = 4*rng.Float64() - 2
			}
		}
	}
	pr.n = newNet(pr.p, c.kind, c.T)
	return pr
}

// loss runs the package's forward pass from the problem's initial state and
// returns the loss.
func (pr *gcProblem) loss() float64 {
	pr.n.refresh()
	for l := range pr.h0 {
		pr.n.setState(l, pr.h0[l], pr.c0[l])
	}
	pr.n.forward(pr.in, pr.c.T)
	return pr.n.loss(pr.targets, pr.values)
}

// refLoss returns the reference loss in double-double; change, if not nil, is
// applied to the reference's copy of the parameters and inputs first.
func (pr *gcProblem) refLoss(change func(rp *refParams[dd], h0, c0 [][]dd, x []dd)) dd {
	rp := toRef(pr.p, ddOf)
	h0, c0 := toRefRows(pr.h0, ddOf), toRefRows(pr.c0, ddOf)
	var x []dd
	if pr.in.dense != nil {
		x = toRefVec(pr.in.dense, ddOf)
	}
	if change != nil {
		change(rp, h0, c0, x)
	}
	_, _, ys := refForward(rp, pr.in.ids, x, pr.c.T, h0, c0, nil)
	return refMeanLoss(ys, pr.targets, toRefVec(pr.values, ddOf), -1)
}

// numeric returns the central difference (L(v+ε) − L(v−ε)) / 2ε of the reference
// loss, where at picks the value v to nudge.
func (pr *gcProblem) numeric(at func(rp *refParams[dd], h0, c0 [][]dd, x []dd) *dd) float64 {
	nudge := func(e float64) func(rp *refParams[dd], h0, c0 [][]dd, x []dd) {
		return func(rp *refParams[dd], h0, c0 [][]dd, x []dd) {
			v := at(rp, h0, c0, x)
			*v = v.Add(ddOf(e))
		}
	}
	lp := pr.refLoss(nudge(gcEps))
	lm := pr.refLoss(nudge(-gcEps))
	return lp.Sub(lm).Float() / (2 * gcEps)
}

func TestGradientCheck(t *testing.T) {
	cases := gradCheckCases()
	for i, c := range cases {
		t.Run(c.String(), func(t *testing.T) {
			gradCheck(t, newGCProblem(c, uint64(i+1)))
		})
	}
}

// analytic checks the package's loss against the reference's and runs the
// package's backward pass: the gradient g, ∂L/∂h₀ and ∂L/∂c₀ of the first
// layer (left in dhNext and dcNext) and, for dense inputs, ∂L/∂x.
func (pr *gcProblem) analytic(t *testing.T) (g *Params, dh0, dc0, dx []float64, dense bool) {
	t.Helper()
	L := pr.loss()
	if math.IsNaN(L) || math.IsInf(L, 0) {
		t.Fatalf("loss %v", L)
	}
	if ref := pr.refLoss(nil).Float(); math.Abs(L-ref) > 1e-12*math.Max(1, ref) {
		t.Fatalf("the package's loss %.17g differs from the reference's %.17g", L, ref)
	}
	g = NewParamsLike(pr.p)
	dense = pr.in.dense != nil
	pr.n.backward(g, pr.in, dense, nil)
	dh0 = append([]float64(nil), pr.n.dhNext...)
	dc0 = append([]float64(nil), pr.n.dcNext...)
	if dense {
		dx = append([]float64(nil), pr.n.dx[:pr.c.T]...)
	}
	return g, dh0, dc0, dx, dense
}

func gradCheck(t *testing.T, pr *gcProblem) {
	c := pr.c
	g, dh0, dc0, dx, dense := pr.analytic(t)

	checked := 0
	check := func(name string, analytic []float64, at func(k int) func(rp *refParams[dd], h0, c0 [][]dd, x []dd) *dd) {
		t.Helper()
		var inf float64
		for _, a := range analytic {
			inf = math.Max(inf, math.Abs(a))
		}
		bad := 0
		for k, a := range analytic {
			num := pr.numeric(at(k))
			checked++
			if !gradAgrees(a, num) {
				if bad < 4 {
					t.Errorf("%s[%d]: analytic %.12g, numeric %.12g, rel %.3g (‖%s‖∞ = %.3g)", name, k, a, num, relErr(a, num), name, inf)
				}
				bad++
			}
		}
		if bad > 4 {
			t.Errorf("%s: %d of %d elements disagree", name, bad, len(analytic))
		}
	}

	gviews := paramViews(g)
	total := 0
	for vi, v := range gviews {
		total += len(v.s)
		check(v.name, v.s, func(k int) func(rp *refParams[dd], h0, c0 [][]dd, x []dd) *dd {
			return func(rp *refParams[dd], _, _ [][]dd, _ []dd) *dd { return &rp.views()[vi][k] }
		})
	}
	if total != len(pr.p.Data) {
		t.Fatalf("the named views cover %d of %d parameters", total, len(pr.p.Data))
	}
	check("dh0", dh0, func(k int) func(rp *refParams[dd], h0, c0 [][]dd, x []dd) *dd {
		return func(_ *refParams[dd], h0, _ [][]dd, _ []dd) *dd { return &h0[0][k] }
	})
	if c.cell == CellLSTM {
		check("dc0", dc0, func(k int) func(rp *refParams[dd], h0, c0 [][]dd, x []dd) *dd {
			return func(_ *refParams[dd], _, c0 [][]dd, _ []dd) *dd { return &c0[0][k] }
		})
	}
	if dense {
		check("dx", dx, func(k int) func(rp *refParams[dd], h0, c0 [][]dd, x []dd) *dd {
			return func(_ *refParams[dd], _, _ [][]dd, x []dd) *dd { return &x[k] }
		})
	}
	if checked != len(pr.p.Data)+c.H*(1+boolInt(c.cell == CellLSTM))+len(dx) {
		t.Fatalf("checked %d values", checked)
	}
	// A gradient check that compares zeros with zeros proves nothing.
	var gmax float64
	for _, a := range g.Data {
		gmax = math.Max(gmax, math.Abs(a))
	}
	if gmax < 1e-3 {
		t.Errorf("‖∇L‖∞ = %g: the test problem is degenerate", gmax)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestGradientCheckCatchesErrors makes sure the check is sharp: a gradient
// that is off by one part in 10⁵, or that misses the contribution of one step,
// fails it.
func TestGradientCheckCatchesErrors(t *testing.T) {
	pr := newGCProblem(gcCase{CellLSTM, Text, 1, 3, 5, 7, true}, 5)
	pr.loss()
	g := NewParamsLike(pr.p)
	pr.n.backward(g, pr.in, false, nil)
	k := 0
	for i := range pr.p.Layers[0].U {
		if math.Abs(g.Layers[0].U[i]) > math.Abs(g.Layers[0].U[k]) {
			k = i
		}
	}
	a := g.Layers[0].U[k]
	n := pr.numeric(func(rp *refParams[dd], _, _ [][]dd, _ []dd) *dd { return &rp.Layers[0].U[k] })
	if !gradAgrees(a, n) {
		t.Fatalf("U[%d]: analytic %g, numeric %g", k, a, n)
	}
	if gradAgrees(a*(1+1e-5), n) {
		t.Errorf("U[%d]: a gradient 1e-5 too large passes the check", k)
	}
	// The gradient of the window's first T−1 steps only.
	pr.n.forward(pr.in, pr.c.T-1)
	pr.n.loss(pr.targets, nil)
	g2 := NewParamsLike(pr.p)
	pr.n.backward(g2, pr.in, false, nil)
	if gradAgrees(g2.Layers[0].U[k]*float64(pr.c.T-1)/float64(pr.c.T), n) {
		t.Errorf("U[%d]: a gradient missing the last step passes the check", k)
	}
}

// TestReferenceMatchesForward compares the package's forward pass, including
// stacked layers (which the conformance vectors do not cover), and its loss with
// the reference implementation in float64.
func TestReferenceMatchesForward(t *testing.T) {
	for i, c := range gradCheckCases() {
		if c.H != 3 || c.T != 7 {
			continue
		}
		t.Run(c.String(), func(t *testing.T) {
			pr := newGCProblem(c, uint64(1000+i))
			loss := pr.loss()
			rp := toRef(pr.p, f64Of)
			var x []f64
			if pr.in.dense != nil {
				x = toRefVec(pr.in.dense, f64Of)
			}
			hs, cs, ys := refForward(rp, pr.in.ids, x, c.T, toRefRows(pr.h0, f64Of), toRefRows(pr.c0, f64Of), nil)
			const tol = 1e-12
			for l := 0; l < c.layers; l++ {
				for s := 0; s <= c.T; s++ {
					for j := 0; j < c.H; j++ {
						if got, want := pr.n.tr.Hid(l, s)[j], float64(hs[l][s][j]); math.Abs(got-want) > tol {
							t.Errorf("layer %d h_%d[%d] = %.15g, reference %.15g", l, s, j, got, want)
						}
						if c.cell == CellLSTM {
							if got, want := pr.n.tr.C(l, s)[j], float64(cs[l][s][j]); math.Abs(got-want) > tol {
								t.Errorf("layer %d c_%d[%d] = %.15g, reference %.15g", l, s, j, got, want)
							}
						}
					}
				}
			}
			want := float64(refMeanLoss(ys, pr.targets, toRefVec(pr.values, f64Of), -1))
			if math.Abs(loss-want) > tol*math.Max(1, want) {
				t.Errorf("loss %.15g, reference %.15g", loss, want)
			}
		})
	}
}

// ---------------------------------------------------------------------------
// The reference implementation, generic over the arithmetic.

// number is the arithmetic the reference implementation runs in.
type number[N any] interface {
	Add(N) N
	Sub(N) N
	Mul(N) N
	Div(N) N
	Exp() N
	Log() N
	Float() float64
}

// f64 is float64 arithmetic.
type f64 float64

func f64Of(v float64) f64    { return f64(v) }
func (a f64) Add(b f64) f64  { return a + b }
func (a f64) Sub(b f64) f64  { return a - b }
func (a f64) Mul(b f64) f64  { return a * b }
func (a f64) Div(b f64) f64  { return a / b }
func (a f64) Exp() f64       { return f64(math.Exp(float64(a))) }
func (a f64) Log() f64       { return f64(math.Log(float64(a))) }
func (a f64) Float() float64 { return float64(a) }
func toRefVec[N any](v []float64, of func(float64) N) []N {
	out := make([]N, len(v))
	for i, x := range v {
		out[i] = of(x)
	}
	return out
}

func toRefRows[N any](rows [][]float64, of func(float64) N) [][]N {
	out := make([][]N, len(rows))
	for i, r := range rows {
		out[i] = toRefVec(r, of)
	}
	return out
}

// refLayer and refParams mirror Layer and Params in the arithmetic N.
type refLayer[N any] struct {
	X, H, G  int
	Wx, U, B []N
}

type refParams[N any] struct {
	Layers []refLayer[N]
	Wy, By []N
	Y      int
}

// views returns the views in the order of paramViews.
func (rp *refParams[N]) views() [][]N {
	var vs [][]N
	for _, L := range rp.Layers {
		vs = append(vs, L.Wx, L.U, L.B)
	}
	return append(vs, rp.Wy, rp.By)
}

func toRef[N any](p *Params, of func(float64) N) *refParams[N] {
	rp := &refParams[N]{Wy: toRefVec(p.Wy, of), By: toRefVec(p.By, of), Y: p.Y}
	for _, L := range p.Layers {
		rp.Layers = append(rp.Layers, refLayer[N]{X: L.X, H: L.H, G: L.G,
			Wx: toRefVec(L.Wx, of), U: toRefVec(L.U, of), B: toRefVec(L.B, of)})
	}
	return rp
}

func refSigmoid[N number[N]](a N) N {
	one := a.Sub(a).Exp() // 1 in N
	return one.Div(one.Add(a.Sub(a).Sub(a).Exp()))
}

func refTanh[N number[N]](a N) N {
	zero := a.Sub(a)
	one := zero.Exp()
	if a.Float() < 0 {
		return zero.Sub(refTanh(zero.Sub(a)))
	}
	e := zero.Sub(a).Sub(a).Exp() // e^{−2a}, at most 1
	return one.Sub(e).Div(one.Add(e))
}

// refForward is a deliberately plain implementation of the package equations,
// time-major (for every step, every layer), written from doc.go without the
// package's kernels. The first layer's input is one-hot ids or dense rows x of
// width X. h0 and c0 are per layer. If perturb is not nil it is called with
// (l, t, h) right after h_t of layer l (t = 1 … T) is computed and before
// anything reads it. It returns per layer the rows h_0 … h_T and c_0 … c_T (c is
// zero for the RNN), and the head's outputs y_1 … y_T.
func refForward[N number[N]](p *refParams[N], ids []int32, x []N, T int, h0, c0 [][]N, perturb func(l, t int, h []N)) (hs, cs [][][]N, ys [][]N) {
	nl := len(p.Layers)
	H := p.Layers[0].H
	var zero N
	if len(p.By) > 0 {
		zero = p.By[0].Sub(p.By[0])
	}
	zeros := func(n int) []N {
		v := make([]N, n)
		for i := range v {
			v[i] = zero
		}
		return v
	}
	hs = make([][][]N, nl)
	cs = make([][][]N, nl)
	for l := range hs {
		hs[l] = [][]N{append(zeros(0), h0[l]...)}
		c := zeros(H)
		if c0 != nil {
			copy(c, c0[l])
		}
		cs[l] = [][]N{c}
	}
	for t := 1; t <= T; t++ {
		for l, L := range p.Layers {
			G := L.G
			hPrev, cPrev := hs[l][t-1], cs[l][t-1]
			// a_r = Σ_k Wx[k][r] x_k + Σ_i U[r][i] h_{t−1,i} + b_r for row r = block·H + unit
			pre := func(block, j int) N {
				r := block*H + j
				s := L.B[r]
				switch {
				case l > 0:
					for k, xk := range hs[l-1][t] {
						s = s.Add(L.Wx[k*G*H+r].Mul(xk))
					}
				case ids != nil:
					s = s.Add(L.Wx[int(ids[t-1])*G*H+r])
				default:
					for k := 0; k < L.X; k++ {
						s = s.Add(L.Wx[k*G*H+r].Mul(x[(t-1)*L.X+k]))
					}
				}
				for i := range hPrev {
					s = s.Add(L.U[r*H+i].Mul(hPrev[i]))
				}
				return s
			}
			h, c := zeros(H), zeros(H)
			for j := 0; j < H; j++ {
				if G == 1 {
					h[j] = refTanh(pre(0, j)) // h_t = tanh(W x_t + U h_{t−1} + b)
					continue
				}
				zi := refSigmoid(pre(gateI, j))
				zf := refSigmoid(pre(gateF, j))
				z := refTanh(pre(gateZ, j))
				zo := refSigmoid(pre(gateO, j))
				c[j] = zf.Mul(cPrev[j]).Add(zi.Mul(z)) // c_t = zᶠ⊙c_{t−1} + zⁱ⊙z
				h[j] = zo.Mul(refTanh(c[j]))           // h_t = zᵒ⊙tanh(c_t)
			}
			if perturb != nil {
				perturb(l, t, h)
			}
			hs[l] = append(hs[l], h)
			cs[l] = append(cs[l], c)
		}
		top := hs[nl-1][t]
		y := zeros(p.Y)
		for v := range y {
			y[v] = p.By[v] // y_t = Wʸ h_t + bʸ
			for j := range top {
				y[v] = y[v].Add(p.Wy[v*H+j].Mul(top[j]))
			}
		}
		ys = append(ys, y)
	}
	return hs, cs, ys
}

// refMeanLoss returns the mean over the steps of −log softmax(y_t)[target_t]
// (text, values nil) or of (y_t − value_t)² (numbers). If only ≥ 0, it returns
// the unscaled loss of step only alone.
func refMeanLoss[N number[N]](ys [][]N, targets []int32, values []N, only int) N {
	var sum N
	first := true
	for t, y := range ys {
		if only >= 0 && t != only {
			continue
		}
		var l N
		if len(values) > 0 {
			d := y[0].Sub(values[t])
			l = d.Mul(d)
		} else {
			m := y[0]
			for _, v := range y {
				if v.Float() > m.Float() {
					m = v
				}
			}
			s := m.Sub(m)
			for _, v := range y {
				s = s.Add(v.Sub(m).Exp())
			}
			l = m.Add(s.Log()).Sub(y[targets[t]]) // log Σ exp y − y[target]
		}
		if first {
			sum, first = l, false
		} else {
			sum = sum.Add(l)
		}
	}
	if only >= 0 {
		return sum
	}
	n := ys[0][0].Sub(ys[0][0]).Exp() // 1
	cnt := n
	for range len(ys) - 1 {
		cnt = cnt.Add(n)
	}
	return sum.Div(cnt)
}

// ---------------------------------------------------------------------------
// Double-double arithmetic: an unevaluated sum hi + lo of two float64 with
// |lo| ≤ ulp(hi)/2, about 32 significant digits (Dekker 1971; Hida, Li and
// Bailey, QD library). The exact product uses math.FMA, which Go computes
// without intermediate rounding on every platform.

type dd struct{ hi, lo float64 }

func ddOf(v float64) dd { return dd{v, 0} }

// twoSum returns s = fl(a+b) and the rounding error e, a+b = s+e exactly.
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return s, e
}

// quickTwoSum is twoSum for |a| ≥ |b|.
func quickTwoSum(a, b float64) dd {
	s := a + b
	return dd{s, b - (s - a)}
}

func (a dd) Add(b dd) dd {
	s, e := twoSum(a.hi, b.hi)
	t, f := twoSum(a.lo, b.lo)
	e += t
	r := quickTwoSum(s, e)
	r.lo += f
	return quickTwoSum(r.hi, r.lo)
}

func (a dd) neg() dd        { return dd{-a.hi, -a.lo} }
func (a dd) Sub(b dd) dd    { return a.Add(b.neg()) }
func (a dd) Float() float64 { return a.hi + a.lo }

func (a dd) Mul(b dd) dd {
	p := a.hi * b.hi
	e := math.FMA(a.hi, b.hi, -p)
	e += a.hi*b.lo + a.lo*b.hi
	return quickTwoSum(p, e)
}

func (a dd) mulF(b float64) dd {
	p := a.hi * b
	e := math.FMA(a.hi, b, -p)
	e += a.lo * b
	return quickTwoSum(p, e)
}

func (a dd) Div(b dd) dd {
	q1 := a.hi / b.hi
	r := a.Sub(b.mulF(q1))
	q2 := r.hi / b.hi
	r = r.Sub(b.mulF(q2))
	q3 := r.hi / b.hi
	return quickTwoSum(q1, q2).Add(ddOf(q3))
}

var ddLn2 = dd{0.6931471805599453, 2.3190468138462996e-17}

// Exp: e^a = 2^k · (e^{r/1024})^1024 with a = k ln 2 + r, the inner power by a
// Taylor series of e^x − 1 and ten squarings in the form (s+1)² − 1 = s(s+2).
func (a dd) Exp() dd {
	if a.hi > 700 || a.hi < -700 {
		return ddOf(math.Exp(a.hi))
	}
	k := math.Round(a.hi / ddLn2.hi)
	r := a.Sub(ddLn2.mulF(k))
	r = dd{r.hi / 1024, r.lo / 1024}
	s := r
	term := r
	for n := 2; n <= 14; n++ {
		term = term.Mul(r).Div(ddOf(float64(n)))
		s = s.Add(term)
	}
	for range 10 {
		s = s.Mul(s.Add(ddOf(2)))
	}
	e := s.Add(ddOf(1))
	return dd{math.Ldexp(e.hi, int(k)), math.Ldexp(e.lo, int(k))}
}

// Log: one Newton step y ← y + a·e^{−y} − 1 from the float64 logarithm.
func (a dd) Log() dd {
	y := ddOf(math.Log(a.hi))
	return y.Add(a.Mul(y.neg().Exp())).Sub(ddOf(1))
}

func TestDoubleDouble(t *testing.T) {
	e := ddOf(1).Exp()
	if e.hi != math.E || math.Abs(e.lo-1.4456468917292502e-16) > 1e-31 {
		t.Errorf("e = %v + %v", e.hi, e.lo)
	}
	if l := e.Log().Sub(ddOf(1)); math.Abs(l.Float()) > 1e-30 {
		t.Errorf("log e − 1 = %g", l.Float())
	}
	third := ddOf(1).Div(ddOf(3))
	if r := third.Mul(ddOf(3)).Sub(ddOf(1)); math.Abs(r.Float()) > 1e-31 {
		t.Errorf("3·(1/3) − 1 = %g", r.Float())
	}
	for _, x := range []float64{-3, -0.5, -1e-6, 0, 1e-6, 0.25, 2, 9} {
		if got, want := refTanh(ddOf(x)).Float(), math.Tanh(x); math.Abs(got-want) > 4e-16*math.Max(math.Abs(want), 1e-300) {
			t.Errorf("tanh(%g) = %.17g, math.Tanh %.17g", x, got, want)
		}
		if got, want := refSigmoid(ddOf(x)).Float(), 1/(1+math.Exp(-x)); math.Abs(got-want) > 4e-16 {
			t.Errorf("σ(%g) = %.17g, want %.17g", x, got, want)
		}
		// e^{x+δ} − e^{x−δ} = 2 e^x sinh δ: the difference of two nearby values
		// must be right to far more digits than float64 holds.
		d := 1e-9
		got := ddOf(x).Add(ddOf(d)).Exp().Sub(ddOf(x).Sub(ddOf(d)).Exp()).Float()
		want := 2 * math.Exp(x) * math.Sinh(d)
		if math.Abs(got-want) > 1e-14*want {
			t.Errorf("e^(%g+δ) − e^(%g−δ) = %.17g, want %.17g", x, x, got, want)
		}
	}
}

// TestGradientCheckDirectional covers sizes where the package's blocked kernels
// run their main loops and their tails (H up to 33, V up to 40, G·H up to 132),
// with stacked layers, where checking every parameter one by one would be slow:
// it compares the directional derivative (L(θ+εd) − L(θ−εd))/2ε of the reference
// loss along random directions d, which move every parameter, h₀, c₀ and x at
// once, with the analytic ∇L·d.
func TestGradientCheckDirectional(t *testing.T) {
	i := 0
	for _, cell := range []Cell{CellLSTM, CellRNN} {
		for _, kind := range []Kind{Text, Numbers} {
			for _, layers := range []int{1, 2} {
				for _, size := range []struct{ H, V, T int }{{5, 7, 9}, {9, 11, 4}, {17, 3, 6}, {33, 40, 3}} {
					c := gcCase{cell, kind, layers, size.H, size.V, size.T, true}
					if kind == Numbers {
						c.V = 1
					}
					i++
					t.Run(c.String(), func(t *testing.T) {
						directionalCheck(t, newGCProblem(c, uint64(500+i)), uint64(i))
					})
				}
			}
		}
	}
}

func directionalCheck(t *testing.T, pr *gcProblem, seed uint64) {
	c := pr.c
	g, dh0, dc0, dx, _ := pr.analytic(t)
	rng := rand.New(rand.NewPCG(seed, 99))
	random := func(n int) []float64 {
		v := make([]float64, n)
		for i := range v {
			v[i] = 2*rng.Float64() - 1
		}
		return v
	}
	dot := func(a, b []float64) float64 {
		var s float64
		for i := range a {
			s += a[i] * b[i]
		}
		return s
	}
	for dir := range 4 {
		// Direction 0 moves the parameters only; the others move the state and
		// the input too.
		dp := random(len(pr.p.Data))
		dH, dC, dX := make([]float64, c.H), make([]float64, c.H), make([]float64, len(dx))
		if dir > 0 {
			dH, dC, dX = random(c.H), random(c.H), random(len(dx))
		}
		// A unit direction, so that the step is ε as in the element-wise check.
		norm := math.Sqrt(dot(dp, dp) + dot(dH, dH) + dot(dC, dC) + dot(dX, dX))
		for _, v := range [][]float64{dp, dH, dC, dX} {
			for i := range v {
				v[i] /= norm
			}
		}
		analytic := dot(g.Data, dp) + dot(dh0, dH) + dot(dx, dX)
		if c.cell == CellLSTM {
			analytic += dot(dc0, dC)
		}
		nudged := func(e float64) dd {
			return pr.refLoss(func(rp *refParams[dd], h0, c0 [][]dd, x []dd) {
				k := 0
				for _, v := range rp.views() {
					for i := range v {
						v[i] = v[i].Add(ddOf(e).mulF(dp[k]))
						k++
					}
				}
				for j := range dH {
					h0[0][j] = h0[0][j].Add(ddOf(e).mulF(dH[j]))
					c0[0][j] = c0[0][j].Add(ddOf(e).mulF(dC[j]))
				}
				for j := range dX {
					x[j] = x[j].Add(ddOf(e).mulF(dX[j]))
				}
			})
		}
		numeric := nudged(gcEps).Sub(nudged(-gcEps)).Float() / (2 * gcEps)
		if !gradAgrees(analytic, numeric) {
			t.Errorf("direction %d: ∇L·d analytic %.12g, numeric %.12g, rel %.3g", dir, analytic, numeric, relErr(analytic, numeric))
		}
	}
}
