package cell

import "strconv"

// Build returns the figure of s: the LSTM cell, or the RNN's if !s.LSTM.
// Labels come from tr (nil: English).
func Build(s Step, tr Text) Scene {
	if tr == nil {
		tr = English
	}
	parts, wires := lstmParts, lstmWires
	title := "cell.title.lstm"
	if !s.LSTM {
		parts, wires, title = rnnParts, rnnWires, "cell.title.rnn"
	}
	sc := Scene{Title: tr(title, num1(s.Unit), num1(s.T)), LSTM: s.LSTM}
	if s.X != "" {
		sc.Title += " · " + tr("cell.reads", s.shown(s.X))
	}
	pal := newPalette(s)
	stageOf := map[string]Stage{}
	for _, ps := range parts {
		sc.Parts = append(sc.Parts, buildPart(s, ps, pal, tr))
		stageOf[ps.id] = ps.stage
	}
	for _, ws := range wires {
		w := Wire{From: ws.from, To: ws.to, Points: ws.pts, Stage: stageOf[ws.to]}
		var k scale
		for _, ps := range parts {
			if ps.id == ws.from {
				k = ps.scale
			}
		}
		if v, ok := valueOf(s, ws.from); ok && ws.from != "y" {
			w.Value = v
			w.Color, w.Width = pal.paint(k, v)
		} else {
			w.Color, w.Width = pal.paint(scaleNone, 0)
		}
		sc.Wires = append(sc.Wires, w)
	}
	if s.LSTM {
		for _, b := range bandSpecs {
			b.Label = tr(b.Stage.Key())
			sc.Bands = append(sc.Bands, b)
		}
	}
	sc.Legends = legends(s, pal, tr)
	return sc
}

// buildPart fills in one part from its place and s.
func buildPart(s Step, ps partSpec, pal palette, tr Text) Part {
	p := Part{
		ID: ps.id, Of: ps.of, Shape: ps.shape, Stage: ps.stage, Symbol: ps.sym, Op: ps.op, Note: ps.note,
		X: ps.cx - ps.w/2, Y: ps.cy - ps.h/2, W: ps.w, H: ps.h,
		Fill: "#ffffff", Ink: "#1a1a1a", Width: 1,
	}
	named := ps.id
	if ps.of != "" {
		named = ps.of
	}
	p.Name = tr("cell.part." + named)
	p.Equation = equations(s, named)
	p.Value, p.HasValue = valueOf(s, ps.id)
	switch {
	case ps.id == "x":
		p.Text = s.shown(s.X)
	case ps.id == "y":
		p.Text = s.shown(s.Y)
		if p.HasValue {
			p.Text += " " + FormatPercent(p.Value)
		}
	case p.HasValue:
		p.Text = FormatValue(p.Value)
	}
	if p.HasValue {
		p.Fill, p.Width = pal.paint(ps.scale, p.Value)
		p.Ink = ink(p.Fill)
	}
	if ps.shape == Round && ps.anchor != "" {
		p.TextAt, p.Anchor = Point{ps.cx + ps.tx, ps.cy + ps.ty}, ps.anchor
	}
	return p
}

// legends returns the colour scales the figure uses, as the heatmaps' legends.
func legends(s Step, pal palette, tr Text) []Legend {
	stops := func(lo, hi float64, m func(float64) string) []string {
		const n = 9
		out := make([]string, n)
		for i := range out {
			out[i] = m(lo + (hi-lo)*float64(i)/(n-1))
		}
		return out
	}
	one := Legend{X: 150, Y: 424, W: 120, H: 8, Label: tr("cell.legend.signed"), Lo: "−1", Hi: "1",
		Stops: stops(-1, 1, pal.signed.CSS)}
	gate := Legend{X: 450, Y: 424, W: 120, H: 8, Label: tr("cell.legend.gate"), Lo: "0", Hi: "1",
		Stops: stops(0, 1, pal.gate.CSS)}
	if !s.LSTM {
		gate.Label = tr("cell.legend.p")
		return []Legend{one, gate}
	}
	l := s.cLimit()
	c := Legend{X: 300, Y: 424, W: 120, H: 8, Label: tr("cell.legend.c"), Lo: minus + formatLimit(l), Hi: formatLimit(l),
		Stops: stops(-l, l, pal.c.CSS)}
	return []Legend{one, c, gate}
}

// formatLimit writes a scale's limit compactly: "1", "2.5", "40".
func formatLimit(v float64) string {
	return strconv.FormatFloat(v, 'g', 4, 64)
}
