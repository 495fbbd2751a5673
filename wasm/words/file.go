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
//	{"ids":{"<id>":"<message>",…},"page":{"<English sentence>":"<sentence>",…}}
//
// ids is the language's table of messages by id (as catalogue_zh.go has
// them), page its table of the page's own sentences keyed by their English
// (pageZh).

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
	b := []byte(`{"ids":`)
	b = appendObject(b, ids)
	b = append(b, `,"page":`...)
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
// English, or one the catalogue does not have).
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
	ids, page := r.read()
	if r.bad {
		return &FileError{Lang: l, Offset: r.i}
	}
	tables[l] = ids
	if l == ZhCN {
		zhCN, pageZh = ids, page
	}
	backTables[l], idTables[l] = nil, nil
	return nil
}

// fileReader reads a catalogue file: an object with the objects of strings
// ids and page (either may be missing), and nothing else.
type fileReader struct {
	b   []byte
	i   int
	bad bool
}

// read returns the file's two tables; r.bad tells whether it was not one.
func (r *fileReader) read() (ids, page map[string]string) {
	ids, page = map[string]string{}, map[string]string{}
	r.expect('{')
	for n := 0; !r.bad && !r.next('}'); n++ {
		if n > 0 {
			r.expect(',')
		}
		switch key := r.str(); key {
		case "ids":
			r.expect(':')
			r.object(ids)
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
