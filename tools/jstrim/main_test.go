package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestTrim(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"// licence\n// more\n\n\t// doc\n\tconst a = 1; // one\n", "// licence\n// more\nconst a = 1;\n"},
		{"x\n\t\tif (a) {\n\n\t\t\tb(); // call\n\t\t}\n", "x\nif (a) {\nb();\n}\n"},
		{"x\ns = 'a // b'; // c\n", "x\ns = 'a // b'; // c\n"}, // a quote first: the line stays
		{"x\nq = a / b; // half\n", "x\nq = a / b; // half\n"}, // a slash first: it stays
		{"x\nu = 'http://a';\n", "x\nu = 'http://a';\n"},       // no space before //
		{"x\nr = /[\"]/; // re\n", "x\nr = /[\"]/; // re\n"},   // a regular expression first
		{"x\n  y(); //\n", "x\ny();\n"},
	} {
		got, ok := trim(c.in)
		if got != c.want || !ok {
			t.Errorf("trim(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

// TestTrimRefuses: where a line's start or a // may be inside a text, the
// file stays as it is.
func TestTrimRefuses(t *testing.T) {
	for _, in := range []string{
		"x\n\t/* a\n\t   b */\n",
		"x\n\tt = `a\n\t// b`;\n",
		"x\n\ts = 'a\\\n\t// b';\n",
	} {
		if got, ok := trim(in); got != in || ok {
			t.Errorf("trim(%q) = %q, %v; want it unchanged", in, got, ok)
		}
	}
}

// TestWasmExec trims this Go installation's wasm_exec.js: its licence stays,
// it is smaller, and, where Node.js is installed, it parses.
func TestWasmExec(t *testing.T) {
	root, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Skip("no go command:", err)
	}
	src, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(root)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		t.Skip("no wasm_exec.js:", err)
	}
	got, ok := trim(string(src))
	if !ok || !strings.HasPrefix(got, "// Copyright") || len(got) > len(src)*9/10 || strings.Contains(got, "\n\t") {
		t.Fatalf("trimmed: %v, %d bytes of %d, starts %q", ok, len(got), len(src), got[:min(len(got), 40)])
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no Node.js: not parsed")
	}
	out := filepath.Join(t.TempDir(), "wasm_exec.js")
	if err := os.WriteFile(out, []byte(got), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command(node, "--check", out).CombinedOutput(); err != nil {
		t.Fatalf("node --check: %v\n%s", err, b)
	}
}
