package main

import (
	"strings"
	"testing"
)

const module = `(module
  (func (export "dot") (param $a i32) (local $s v128)
    ;; an accumulation, and a sum that is not one
    (local.set $s (f64x2.add (local.get $s) (f64x2.mul (v128.load (local.get $a)) (v128.load offset=16 (local.get $a)))))
    (local.set $s (f64x2.add (v128.load (local.get $a)) (local.get $s))))
  (func (export "other") (param $a i32) (local $s v128)
    (local.set $s (f64x2.add (local.get $s) (f64x2.mul (local.get $s) (local.get $s))))))
`

func TestRewriteFusesOnlyAccumulationsOfNamedFunctions(t *testing.T) {
	got, err := rewrite(module, []string{"dot"})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(module,
		"(f64x2.add (local.get $s) (f64x2.mul (v128.load (local.get $a)) (v128.load offset=16 (local.get $a))))",
		"(f64x2.relaxed_madd (v128.load (local.get $a)) (v128.load offset=16 (local.get $a)) (local.get $s))", 1)
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestRewriteRefusesWhatItCannotFuse(t *testing.T) {
	for _, names := range [][]string{{"missing"}, {"dot", "none"}} {
		src := module + `(func (export "none") (result f64) (f64.const 0))`
		if _, err := rewrite(src, names); err == nil {
			t.Errorf("%v: no error", names)
		}
	}
	if _, err := rewrite(`(func (export "dot") (f64x2.add (local.get $s)`, []string{"dot"}); err == nil {
		t.Error("unbalanced source: no error")
	}
}
