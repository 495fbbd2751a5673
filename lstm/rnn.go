package lstm

// rnnStep computes one plain RNN step of layer L:
//
//	h_t = tanh(W x_t + U h_{t−1} + b)
//
// x_t is the one-hot index xid if xid ≥ 0, else the dense row x. h (H) is
// written; hPrev is read. ivs clamp units of h.
func rnnStep(L *Layer, xid int32, x, hPrev, h []float64, ivs []Intervention) {
	a := h[:L.H]
	copy(a, L.B)
	inputAdd(a, L, xid, x)
	matVecAdd(a, L.U, hPrev)
	j0 := 0
	if simd {
		j0 = simdTanh(a)
	}
	for j := j0; j < len(a); j++ {
		a[j] = tanh(a[j]) // h_t = tanh(·)
	}
	for _, iv := range ivs {
		if iv.State == StateH {
			h[iv.Unit] = iv.Value
		}
	}
}
