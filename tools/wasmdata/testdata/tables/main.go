// Command tables is wasmdata's test program: its output depends on many of
// the tables the linker puts in the data section (Unicode classes, strconv's
// powers of ten, type metadata through fmt), so a module whose memory came
// out differently would print something else.
package main

import (
	"crypto/sha256"
	"fmt"
	"strconv"
	"unicode"
)

func main() {
	h := sha256.New()
	for r := rune(0); r < 0x30000; r++ {
		if unicode.IsUpper(r) || unicode.IsPunct(r) || unicode.Is(unicode.Han, r) {
			fmt.Fprintf(h, "%d,", r)
		}
	}
	for e := -300; e <= 300; e += 7 {
		h.Write([]byte(strconv.FormatFloat(1.2345678901234567*float64(e), 'g', -1, 64)))
	}
	fmt.Printf("%x %v\n", h.Sum(nil), map[string][]int{"a": {1, 2}, "b": nil})
}
