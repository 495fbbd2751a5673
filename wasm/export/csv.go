// Package export writes what a student downloads to continue in a notebook: a trace and the loss history as CSV, and a model's weights as JSON in PyTorch's nn.LSTM / nn.RNN layout.
//
// # CSV
//
// The CSV files follow RFC 4180 as encoding/csv writes them (csvWriter): a header row,
// fields quoted when they hold a comma, a quote, a line break or leading
// space, and "\n" line endings. Numbers are the shortest decimals that read
// back as the same float32 (losses and activations travel as float32); a NaN
// is written NaN. Steps, layers and units are numbered from 1, as the page
// shows them. pandas.read_csv(path) reads them as they are (every probe
// character is one character, which pandas never takes for a missing value),
// with the RNN's empty gate columns as NaN.
//
// # JSON
//
// See PyTorchJSON.
package export

import (
	"errors"
	"io"
	"strconv"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

// TraceHeader and TraceHeaderNumbers are the header rows of TraceCSV for a
// text and a numbers trace.
var (
	TraceHeader        = []string{"t", "char", "layer", "unit", "zi", "zf", "z", "zo", "c", "h"}
	TraceHeaderNumbers = []string{"t", "value", "layer", "unit", "zi", "zf", "z", "zo", "c", "h"}
)

// TraceCSV writes tr as CSV: a header (TraceHeader, or TraceHeaderNumbers for
// a numbers trace), then one row per layer, step and unit, in that order:
//
//	t       the step, 1 … T (the row's values are those after reading x_t)
//	char    the probe's character at step t (numbers: "value", the value read)
//	layer   1 … layers
//	unit    1 … H
//	zi, zf, z, zo   the input gate, forget gate, candidate and output gate;
//	        empty for the plain RNN, which has no gates
//	c       the cell state c_t; empty for the plain RNN
//	h       the hidden state h_t
//
// Any character round-trips through encoding/csv (and pandas), a quote or a
// line break included. It returns an error, having written nothing, if the
// shapes of tr do not match its T and H, and otherwise the error of w.
func TraceCSV(w io.Writer, tr protocol.TraceResult) error {
	if err := checkTrace(&tr); err != nil {
		return err
	}
	cw := &csvWriter{w: w}
	header := TraceHeader
	if tr.Kind == lstm.Numbers {
		header = TraceHeaderNumbers
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	T, H := tr.T, tr.H
	rec := make([]string, len(header))
	f := func(x []float32, i int) string {
		if x == nil {
			return ""
		}
		return formatFloat32(x[i])
	}
	for l, lt := range tr.Layers {
		rec[2] = strconv.Itoa(l + 1)
		for t := range T {
			rec[0] = strconv.Itoa(t + 1)
			if tr.Kind == lstm.Numbers {
				rec[1] = formatFloat32(tr.Values[t])
			} else {
				rec[1] = string(tr.Symbols[t])
			}
			for j := range H {
				i := t*H + j
				rec[3] = strconv.Itoa(j + 1)
				rec[4], rec[5], rec[6], rec[7] = f(lt.Zi, i), f(lt.Zf, i), f(lt.Z, i), f(lt.Zo, i)
				rec[8], rec[9] = f(lt.C, i), f(lt.H, i)
				if err := cw.Write(rec); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// checkTrace returns an error if the arrays of tr do not have the shapes its
// T, H, Kind and Cell say.
func checkTrace(tr *protocol.TraceResult) error {
	bad := func(reason string) error { return errors.New("export: the trace cannot be written: " + reason) }
	T, H := tr.T, tr.H
	if T < 0 || H < 1 || len(tr.Layers) == 0 {
		return bad("it has " + strconv.Itoa(T) + " steps, " + strconv.Itoa(H) + " units and " + strconv.Itoa(len(tr.Layers)) + " layers")
	}
	if tr.Kind == lstm.Numbers {
		if len(tr.Values) != T {
			return bad("it has " + strconv.Itoa(len(tr.Values)) + " values for " + strconv.Itoa(T) + " steps")
		}
	} else if len(tr.Symbols) != T {
		return bad("it has " + strconv.Itoa(len(tr.Symbols)) + " characters for " + strconv.Itoa(T) + " steps")
	}
	n := T * H
	for l, lt := range tr.Layers {
		arrays := []struct {
			name string
			x    []float32
		}{{"zi", lt.Zi}, {"zf", lt.Zf}, {"z", lt.Z}, {"zo", lt.Zo}, {"c", lt.C}, {"h", lt.H}}
		for _, a := range arrays {
			want := n
			if tr.Cell == lstm.CellRNN && a.name != "h" {
				want = 0 // the plain RNN has no gates and no c
			}
			if len(a.x) != want {
				return bad("layer " + strconv.Itoa(l+1) + "'s " + a.name + " has " + strconv.Itoa(len(a.x)) + " values, not " + strconv.Itoa(want) +
					" (T " + strconv.Itoa(T) + " × H " + strconv.Itoa(H) + ")")
			}
		}
	}
	return nil
}

// formatFloat32 writes the shortest decimal that reads back as v; NaN is
// "NaN" and the infinities "+Inf" and "-Inf".
func formatFloat32(v float32) string { return strconv.FormatFloat(float64(v), 'g', -1, 32) }

// LossHeader is the header row of LossCSV.
var LossHeader = []string{"update", "loss"}

// LossCSV writes the loss history as CSV: the header LossHeader, then one row
// per loss, where losses[i] is the loss of update first+i. It returns the
// error of w, or an error if the update numbers would overflow.
func LossCSV(w io.Writer, first uint64, losses []float32) error {
	if len(losses) > 0 && first+uint64(len(losses)-1) < first {
		return errors.New("export: the update numbers of the loss history overflow")
	}
	cw := &csvWriter{w: w}
	if err := cw.Write(LossHeader); err != nil {
		return err
	}
	rec := make([]string, 2)
	for i, v := range losses {
		rec[0] = strconv.FormatUint(first+uint64(i), 10)
		rec[1] = formatFloat32(v)
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	return nil
}

// LossBlocksHeader is the header row of LossBlocksCSV.
var LossBlocksHeader = []string{"update", "loss", "updates", "loss_min", "loss_max"}

// LossBlock is the loss of a block of consecutive updates, First to Last:
// the mean, least and largest of their finite losses.
type LossBlock struct {
	First, Last    uint64
	Mean, Min, Max float32
}

// LossBlocksCSV writes a loss history that keeps older updates in blocks (the
// page's, after a long run) as CSV: the header LossBlocksHeader, then one row
// per block: its last update, its mean loss, the number of updates it covers
// (1 for a single update) and its least and largest loss. It returns the
// error of w, or an error if a block's updates are out of order.
func LossBlocksCSV(w io.Writer, blocks []LossBlock) error {
	for i, b := range blocks {
		if b.Last < b.First || (i > 0 && b.First <= blocks[i-1].Last) {
			return errors.New("export: the blocks of the loss history are out of order")
		}
	}
	cw := &csvWriter{w: w}
	if err := cw.Write(LossBlocksHeader); err != nil {
		return err
	}
	rec := make([]string, 5)
	for _, b := range blocks {
		rec[0] = strconv.FormatUint(b.Last, 10)
		rec[1] = formatFloat32(b.Mean)
		rec[2] = strconv.FormatUint(b.Last-b.First+1, 10)
		rec[3] = formatFloat32(b.Min)
		rec[4] = formatFloat32(b.Max)
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	return nil
}
