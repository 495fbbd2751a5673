package markup

import (
	"errors"
	"strings"
	"testing"
)

// dump writes a tree back in a plain form: elements with their attributes in
// order, texts in [brackets] (so that two texts side by side show as two).
func dump(n *Node) string {
	if n.Tag == "" {
		return "[" + n.Text + "]"
	}
	var b strings.Builder
	b.WriteString("<" + n.Tag)
	for _, a := range n.Attrs {
		b.WriteString(" " + a.Name + "=" + a.Value)
	}
	b.WriteString(">")
	for _, k := range n.Kids {
		b.WriteString(dump(k))
	}
	b.WriteString("</" + n.Tag + ">")
	return b.String()
}

func TestParse(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`<p>hello</p>`, `<p>[hello]</p>`},
		{"<section class=\"a b\" id='x'>\n  <h2 id=\"h\">Title</h2>\n  <p>one  two</p>\n</section>",
			`<section class=a b id=x><h2 id=h>[Title]</h2><p>[one  two]</p></section>`},
		{"<p>kept <var>z</var><sup>f</sup> ⊙ <!--\n  -->2 select</p>",
			`<p>[kept ]<var>[z]</var><sup>[f]</sup>[ ⊙ ][2 select]</p>`},
		{`<label>a<input type="range" min="0" hidden>b</label>`, `<label>[a]<input type=range min=0 hidden=></input>[b]</label>`},
		{`<div><img alt="x"/><br/></div>`, `<div><img alt=x></img><br></br></div>`},
		{`<th>shut &lt; 0.1 &amp; open &gt; 0.9 &#8722;1 &#x3b1; &quot;q&quot;&nbsp;</th>`, "<th>[shut < 0.1 & open > 0.9 −1 α \"q\"\u00a0]</th>"},
		{`<P Class="A">x</p>`, `<p class=A>[x]</p>`},
		{`<button title="a &amp; b">x</button>`, `<button title=a & b>[x]</button>`},
		{`<go-part data-ref="cmp-row"></go-part>`, `<go-part data-ref=cmp-row></go-part>`},
	} {
		n, err := Parse(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if got := dump(n); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	for _, in := range []string{
		``,
		`hello`,
		`<p>a</p><p>b</p>`,
		`<p>a</p>tail`,
		`<p>a`,
		`<p><b>a</p></b>`,
		`<p>a</div>`,
		`</p>`,
		`<p>1 < 2</p>`,
		`<p>a & b</p>`,
		`<p>&bogus;</p>`,
		`<p>&#0;</p>`,
		`<p class=a>x</p>`,
		`<p class="a>x</p>`,
		`<p =x>x</p>`,
		`<p><!-- open</p>`,
		`<p`,
	} {
		n, err := Parse(in)
		var e *Error
		if !errors.As(err, &e) || n != nil {
			t.Errorf("%q: %v, %v; want an *Error", in, n, err)
		}
	}
}

func TestDropLayout(t *testing.T) {
	for in, want := range map[string]string{
		"<a>\n  <b>x y</b>\n</a>": "<a><b>x y</b></a>",
		"a  b":                    "a  b",
		"a \r\n b":                "ab",
		"a\tb":                    "a\tb",
	} {
		if got := DropLayout(in); got != want {
			t.Errorf("DropLayout(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzParse: any input is a tree or an *Error, never a panic; a tree
// written back in markup reads back the same.
func FuzzParse(f *testing.F) {
	f.Add(`<p class="a">x <b>y</b><!---->z &lt;</p>`)
	f.Add(`<div><input hidden><img alt='a'/></div>`)
	f.Fuzz(func(t *testing.T, in string) {
		n, err := Parse(in)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("%q: %v is not an *Error", in, err)
			}
			return
		}
		again, err := Parse(write(n))
		if err != nil || dump(again) != dump(n) {
			t.Fatalf("%q read as %s, written as %q, read back as %v (%v)", in, dump(n), write(n), again, err)
		}
	})
}

// write writes a tree as markup this package reads (for FuzzParse).
func write(n *Node) string {
	if n.Tag == "" {
		return escape(n.Text) + "<!---->"
	}
	var b strings.Builder
	b.WriteString("<" + n.Tag)
	for _, a := range n.Attrs {
		b.WriteString(" " + a.Name + `="` + escape(a.Value) + `"`)
	}
	b.WriteString(">")
	if void[n.Tag] {
		return b.String()
	}
	for _, k := range n.Kids {
		b.WriteString(write(k))
	}
	b.WriteString("</" + n.Tag + ">")
	return b.String()
}

func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\n", "&#10;", "\r", "&#13;").Replace(s)
}
