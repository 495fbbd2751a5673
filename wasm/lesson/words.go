package lesson

import (
	"strconv"
	"unicode/utf8"

	"lstmplayground/wasm/cell"
)

func itoa(i int) string { return strconv.Itoa(i) }

// English is the cell.Text of the lesson's English table.
func English(id string, args ...string) string {
	t, ok := en[id]
	if !ok {
		return id
	}
	return cell.Fill(t, args...)
}

// Keys returns the catalogue keys of the lesson, in no order (as cell.Keys).
func Keys() []string {
	keys := make([]string, 0, len(en))
	for k := range en {
		keys = append(keys, k)
	}
	return keys
}

// Join joins two sentences as their language writes them: with a space
// after an English full stop, with none after a Chinese one (。！？ and the
// other full-width marks), which already holds its own space.
func Join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	r, _ := utf8.DecodeLastRuneInString(a)
	if r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef || r == '”' && fullWidthBefore(a) {
		return a + b
	}
	return a + " " + b
}

// fullWidthBefore reports whether a closing quote at the end of a follows a
// full-width mark (“……。”).
func fullWidthBefore(a string) bool {
	a = a[:len(a)-len("”")]
	r, _ := utf8.DecodeLastRuneInString(a)
	return r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}
