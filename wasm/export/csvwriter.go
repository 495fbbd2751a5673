package export

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// csvWriter writes records as encoding/csv's Writer does with its defaults
// (RFC 4180: fields joined by commas, a record ended by "\n"), without
// encoding/csv, which would link fmt into the page's WebAssembly. A field is
// quoted when it holds a comma, a quote, a line break or a carriage return,
// when it starts with white space, and when it is `\.`; a quote in a quoted
// field is doubled.
type csvWriter struct {
	w   io.Writer
	buf []byte
}

// Write writes one record and returns the error of w.
func (c *csvWriter) Write(record []string) error {
	c.buf = c.buf[:0]
	for i, field := range record {
		if i > 0 {
			c.buf = append(c.buf, ',')
		}
		if !csvNeedsQuotes(field) {
			c.buf = append(c.buf, field...)
			continue
		}
		c.buf = append(c.buf, '"')
		c.buf = append(c.buf, strings.ReplaceAll(field, `"`, `""`)...)
		c.buf = append(c.buf, '"')
	}
	c.buf = append(c.buf, '\n')
	_, err := c.w.Write(c.buf)
	return err
}

func csvNeedsQuotes(field string) bool {
	if field == "" {
		return false
	}
	if field == `\.` || strings.ContainsAny(field, ",\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r)
}
