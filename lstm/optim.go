package lstm

import "math"

// Updater applies one optimizer step to flat parameter and gradient slices of
// equal length. Its state is sized at construction.
type Updater interface {
	// Update moves params against grads. It reads grads and never modifies them.
	Update(params, grads []float64)
}

// NewUpdater returns the update rule of cfg for n parameters.
func NewUpdater(cfg Config, n int) Updater {
	switch cfg.Optimizer {
	case RMSProp:
		return &RMSPropUpdater{LR: cfg.LearningRate, Rho: 0.9, Eps: 1e-8, ms: make([]float64, n)}
	case SGD:
		return &SGDUpdater{LR: cfg.LearningRate, Momentum: cfg.Momentum, vel: make([]float64, n)}
	default:
		return &AdamUpdater{LR: cfg.LearningRate, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, m: make([]float64, n), v: make([]float64, n)}
	}
}

// SGDUpdater is stochastic gradient descent with momentum, in PyTorch's form:
//
//	v ← μ v + g
//	θ ← θ − η v
type SGDUpdater struct {
	LR, Momentum float64
	vel          []float64
}

// Update applies one step.
func (o *SGDUpdater) Update(params, grads []float64) {
	lr, mu := o.LR, o.Momentum
	vel := o.vel[:len(params)]
	grads = grads[:len(params)]
	for i := range params {
		vel[i] = mu*vel[i] + grads[i]
		params[i] -= lr * vel[i]
	}
}

// RMSPropUpdater divides the step by a running root mean square of the gradient
// (Hinton, Neural Networks for Machine Learning, lecture 6e):
//
//	s ← ρ s + (1−ρ) g²
//	θ ← θ − η g / (√s + ε)
type RMSPropUpdater struct {
	LR, Rho, Eps float64
	ms           []float64
}

// Update applies one step.
func (o *RMSPropUpdater) Update(params, grads []float64) {
	lr, rho, eps := o.LR, o.Rho, o.Eps
	ms := o.ms[:len(params)]
	grads = grads[:len(params)]
	for i, g := range grads {
		ms[i] = rho*ms[i] + (1-rho)*g*g
		params[i] -= lr * g / (math.Sqrt(ms[i]) + eps)
	}
}

// AdamUpdater is Adam with bias correction (Kingma and Ba 2015, algorithm 1):
//
//	m ← β₁ m + (1−β₁) g
//	v ← β₂ v + (1−β₂) g²
//	θ ← θ − η m̂ / (√v̂ + ε),  m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ)
type AdamUpdater struct {
	LR, Beta1, Beta2, Eps float64
	t                     int
	m, v                  []float64
}

// Update applies one step.
func (o *AdamUpdater) Update(params, grads []float64) {
	o.t++
	b1, b2 := o.Beta1, o.Beta2
	c1 := 1 / (1 - math.Pow(b1, float64(o.t))) // 1/(1−β₁ᵗ)
	c2 := 1 / (1 - math.Pow(b2, float64(o.t))) // 1/(1−β₂ᵗ)
	m := o.m[:len(params)]
	v := o.v[:len(params)]
	grads = grads[:len(params)]
	if simd && len(params) > 0 {
		simdAdam(params, grads, m, v, o.LR, b1, b2, c1, c2, o.Eps)
		return
	}
	adamGo(params, grads, m, v, o.LR, b1, b2, c1, c2, o.Eps)
}

// adamGo is one Adam step in Go, with the bias corrections c1 = 1/(1−β₁ᵗ) and
// c2 = 1/(1−β₂ᵗ) given.
func adamGo(params, grads, m, v []float64, lr, b1, b2, c1, c2, eps float64) {
	m = m[:len(params)]
	v = v[:len(params)]
	grads = grads[:len(params)]
	for i, g := range grads {
		m[i] = b1*m[i] + (1-b1)*g
		v[i] = b2*v[i] + (1-b2)*g*g
		params[i] -= lr * (m[i] * c1) / (math.Sqrt(v[i]*c2) + eps)
	}
}

// ClipElementwise clamps every element of g to [−limit, limit] and returns how many
// it changed. limit must be positive; g must be finite (NaN may become ±limit).
func ClipElementwise(g []float64, limit float64) int {
	if simd && len(g) > 0 {
		return simdClip(g, limit)
	}
	return clipElementwiseGo(g, limit)
}

// clipElementwiseGo is ClipElementwise in Go.
func clipElementwiseGo(g []float64, limit float64) int {
	n := 0
	for i, v := range g {
		// Plain compares: Go's builtin min and max compile to slow code on wasm.
		if v > limit {
			g[i] = limit
			n++
		} else if v < -limit {
			g[i] = -limit
			n++
		}
	}
	return n
}

// ClipGlobalNorm rescales g so that its L2 norm, given as norm, is at most limit. It
// returns whether it rescaled.
func ClipGlobalNorm(g []float64, norm, limit float64) bool {
	if !(norm > limit) {
		return false
	}
	s := limit / norm
	for i := range g {
		g[i] *= s
	}
	return true
}

// SumSquares returns Σ g[i]².
func SumSquares(g []float64) float64 {
	if simd && len(g) > 0 {
		return simdSumSq(g)
	}
	return sumSquaresGo(g)
}

// sumSquaresGo is SumSquares in Go.
func sumSquaresGo(g []float64) float64 {
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+4 <= len(g); i += 4 {
		x := g[i : i+4 : i+4]
		s0 += x[0] * x[0]
		s1 += x[1] * x[1]
		s2 += x[2] * x[2]
		s3 += x[3] * x[3]
	}
	for ; i < len(g); i++ {
		s0 += g[i] * g[i]
	}
	return (s0 + s1) + (s2 + s3)
}
