package lstm

// net holds the parameters of a model and the preallocated buffers of one
// window of up to tmax steps: the forward trace and the backward scratch. After
// construction nothing on the forward–backward path allocates.
type net struct {
	p    *Params
	kind Kind
	tmax int
	uT   [][]float64 // per layer (H, G·H): Uᵀ, for ∂L/∂h_{t−1} = Uᵀ da_t (pure Go only)
	tr   Trace

	y      []float64 // (tmax, Y) logits (text) or predictions (numbers)
	prob   []float64 // (tmax, Y) softmax of y (text)
	dy     []float64 // (tmax, Y) ∂L/∂y
	dh     []float64 // (tmax, max(X,H)) ∂L/∂h_t arriving from above
	dx     []float64 // (tmax, max(X,H)) ∂L/∂x_t leaving to the layer below
	da     []float64 // (tmax, G·H) ∂L/∂a_t, the pre-activation gradients
	dhNext []float64 // (H) ∂L/∂h_{t−1} carried back in time
	dcNext []float64 // (H) ∂L/∂c_{t−1} carried back in time

	ivs [][]Intervention // per layer, set by forward's caller

	rec *record // nil but in Trainer.StepRecorded: what one update does, step by step
}

// input is a window's input to the first layer: one-hot indices or dense rows.
type input struct {
	ids   []int32   // one-hot: x_t = e_{ids[t]}
	dense []float64 // (T, X) dense rows, when ids is nil
}

func newNet(p *Params, kind Kind, tmax int) *net {
	h := p.Hidden()
	g := p.Cell.Gates()
	x := p.Layers[0].X
	w := max(x, h)
	n := &net{
		p: p, kind: kind, tmax: tmax,
		uT:     make([][]float64, len(p.Layers)),
		tr:     newTrace(p.Cell, len(p.Layers), tmax, h),
		y:      make([]float64, tmax*p.Y),
		prob:   make([]float64, tmax*p.Y),
		dy:     make([]float64, tmax*p.Y),
		dh:     make([]float64, tmax*w),
		dx:     make([]float64, tmax*w),
		da:     make([]float64, tmax*g*h),
		dhNext: make([]float64, h),
		dcNext: make([]float64, h),
		ivs:    make([][]Intervention, len(p.Layers)),
	}
	if !simd { // the kernels read U itself (simdMatVecT)
		for l := range n.uT {
			n.uT[l] = make([]float64, g*h*h)
		}
	}
	n.refresh()
	return n
}

// refresh recomputes the transposed recurrent weights after the parameters
// change; with the SIMD kernels there are none to recompute.
func (n *net) refresh() {
	if simd {
		return
	}
	for l, L := range n.p.Layers {
		transpose(n.uT[l], L.U, L.G*L.H, L.H)
	}
}

// setState sets the initial state h_0 (and c_0) of layer l of the trace.
func (n *net) setState(l int, h0, c0 []float64) {
	H := n.tr.H
	copy(n.tr.Layers[l].H[:H], h0)
	if c0 != nil && n.tr.Layers[l].C != nil {
		copy(n.tr.Layers[l].C[:H], c0)
	}
}

// finalState copies the state after step T of layer l into h and c.
func (n *net) finalState(l int, h, c []float64) {
	H, T := n.tr.H, n.tr.T
	copy(h, n.tr.Layers[l].H[T*H:(T+1)*H])
	if c != nil && n.tr.Layers[l].C != nil {
		copy(c, n.tr.Layers[l].C[T*H:(T+1)*H])
	}
}

// forward runs every layer over T steps of in, from the initial states already
// in the trace's row 0, and overwrites the trace.
func (n *net) forward(in input, T int) {
	if T < 1 || T > n.tmax {
		panic("lstm: window length out of range")
	}
	n.tr.T = T
	H := n.tr.H
	for l := range n.p.Layers {
		L := &n.p.Layers[l]
		lt := &n.tr.Layers[l]
		var ids []int32
		var dense []float64
		if l == 0 {
			ids, dense = in.ids, in.dense
		} else {
			dense = n.tr.Layers[l-1].H[H : (T+1)*H]
		}
		for t := 0; t < T; t++ {
			var xid int32 = -1
			var x []float64
			if ids != nil {
				xid = ids[t]
			} else {
				x = dense[t*L.X : (t+1)*L.X]
			}
			hPrev := lt.H[t*H : (t+1)*H]
			h := lt.H[(t+1)*H : (t+2)*H]
			if n.p.Cell == CellLSTM {
				lstmStep(L, xid, x, hPrev, lt.C[t*H:(t+1)*H], lt.Gates[t*4*H:(t+1)*4*H], lt.C[(t+1)*H:(t+2)*H], lt.TanhC[t*H:(t+1)*H], h, n.ivs[l])
			} else {
				rnnStep(L, xid, x, hPrev, h, n.ivs[l])
			}
		}
	}
}

// inputAdd sets a += Wx x_t for a one-hot index xid (if ≥ 0) or a dense row x.
func inputAdd(a []float64, L *Layer, xid int32, x []float64) {
	gh := L.G * L.H
	if xid >= 0 {
		add(a, L.Wx[int(xid)*gh:int(xid+1)*gh])
		return
	}
	for k, xk := range x {
		if xk != 0 {
			axpy(a, xk, L.Wx[k*gh:(k+1)*gh])
		}
	}
}

// head computes the output of step t (0-based) from the top layer's h_{t+1}:
// y_t = Wʸ h_t + bʸ, and for text p_t = softmax(y_t). It returns log Σ exp(y_t)
// for text and 0 for numbers.
func (n *net) head(t int) float64 {
	H, Y := n.tr.H, n.p.Y
	top := n.tr.Layers[len(n.tr.Layers)-1].H
	y := n.y[t*Y : (t+1)*Y]
	copy(y, n.p.By)
	matVecAdd(y, n.p.Wy, top[(t+1)*H:(t+2)*H]) // y_t = Wʸ h_t + bʸ
	if n.kind == Numbers {
		return 0
	}
	return softmax(n.prob[t*Y:(t+1)*Y], y)
}

// loss computes the head on the top layer's h_1 … h_T and returns the mean loss
// over the T steps against targets (text) or values (numbers); it fills dy with
// ∂L/∂y. For text, targets[t] is the index scored at step t; for numbers,
// values[t] is the normalised value.
func (n *net) loss(targets []int32, values []float64) float64 {
	T, Y := n.tr.T, n.p.Y
	invT := 1 / float64(T)
	var sum float64
	for t := 0; t < T; t++ {
		lse := n.head(t)
		y := n.y[t*Y : (t+1)*Y]
		dy := n.dy[t*Y : (t+1)*Y]
		if n.kind == Numbers {
			diff := y[0] - values[t]
			if n.rec != nil {
				n.rec.stepLoss[t] = diff * diff
			}
			sum += diff * diff // (y_t − target_t)²
			dy[0] = 2 * diff * invT
			continue
		}
		k := targets[t]
		if n.rec != nil {
			n.rec.stepLoss[t] = lse - y[k]
		}
		sum += lse - y[k] // −log p_t[target_t] = log Σ exp(y_t) − y_t[target_t]
		for v, pv := range n.prob[t*Y : (t+1)*Y] {
			dy[v] = pv * invT // ∂L/∂y = (p − onehot)/T
		}
		dy[k] -= invT
	}
	return sum * invT
}

// softmax sets p = softmax(y) and returns log Σ exp(y), computed from the maximum
// so that neither overflows.
func softmax(p, y []float64) float64 {
	m := y[0]
	for _, v := range y[1:] {
		if v > m {
			m = v
		}
	}
	var s float64
	v0 := 0
	if simd {
		v0, s = simdExpShift(p, y, m) // the same loop, two at a time
	}
	for v := v0; v < len(y); v++ {
		e := exp(y[v] - m)
		p[v] = e
		s += e
	}
	inv := 1 / s
	for v := range p {
		p[v] *= inv
	}
	return m + log(s)
}

// backward backpropagates dy through the head and every layer of the last
// forward pass and accumulates the gradients into g. If wantDX, the gradient
// with respect to the first layer's dense input is left in n.dx (T, X). If reach
// is not nil, reach[l][t] receives ‖∂L/∂h_t‖ of layer l for t = 1 … T (index t−1).
// After it returns, dhNext and dcNext hold ∂L/∂h_0 and ∂L/∂c_0 of layer 0.
func (n *net) backward(g *Params, in input, wantDX bool, reach [][]float64) {
	T, H, Y := n.tr.T, n.tr.H, n.p.Y
	top := n.tr.Layers[len(n.tr.Layers)-1].H
	// backprop into the head: dWʸ += Σ_t dy_t h_tᵀ, dbʸ += Σ_t dy_t, dh_t = Wʸᵀ dy_t
	addMulTN(g.Wy, Y, H, n.dy, top[H:(T+1)*H], T)
	for t := 0; t < T; t++ {
		add(g.By, n.dy[t*Y:(t+1)*Y])
	}
	clear(n.dh[:T*H])
	addMulNN(n.dh, T, H, n.dy, Y, n.p.Wy)
	for l := len(n.p.Layers) - 1; l >= 0; l-- {
		var ids []int32
		var dense []float64
		if l == 0 {
			ids, dense = in.ids, in.dense
		} else {
			dense = n.tr.Layers[l-1].H[H : (T+1)*H]
		}
		var r []float64
		if reach != nil {
			r = reach[l]
		}
		n.layerBackward(l, g, ids, dense, l > 0 || wantDX, r)
		n.dh, n.dx = n.dx, n.dh
	}
	n.dh, n.dx = n.dx, n.dh // leave the first layer's ∂L/∂x in n.dx
}

// layerBackward backpropagates n.dh (T, H), the gradient arriving at layer l's
// h_t from above, through the recurrence of layer l: it accumulates the layer's
// weight gradients into g and, if wantDX, writes ∂L/∂x_t into n.dx.
func (n *net) layerBackward(l int, g *Params, ids []int32, dense []float64, wantDX bool, reach []float64) {
	L := &n.p.Layers[l]
	G := &g.Layers[l]
	lt := &n.tr.Layers[l]
	T, H := n.tr.T, L.H
	gh := L.G * H
	dhNext, dcNext := n.dhNext, n.dcNext
	clear(dhNext)
	clear(dcNext)
	uT := n.uT[l]
	for t := T - 1; t >= 0; t-- {
		dhAbove := n.dh[t*H : (t+1)*H]
		da := n.da[t*gh : (t+1)*gh]
		if reach != nil {
			var s float64
			for j := range dhNext {
				d := dhAbove[j] + dhNext[j]
				s += d * d
			}
			reach[t] = sqrt(s)
		}
		if n.rec != nil {
			n.rec.stateGrads(l, t, lt, dhAbove, dhNext, dcNext)
		}
		if L.G == 1 {
			h := lt.H[(t+1)*H : (t+2)*H]
			for j := range da {
				dh := dhAbove[j] + dhNext[j] // ∂L/∂h_t
				da[j] = dh * (1 - h[j]*h[j]) // backprop through tanh
			}
		} else {
			lstmStepBack(da, lt.Gates[t*gh:(t+1)*gh], lt.C[t*H:(t+1)*H], lt.TanhC[t*H:(t+1)*H], dhAbove, dhNext, dcNext)
		}
		// backprop into h_{t−1}: dhNext = Uᵀ da_t
		clear(dhNext)
		if simd {
			simdMatVecT(dhNext, L.U, da)
		} else {
			matVecAdd(dhNext, uT, da)
		}
	}
	// backprop into the weights, once per window:
	// dU += Σ_t da_t h_{t−1}ᵀ, db += Σ_t da_t, dWx += Σ_t x_t da_tᵀ
	addMulTN(G.U, gh, H, n.da, lt.H[:T*H], T)
	for t := 0; t < T; t++ {
		add(G.B, n.da[t*gh:(t+1)*gh])
	}
	if ids != nil {
		for t, k := range ids[:T] {
			add(G.Wx[int(k)*gh:int(k+1)*gh], n.da[t*gh:(t+1)*gh])
		}
	} else {
		addMulTN(G.Wx, L.X, gh, dense, n.da, T)
	}
	if wantDX {
		// backprop into x_t: dx_t = Wx da_t
		X := L.X
		for t := 0; t < T; t++ {
			dx := n.dx[t*X : (t+1)*X]
			clear(dx)
			matVecAdd(dx, L.Wx, n.da[t*gh:(t+1)*gh])
		}
	}
}

// lstmStepBack backpropagates one LSTM step: from ∂L/∂h_t = dhAbove + dhNext
// and ∂L/∂c_t's part from step t+1 (dcNext), given the step's gates (4H), c_{t−1}
// and tanh(c_t), it writes ∂L/∂a_t into da (4H) and ∂L/∂c_{t−1} into dcNext.
func lstmStepBack(da, gates, cPrev, tc, dhAbove, dhNext, dcNext []float64) {
	j0 := 0
	if simd {
		j0 = simdLSTMStepBack(da, gates, cPrev, tc, dhAbove, dhNext, dcNext) // the same loop, two units at a time
	}
	lstmStepBackGo(da, gates, cPrev, tc, dhAbove, dhNext, dcNext, j0)
}

// lstmStepBackGo is lstmStepBack's loop in Go, for the units from j0 on.
func lstmStepBackGo(da, gates, cPrev, tc, dhAbove, dhNext, dcNext []float64, j0 int) {
	H := len(dcNext)
	zi := gates[0*H : 1*H]
	zf := gates[1*H : 2*H]
	z := gates[2*H : 3*H]
	zo := gates[3*H : 4*H]
	dzi := da[0*H : 1*H]
	dzf := da[1*H : 2*H]
	dz := da[2*H : 3*H]
	dzo := da[3*H : 4*H]
	cPrev, tc, dhAbove, dhNext = cPrev[:H], tc[:H], dhAbove[:H], dhNext[:H]
	for j := j0; j < H; j++ {
		dh := dhAbove[j] + dhNext[j]                 // ∂L/∂h_t
		dc := dcNext[j] + dh*zo[j]*(1-tc[j]*tc[j])   // ∂L/∂c_t through h_t = zᵒ⊙tanh(c_t)
		dzo[j] = dh * tc[j] * zo[j] * (1 - zo[j])    // backprop into zᵒ and through σ
		dzf[j] = dc * cPrev[j] * zf[j] * (1 - zf[j]) // backprop into zᶠ
		dzi[j] = dc * z[j] * zi[j] * (1 - zi[j])     // backprop into zⁱ
		dz[j] = dc * zi[j] * (1 - z[j]*z[j])         // backprop into z and through tanh
		dcNext[j] = dc * zf[j]                       // ∂L/∂c_{t−1}
	}
}
