package lstm

// Small dense kernels on flat row-major slices. They are written for Go's
// WebAssembly backend, which emits no SIMD and pays for every bounds check and
// branch: several independent accumulators, and re-sliced operands so that the
// compiler proves the inner indices in range.

// dot returns Σ_i a[i]·b[i]; b must be at least as long as a.
func dot(a, b []float64) float64 {
	b = b[:len(a)]
	var s0, s1, s2, s3, s4, s5, s6, s7 float64
	i := 0
	for ; i+8 <= len(a); i += 8 {
		x := a[i : i+8 : i+8]
		y := b[i : i+8 : i+8]
		s0 += x[0] * y[0]
		s1 += x[1] * y[1]
		s2 += x[2] * y[2]
		s3 += x[3] * y[3]
		s4 += x[4] * y[4]
		s5 += x[5] * y[5]
		s6 += x[6] * y[6]
		s7 += x[7] * y[7]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))
}

// axpy sets y[i] += alpha·x[i]; x must be at least as long as y.
func axpy(y []float64, alpha float64, x []float64) {
	x = x[:len(y)]
	i := 0
	for ; i+4 <= len(y); i += 4 {
		yy := y[i : i+4 : i+4]
		xx := x[i : i+4 : i+4]
		yy[0] += alpha * xx[0]
		yy[1] += alpha * xx[1]
		yy[2] += alpha * xx[2]
		yy[3] += alpha * xx[3]
	}
	for ; i < len(y); i++ {
		y[i] += alpha * x[i]
	}
}

// add sets y[i] += x[i]; x must be at least as long as y.
func add(y, x []float64) {
	x = x[:len(y)]
	for i := range y {
		y[i] += x[i]
	}
}

// matVecAdd sets y[r] += Σ_k m[r·n+k]·x[k] for the rows r of m (len(y) rows of n = len(x)).
func matVecAdd(y, m, x []float64) {
	n := len(x)
	if len(m) < len(y)*n {
		panic("lstm: slice lengths do not match")
	}
	r := 0
	// Four rows at a time share the loads of x.
	for ; r+4 <= len(y); r += 4 {
		m0 := m[r*n : r*n+n : r*n+n]
		m1 := m[(r+1)*n : (r+1)*n+n : (r+1)*n+n]
		m2 := m[(r+2)*n : (r+2)*n+n : (r+2)*n+n]
		m3 := m[(r+3)*n : (r+3)*n+n : (r+3)*n+n]
		var a0, a1, a2, a3, b0, b1, b2, b3 float64
		k := 0
		for ; k+2 <= n; k += 2 {
			xx := x[k : k+2 : k+2]
			a0 += m0[k] * xx[0]
			a1 += m1[k] * xx[0]
			a2 += m2[k] * xx[0]
			a3 += m3[k] * xx[0]
			b0 += m0[k+1] * xx[1]
			b1 += m1[k+1] * xx[1]
			b2 += m2[k+1] * xx[1]
			b3 += m3[k+1] * xx[1]
		}
		if k < n {
			a0 += m0[k] * x[k]
			a1 += m1[k] * x[k]
			a2 += m2[k] * x[k]
			a3 += m3[k] * x[k]
		}
		yy := y[r : r+4 : r+4]
		yy[0] += a0 + b0
		yy[1] += a1 + b1
		yy[2] += a2 + b2
		yy[3] += a3 + b3
	}
	for ; r < len(y); r++ {
		y[r] += dot(m[r*n:r*n+n], x)
	}
}

// addMulTN sets dst[i·n+j] += Σ_t a[t·m+i]·b[t·n+j] for t < steps: dst (m, n) += aᵀ b,
// with a (steps, m) and b (steps, n). It is the once-per-window weight gradient
// Σ_t da_t ⊗ x_t.
func addMulTN(dst []float64, m, n int, a, b []float64, steps int) {
	if len(dst) < m*n || len(a) < steps*m || len(b) < steps*n {
		panic("lstm: slice lengths do not match")
	}
	i := 0
	// Blocks of four destination rows: each row of b is loaded once per block.
	for ; i+4 <= m; i += 4 {
		d0 := dst[i*n : i*n+n : i*n+n]
		d1 := dst[(i+1)*n : (i+1)*n+n : (i+1)*n+n]
		d2 := dst[(i+2)*n : (i+2)*n+n : (i+2)*n+n]
		d3 := dst[(i+3)*n : (i+3)*n+n : (i+3)*n+n]
		for t := 0; t < steps; t++ {
			at := a[t*m+i : t*m+i+4 : t*m+i+4]
			a0, a1, a2, a3 := at[0], at[1], at[2], at[3]
			if a0 == 0 && a1 == 0 && a2 == 0 && a3 == 0 {
				continue
			}
			bt := b[t*n : t*n+n : t*n+n]
			for j, bj := range bt {
				d0[j] += a0 * bj
				d1[j] += a1 * bj
				d2[j] += a2 * bj
				d3[j] += a3 * bj
			}
		}
	}
	for ; i < m; i++ {
		di := dst[i*n : i*n+n]
		for t := 0; t < steps; t++ {
			if ai := a[t*m+i]; ai != 0 {
				axpy(di, ai, b[t*n:t*n+n])
			}
		}
	}
}

// transpose sets dst (n, m) to the transpose of src (m, n).
func transpose(dst, src []float64, m, n int) {
	if len(dst) < m*n || len(src) < m*n {
		panic("lstm: slice lengths do not match")
	}
	for i := 0; i < m; i++ {
		row := src[i*n : i*n+n]
		for j, v := range row {
			dst[j*m+i] = v
		}
	}
}
