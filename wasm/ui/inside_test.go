package ui

import (
	"testing"

	"lstmplayground/lstm"
)

func TestUnitTextProbe(t *testing.T) {
	long := ""
	for range 100 {
		long += "abcdefghij"
	}
	if got := []rune(UnitTextProbe(long, lstm.Text)); len(got) != unitTextRunes {
		t.Errorf("%d runes", len(got))
	}
	if got := UnitTextProbe("1, 2, 3", lstm.Numbers); got != "1, 2, 3" {
		t.Errorf("numbers: %q", got)
	}
}
