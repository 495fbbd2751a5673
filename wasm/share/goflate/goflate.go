// Package goflate is the share link Codec (share.Codec) of Go's compress/flate,
// for programs that have it linked anyway (the server) and for tests; the
// page uses the browser's instead, so that it carries no compressor of its
// own.
package goflate

import (
	"bytes"
	"compress/flate"
	"io"
)

// Codec compresses at flate.BestCompression and inflates with a bounded
// buffer.
type Codec struct{}

// Deflate compresses b at the best compression.
func (Codec) Deflate(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	w.Write(b) // a bytes.Buffer does not fail
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Inflate inflates z, reading at most limit+1 bytes: the buffer grows by
// doubling up to limit+1, so a small z that inflates to gigabytes costs no
// more than that.
func (Codec) Inflate(z []byte, limit int) ([]byte, error) {
	r := flate.NewReader(bytes.NewReader(z))
	defer r.Close()
	out := make([]byte, 0, min(limit+1, 4*len(z)+512))
	for {
		if len(out) == cap(out) {
			nb := make([]byte, len(out), min(limit+1, 2*cap(out)))
			copy(nb, out)
			out = nb
		}
		n, err := r.Read(out[len(out):cap(out)])
		out = out[:len(out)+n]
		if len(out) > limit || err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
	}
}
