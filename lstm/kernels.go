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
	if simd && len(y) >= 16 {
		simdAdd(y, x)
		return
	}
	for i := range y {
		y[i] += x[i]
	}
}

// SIMD reports whether the WebAssembly SIMD kernels of kernels.wat are in use:
// only in a build with the lstmsimd tag, run by a loader that provides them, and
// only if they agreed with the Go code on a self-check at start-up.
func SIMD() bool { return simd }

// FMA reports whether the SIMD kernels in use are their FMA build: the
// matrix-vector and matrix-product sums of kernels.wat with each multiply-add
// fused (relaxed SIMD's f64x2.relaxed_madd, one rounding instead of two), so
// that results differ from the exact build's in the last bits. The loader
// picks it where the browser has relaxed SIMD (static/kernel.js).
func FMA() bool { return fma }

// matVecAdd sets y[r] += Σ_k m[r·n+k]·x[k] for the rows r of m (len(y) rows of n = len(x)).
func matVecAdd(y, m, x []float64) {
	if len(m) < len(y)*len(x) {
		panic("lstm: slice lengths do not match")
	}
	if simd && len(y) > 0 && len(x) > 0 {
		simdMatVec(y, m, x)
		return
	}
	matVecAddGo(y, m, x)
}

// matVecAddGo is matVecAdd in Go.
func matVecAddGo(y, m, x []float64) {
	n := len(x)
	r := 0
	// Four rows at a time share the loads of x; each row sums chunks of four
	// products as a small tree, so the four accumulators' add chains stay short.
	for ; r+4 <= len(y); r += 4 {
		m0 := m[r*n:][:n]
		m1 := m[(r+1)*n:][:n]
		m2 := m[(r+2)*n:][:n]
		m3 := m[(r+3)*n:][:n]
		var a0, a1, a2, a3 float64
		k := 0
		for ; k+4 <= n; k += 4 {
			xx := x[k : k+4 : k+4]
			x0, x1, x2, x3 := xx[0], xx[1], xx[2], xx[3]
			p := m0[k : k+4 : k+4]
			a0 += (p[0]*x0 + p[1]*x1) + (p[2]*x2 + p[3]*x3)
			p = m1[k : k+4 : k+4]
			a1 += (p[0]*x0 + p[1]*x1) + (p[2]*x2 + p[3]*x3)
			p = m2[k : k+4 : k+4]
			a2 += (p[0]*x0 + p[1]*x1) + (p[2]*x2 + p[3]*x3)
			p = m3[k : k+4 : k+4]
			a3 += (p[0]*x0 + p[1]*x1) + (p[2]*x2 + p[3]*x3)
		}
		for ; k < n; k++ {
			a0 += m0[k] * x[k]
			a1 += m1[k] * x[k]
			a2 += m2[k] * x[k]
			a3 += m3[k] * x[k]
		}
		yy := y[r : r+4 : r+4]
		yy[0] += a0
		yy[1] += a1
		yy[2] += a2
		yy[3] += a3
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
	if simd && m > 0 && n > 0 && steps > 0 {
		simdGemmAcc(dst, m, n, a, 1, m, b, steps)
		return
	}
	addMulTNGo(dst, m, n, a, b, steps)
}

// addMulTNGo is addMulTN in Go.
func addMulTNGo(dst []float64, m, n int, a, b []float64, steps int) {
	a = a[:steps*m]
	b = b[:steps*n]
	i := 0
	// Register blocks of 4×4 destination elements, summed over all steps before
	// one store each: 8 loads per 16 multiply-adds and no stores in the loop.
	for ; i+4 <= m; i += 4 {
		d0 := dst[i*n:][:n]
		d1 := dst[(i+1)*n:][:n]
		d2 := dst[(i+2)*n:][:n]
		d3 := dst[(i+3)*n:][:n]
		j := 0
		for ; j+4 <= n; j += 4 {
			var c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33 float64
			for t := 0; t < steps; t++ {
				at := a[t*m+i:][:4]
				bt := b[t*n+j:][:4]
				a0, a1, a2, a3 := at[0], at[1], at[2], at[3]
				b0, b1, b2, b3 := bt[0], bt[1], bt[2], bt[3]
				c00 += a0 * b0
				c01 += a0 * b1
				c02 += a0 * b2
				c03 += a0 * b3
				c10 += a1 * b0
				c11 += a1 * b1
				c12 += a1 * b2
				c13 += a1 * b3
				c20 += a2 * b0
				c21 += a2 * b1
				c22 += a2 * b2
				c23 += a2 * b3
				c30 += a3 * b0
				c31 += a3 * b1
				c32 += a3 * b2
				c33 += a3 * b3
			}
			e := d0[j:][:4]
			e[0] += c00
			e[1] += c01
			e[2] += c02
			e[3] += c03
			e = d1[j:][:4]
			e[0] += c10
			e[1] += c11
			e[2] += c12
			e[3] += c13
			e = d2[j:][:4]
			e[0] += c20
			e[1] += c21
			e[2] += c22
			e[3] += c23
			e = d3[j:][:4]
			e[0] += c30
			e[1] += c31
			e[2] += c32
			e[3] += c33
		}
		for ; j < n; j++ {
			var c0, c1, c2, c3 float64
			for t := 0; t < steps; t++ {
				at := a[t*m+i:][:4]
				bj := b[t*n+j]
				c0 += at[0] * bj
				c1 += at[1] * bj
				c2 += at[2] * bj
				c3 += at[3] * bj
			}
			d0[j] += c0
			d1[j] += c1
			d2[j] += c2
			d3[j] += c3
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

// addMulNN sets dst[i·n+j] += Σ_k a[i·kn+k]·b[k·n+j]: dst (m, n) += a b, with a
// (m, kn) and b (kn, n). It is the head's ∂L/∂h_t = Wʸᵀ dy_t for all steps at
// once: dh (T, H) += dy (T, V) · Wʸ (V, H).
func addMulNN(dst []float64, m, n int, a []float64, kn int, b []float64) {
	if len(dst) < m*n || len(a) < m*kn || len(b) < kn*n {
		panic("lstm: slice lengths do not match")
	}
	if simd && m > 0 && n > 0 && kn > 0 {
		simdGemmAcc(dst, m, n, a, kn, 1, b, kn)
		return
	}
	addMulNNGo(dst, m, n, a, kn, b)
}

// addMulNNGo is addMulNN in Go. It repeats addMulTNGo's 4×4 register block on
// purpose: here the four values of a come from four rows of a, there from one
// contiguous run, and a shared strided version costs the pure-Go path an index
// multiplication and a bounds check per load (kernels.wat does have one shared
// kernel, gemmacc, since WebAssembly has neither cost).
func addMulNNGo(dst []float64, m, n int, a []float64, kn int, b []float64) {
	a = a[:m*kn]
	b = b[:kn*n]
	i := 0
	// Register blocks of 4×4 destination elements, as in addMulTN.
	for ; i+4 <= m; i += 4 {
		a0 := a[i*kn:][:kn]
		a1 := a[(i+1)*kn:][:kn]
		a2 := a[(i+2)*kn:][:kn]
		a3 := a[(i+3)*kn:][:kn]
		d0 := dst[i*n:][:n]
		d1 := dst[(i+1)*n:][:n]
		d2 := dst[(i+2)*n:][:n]
		d3 := dst[(i+3)*n:][:n]
		j := 0
		for ; j+4 <= n; j += 4 {
			var c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33 float64
			for k := 0; k < kn; k++ {
				bk := b[k*n+j:][:4]
				b0, b1, b2, b3 := bk[0], bk[1], bk[2], bk[3]
				x0, x1, x2, x3 := a0[k], a1[k], a2[k], a3[k]
				c00 += x0 * b0
				c01 += x0 * b1
				c02 += x0 * b2
				c03 += x0 * b3
				c10 += x1 * b0
				c11 += x1 * b1
				c12 += x1 * b2
				c13 += x1 * b3
				c20 += x2 * b0
				c21 += x2 * b1
				c22 += x2 * b2
				c23 += x2 * b3
				c30 += x3 * b0
				c31 += x3 * b1
				c32 += x3 * b2
				c33 += x3 * b3
			}
			e := d0[j:][:4]
			e[0] += c00
			e[1] += c01
			e[2] += c02
			e[3] += c03
			e = d1[j:][:4]
			e[0] += c10
			e[1] += c11
			e[2] += c12
			e[3] += c13
			e = d2[j:][:4]
			e[0] += c20
			e[1] += c21
			e[2] += c22
			e[3] += c23
			e = d3[j:][:4]
			e[0] += c30
			e[1] += c31
			e[2] += c32
			e[3] += c33
		}
		for ; j < n; j++ {
			for k := 0; k < kn; k++ {
				bkj := b[k*n+j]
				d0[j] += a0[k] * bkj
				d1[j] += a1[k] * bkj
				d2[j] += a2[k] * bkj
				d3[j] += a3[k] * bkj
			}
		}
	}
	for ; i < m; i++ {
		di := dst[i*n : i*n+n]
		for k, aik := range a[i*kn : (i+1)*kn] {
			if aik != 0 {
				axpy(di, aik, b[k*n:(k+1)*n])
			}
		}
	}
}

// transpose sets dst (n, m) to the transpose of src (m, n), in 8×8 tiles so that
// both the reads and the strided writes stay within a few cache lines.
func transpose(dst, src []float64, m, n int) {
	if len(dst) < m*n || len(src) < m*n {
		panic("lstm: slice lengths do not match")
	}
	const tile = 8
	for i0 := 0; i0 < m; i0 += tile {
		i1 := min(i0+tile, m)
		for j0 := 0; j0 < n; j0 += tile {
			j1 := min(j0+tile, n)
			for i := i0; i < i1; i++ {
				row := src[i*n+j0 : i*n+j1]
				for j, v := range row {
					dst[(j0+j)*m+i] = v
				}
			}
		}
	}
}
