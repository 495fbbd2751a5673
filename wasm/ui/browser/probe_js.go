//go:build js && wasm

package browser

import (
	"strconv"
	"syscall/js"
)

// FrameProbe times the parts of the page's work (each panel's paint in a
// frame, the handling of an engine message) for tests/bench/budgets.mjs: CPU
// time on the page's thread, which depends on the machine's load far less
// than the gaps between frames do. It is on only when the page was opened
// with globalThis.lstmFrameProbe set (the budgets script sets it before the
// page's scripts run); then lstmFrameProbe.read() returns the durations in
// ms by part as JSON, and lstmFrameProbe.reset() forgets them. Off, Start
// and Stop cost a branch each.
type FrameProbe struct {
	on      bool
	perf    js.Value
	order   []string
	samples map[string][]float64
	fns     [2]js.Func // program lifetime: read and reset, never released
}

// NewFrameProbe returns the page's probe, on if the page asked for it.
func NewFrameProbe() *FrameProbe {
	p := &FrameProbe{}
	g := js.Global().Get("lstmFrameProbe")
	if g.Type() != js.TypeObject {
		return p
	}
	p.on, p.perf, p.samples = true, js.Global().Get("performance"), map[string][]float64{}
	p.fns[0] = js.FuncOf(func(js.Value, []js.Value) any { return p.json() })
	p.fns[1] = js.FuncOf(func(js.Value, []js.Value) any {
		p.order, p.samples = nil, map[string][]float64{}
		return nil
	})
	g.Set("read", p.fns[0])
	g.Set("reset", p.fns[1])
	return p
}

// Start returns the clock for Stop (0 when the probe is off).
func (p *FrameProbe) Start() float64 {
	if !p.on {
		return 0
	}
	return p.perf.Call("now").Float()
}

// Stop notes the time since t0 (of Start) as one sample of part.
func (p *FrameProbe) Stop(part string, t0 float64) {
	if !p.on {
		return
	}
	d := p.perf.Call("now").Float() - t0
	if _, ok := p.samples[part]; !ok {
		p.order = append(p.order, part)
	}
	p.samples[part] = append(p.samples[part], d)
}

// json writes the samples as {"part":[ms,...],...}, parts in the order first seen.
func (p *FrameProbe) json() string {
	b := []byte{'{'}
	for i, part := range p.order {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(append(append(b, '"'), part...), '"', ':', '[') // the parts are the page's own names, plain ASCII
		for k, d := range p.samples[part] {
			if k > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendFloat(b, d, 'f', 3, 64)
		}
		b = append(b, ']')
	}
	return string(append(b, '}'))
}
