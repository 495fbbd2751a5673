package cell

import "math"

// wireReach is how far from a wire's centre line a point still hits it.
const wireReach = 4

// At returns the id of the part at (x, y) in viewBox units: a part itself,
// or the part a wire near the point comes from (its value is the wire's);
// "" for none. Parts drawn later lie on top and win.
func (sc *Scene) At(x, y float64) string {
	for i := len(sc.Parts) - 1; i >= 0; i-- {
		if sc.Parts[i].Contains(x, y) {
			return sc.Parts[i].ID
		}
	}
	for i := len(sc.Wires) - 1; i >= 0; i-- {
		w := &sc.Wires[i]
		reach := math.Max(wireReach, w.Width/2+1)
		for k := 1; k < len(w.Points); k++ {
			if segmentDist(w.Points[k-1], w.Points[k], x, y) <= reach {
				return w.From
			}
		}
	}
	return ""
}

// StageAt returns the stage whose band lies under (x, y), or StageNone: for
// hovering a stage's name or its shaded region.
func (sc *Scene) StageAt(x, y float64) Stage {
	for _, b := range sc.Bands {
		if x >= b.X && x <= b.X+b.W && y >= b.Y && y <= b.Y+b.H {
			return b.Stage
		}
	}
	return StageNone
}

// ToView maps a point of an element of w × h pixels that shows the scene
// whole and centred (as SVG's default preserveAspectRatio does) into
// viewBox units.
func ToView(px, py, w, h float64) (x, y float64) {
	if !(w > 0 && h > 0) {
		return math.NaN(), math.NaN()
	}
	s := math.Min(w/ViewW, h/ViewH)
	return (px - (w-s*ViewW)/2) / s, (py - (h-s*ViewH)/2) / s
}

// segmentDist returns the distance from (x, y) to the segment a–b.
func segmentDist(a, b Point, x, y float64) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = max(0, min(1, ((x-a.X)*dx+(y-a.Y)*dy)/l))
	}
	return math.Hypot(x-(a.X+t*dx), y-(a.Y+t*dy))
}
