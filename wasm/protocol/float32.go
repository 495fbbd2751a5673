package protocol

import (
	"encoding/binary"
	"math"
	"slices"
)

// AppendFloat32s appends the little-endian IEEE 754 encoding of v, 4 bytes per
// value and no length prefix, to dst and returns the extended slice. The bits
// are copied as they are: NaN payloads survive.
func AppendFloat32s(dst []byte, v []float32) []byte {
	n := len(dst)
	dst = slices.Grow(dst, 4*len(v))[:n+4*len(v)]
	b := dst[n:]
	for i, f := range v {
		binary.LittleEndian.PutUint32(b[4*i:4*i+4], math.Float32bits(f))
	}
	return dst
}

// DecodeFloat32s decodes len(dst) little-endian float32 values from src into
// dst. It panics unless len(src) == 4*len(dst).
func DecodeFloat32s(dst []float32, src []byte) {
	if len(src) != 4*len(dst) {
		panic("protocol: DecodeFloat32s: src is not 4 bytes per dst element")
	}
	for i := range dst {
		dst[i] = math.Float32frombits(binary.LittleEndian.Uint32(src[4*i : 4*i+4]))
	}
}

// Float32s converts src to float32 into dst, which must have len(src) elements,
// and returns dst; values beyond float32's range become ±Inf. It is how the
// engine turns lstm's float64 traces into the wire's float32.
func Float32s(dst []float32, src []float64) []float32 {
	if len(dst) != len(src) {
		panic("protocol: Float32s: dst and src differ in length")
	}
	for i, v := range src {
		dst[i] = float32(v)
	}
	return dst
}
