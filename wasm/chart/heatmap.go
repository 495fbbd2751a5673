package chart

import "strconv"

// Heatmap fills dst, an RGBA image (4 bytes per pixel, rows top to bottom), with
// one pixel per value of data, coloured by m. data is row-major with rows×cols
// values: data[r·cols + c]. Without transpose the image is cols wide and rows
// high, value (r, c) at pixel (x = c, y = r); with transpose it is rows wide
// and cols high, value (r, c) at pixel (x = r, y = c). A trace array of shape
// (T, H) drawn with transpose has the units down and the steps across.
//
// dst must hold exactly 4·rows·cols bytes and data rows·cols values; Heatmap
// panics otherwise. It does not allocate. Every pixel gets alpha 255.
func Heatmap[F float32 | float64](dst []byte, data []F, rows, cols int, transpose bool, m *ColorMap) {
	if rows < 0 || cols < 0 || len(data) != rows*cols || len(dst) != 4*rows*cols {
		panic("chart: Heatmap: " + strconv.Itoa(len(data)) + " values and " + strconv.Itoa(len(dst)) + " bytes for " + strconv.Itoa(rows) + "×" + strconv.Itoa(cols))
	}
	lut := &m.lut
	nan := [4]byte{NaNColor.R, NaNColor.G, NaNColor.B, NaNColor.A}
	lo, hi := m.Lo, m.Hi
	scale := (lutSize - 1) / (hi - lo)
	if !(hi > lo) || !(scale > 0) || scale > 1e300 {
		// An empty, inverted, infinite or too wide a domain: the general
		// path handles it.
		for r := range rows {
			for c := range cols {
				k := m.Index(float64(data[r*cols+c]))
				p := pixel(r, c, rows, cols, transpose)
				if k < 0 {
					*(*[4]byte)(dst[4*p:]) = nan
				} else {
					*(*[4]byte)(dst[4*p:]) = lut[k]
				}
			}
		}
		return
	}
	if !transpose {
		for i, v := range data {
			x := (float64(v) - lo) * scale
			var c [4]byte
			switch {
			case x > 0 && x < lutSize-1:
				c = lut[int(x+0.5)]
			case x <= 0:
				c = lut[0]
			case x >= lutSize-1:
				c = lut[lutSize-1]
			default: // NaN
				c = nan
			}
			*(*[4]byte)(dst[4*i : 4*i+4]) = c
		}
		return
	}
	// Transposed: read data in order, write down the image's columns.
	for r := range rows {
		row := data[r*cols : (r+1)*cols]
		for c, v := range row {
			x := (float64(v) - lo) * scale
			var col [4]byte
			switch {
			case x > 0 && x < lutSize-1:
				col = lut[int(x+0.5)]
			case x <= 0:
				col = lut[0]
			case x >= lutSize-1:
				col = lut[lutSize-1]
			default:
				col = nan
			}
			o := 4 * (c*rows + r)
			*(*[4]byte)(dst[o : o+4]) = col
		}
	}
}

// pixel returns the pixel index of value (r, c).
func pixel(r, c, rows, cols int, transpose bool) int {
	if transpose {
		return c*rows + r
	}
	return r*cols + c
}
