package markup

import (
	"errors"
	"strings"
	"testing"
)

// follow builds a tree from ops as boot.js's buildTree does, and returns
// its dump, with each remembered English as {attr|English|translation}
// after the node it belongs to, and the marked elements' dumps.
func follow(t *testing.T, ops string) (string, []string) {
	t.Helper()
	f := strings.Split(ops, Sep)
	if f[len(f)-1] != "" {
		t.Fatalf("ops do not end with Sep: %q", ops)
	}
	var root *Node
	var stack []*Node
	var refs []*Node
	marks := map[*Node][]string{}
	var last *Node
	for i := 0; i < len(f)-1; {
		op := f[i]
		i++
		switch op {
		case OpOpen:
			e := &Node{Tag: f[i]}
			i++
			if len(stack) == 0 {
				root = e
			} else {
				p := stack[len(stack)-1]
				p.Kids = append(p.Kids, e)
			}
			stack = append(stack, e)
			last = e
		case OpClose:
			stack = stack[:len(stack)-1]
		case OpAttr:
			e := stack[len(stack)-1]
			e.Attrs = append(e.Attrs, Attr{f[i], f[i+1]})
			i += 2
		case OpText:
			last = &Node{Text: f[i]}
			i++
			p := stack[len(stack)-1]
			p.Kids = append(p.Kids, last)
		case OpMark:
			marks[last] = append(marks[last], "{"+f[i]+"|"+f[i+1]+"|"+f[i+2]+"}")
			i += 3
		case OpRef:
			refs = append(refs, stack[len(stack)-1])
		default:
			t.Fatalf("unknown op %q in %q", op, ops)
		}
	}
	if len(stack) != 0 {
		t.Fatalf("%d elements left open by %q", len(stack), ops)
	}
	var dumpm func(n *Node) string
	dumpm = func(n *Node) string {
		if n.Tag == "" {
			return "[" + n.Text + "]" + strings.Join(marks[n], "")
		}
		var b strings.Builder
		b.WriteString("<" + n.Tag)
		for _, a := range n.Attrs {
			b.WriteString(" " + a.Name + "=" + a.Value)
		}
		b.WriteString(">" + strings.Join(marks[n], ""))
		for _, k := range n.Kids {
			b.WriteString(dumpm(k))
		}
		b.WriteString("</" + n.Tag + ">")
		return b.String()
	}
	var rs []string
	for _, r := range refs {
		rs = append(rs, dump(r))
	}
	return dumpm(root), rs
}

func TestOps(t *testing.T) {
	n, err := Parse(`<section class="a" aria-label="Loss"><h2 data-ref="head">Loss<!---->chart</h2><p><b data-ref="b">x</b> y</p><input data-ref="in" placeholder="Type"/></section>`)
	if err != nil {
		t.Fatal(err)
	}
	upper := func(s string) string {
		if s == "x" || s == "a" {
			return s // no translation: no mark
		}
		return strings.ToUpper(s)
	}
	translatable := func(name string) bool { return name == "aria-label" || name == "placeholder" }
	ops, names, err := n.Ops(upper, translatable)
	if err != nil {
		t.Fatal(err)
	}
	got, refs := follow(t, ops)
	want := `<section class=a aria-label=LOSS>{aria-label|Loss|LOSS}` +
		`<h2>[LOSS]{|Loss|LOSS}[CHART]{|chart|CHART}</h2>` +
		`<p><b>[x]</b>[ Y]{| y| Y}</p>` +
		`<input placeholder=TYPE>{placeholder|Type|TYPE}</input></section>`
	if got != want {
		t.Errorf("built\n%s\nwant\n%s", got, want)
	}
	if marked := func() string {
		var b []string
		for _, r := range names {
			b = append(b, r.Name+":"+r.Tag)
		}
		return strings.Join(b, ",")
	}(); marked != "head:h2,b:b,in:input" {
		t.Errorf("marked %q, want head:h2,b:b,in:input", marked)
	}
	if w := []string{"<h2>[LOSS][CHART]</h2>", "<b>[x]</b>", "<input placeholder=TYPE></input>"}; strings.Join(refs, "|") != strings.Join(w, "|") {
		t.Errorf("marked elements %q, want %q", refs, w)
	}
	// The data-ref attribute is not written; the class is not translated.
	if strings.Contains(ops, RefAttr) || strings.Contains(ops, "A"+Sep) {
		t.Errorf("ops %q write data-ref or translate class", ops)
	}
}

func TestOpsRefusesNUL(t *testing.T) {
	n, err := Parse(`<p title="t">a</p>`)
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = n.Ops(func(s string) string { return s + "\x00" }, func(string) bool { return true })
	if !errors.Is(err, errNUL) {
		t.Errorf("a translation with a NUL: err %v, want errNUL", err)
	}
}
