package classroom

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"lstmplayground/wasm/words"
)

// TestWordsInCatalogue: every word id the class board's page code names
// (a.w("…"), w("…") in wasm/ui and wasm/ui/panels, the ids of this package)
// is in the catalogue, in every language (words.Text returns the id itself
// for one that is missing).
func TestWordsInCatalogue(t *testing.T) {
	call := regexp.MustCompile(`\bw\("(class\.[^"]+)"`)
	lit := regexp.MustCompile(`"(class\.[A-Za-z.]+[A-Za-z])"`)
	var files []string
	for _, g := range []string{"../*.go", "../panels/*.go", "*.go"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	found := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		re := call
		if filepath.Dir(f) == "." {
			re = lit
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			if m[1] == "class.sort." { // a prefix: the orders, below
				continue
			}
			found++
			for _, l := range words.Langs() {
				if words.Text(l, m[1]) == m[1] {
					t.Errorf("%s: word %q is not in the %s catalogue", f, m[1], l.Tag())
				}
			}
		}
	}
	for _, o := range Orders() {
		if words.Text(words.English, "class.sort."+o) == "class.sort."+o {
			t.Errorf("the order %q has no name", o)
		}
	}
	if found < 40 {
		t.Fatalf("found only %d word ids: the pattern no longer matches the code", found)
	}
}
