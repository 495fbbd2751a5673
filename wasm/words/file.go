package words

import (
	"maps"
	"slices"
	"strconv"
	"unicode/utf8"
)

// A language's catalogue can travel as a file: the page's build (tag nozh)
// has only English compiled in, tools/wordsjson writes the Chinese with File
// into static/, and the page fetches it and installs it (Install) only when
// it shows Chinese. The file is JSON:
//
//	{"ids":["<message>",…],"page":{"<English sentence>":"<sentence>",…}}
//
// ids is the language's messages in the order of their ids, sorted, as
// English has them (the program has every id already: the file needs only
// the messages; "" for one the language lacks), page its table of the
// page's own sentences keyed by their English (pageZh). The file belongs to
// the build that wrote it (build.json names it by its hash).

// Has reports whether the catalogue of l is there: always for English, and
// for every language where it is compiled in; in the page's build, once
// Install has put it in.
func Has(l Lang) bool {
	return l == English || int(l) < len(tables) && len(tables[l]) > 0
}

// File returns the catalogue of l as a file for Install: JSON, one entry a
// line, keys in order.
func File(l Lang) []byte {
	var page map[string]string
	if l == ZhCN {
		page = pageZh
	}
	var ids map[string]string
	if int(l) < len(tables) {
		ids = tables[l]
	}
	b := []byte(`{"ids":[`)
	for i, id := range idOrder() {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		b = appendString(b, ids[id])
	}
	b = append(b, `],"page":`...)
	b = appendObject(b, page)
	return append(b, "}\n"...)
}

func appendObject(b []byte, m map[string]string) []byte {
	b = append(b, '{')
	for i, k := range slices.Sorted(maps.Keys(m)) {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		b = appendString(b, k)
		b = append(b, ':')
		b = appendString(b, m[k])
	}
	return append(b, '}')
}

// idOrder returns English's ids, sorted: the order of a file's messages.
// A Shell sort, by hand: sort's and slices' sorts of strings would add to
// app.wasm more than these lines.
func idOrder() []string {
	ids := make([]string, 0, len(en))
	for id := range en {
		ids = append(ids, id)
	}
	for gap := len(ids) / 2; gap > 0; gap /= 2 {
		for i := gap; i < len(ids); i++ {
			for j := i; j >= gap && ids[j-gap] > ids[j]; j -= gap {
				ids[j-gap], ids[j] = ids[j], ids[j-gap]
			}
		}
	}
	return ids
}

// appendString appends s as a JSON string: quotes, backslashes and control
// characters escaped, everything else as it is (UTF-8).
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// FileError is why Install refused a catalogue file: Offset is the byte of
// data where it stops being one (0 for a language that takes no file:
// English, or one the catalogue does not have; the file's length for one
// with another number of messages than English has ids).
type FileError struct {
	Lang   Lang
	Offset int
}

func (e *FileError) Error() string {
	return "words: no catalogue file for " + e.Lang.Tag() + " (byte " + strconv.Itoa(e.Offset) + ")"
}

// Install puts in the catalogue of l from data, a file as File writes it
// (any JSON of that shape), in place of the one l had. It changes nothing
// and returns a *FileError if data is not such a file, or for English.
func Install(l Lang, data []byte) error {
	if l == English || int(l) >= len(tables) {
		return &FileError{Lang: l}
	}
	r := fileReader{b: data}
	msgs, page := r.read()
	if r.bad {
		return &FileError{Lang: l, Offset: r.i}
	}
	ids := make(map[string]string, len(en))
	if msgs != nil {
		order := idOrder()
		if len(msgs) != len(order) {
			return &FileError{Lang: l, Offset: len(data)}
		}
		for i, t := range msgs {
			if t != "" {
				ids[order[i]] = t
			}
		}
	}
	tables[l] = ids
	if l == ZhCN {
		zhCN, pageZh = ids, page
	}
	backTables[l], idTables[l] = nil, nil
	return nil
}

// fileReader reads a catalogue file: an object with the array of strings
// ids and the object of strings page (either may be missing), and nothing
// else.
type fileReader struct {
	b   []byte
	i   int
	bad bool
}

// read returns the file's messages (nil if it has none) and page table;
// r.bad tells whether it was not a catalogue file.
func (r *fileReader) read() (ids []string, page map[string]string) {
	page = map[string]string{}
	r.expect('{')
	for n := 0; !r.bad && !r.next('}'); n++ {
		if n > 0 {
			r.expect(',')
		}
		switch key := r.str(); key {
		case "ids":
			r.expect(':')
			ids = r.array()
		case "page":
			r.expect(':')
			r.object(page)
		default:
			r.bad = true
		}
	}
	r.space()
	if r.i < len(r.b) {
		r.bad = true
	}
	return ids, page
}

// array reads an array of strings.
func (r *fileReader) array() []string {
	out := []string{}
	r.expect('[')
	for n := 0; !r.bad && !r.next(']'); n++ {
		if n > 0 {
			r.expect(',')
		}
		out = append(out, r.str())
	}
	return out
}

// object reads an object of strings into m.
func (r *fileReader) object(m map[string]string) {
	r.expect('{')
	for n := 0; !r.bad && !r.next('}'); n++ {
		if n > 0 {
			r.expect(',')
		}
		k := r.str()
		r.expect(':')
		m[k] = r.str()
	}
}

func (r *fileReader) space() {
	for r.i < len(r.b) && (r.b[r.i] == ' ' || r.b[r.i] == '\n' || r.b[r.i] == '\r' || r.b[r.i] == '\t') {
		r.i++
	}
}

// next skips space and c, if c comes next, and reports whether it did.
func (r *fileReader) next(c byte) bool {
	r.space()
	if r.i < len(r.b) && r.b[r.i] == c {
		r.i++
		return true
	}
	return false
}

func (r *fileReader) expect(c byte) {
	if !r.bad && !r.next(c) {
		r.bad = true
	}
}

// str reads a JSON string.
func (r *fileReader) str() string {
	r.expect('"')
	var out []byte
	for !r.bad && r.i < len(r.b) {
		c := r.b[r.i]
		r.i++
		switch {
		case c == '"':
			return string(out)
		case c < 0x20:
			r.bad = true
		case c != '\\':
			out = append(out, c)
		default:
			out = r.escape(out)
		}
	}
	r.bad = true
	return ""
}

// escape appends the character of the escape after a backslash.
func (r *fileReader) escape(out []byte) []byte {
	if r.i >= len(r.b) {
		r.bad = true
		return out
	}
	c := r.b[r.i]
	r.i++
	if k := slices.Index([]byte(`"\/bfnrt`), c); k >= 0 {
		return append(out, "\"\\/\b\f\n\r\t"[k])
	}
	if c != 'u' {
		r.bad = true
		return out
	}
	x := r.hex4()
	if 0xd800 <= x && x < 0xdc00 && r.i+1 < len(r.b) && r.b[r.i] == '\\' && r.b[r.i+1] == 'u' {
		at := r.i
		r.i += 2
		if y := r.hex4(); 0xdc00 <= y && y < 0xe000 {
			return utf8.AppendRune(out, 0x10000+(x-0xd800)<<10+(y-0xdc00))
		}
		r.i = at // not the second half: its own escape
	}
	return utf8.AppendRune(out, x) // a lone half is U+FFFD
}

// hex4 reads the four hex digits of a \u escape.
func (r *fileReader) hex4() rune {
	if r.i+4 > len(r.b) {
		r.bad = true
		return 0
	}
	var x rune
	for _, c := range r.b[r.i : r.i+4] {
		d := hex(c)
		if d < 0 {
			r.bad = true
		}
		x = x<<4 | rune(d)
	}
	r.i += 4
	return x
}
