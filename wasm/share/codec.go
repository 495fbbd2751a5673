package share

import (
	"encoding/base64"
	"errors"
)

// Codec compresses and inflates the raw DEFLATE data (RFC 1951) of a link's
// text and model. The package has no DEFLATE compressor of its own, so that a
// program that makes links can use one it has anyway (a web page, the
// browser's CompressionStream); package goflate has one in Go. Stored is a
// codec without compression.
type Codec interface {
	// Deflate compresses b.
	Deflate(b []byte) ([]byte, error)
	// Inflate inflates z, but reads no more than limit+1 bytes of its
	// output: a result longer than limit says that z inflates to more than
	// limit bytes, however large. An error says that z is not valid DEFLATE
	// data; errors.ErrUnsupported, that the codec cannot inflate it.
	Inflate(z []byte, limit int) ([]byte, error)
}

// Stored is the Codec without compression, for a program that has none: it
// writes DEFLATE's stored blocks, which every reader of links takes, and it
// inflates data of stored blocks only, refusing compressed data with
// errors.ErrUnsupported.
var Stored Codec = stored{}

type stored struct{}

// maxStored is the most bytes a stored block holds.
const maxStored = 1<<16 - 1

// Deflate writes b as stored blocks: a header byte (the last block's is 1),
// then the block's length and its complement, little-endian, then its bytes.
func (stored) Deflate(b []byte) ([]byte, error) {
	out := make([]byte, 0, len(b)+5*(len(b)/maxStored+1))
	for {
		n := min(len(b), maxStored)
		last := byte(0)
		if n == len(b) {
			last = 1
		}
		out = append(out, last, byte(n), byte(n>>8), ^byte(n), ^byte(n>>8))
		out = append(out, b[:n]...)
		b = b[n:]
		if last == 1 {
			return out, nil
		}
	}
}

// errDamaged is the error of DEFLATE data that is not valid.
var errDamaged = errors.New("share: damaged DEFLATE data")

// Inflate reads stored blocks up to the last one; bytes after it are ignored,
// as compress/flate does.
func (stored) Inflate(z []byte, limit int) ([]byte, error) {
	var out []byte
	for {
		if len(z) < 5 {
			return nil, errDamaged
		}
		if z[0]&6 != 0 { // a compressed block
			return nil, errors.ErrUnsupported
		}
		n := int(z[1]) | int(z[2])<<8
		if z[3] != ^z[1] || z[4] != ^z[2] || len(z) < 5+n {
			return nil, errDamaged
		}
		out = append(out, z[5:5+min(n, limit+1-len(out))]...)
		if len(out) > limit || z[0]&1 == 1 {
			return out, nil
		}
		z = z[5+n:]
	}
}

// pack compresses b with c and writes it in unpadded base64url.
func pack(c Codec, b []byte) (string, error) {
	z, err := c.Deflate(b)
	if err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(z), nil
}
