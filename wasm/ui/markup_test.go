package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"lstmplayground/wasm/ui/markup"
)

// TestMarkupConstants reads the page's Go (wasm/ui and below) and checks
// every markup the page parses (browser.Build.Markup): its argument is a
// constant of the same file (never a variable: the type system allows only
// untyped constants, and this test keeps them where a reader finds them),
// written as a raw string, and that markup has no script, no event handler,
// no inline style, no repeated data-ref and no line break inside a tag or a
// text, and marks every go-part with a data-ref: markup is the page's own
// static structure, and the person's text goes in afterwards as text.
func TestMarkupConstants(t *testing.T) {
	calls := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, "_js.go") {
			return err
		}
		calls += checkMarkupFile(t, path)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls < 20 {
		t.Fatalf("found %d Markup calls; the page builds its panels from markup", calls)
	}
}

// checkMarkupFile checks the Markup calls of one file and returns how many
// it has.
func checkMarkupFile(t *testing.T, path string) int {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	consts := map[string]*ast.BasicLit{}
	for _, decl := range f.Decls {
		if g, ok := decl.(*ast.GenDecl); ok && g.Tok == token.CONST {
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if i < len(vs.Values) {
						if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							consts[name.Name] = lit
						}
					}
				}
			}
		}
	}
	n := 0
	ast.Inspect(f, func(node ast.Node) bool {
		call, ok := node.(*ast.CallExpr)
		if !ok {
			return true
		}
		if sel, ok := call.Fun.(*ast.SelectorExpr); !ok || sel.Sel.Name != "Markup" || len(call.Args) != 1 {
			return true
		}
		n++
		where := fset.Position(call.Pos()).String()
		id, ok := call.Args[0].(*ast.Ident)
		var lit *ast.BasicLit
		if ok {
			lit = consts[id.Name]
		}
		if lit == nil || !strings.HasPrefix(lit.Value, "`") {
			t.Errorf("%s: Markup's argument is not a raw string constant of this file", where)
			return true
		}
		html, _ := strconv.Unquote(lit.Value)
		for _, problem := range markupProblems(html) {
			t.Errorf("%s: %s: %s", where, id.Name, problem)
		}
		if _, err := markup.Parse(html); err != nil {
			t.Errorf("%s: %s: %v", where, id.Name, err) // the page would panic building it
		}
		return true
	})
	return n
}

var (
	reComment = regexp.MustCompile(`(?s)<!--.*?-->`)
	reTag     = regexp.MustCompile(`<[^>]*>`)
	reRef     = regexp.MustCompile(`data-ref="([^"]*)"`)
	reHandler = regexp.MustCompile(`(?i)\son[a-z]+=`)
	reGoPart  = regexp.MustCompile(`<go-part(\s[^>]*)?>`)
)

// markupProblems lists what a piece of the page's markup must not have.
func markupProblems(html string) []string {
	var out []string
	low := strings.ToLower(html)
	for _, bad := range []string{"<script", "<style", " style=", "javascript:", "{{", "%s", "%v"} {
		if strings.Contains(low, bad) {
			out = append(out, "has "+bad)
		}
	}
	if reHandler.MatchString(html) {
		out = append(out, "has an event handler attribute")
	}
	// Line breaks are layout, dropped with the white space around them
	// (markup.DropLayout): none may fall inside a tag or a text.
	bare := reComment.ReplaceAllString(html, "")
	for _, tag := range reTag.FindAllString(bare, -1) {
		if strings.Contains(tag, "\n") {
			out = append(out, "a line break inside "+tag)
		}
	}
	for _, text := range reTag.Split(bare, -1) {
		if strings.Contains(strings.TrimSpace(text), "\n") {
			out = append(out, "a line break inside the text "+strings.TrimSpace(text))
		}
	}
	seen := map[string]bool{}
	for _, m := range reRef.FindAllStringSubmatch(html, -1) {
		if seen[m[1]] {
			out = append(out, "data-ref "+m[1]+" twice")
		}
		seen[m[1]] = true
	}
	for _, m := range reGoPart.FindAllString(html, -1) {
		if !strings.Contains(m, "data-ref=") {
			out = append(out, "a go-part without a data-ref")
		}
	}
	return out
}

// TestMarkupProblems checks the checker: it must find each kind of problem.
func TestMarkupProblems(t *testing.T) {
	for _, html := range []string{
		`<div><script>x()</script></div>`,
		`<div onclick="x()"></div>`,
		`<div style="color:red"></div>`,
		`<div><p data-ref="a"></p><p data-ref="a"></p></div>`,
		`<div><go-part></go-part></div>`,
		`<div>%s</div>`,
		"<div\n class=\"a\"></div>",
		"<p>two\n lines</p>",
	} {
		if len(markupProblems(html)) == 0 {
			t.Errorf("no problem found in %s", html)
		}
	}
	good := "<div class=\"a\">\n  <p data-ref=\"a\">text <!--\n  -->more</p>\n  <go-part data-ref=\"b\"></go-part>\n</div>"
	if p := markupProblems(good); len(p) != 0 {
		t.Errorf("problems found in good markup: %v", p)
	}
}
