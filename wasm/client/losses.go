package client

import (
	"encoding/binary"
	"errors"
	"io"
	"math"

	"lstmplayground/wasm/chart"
	"lstmplayground/wasm/export"
)

// LossSmoothing is the weight of the smoothed loss line's moving average: each
// point is 95 % the average so far (about the last 20 updates).
const LossSmoothing = 0.95

// maxLossGap is the most missing updates a gap in the history is filled with
// NaN for; a larger jump starts the history anew.
const maxLossGap = 1 << 16

// MaxLossEntries bounds the entries a LossHistory keeps, so that an hour of
// training takes as much memory as a minute: when there are more, neighbours
// of the older half are merged (compact). The newest MaxLossEntries/2 updates
// always keep an entry each.
const MaxLossEntries = 8192

// LossEntry is the loss of one update, or of a block of consecutive updates
// merged into one entry.
type LossEntry struct {
	Span   uint32  // the updates it covers (1: a single update)
	N      uint32  // how many of them had a finite loss
	Raw    float32 // the mean of their finite losses (NaN if none)
	Lo, Hi float32 // the least and the largest of their finite losses (NaN if none)
	Smooth float32 // the smoothed loss at its last update (NaN if not finite)
}

// LossHistory keeps the loss of every update since the model was made, as
// Progress messages deliver them, and the smoothed loss: every update its own
// entry at first; beyond MaxLossEntries, older updates in blocks (the stride
// of each entry is its Span), so that memory stays bounded however long
// training runs. Entry i covers the Span updates after those of entries 0…i−1,
// the first of them update First.
type LossHistory struct {
	First   uint64
	Entries []LossEntry
	Max     float64 // the largest finite raw loss (0 if none)
	MinPos  float64 // the smallest positive finite raw loss (0 if none)

	total       uint64 // the updates the entries cover
	avg, debias float64
}

// Reset forgets every loss.
func (h *LossHistory) Reset() {
	*h = LossHistory{Entries: h.Entries[:0]}
}

// Len returns the number of entries kept.
func (h *LossHistory) Len() int { return len(h.Entries) }

// Updates returns the number of updates the entries cover.
func (h *LossHistory) Updates() uint64 { return h.total }

// Next returns the update number the next loss belongs to.
func (h *LossHistory) Next() uint64 { return h.First + h.total }

// Binned reports whether some entry covers more than one update.
func (h *LossHistory) Binned() bool { return h.total != uint64(len(h.Entries)) }

// Add records losses, the losses of updates update−len(losses)+1 … update. If
// they do not continue the history (the model was replaced, or they overlap
// what is kept), the history starts anew from them; a small gap (the engine
// dropped some) is filled with NaN, which the chart skips.
func (h *LossHistory) Add(update uint64, losses []float32) {
	if len(losses) == 0 {
		if h.Len() > 0 && update+1 < h.Next() {
			h.Reset()
		}
		if h.Len() == 0 {
			h.First = update + 1
		}
		return
	}
	if uint64(len(losses)) > update {
		losses = losses[uint64(len(losses))-update:]
	}
	start := update + 1 - uint64(len(losses))
	switch {
	case h.Len() == 0:
		h.Reset()
		h.First = start
	case start < h.Next(), start-h.Next() > maxLossGap:
		h.Reset()
		h.First = start
	case start > h.Next():
		nan := float32(math.NaN())
		for range start - h.Next() {
			h.push(LossEntry{Span: 1, Raw: nan, Lo: nan, Hi: nan, Smooth: nan})
		}
	}
	for _, l := range losses {
		x := float64(l)
		if math.IsNaN(x) || math.IsInf(x, 0) {
			nan := float32(math.NaN())
			h.push(LossEntry{Span: 1, Raw: l, Lo: nan, Hi: nan, Smooth: nan})
			continue
		}
		h.Max = max(h.Max, x)
		if x > 0 && (h.MinPos == 0 || x < h.MinPos) {
			h.MinPos = x
		}
		if h.debias == 0 {
			h.debias = 1
		}
		h.avg = LossSmoothing*h.avg + (1-LossSmoothing)*x
		h.debias *= LossSmoothing
		h.push(LossEntry{Span: 1, N: 1, Raw: l, Lo: l, Hi: l, Smooth: float32(h.avg / (1 - h.debias))})
	}
}

// push appends an entry, merging the older half if there are too many.
func (h *LossHistory) push(e LossEntry) {
	h.Entries = append(h.Entries, e)
	h.total += uint64(e.Span)
	if len(h.Entries) > MaxLossEntries {
		h.compact()
	}
}

// compact frees a quarter of the entries by merging neighbours of the older
// part (all but the newest MaxLossEntries/2): first the pairs of the shortest
// span, oldest first, so that the spans stay even across the older part
// (powers of two, never longer towards the newest update) rather than piling
// up in the oldest entries.
func (h *LossHistory) compact() {
	e := h.Entries
	limit := len(e) - MaxLossEntries/2
	want := len(e) - MaxLossEntries*3/4
	for want > 0 && limit >= 2 {
		var s uint32 // the shortest span two neighbours share
		for i := 0; i+1 < limit; i++ {
			if e[i].Span == e[i+1].Span && (s == 0 || e[i].Span < s) {
				s = e[i].Span
			}
		}
		out, i := 0, 0
		if s == 0 {
			// No two neighbours alike (not made by Add): merge the
			// shortest pair.
			best := 0
			for k := 1; k+1 < limit; k++ {
				if e[k].Span+e[k+1].Span < e[best].Span+e[best+1].Span {
					best = k
				}
			}
			out, i = best, best
			e[out] = mergeLoss(e[i], e[i+1])
			out, i = out+1, i+2
			want--
		} else {
			for i < limit {
				if want > 0 && i+1 < limit && e[i].Span == s && e[i+1].Span == s {
					e[out] = mergeLoss(e[i], e[i+1])
					out, i = out+1, i+2
					want--
					continue
				}
				e[out] = e[i]
				out, i = out+1, i+1
			}
		}
		limit -= i - out
		out += copy(e[out:], e[i:])
		e = e[:out]
	}
	h.Entries = e
}

// mergeLoss returns the entry of a block followed by the block b.
func mergeLoss(a, b LossEntry) LossEntry {
	m := LossEntry{Span: a.Span + b.Span, N: a.N + b.N, Smooth: b.Smooth}
	if math.IsNaN(float64(m.Smooth)) {
		m.Smooth = a.Smooth
	}
	switch {
	case a.N == 0 && b.N == 0:
		m.Raw, m.Lo, m.Hi = a.Raw, a.Lo, a.Hi
		if !math.IsNaN(float64(b.Raw)) {
			m.Raw = b.Raw // an infinite loss stays infinite
		}
	case a.N == 0:
		m.Raw, m.Lo, m.Hi = b.Raw, b.Lo, b.Hi
	case b.N == 0:
		m.Raw, m.Lo, m.Hi = a.Raw, a.Lo, a.Hi
	default:
		m.Raw = float32((float64(a.Raw)*float64(a.N) + float64(b.Raw)*float64(b.N)) / float64(a.N+b.N))
		m.Lo, m.Hi = min(a.Lo, b.Lo), max(a.Hi, b.Hi)
	}
	return m
}

// Truncate drops the entries of updates after last (an entry that covers
// last and later updates goes too).
func (h *LossHistory) Truncate(last uint64) {
	if last+1 >= h.Next() {
		return
	}
	u := h.First
	for i, e := range h.Entries {
		if u+uint64(e.Span)-1 > last {
			h.Entries = h.Entries[:i]
			h.total = u - h.First
			return
		}
		u += uint64(e.Span)
	}
}

// LastRaw returns the loss of the newest update, if any.
func (h *LossHistory) LastRaw() (float64, bool) {
	if len(h.Entries) == 0 {
		return 0, false
	}
	return float64(h.Entries[len(h.Entries)-1].Raw), true
}

// LastSmooth returns the newest smoothed loss, if any.
func (h *LossHistory) LastSmooth() (float64, bool) {
	for i := len(h.Entries) - 1; i >= 0; i-- {
		if v := float64(h.Entries[i].Smooth); !math.IsNaN(v) {
			return v, true
		}
	}
	return 0, false
}

// SmoothAt returns the smoothed loss of update u, or of the newest entry
// before it that has one.
func (h *LossHistory) SmoothAt(u uint64) (float64, bool) {
	if len(h.Entries) == 0 || u < h.First {
		return 0, false
	}
	at := h.First
	found, v := false, 0.0
	for _, e := range h.Entries {
		if at > u {
			break
		}
		if x := float64(e.Smooth); !math.IsNaN(x) {
			found, v = true, x
		}
		at += uint64(e.Span)
	}
	return v, found
}

// SmoothRange returns the least and largest positive finite smoothed loss;
// ok is false if there is none.
func (h *LossHistory) SmoothRange() (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), 0
	for _, e := range h.Entries {
		if f := float64(e.Smooth); f > 0 && !math.IsInf(f, 0) {
			lo, hi, ok = min(lo, f), max(hi, f), true
		}
	}
	return lo, hi, ok
}

// LogScale reports whether the losses span so many decades (more than 1.5)
// that the chart should use a logarithmic axis.
func (h *LossHistory) LogScale() bool {
	return h.MinPos > 0 && h.Max/h.MinPos > 30
}

// LossRow is one entry of the history with its update numbers.
type LossRow struct {
	First, Last uint64 // the updates it covers
	LossEntry
}

// Rows returns the entries with their update numbers, oldest first.
func (h *LossHistory) Rows() []LossRow {
	rows := make([]LossRow, len(h.Entries))
	u := h.First
	for i, e := range h.Entries {
		rows[i] = LossRow{First: u, Last: u + uint64(e.Span) - 1, LossEntry: e}
		u += uint64(e.Span)
	}
	return rows
}

// WriteCSV writes the history as CSV: a row per update while every update
// has its own entry (export.LossCSV), else a row per entry with the number of
// updates it covers (export.LossBlocksCSV).
func (h *LossHistory) WriteCSV(w io.Writer) error {
	if !h.Binned() {
		raw := make([]float32, len(h.Entries))
		for i, e := range h.Entries {
			raw[i] = e.Raw
		}
		return export.LossCSV(w, h.First, raw)
	}
	rows := h.Rows()
	blocks := make([]export.LossBlock, len(rows))
	for i, r := range rows {
		blocks[i] = export.LossBlock{First: r.First, Last: r.Last, Mean: r.Raw, Min: r.Lo, Max: r.Hi}
		if r.Span == 1 {
			blocks[i].Min, blocks[i].Max = r.Raw, r.Raw
		}
	}
	return export.LossBlocksCSV(w, blocks)
}

// AppendRaw appends the chart points of the raw losses to dst: a line through
// the loss of every update, and through the least and largest loss of a block
// at its middle; at most two points per pixel column (its least and largest),
// in the order of the updates.
func (h *LossHistory) AppendRaw(dst []chart.Point, f chart.Frame) []chart.Point {
	return h.appendLine(dst, f, false)
}

// AppendSmooth appends the chart points of the smoothed loss to dst, each at
// the last update of its entry; at most two points per pixel column.
func (h *LossHistory) AppendSmooth(dst []chart.Point, f chart.Frame) []chart.Point {
	return h.appendLine(dst, f, true)
}

func (h *LossHistory) appendLine(dst []chart.Point, f chart.Frame, smooth bool) []chart.Point {
	col := math.MinInt
	var first, second chart.Point // the column's least and largest value, in update order
	var lo, hi float64
	var loX, hiX float64
	var loFirst bool
	flush := func() {
		if col == math.MinInt {
			return
		}
		first, second = chart.Point{X: loX, Y: lo}, chart.Point{X: hiX, Y: hi}
		if !loFirst {
			first, second = second, first
		}
		dst = append(dst, chart.Point{X: first.X, Y: f.Y.Map(first.Y)})
		if second != first {
			dst = append(dst, chart.Point{X: second.X, Y: f.Y.Map(second.Y)})
		}
	}
	u := h.First
	for _, e := range h.Entries {
		var x, a, b float64
		if smooth {
			x = float64(u + uint64(e.Span) - 1)
			a, b = float64(e.Smooth), float64(e.Smooth)
		} else {
			x = float64(u) + float64(e.Span-1)/2
			a, b = float64(e.Lo), float64(e.Hi)
			if e.Span == 1 {
				a, b = float64(e.Raw), float64(e.Raw)
			}
		}
		u += uint64(e.Span)
		if !finiteLoss(a) || !finiteLoss(b) {
			continue
		}
		px := f.X.Map(x)
		if c := int(math.Floor(px)); c != col {
			flush()
			col = c
			lo, hi, loX, hiX, loFirst = a, b, px, px, true
			continue
		}
		if a < lo {
			lo, loX = a, px
			loFirst = false // the new least comes after the largest so far
		}
		if b > hi {
			hi, hiX = b, px
			loFirst = true
		}
	}
	flush()
	return dst
}

func finiteLoss(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// LossEntryBytes is the size of one entry in MarshalBinary.
const LossEntryBytes = 4 * 6

// MarshalBinary returns the history's entries, little-endian: for each, Span
// and N as u32 and Raw, Lo, Hi, Smooth as float32 bits; then the moving
// average's state, two float64, so that the smoothed line goes on where it
// was.
func (h *LossHistory) MarshalBinary() []byte {
	b := make([]byte, 0, LossEntryBytes*len(h.Entries)+16)
	for _, e := range h.Entries {
		b = binary.LittleEndian.AppendUint32(b, e.Span)
		b = binary.LittleEndian.AppendUint32(b, e.N)
		for _, v := range [...]float32{e.Raw, e.Lo, e.Hi, e.Smooth} {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
		}
	}
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(h.avg))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(h.debias))
	return b
}

// ErrLossHistory is the error of a saved loss history that does not decode.
var ErrLossHistory = errors.New("the saved session's loss history is damaged")

// ParseLossHistory reads MarshalBinary's bytes as the history of updates
// first, first+1, …; it refuses bytes that are not a history this page could
// have kept.
func ParseLossHistory(first uint64, b []byte) (LossHistory, error) {
	h := LossHistory{First: first}
	if len(b) == 0 {
		return h, nil
	}
	if len(b) < 16 || (len(b)-16)%LossEntryBytes != 0 || (len(b)-16)/LossEntryBytes > MaxLossEntries {
		return LossHistory{}, ErrLossHistory
	}
	n := (len(b) - 16) / LossEntryBytes
	h.Entries = make([]LossEntry, n)
	for i := range h.Entries {
		p := b[LossEntryBytes*i:]
		f := func(k int) float32 { return math.Float32frombits(binary.LittleEndian.Uint32(p[8+4*k:])) }
		e := LossEntry{Span: binary.LittleEndian.Uint32(p), N: binary.LittleEndian.Uint32(p[4:]), Raw: f(0), Lo: f(1), Hi: f(2), Smooth: f(3)}
		if e.Span == 0 || e.N > e.Span || h.total+uint64(e.Span) < h.total {
			return LossHistory{}, ErrLossHistory
		}
		h.total += uint64(e.Span)
		if e.N > 0 {
			if !finiteLoss(float64(e.Lo)) || !finiteLoss(float64(e.Hi)) || e.Lo > e.Hi {
				return LossHistory{}, ErrLossHistory
			}
			h.Max = max(h.Max, float64(e.Hi))
			for _, v := range [...]float64{float64(e.Lo), float64(e.Hi)} {
				if v > 0 && (h.MinPos == 0 || v < h.MinPos) {
					h.MinPos = v
				}
			}
		}
		h.Entries[i] = e
	}
	if first+h.total < first {
		return LossHistory{}, ErrLossHistory
	}
	tail := b[LossEntryBytes*n:]
	h.avg = math.Float64frombits(binary.LittleEndian.Uint64(tail))
	h.debias = math.Float64frombits(binary.LittleEndian.Uint64(tail[8:]))
	if !finiteLoss(h.avg) || !(h.debias >= 0 && h.debias <= 1) {
		return LossHistory{}, ErrLossHistory
	}
	return h, nil
}
