// Command jstrim writes a JavaScript file without its comments and
// indentation, line for line: the page's copy of Go's wasm_exec.js
// (build.sh build), about a fifth smaller with Brotli.
//
//	go run ./tools/jstrim -o build/wasm_exec.js "$(go env GOROOT)/lib/wasm/wasm_exec.js"
//
// It only does what needs no JavaScript parser: the comment lines at the
// start (the licence) stay; every other line loses its leading spaces and
// tabs; a line that then starts with // goes, and so does a line left empty;
// a line's trailing // comment goes when no quote, backtick or other slash
// comes before it on that line. Lines are never joined, so automatic
// semicolon insertion sees the same line ends. A file with a block comment
// (/*), a template literal over several lines (a line with an odd number of
// backticks) or a string continued on the next line (a line ending in a
// backslash), where a line's start or // may be inside the text, is written
// unchanged.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

// trim returns src without its comments and indentation, and whether it
// did anything (false: src is returned as it is).
func trim(src string) (string, bool) {
	lines := strings.Split(src, "\n")
	for _, l := range lines {
		if strings.Contains(l, "/*") || strings.Count(l, "`")%2 == 1 || strings.HasSuffix(strings.TrimRight(l, "\r"), "\\") {
			return src, false
		}
	}
	var out []string
	head := true // still in the comment lines at the start
	for _, l := range lines {
		t := strings.TrimLeft(l, " \t")
		if head && strings.HasPrefix(t, "//") {
			out = append(out, l)
			continue
		}
		head = false
		if strings.HasPrefix(t, "//") {
			continue
		}
		t = strings.TrimRight(cutComment(t), " \t\r")
		if t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, "\n") + "\n", true
}

// cutComment returns line without a trailing // comment that follows a
// space or tab, when no quote, backtick or other slash comes before it.
func cutComment(line string) string {
	i := strings.IndexAny(line, "/'\"`")
	if i > 0 && strings.HasPrefix(line[i:], "//") && (line[i-1] == ' ' || line[i-1] == '\t') {
		return line[:i]
	}
	return line
}

func main() {
	out := flag.String("o", "", "write the trimmed file here")
	flag.Parse()
	if flag.NArg() != 1 || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: jstrim -o out.js in.js")
		os.Exit(2)
	}
	src, err := os.ReadFile(flag.Arg(0))
	if err == nil {
		t, ok := trim(string(src))
		if !ok {
			fmt.Fprintln(os.Stderr, "jstrim: a block comment, or text over several lines: written unchanged")
		}
		err = os.WriteFile(*out, []byte(t), 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "jstrim:", err)
		os.Exit(1)
	}
}
