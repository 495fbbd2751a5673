package protocol

import "strconv"

// The error texts of this package are built with strconv rather than fmt:
// fmt would link reflect and its formatting into the page's WebAssembly.

// hexByte formats b as fmt's %#02x does: 0x and two hexadecimal digits.
func hexByte(b byte) string {
	const digits = "0123456789abcdef"
	return "0x" + string([]byte{digits[b>>4], digits[b&15]})
}

// hexRune formats r as fmt's %#x does, a minus sign before 0x when negative.
func hexRune(r rune) string {
	if r < 0 {
		return "-0x" + strconv.FormatInt(-int64(r), 16)
	}
	return "0x" + strconv.FormatInt(int64(r), 16)
}
