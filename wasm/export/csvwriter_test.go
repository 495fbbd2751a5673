package export

import (
	"bytes"
	"encoding/csv"
	"testing"
)

// TestCSVWriterAsEncodingCSV compares csvWriter with encoding/csv's Writer on
// fields that need quoting and fields that do not.
func TestCSVWriterAsEncodingCSV(t *testing.T) {
	records := [][]string{
		{"t", "char", "layer"},
		{""},
		{"", ""},
		{`\.`, `\.x`, `x\.`},
		{"a,b", `a"b`, `"`, `""`, "a\nb", "a\rb", "\r\n", "\n"},
		{" lead", "\tlead", "\u00a0lead", "\u2003lead", "\u0085lead", "trail ", "in side"},
		{"é", "日本", "\U0001F600", "\xff", "-1.5e-07", "NaN", "+Inf"},
		{"x", "y,", ",z", "'q'", "a\"b,c\nd"},
	}
	for _, rec := range records {
		var want, got bytes.Buffer
		cw := csv.NewWriter(&want)
		if err := cw.Write(rec); err != nil {
			t.Fatal(err)
		}
		cw.Flush()
		w := csvWriter{w: &got}
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("record %q: got %q, encoding/csv writes %q", rec, got.String(), want.String())
		}
	}
}
