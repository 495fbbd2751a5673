package lstm

import "math"

// sigmoid returns σ(x) = 1/(1+e^−x).
func sigmoid(x float64) float64 {
	return 1 / (1 + math.Exp(-x))
}

// tanh returns tanh(x).
func tanh(x float64) float64 {
	return math.Tanh(x)
}

// exp returns e^x.
func exp(x float64) float64 {
	return math.Exp(x)
}

// log returns the natural logarithm of x.
func log(x float64) float64 { return math.Log(x) }

// sqrt returns √x.
func sqrt(x float64) float64 { return math.Sqrt(x) }
