package lstm

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"testing"
	"testing/iotest"
)

// TestTextHelpersAsFmt compares the helpers that replace fmt's verbs with fmt.
func TestTextHelpersAsFmt(t *testing.T) {
	for _, v := range []float64{0, math.Copysign(0, -1), 1, -2.5, 1e9, 1e21, 1.5e-7, 0.1, 1.0 / 3, math.NaN(), math.Inf(1), math.Inf(-1)} {
		if got, want := gstr(v), fmt.Sprintf("%g", v); got != want {
			t.Errorf("gstr(%v) = %q, fmt's %%g gives %q", v, got, want)
		}
		if got, want := gstr(v), fmt.Sprintf("%v", v); got != want {
			t.Errorf("gstr(%v) = %q, fmt's %%v gives %q", v, got, want)
		}
	}
	for _, v := range []int64{0, 1, 0xab, 0x1234, 0xdeadbeef, 0xffffffff, -1, -0x1f} {
		if got, want := hexStr(v, 0), fmt.Sprintf("%#x", v); got != want {
			t.Errorf("hexStr(%d, 0) = %q, fmt's %%#x gives %q", v, got, want)
		}
		if v >= 0 {
			if got, want := hexStr(v, 8), fmt.Sprintf("%#08x", uint32(v)); got != want {
				t.Errorf("hexStr(%d, 8) = %q, fmt's %%#08x gives %q", v, got, want)
			}
		}
	}
	for _, v := range []int64{0, -1, 1 << 53, math.MinInt64, math.MaxInt64} {
		if got, want := i64(v), fmt.Sprintf("%d", v); got != want {
			t.Errorf("i64(%d) = %q", v, got)
		}
	}
}

// TestDecodeWrapsReadError: an error of the reader comes back wrapped, for
// errors.Is, with the text fmt.Errorf's %w gave it.
func TestDecodeWrapsReadError(t *testing.T) {
	cause := errors.New("the disk is gone")
	_, err := Decode(iotest.ErrReader(cause))
	if !errors.Is(err, cause) {
		t.Fatalf("Decode of a failing reader: %v, does not wrap the reader's error", err)
	}
	if want := "lstm: reading the model file: the disk is gone"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}

// TestEncodeWrapsConfigError: a model whose configuration is invalid cannot
// be saved, and the *ConfigError is found with errors.As.
func TestEncodeWrapsConfigError(t *testing.T) {
	m := tinyTextModel()
	m.Config.Hidden = 0
	err := Encode(&bytes.Buffer{}, m)
	var ce *ConfigError
	if !errors.As(err, &ce) {
		t.Fatalf("Encode of a model with 0 hidden units: %v, no *ConfigError", err)
	}
	if want := "lstm: the model cannot be saved: " + ce.Error(); err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}
