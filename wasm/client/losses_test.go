package client

import (
	"bytes"
	"encoding/csv"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"lstmplayground/wasm/chart"
)

func TestLossHistory(t *testing.T) {
	var h LossHistory
	h.Add(3, []float32{3, 2, 1})
	if h.First != 1 || h.Len() != 3 || h.Max != 3 {
		t.Fatalf("first %d len %d max %g", h.First, h.Len(), h.Max)
	}
	if h.Entries[0].Smooth != 3 {
		t.Errorf("the first smoothed loss %g is not debiased to the first loss", h.Entries[0].Smooth)
	}
	h.Add(5, []float32{1, 1})
	if h.Len() != 5 || h.Next() != 6 {
		t.Errorf("after continuing: len %d next %d", h.Len(), h.Next())
	}
	h.Add(8, []float32{1}) // updates 6 and 7 dropped by the engine
	if h.Len() != 8 || !math.IsNaN(float64(h.Entries[5].Raw)) || h.Entries[7].Raw != 1 {
		t.Errorf("gap: len %d entries %v", h.Len(), h.Entries)
	}
	if raw, ok := h.LastRaw(); !ok || raw != 1 {
		t.Errorf("LastRaw = %g, %v", raw, ok)
	}
	h.Add(8, nil) // a Progress without losses changes nothing
	if h.Len() != 8 {
		t.Errorf("empty Progress changed the history: len %d", h.Len())
	}
	h.Add(2, []float32{4, 4}) // a new model
	if h.First != 1 || h.Len() != 2 || h.Max != 4 {
		t.Errorf("after a new model: first %d len %d max %g", h.First, h.Len(), h.Max)
	}
	h.Add(0, nil) // Reset
	if h.Len() != 0 {
		t.Errorf("after Reset: len %d", h.Len())
	}
	if _, ok := h.LastSmooth(); ok {
		t.Error("smoothed loss after Reset")
	}
}

// lossRun returns the losses of updates 1…n of a made-up run: falling, noisy,
// with a few non-finite ones.
func lossRun(n int) []float32 {
	out := make([]float32, n)
	for i := range out {
		out[i] = float32(3*math.Exp(-float64(i)/float64(n/4+1)) + 0.5*math.Abs(math.Sin(float64(i)*0.37)))
		if i%9973 == 17 {
			out[i] = float32(math.NaN())
		}
	}
	return out
}

// addInChunks adds losses as Progress messages bring them: a few at a time.
func addInChunks(h *LossHistory, losses []float32, chunk int) {
	for i := 0; i < len(losses); i += chunk {
		j := min(i+chunk, len(losses))
		h.Add(uint64(j), losses[i:j])
	}
}

func TestLossHistoryBounded(t *testing.T) {
	const n = 1_000_000
	losses := lossRun(n)
	var h LossHistory
	addInChunks(&h, losses, 37)
	if h.Len() > MaxLossEntries || h.Len() < MaxLossEntries/2 {
		t.Fatalf("%d entries for %d updates; want at most %d", h.Len(), n, MaxLossEntries)
	}
	if h.First != 1 || h.Updates() != n || h.Next() != n+1 || !h.Binned() {
		t.Fatalf("first %d, %d updates, next %d, binned %v", h.First, h.Updates(), h.Next(), h.Binned())
	}
	// The newest half keeps every update; spans never grow towards the newest.
	for i, e := range h.Entries[h.Len()-MaxLossEntries/2:] {
		if e.Span != 1 {
			t.Fatalf("entry %d of the newest half covers %d updates", i, e.Span)
		}
	}
	for i := 1; i < h.Len(); i++ {
		if h.Entries[i].Span > h.Entries[i-1].Span {
			t.Fatalf("entry %d covers %d updates, more than the older entry before it (%d)", i, h.Entries[i].Span, h.Entries[i-1].Span)
		}
	}
	checkRows(t, &h, losses)
	// The smoothed loss of an entry is that of its last update in a full
	// history (of the first MaxLossEntries updates, not yet merged).
	var full LossHistory
	for i, l := range losses[:MaxLossEntries] {
		full.Add(uint64(i+1), []float32{l})
	}
	for _, r := range h.Rows() {
		if r.Last > MaxLossEntries {
			break
		}
		want := full.Entries[r.Last-1].Smooth
		if math.IsNaN(float64(want)) {
			continue
		}
		if r.Smooth != want {
			t.Fatalf("row %d…%d: smoothed %g, want %g", r.First, r.Last, r.Smooth, want)
		}
	}
	if sm, _ := h.LastSmooth(); sm <= 0 {
		t.Errorf("LastSmooth %g", sm)
	}
	if v, ok := h.SmoothAt(n / 2); !ok || !(v > 0) {
		t.Errorf("SmoothAt(%d) = %g, %v", n/2, v, ok)
	}
	if _, ok := h.SmoothAt(0); ok {
		t.Error("SmoothAt before the first update")
	}
}

// checkRows fails unless each row's update numbers, count, mean, least and
// largest are those of the losses it stands for.
func checkRows(t *testing.T, h *LossHistory, losses []float32) {
	t.Helper()
	next := uint64(1)
	for _, r := range h.Rows() {
		if r.First != next || r.Last-r.First+1 != uint64(r.Span) {
			t.Fatalf("row %d…%d (span %d) after update %d", r.First, r.Last, r.Span, next-1)
		}
		next = r.Last + 1
		var sum float64
		var cnt uint32
		lo, hi := float32(math.Inf(1)), float32(math.Inf(-1))
		for _, l := range losses[r.First-1 : r.Last] {
			if finiteLoss(float64(l)) {
				sum += float64(l)
				cnt++
				lo, hi = min(lo, l), max(hi, l)
			}
		}
		if cnt != r.N {
			t.Fatalf("row %d…%d: %d finite losses, want %d", r.First, r.Last, r.N, cnt)
		}
		if cnt == 0 {
			continue
		}
		if mean := sum / float64(cnt); math.Abs(float64(r.Raw)-mean) > 1e-5*mean {
			t.Fatalf("row %d…%d: mean %g, want %g", r.First, r.Last, r.Raw, mean)
		}
		if r.Lo != lo || r.Hi != hi {
			t.Fatalf("row %d…%d: least %g largest %g, want %g %g", r.First, r.Last, r.Lo, r.Hi, lo, hi)
		}
	}
}

func TestLossHistoryTruncate(t *testing.T) {
	var h LossHistory
	addInChunks(&h, lossRun(3*MaxLossEntries), 50)
	rows := h.Rows()
	cut := rows[10].Last + 1 // inside a block: the block goes
	if rows[11].Span < 2 {
		t.Fatalf("want a block at row 11, span %d", rows[11].Span)
	}
	h.Truncate(cut)
	if h.Len() != 11 || h.Next() != rows[10].Last+1 {
		t.Errorf("after Truncate(%d): %d entries, next %d", cut, h.Len(), h.Next())
	}
	h.Truncate(1 << 40) // beyond the end: nothing changes
	if h.Len() != 11 {
		t.Errorf("Truncate past the end dropped entries: %d", h.Len())
	}
}

func TestLossHistoryChart(t *testing.T) {
	f := func(h *LossHistory, w float64) chart.Frame {
		return chart.Frame{Rect: chart.Rect{X0: 0, Y0: 0, X1: w, Y1: 100},
			X: chart.Linear{D0: float64(h.First), D1: float64(h.Next() - 1), R0: 0, R1: w},
			Y: chart.Linear{D0: 0, D1: 4, R0: 100, R1: 0}}
	}
	// Full resolution and denser than the pixels: the same points as
	// chart.Polyline, which the chart drew before the history was bounded.
	losses := lossRun(MaxLossEntries / 2)
	var h LossHistory
	addInChunks(&h, losses, 10)
	smooth := make([]float32, h.Len())
	for i, e := range h.Entries {
		smooth[i] = e.Smooth
	}
	fr := f(&h, 300)
	if got, want := h.AppendRaw(nil, fr), chart.Polyline(nil, fr, 1, 1, losses); !slices.Equal(got, want) {
		t.Errorf("raw line: %d points, chart.Polyline %d", len(got), len(want))
	}
	if got, want := h.AppendSmooth(nil, fr), chart.Polyline(nil, fr, 1, 1, smooth); !slices.Equal(got, want) {
		t.Errorf("smoothed line: %d points, chart.Polyline %d", len(got), len(want))
	}
	// Bounded: every pixel column's extent lies within that of the full
	// history's line in the column or its neighbours, at most two points per
	// column, in the order of the updates.
	long := lossRun(200_000)
	var b, all LossHistory
	addInChunks(&b, long, 25)
	all.First, all.total = 1, uint64(len(long))
	for _, l := range long { // a full history without the bound, for reference
		all.Entries = append(all.Entries, LossEntry{Span: 1, Raw: l, Lo: l, Hi: l})
	}
	const w = 1200
	fr = f(&b, w)
	ext := func(pts []chart.Point) map[int][2]float64 {
		m := map[int][2]float64{}
		for _, p := range pts {
			c := int(math.Floor(p.X))
			e, ok := m[c]
			if !ok {
				e = [2]float64{p.Y, p.Y}
			}
			m[c] = [2]float64{min(e[0], p.Y), max(e[1], p.Y)}
		}
		return m
	}
	got := b.AppendRaw(nil, fr)
	ref := ext(all.AppendRaw(nil, fr))
	perCol := map[int]int{}
	for i, p := range got {
		c := int(math.Floor(p.X))
		perCol[c]++
		if perCol[c] > 2 {
			t.Fatalf("more than two points in column %d", c)
		}
		if i > 0 && p.X < got[i-1].X {
			t.Fatalf("point %d goes back: x %g after %g", i, p.X, got[i-1].X)
		}
		lo, hi := math.Inf(1), math.Inf(-1)
		for d := -1; d <= 1; d++ {
			if e, ok := ref[c+d]; ok {
				lo, hi = min(lo, e[0]), max(hi, e[1])
			}
		}
		if p.Y < lo-1e-9 || p.Y > hi+1e-9 {
			t.Fatalf("column %d: y %g outside the full history's %g…%g", c, p.Y, lo, hi)
		}
	}
	if len(perCol) < w*9/10 {
		t.Errorf("the raw line covers %d of %d columns", len(perCol), w)
	}
}

func TestLossHistoryBinary(t *testing.T) {
	var h LossHistory
	losses := lossRun(3 * MaxLossEntries)
	addInChunks(&h, losses[:2*MaxLossEntries], 17)
	h.First = 41 // a history that starts at update 41
	b := h.MarshalBinary()
	g, err := ParseLossHistory(41, b)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(g.Entries, h.Entries, sameEntry) || g.First != 41 || g.Next() != h.Next() || g.Max != h.Max || g.MinPos != h.MinPos {
		t.Fatalf("round trip: first %d next %d max %g minpos %g; want %d %d %g %g", g.First, g.Next(), g.Max, g.MinPos, h.First, h.Next(), h.Max, h.MinPos)
	}
	// Training goes on after a restore exactly as without one.
	rest := losses[2*MaxLossEntries:]
	h.Add(h.Next()-1+uint64(len(rest)), rest)
	g.Add(g.Next()-1+uint64(len(rest)), rest)
	if !slices.EqualFunc(g.Entries, h.Entries, sameEntry) {
		t.Error("the restored history goes on differently")
	}
	for name, bad := range map[string][]byte{
		"short":     b[:10],
		"ragged":    b[:len(b)-1],
		"span 0":    append(make([]byte, 24), b[len(b)-16:]...),
		"too many":  make([]byte, LossEntryBytes*(MaxLossEntries+1)+16),
		"nan state": append(append([]byte(nil), b[:len(b)-16]...), 0, 0, 0, 0, 0, 0, 0xf8, 0x7f, 0, 0, 0, 0, 0, 0, 0, 0),
	} {
		if _, err := ParseLossHistory(1, bad); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func sameEntry(a, b LossEntry) bool {
	eq := func(x, y float32) bool { return x == y || math.IsNaN(float64(x)) && math.IsNaN(float64(y)) }
	return a.Span == b.Span && a.N == b.N && eq(a.Raw, b.Raw) && eq(a.Lo, b.Lo) && eq(a.Hi, b.Hi) && eq(a.Smooth, b.Smooth)
}

func TestLossHistoryCSV(t *testing.T) {
	var h LossHistory
	h.Add(12, []float32{2.5, 2})
	var buf bytes.Buffer
	if err := h.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	if want := "update,loss\n11,2.5\n12,2\n"; buf.String() != want {
		t.Errorf("full resolution: %q, want %q", buf.String(), want)
	}
	// Bounded: a row per entry, its last update, mean, count, least and
	// largest, and the counts add up to every update.
	h.Reset()
	losses := lossRun(5 * MaxLossEntries)
	addInChunks(&h, losses, 40)
	buf.Reset()
	if err := h.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != "update,loss,updates,loss_min,loss_max" || len(recs) != h.Len()+1 {
		t.Fatalf("header %v, %d rows for %d entries", recs[0], len(recs)-1, h.Len())
	}
	next := uint64(1)
	for i, r := range recs[1:] {
		last, _ := strconv.ParseUint(r[0], 10, 64)
		count, _ := strconv.ParseUint(r[2], 10, 64)
		if count == 0 || last != next+count-1 {
			t.Fatalf("row %d: update %d covering %d updates after update %d", i, last, count, next-1)
		}
		if count == 1 && r[1] != r[3] && r[1] != "NaN" {
			t.Fatalf("row %d: a single update with least %s and loss %s", i, r[3], r[1])
		}
		if count == 1 {
			if want := strconv.FormatFloat(float64(losses[last-1]), 'g', -1, 32); r[1] != want {
				t.Fatalf("row %d: loss of update %d is %s, want %s", i, last, r[1], want)
			}
		}
		next = last + 1
	}
	if next != uint64(len(losses))+1 {
		t.Errorf("the rows end at update %d, want %d", next-1, len(losses))
	}
}
