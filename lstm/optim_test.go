package lstm

import (
	"math"
	"slices"
	"testing"
)

// The expected values below are written out from each rule's documented
// formula with the hyperparameters of NewUpdater (ρ = 0.9 for RMSProp; β₁ = 0.9,
// β₂ = 0.999 and ε = 1e-8 for Adam, the defaults of Kingma and Ba, PyTorch and
// Keras; ε = 1e-8 for RMSProp).

// closeTo reports whether got and want agree to a few ulp.
func closeTo(got, want float64) bool {
	return math.Abs(got-want) <= 1e-14*math.Max(1, math.Abs(want))
}

func checkVec(t *testing.T, what string, got, want []float64) {
	t.Helper()
	for i := range want {
		if !closeTo(got[i], want[i]) {
			t.Errorf("%s[%d] = %.17g, want %.17g", what, i, got[i], want[i])
		}
	}
}

// runUpdates applies the optimizer of cfg to params for each gradient in turn
// and returns the parameters after each step. It also checks that Update leaves
// the gradient untouched.
func runUpdates(t *testing.T, cfg Config, params []float64, grads ...[]float64) [][]float64 {
	t.Helper()
	u := NewUpdater(cfg, len(params))
	p := slices.Clone(params)
	var out [][]float64
	for _, g := range grads {
		g0 := slices.Clone(g)
		u.Update(p, g)
		if !slices.Equal(g, g0) {
			t.Errorf("%v: Update modified the gradient: %v → %v", cfg.Optimizer, g0, g)
		}
		out = append(out, slices.Clone(p))
	}
	return out
}

func TestSGDMomentum(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Optimizer, cfg.LearningRate, cfg.Momentum = SGD, 0.1, 0.9
	g1 := []float64{0.5, -1, 0, 2}
	g2 := []float64{1, 0, -0.25, 2}
	got := runUpdates(t, cfg, []float64{1, -2, 3, 0}, g1, g2)
	// v₁ = g₁ = (0.5, −1, 0, 2); θ₁ = θ₀ − 0.1 v₁
	checkVec(t, "θ₁", got[0], []float64{0.95, -1.9, 3, -0.2})
	// v₂ = 0.9 v₁ + g₂ = (1.45, −0.9, −0.25, 3.8); θ₂ = θ₁ − 0.1 v₂
	checkVec(t, "θ₂", got[1], []float64{0.805, -1.81, 3.025, -0.58})

	cfg.Momentum = 0 // plain SGD
	got = runUpdates(t, cfg, []float64{1, -2, 3, 0}, g1, g2)
	checkVec(t, "θ₂ (μ=0)", got[1], []float64{1 - 0.05 - 0.1, -2 + 0.1, 3 + 0.025, 0 - 0.2 - 0.2})
}

func TestRMSProp(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Optimizer, cfg.LearningRate = RMSProp, 0.01
	g1 := []float64{0.5, -1, 0}
	g2 := []float64{-0.5, 3, 1e-3}
	got := runUpdates(t, cfg, []float64{1, -2, 3}, g1, g2)
	// s₁ = 0.1 g₁²; θ₁ = θ₀ − 0.01 g₁ / (√s₁ + 1e-8)
	s1 := []float64{0.1 * 0.25, 0.1 * 1, 0}
	th1 := []float64{
		1 - 0.01*0.5/(math.Sqrt(s1[0])+1e-8),
		-2 + 0.01*1/(math.Sqrt(s1[1])+1e-8),
		3,
	}
	checkVec(t, "θ₁", got[0], th1)
	// A first step of RMSProp moves each parameter by about η/√(1−ρ) = 0.0316.
	if d := 1 - got[0][0]; math.Abs(d-0.01/math.Sqrt(0.1)) > 1e-8 {
		t.Errorf("first step %g, want ≈ %g", d, 0.01/math.Sqrt(0.1))
	}
	// s₂ = 0.9 s₁ + 0.1 g₂²
	s2 := []float64{0.9*s1[0] + 0.1*0.25, 0.9*s1[1] + 0.1*9, 0.1 * 1e-6}
	checkVec(t, "θ₂", got[1], []float64{
		th1[0] + 0.01*0.5/(math.Sqrt(s2[0])+1e-8),
		th1[1] - 0.01*3/(math.Sqrt(s2[1])+1e-8),
		th1[2] - 0.01*1e-3/(math.Sqrt(s2[2])+1e-8),
	})
}

func TestAdam(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Optimizer, cfg.LearningRate = Adam, 0.01
	g1 := []float64{0.5, -1, 0, 4}
	g2 := []float64{-0.5, 3, 1e-3, 4}
	got := runUpdates(t, cfg, []float64{1, -2, 3, 0}, g1, g2)
	// t = 1: m = 0.1 g, v = 0.001 g², m̂ = g, v̂ = g²: the step is η g/(|g|+ε),
	// η in the direction of −g whatever the size of g (the point of bias
	// correction; without it the first step would be η·0.1/√0.001 ≈ 3.16 η).
	step1 := func(g float64) float64 {
		if g == 0 {
			return 0
		}
		m, v := 0.1*g, 0.001*g*g
		return 0.01 * (m / 0.1) / (math.Sqrt(v/0.001) + 1e-8)
	}
	th1 := []float64{1 - step1(0.5), -2 - step1(-1), 3, 0 - step1(4)}
	checkVec(t, "θ₁", got[0], th1)
	for i, g := range g1 {
		if g != 0 && math.Abs(math.Abs(got[0][i]-[]float64{1, -2, 3, 0}[i])-0.01) > 1e-9 {
			t.Errorf("θ₁[%d] moved by %g, want 0.01", i, got[0][i]-[]float64{1, -2, 3, 0}[i])
		}
	}
	// t = 2: m = 0.9 m₁ + 0.1 g₂, v = 0.999 v₁ + 0.001 g₂², m̂ = m/(1−0.9²), v̂ = v/(1−0.999²)
	want := make([]float64, 4)
	for i := range want {
		m := 0.9*(0.1*g1[i]) + 0.1*g2[i]
		v := 0.999*(0.001*g1[i]*g1[i]) + 0.001*g2[i]*g2[i]
		mh := m / (1 - 0.9*0.9)
		vh := v / (1 - 0.999*0.999)
		want[i] = th1[i] - 0.01*mh/(math.Sqrt(vh)+1e-8)
	}
	checkVec(t, "θ₂", got[1], want)
	// A constant gradient keeps the step at η g/(|g|+ε): θ₂[3] = θ₀[3] − 2η·4/(4+ε).
	if want := -2 * 0.01 * 4 / (4 + 1e-8); !closeTo(got[1][3], want) {
		t.Errorf("θ₂[3] = %.17g after two equal gradients, want %.17g", got[1][3], want)
	}
}

func TestNewUpdaterUsesConfig(t *testing.T) {
	// The same gradient under each rule gives each rule's first step.
	for _, tc := range []struct {
		opt  Optimizer
		lr   float64
		want float64 // θ₁ for θ₀ = 1, g = 2
	}{
		{SGD, 0.1, 1 - 0.1*2},
		{RMSProp, 0.1, 1 - 0.1*2/(math.Sqrt(0.1*4)+1e-8)},
		{Adam, 0.1, 1 - 0.1*2/(2+1e-8)},
	} {
		cfg := DefaultConfig()
		cfg.Optimizer, cfg.LearningRate = tc.opt, tc.lr
		got := runUpdates(t, cfg, []float64{1}, []float64{2})
		if !closeTo(got[0][0], tc.want) {
			t.Errorf("%v: θ₁ = %.17g, want %.17g", tc.opt, got[0][0], tc.want)
		}
	}
}

func TestClipElementwise(t *testing.T) {
	g := []float64{3, -7, 0.5, -0.5, 2, -2, 0, 1e300}
	n := ClipElementwise(g, 2)
	if want := []float64{2, -2, 0.5, -0.5, 2, -2, 0, 2}; !slices.Equal(g, want) {
		t.Errorf("clipped to %v, want %v", g, want)
	}
	// Values exactly at the limit are not counted as clipped.
	if n != 3 {
		t.Errorf("ClipElementwise returned %d, want 3", n)
	}
	if n := ClipElementwise(g, 2); n != 0 {
		t.Errorf("clipping again changed %d values", n)
	}
}

func TestClipGlobalNorm(t *testing.T) {
	g := []float64{3, 4, 0} // ‖g‖ = 5
	if !ClipGlobalNorm(g, 5, 2.5) {
		t.Error("a norm of 5 above a limit of 2.5 was not clipped")
	}
	checkVec(t, "g", g, []float64{1.5, 2, 0})
	if got := math.Sqrt(SumSquares(g)); !closeTo(got, 2.5) {
		t.Errorf("norm after clipping %g, want 2.5", got)
	}
	g = []float64{3, 4, 0}
	if ClipGlobalNorm(g, 5, 5) || ClipGlobalNorm(g, 5, 6) {
		t.Error("a norm at or below the limit was clipped")
	}
	if !slices.Equal(g, []float64{3, 4, 0}) {
		t.Errorf("g changed to %v", g)
	}
}

func TestSumSquares(t *testing.T) {
	for n := 0; n <= 9; n++ {
		g := make([]float64, n)
		want := 0.0
		for i := range g {
			g[i] = float64(i) - 2.5
			want += g[i] * g[i]
		}
		if got := SumSquares(g); got != want {
			t.Errorf("n=%d: SumSquares = %g, want %g", n, got, want)
		}
	}
}
