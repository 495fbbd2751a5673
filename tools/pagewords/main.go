// Command pagewords writes, as JSON, every sentence the page can show in a
// language, keyed by its English (words.Sentences): the browser tests run
// in another language (tests/e2e/words.mjs, E2E_LANG) read it to find the
// page's controls and read its text.
//
//	go run ./tools/pagewords zh-CN
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"lstmplayground/wasm/words"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: pagewords <language tag, such as zh-CN>")
		os.Exit(2)
	}
	l, ok := words.ParseTag(os.Args[1])
	if !ok {
		fmt.Fprintf(os.Stderr, "pagewords: no language %q in the catalogue\n", os.Args[1])
		os.Exit(2)
	}
	b, err := json.MarshalIndent(words.Sentences(l), "", " ")
	if err == nil {
		_, err = os.Stdout.Write(append(b, '\n'))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "pagewords:", err)
		os.Exit(1)
	}
}
