// Command watfma writes the fused multiply-add variant of a WebAssembly text
// module: in the functions it is given by their export names, every
//
//	(f64x2.add (local.get $acc) (f64x2.mul A B))
//
// becomes (f64x2.relaxed_madd A B (local.get $acc)), which rounds once where the
// original rounds twice (a relaxed-SIMD instruction: wat2wasm needs
// --enable-relaxed-simd, and only engines with relaxed SIMD accept it). Nothing
// else changes, so the two modules compute the same sums in the same order.
//
//	watfma -funcs matvec,gemmacc in.wat > out.wat
//
// It fails if one of the functions is missing or has no such sum, so that a
// change to the source cannot silently leave the variant exact.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	funcs := flag.String("funcs", "", "comma-separated export names of the functions to rewrite")
	flag.Parse()
	if flag.NArg() != 1 || *funcs == "" {
		fmt.Fprintln(os.Stderr, "usage: watfma -funcs name,name in.wat > out.wat")
		os.Exit(2)
	}
	src, err := os.ReadFile(flag.Arg(0))
	if err == nil {
		var out string
		out, err = rewrite(string(src), strings.Split(*funcs, ","))
		if err == nil {
			_, err = os.Stdout.WriteString(out)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "watfma:", err)
		os.Exit(1)
	}
}

var errSyntax = errors.New("unbalanced parentheses")

// rewrite rewrites the sums in each named function of src.
func rewrite(src string, names []string) (string, error) {
	for _, name := range names {
		head := `(func (export "` + name + `")`
		start := strings.Index(src, head)
		if start < 0 {
			return "", fmt.Errorf("no function %q", name)
		}
		end, err := closing(src, start)
		if err != nil {
			return "", err
		}
		body, n, err := fuse(src[start:end])
		if err != nil {
			return "", err
		}
		if n == 0 {
			return "", fmt.Errorf("function %q has no (f64x2.add (local.get …) (f64x2.mul …))", name)
		}
		src = src[:start] + body + src[end:]
	}
	return src, nil
}

// fuse rewrites every matching sum in s and returns how many it rewrote.
func fuse(s string) (string, int, error) {
	const add, mul = "(f64x2.add ", "(f64x2.mul "
	var b strings.Builder
	n := 0
	for {
		i := strings.Index(s, add)
		if i < 0 {
			b.WriteString(s)
			return b.String(), n, nil
		}
		end, err := closing(s, i)
		if err != nil {
			return "", 0, err
		}
		args, err := operands(s[i+len(add) : end-1])
		if err != nil {
			return "", 0, err
		}
		if len(args) != 2 || !strings.HasPrefix(args[0], "(local.get ") || !strings.HasPrefix(args[1], mul) {
			// Not an accumulation: keep its head, look inside it.
			b.WriteString(s[:i+len(add)])
			s = s[i+len(add):]
			continue
		}
		factors, err := operands(args[1][len(mul) : len(args[1])-1])
		if err != nil {
			return "", 0, err
		}
		if len(factors) != 2 {
			return "", 0, fmt.Errorf("f64x2.mul with %d operands", len(factors))
		}
		b.WriteString(s[:i])
		fmt.Fprintf(&b, "(f64x2.relaxed_madd %s %s %s)", factors[0], factors[1], args[0])
		s = s[end:]
		n++
	}
}

// closing returns the index just past the parenthesis that closes the one at
// s[open].
func closing(s string, open int) (int, error) {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i + 1, nil
			}
		case ';':
			if strings.HasPrefix(s[i:], ";;") {
				j := strings.IndexByte(s[i:], '\n')
				if j < 0 {
					return 0, errSyntax
				}
				i += j
			}
		}
	}
	return 0, errSyntax
}

// operands splits s into its parenthesised expressions; anything else in it
// (a bare word or number) is an error, so only folded expressions match.
func operands(s string) ([]string, error) {
	var out []string
	for {
		s = strings.TrimSpace(s)
		if s == "" {
			return out, nil
		}
		if s[0] != '(' {
			return nil, fmt.Errorf("unexpected %q", firstWord(s))
		}
		end, err := closing(s, 0)
		if err != nil {
			return nil, err
		}
		out = append(out, s[:end])
		s = s[end:]
	}
}

func firstWord(s string) string {
	if i := strings.IndexAny(s, " \n\t()"); i > 0 {
		return s[:i]
	}
	return s
}
