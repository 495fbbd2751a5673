package lesson

import (
	"strconv"

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
