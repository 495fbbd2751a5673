// Package markup reads the page's own markup: the small part of HTML that the
// panels' static structure is written in (wasm/ui/browser's Build.Markup
// builds the elements from the tree it returns, with createElement and
// createTextNode: the page never hands a string to the browser's HTML
// parser).
//
// What it reads: elements with double- or single-quoted attributes (or bare
// ones, such as hidden), void elements (input, img …) with or without "/>",
// text with the character references &lt; &gt; &amp; &quot; &#39; &nbsp; and
// numeric ones, and comments. Every run of white space that holds a line
// break is the source's layout and is dropped; a comment is dropped too, and
// the text around it stays two texts (<!----> splits a sentence into two
// translated parts). Anything else — an end tag that closes another element,
// an unknown reference, a second root, text outside the root — is an *Error:
// the markup is a constant of the page's source, and the page's tests parse
// every one of them.
package markup

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Node is an element (Tag set) or a text (Tag empty).
type Node struct {
	Tag   string // lower case, as written
	Attrs []Attr // in the order written
	Text  string // a text's characters, references resolved
	Kids  []*Node
}

// Attr is one attribute of an element; a bare attribute has an empty Value.
type Attr struct {
	Name, Value string
}

// Error is markup that this package does not read, and where.
type Error struct {
	Offset int    // byte offset in the markup, after its layout was dropped
	Reason string // what is wrong there
}

func (e *Error) Error() string {
	return "markup: at byte " + strconv.Itoa(e.Offset) + ": " + e.Reason
}

// void lists the elements that have no end tag.
var void = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true,
	"hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true,
	"track": true, "wbr": true}

// Parse reads markup holding one root element and returns it.
func Parse(s string) (*Node, error) {
	p := &parser{s: DropLayout(s)}
	root := &Node{}
	if err := p.children(root); err != nil {
		return nil, err
	}
	if p.i < len(p.s) {
		return nil, p.fail("an end tag that closes nothing")
	}
	if len(root.Kids) != 1 || root.Kids[0].Tag == "" {
		return nil, &Error{0, "markup holds " + strconv.Itoa(len(root.Kids)) + " nodes, not one root element"}
	}
	return root.Kids[0], nil
}

// DropLayout removes every run of white space that holds a line break.
func DropLayout(s string) string {
	var out strings.Builder
	out.Grow(len(s))
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r') {
			j++
		}
		if j == i {
			out.WriteByte(s[i])
			i++
			continue
		}
		if !strings.ContainsAny(s[i:j], "\n\r") {
			out.WriteString(s[i:j])
		}
		i = j
	}
	return out.String()
}

type parser struct {
	s string
	i int
}

func (p *parser) fail(reason string) *Error { return &Error{p.i, reason} }

// children reads the content of parent up to its end tag (left unread) or
// the end of the markup.
func (p *parser) children(parent *Node) error {
	for p.i < len(p.s) {
		switch {
		case strings.HasPrefix(p.s[p.i:], "<!--"):
			end := strings.Index(p.s[p.i+4:], "-->")
			if end < 0 {
				return p.fail("a comment that does not end")
			}
			p.i += 4 + end + 3 // dropped: the texts around it stay two
		case strings.HasPrefix(p.s[p.i:], "</"):
			return nil
		case p.s[p.i] == '<':
			e, err := p.element()
			if err != nil {
				return err
			}
			parent.Kids = append(parent.Kids, e)
		default:
			end := strings.IndexByte(p.s[p.i:], '<')
			if end < 0 {
				end = len(p.s) - p.i
			}
			text, err := p.unescape(p.s[p.i : p.i+end])
			if err != nil {
				return err
			}
			p.i += end
			parent.Kids = append(parent.Kids, &Node{Text: text})
		}
	}
	return nil
}

// element reads an element from its start tag to its end tag.
func (p *parser) element() (*Node, error) {
	p.i++ // <
	e := &Node{Tag: p.name()}
	if e.Tag == "" {
		return nil, p.fail("a < that starts no tag (write &lt;)")
	}
	selfClosed, err := p.attrs(e)
	if err != nil {
		return nil, err
	}
	if selfClosed || void[e.Tag] {
		return e, nil
	}
	if err := p.children(e); err != nil {
		return nil, err
	}
	end := "</" + e.Tag + ">"
	if !strings.HasPrefix(p.s[p.i:], end) {
		return nil, p.fail("<" + e.Tag + "> is not closed here by " + end)
	}
	p.i += len(end)
	return e, nil
}

// attrs reads the attributes of a start tag and its end, > or />.
func (p *parser) attrs(e *Node) (selfClosed bool, err error) {
	for {
		p.spaces()
		switch {
		case p.i >= len(p.s):
			return false, p.fail("a tag that does not end")
		case p.s[p.i] == '>':
			p.i++
			return false, nil
		case strings.HasPrefix(p.s[p.i:], "/>"):
			p.i += 2
			return true, nil
		}
		a := Attr{Name: p.name()}
		if a.Name == "" {
			return false, p.fail("an attribute without a name")
		}
		if p.i < len(p.s) && p.s[p.i] == '=' {
			p.i++
			if a.Value, err = p.value(); err != nil {
				return false, err
			}
		}
		e.Attrs = append(e.Attrs, a)
	}
}

// value reads a quoted attribute value.
func (p *parser) value() (string, error) {
	if p.i >= len(p.s) || (p.s[p.i] != '"' && p.s[p.i] != '\'') {
		return "", p.fail("an attribute value without quotes")
	}
	q := p.s[p.i]
	end := strings.IndexByte(p.s[p.i+1:], q)
	if end < 0 {
		return "", p.fail("an attribute value that does not end")
	}
	v, err := p.unescape(p.s[p.i+1 : p.i+1+end])
	p.i += end + 2
	return v, err
}

// name reads a tag or attribute name, in lower case.
func (p *parser) name() string {
	j := p.i
	for j < len(p.s) {
		c := p.s[j]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == ':') {
			break
		}
		j++
	}
	n := strings.ToLower(p.s[p.i:j])
	p.i = j
	return n
}

func (p *parser) spaces() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

// refs are the named character references the markup may use.
var refs = map[string]string{"lt": "<", "gt": ">", "amp": "&", "quot": `"`, "apos": "'", "nbsp": "\u00a0"}

// unescape resolves the character references of s, which starts at p.i.
func (p *parser) unescape(s string) (string, error) {
	if !strings.Contains(s, "&") {
		return s, nil
	}
	var out strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '&' {
			out.WriteByte(s[i])
			i++
			continue
		}
		end := strings.IndexByte(s[i:], ';')
		if end < 0 {
			return "", &Error{p.i + i, "an & that starts no character reference (write &amp;)"}
		}
		name := s[i+1 : i+end]
		r, ok := refs[name]
		if !ok {
			r, ok = numericRef(name)
		}
		if !ok {
			return "", &Error{p.i + i, "an unknown character reference &" + name + ";"}
		}
		out.WriteString(r)
		i += end + 1
	}
	return out.String(), nil
}

// numericRef reads #NNN or #xHH.
func numericRef(name string) (string, bool) {
	if !strings.HasPrefix(name, "#") {
		return "", false
	}
	base, digits := 10, name[1:]
	if strings.HasPrefix(digits, "x") || strings.HasPrefix(digits, "X") {
		base, digits = 16, digits[1:]
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || n == 0 || !utf8.ValidRune(rune(n)) {
		return "", false
	}
	return string(rune(n)), true
}
