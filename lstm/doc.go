// Package lstm implements a small character-level (or number-sequence) LSTM and
// plain RNN, with truncated backpropagation through time, the optimizers SGD
// with momentum, RMSProp and Adam, sampling, gradient reach, hidden-unit
// interventions and a versioned model file. It is pure Go with the standard
// library only, so it builds natively and for GOOS=js GOARCH=wasm alike.
//
// # Equations
//
// For one layer and one time step t, with input x_t, hidden state h and cell
// state c (σ the logistic function, ⊙ the element-wise product):
//
//	zⁱ  = σ(Wⁱ x_t + Uⁱ h_{t−1} + bⁱ)        input gate ("select memory")
//	zᶠ  = σ(Wᶠ x_t + Uᶠ h_{t−1} + bᶠ)        forget gate
//	z   = tanh(Wᶻ x_t + Uᶻ h_{t−1} + bᶻ)     candidate
//	zᵒ  = σ(Wᵒ x_t + Uᵒ h_{t−1} + bᵒ)        output gate
//	c_t = zᶠ ⊙ c_{t−1} + zⁱ ⊙ z             forget stage + select-memory stage
//	h_t = zᵒ ⊙ tanh(c_t)                    output stage
//
// The plain RNN is h_t = tanh(W x_t + U h_{t−1} + b). Both share one head on the
// top layer's h_t:
//
//	y_t = Wʸ h_t + bʸ
//	text:    p_t = softmax(y_t),  L = (1/T) Σ_t −log p_t[target_t]
//	numbers: L = (1/T) Σ_t (y_t − target_t)²     (in normalised units)
//
// The loss of a window is the mean over its T steps, as in the conformance
// vectors. A second layer, if configured, takes the first layer's h_t as x_t.
//
// # Notation
//
// Code names follow the equations: zi, zf, z, zo, c, h; cPrev and hPrev for
// c_{t−1} and h_{t−1}; dX always means ∂L/∂X; dhNext and dcNext are the
// gradients carried back in time. H is the number of hidden units, X the input
// width, V the vocabulary size (the output width in text mode), T the number of
// steps in a window and G the number of gate blocks (4 for the LSTM, 1 for the
// RNN).
//
// # Shapes
//
// All parameters live in one flat []float64 (Params.Data). Each layer holds
//
//	Wx (X, G·H)   input weights, one row per input unit, so a one-hot input is
//	              one contiguous row; row k holds the gate blocks in the order
//	              i, f, z, o (GateOrder), each H wide.
//	U  (G·H, H)   recurrent weights, one row per pre-activation.
//	B  (G·H)      biases.
//
// and the head holds Wy (V, H) and By (V). Wx is the transpose of the W of
// PyTorch's weight_ih and of the conformance files, U equals weight_hh, and the
// gate order i, f, z(=g), o is the order of PyTorch and Keras.
//
// # Invariants
//
// Inputs are never modified. Results go to the receiver or to a destination
// argument. Forward passes overwrite the trace they are given; backward passes
// accumulate into Grads, which the caller zeroes explicitly. Functions panic on
// programmer errors (mismatched internal buffers) with a message prefixed by
// "lstm: ", and return errors for anything that comes from a person or a file:
// text, numbers, configuration and model files.
//
// # Determinism
//
// Initialisation and sampling draw from an explicit *rand.Rand built from the
// seed with math/rand/v2's PCG. The same seed, data and configuration give the
// same run bit for bit on every platform that does not fuse multiply-adds
// (amd64 and WebAssembly do not; see the Go spec on fused operations).
//
// # File format
//
// A model file (Encode, Decode) is version 1 of a little-endian binary format:
// the magic "LSTMPLAY", the version, every Config field, the kind, the shapes,
// the update count, the normalisation (numbers), the vocabulary (text), every
// parameter as float64 in slab order, and a CRC-32. See Encode for the byte
// layout. Decode checks every value before it allocates and returns a
// *FormatError (with a FormatProblem code) or an *UnsupportedError (a newer
// version) for a bad file.
//
// # Settings and errors
//
// Settings lists the fields of Config as rows of a registry (a stable key,
// the kind and range of the values, whether a change applies to the running
// model); Config.Validate checks every row. Errors are data for the caller to
// word, never text to parse: *ConfigError (the setting's key, its value and
// range, or a size and its limit), *NumberError (the token, its position and a
// NumberProblem), *LengthError, *UnknownRuneError (the character and its
// position) and sentinels such as ErrEmptyText and ErrTooManyChars for
// errors.Is. Their Error methods are English for developers.
//
// # References
//
//   - S. Hochreiter, J. Schmidhuber, Long Short-Term Memory, 1997.
//   - F. Gers, J. Schmidhuber, F. Cummins, Learning to Forget, 2000 (forget gate).
//   - A. Karpathy, min-char-rnn and char-rnn (truncated BPTT, forget-gate bias 1).
//   - D. Kingma, J. Ba, Adam: A Method for Stochastic Optimization, 2015.
//   - G. Hinton, Lecture 6e of Neural Networks for Machine Learning (RMSProp).
package lstm
