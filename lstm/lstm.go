package lstm

// lstmStep computes one LSTM step of layer L:
//
//	a      = Wx x_t + U h_{t−1} + b        (4H pre-activations, GateOrder)
//	zⁱ, zᶠ, z, zᵒ = σ, σ, tanh, σ of the four blocks of a (written over a, in gates)
//	c_t    = zᶠ ⊙ c_{t−1} + zⁱ ⊙ z
//	h_t    = zᵒ ⊙ tanh(c_t)
//
// x_t is the one-hot index xid if xid ≥ 0, else the dense row x. gates (4H), c,
// tc (= tanh c_t) and h (H) are written; hPrev and cPrev are read. ivs clamp
// units of c or h.
func lstmStep(L *Layer, xid int32, x, hPrev, cPrev, gates, c, tc, h []float64, ivs []Intervention) {
	H := L.H
	a := gates[:4*H]
	copy(a, L.B)
	inputAdd(a, L, xid, x)
	matVecAdd(a, L.U, hPrev)
	zi := a[0*H : 1*H]
	zf := a[1*H : 2*H]
	z := a[2*H : 3*H]
	zo := a[3*H : 4*H]
	c = c[:H]
	cPrev = cPrev[:H]
	tc = tc[:H]
	h = h[:H]
	j0 := 0
	if simd {
		j0 = simdLSTMGates(a, cPrev, c, tc, h) // the same loop, two units at a time
	}
	for j := j0; j < H; j++ {
		zi[j] = sigmoid(zi[j])             // zⁱ = σ(·)
		zf[j] = sigmoid(zf[j])             // zᶠ = σ(·)
		z[j] = tanh(z[j])                  // z = tanh(·)
		zo[j] = sigmoid(zo[j])             // zᵒ = σ(·)
		c[j] = zf[j]*cPrev[j] + zi[j]*z[j] // c_t = zᶠ⊙c_{t−1} + zⁱ⊙z
		tc[j] = tanh(c[j])                 // tanh(c_t)
		h[j] = zo[j] * tc[j]               // h_t = zᵒ⊙tanh(c_t)
	}
	for _, iv := range ivs {
		j := iv.Unit
		if iv.State == StateC {
			c[j] = iv.Value
			tc[j] = tanh(c[j])
			h[j] = zo[j] * tc[j]
		} else {
			h[j] = iv.Value
		}
	}
}
