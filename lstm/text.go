package lstm

import "strconv"

// The error texts of this package are built with strconv rather than fmt:
// fmt would link reflect and its formatting into the page's WebAssembly.

// gstr formats v as fmt's %g and %v do: the shortest exact decimal.
func gstr(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// hexStr formats v as fmt's %#x does: 0x and lower-case hexadecimal digits,
// padded with zeros to at least digits digits.
func hexStr(v int64, digits int) string {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	s := strconv.FormatUint(uint64(v), 16)
	for len(s) < digits {
		s = "0" + s
	}
	return sign + "0x" + s
}

// wrapError is an error whose text is Msg and which wraps Err for errors.Is
// and errors.As, as fmt.Errorf's %w did.
type wrapError struct {
	Msg string
	Err error
}

func (e *wrapError) Error() string { return e.Msg }
func (e *wrapError) Unwrap() error { return e.Err }

// i64 formats v as fmt's %d does.
func i64(v int64) string { return strconv.FormatInt(v, 10) }
