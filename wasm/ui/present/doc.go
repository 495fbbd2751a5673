// Package present is the page's pure presentation: how numbers, losses and
// runes are written (format.go), the step inspector's equations and value
// rows (equation.go), the geometry of the heatmaps and charts (layout.go),
// a trace seen one layer at a time with its statistics (tracestats.go), and
// the unit view's helpers: unit orders, an intervention's effect, ink on a
// colour and the snapshot schedule (inside.go), the names of the page's
// fields (fields.go), and each setting's range, checked as typed, with the
// sentence that refuses a value (settings.go, units.go). It uses no browser
// and is tested natively and under WebAssembly.
package present
