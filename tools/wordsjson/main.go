// Command wordsjson writes the catalogue of a language as the file the page
// loads (words.File): the page's build leaves the Chinese out of app.wasm
// (tag nozh) and build.sh puts this file beside it in static/, named by a
// hash of its content, for the visitors who read Chinese. With -pagekeys it
// writes wasm/words/pagekeys_gen.go instead: the English of the Chinese page
// table's sentences, which the page's build keeps (the file has only their
// translations); TestPageKeys says when it must be written again.
//
//	go run ./tools/wordsjson zh-CN >build/words-zh-CN.json
//	go run ./tools/wordsjson -pagekeys >wasm/words/pagekeys_gen.go
package main

import (
	"fmt"
	"os"

	"lstmplayground/wasm/words"
)

func main() {
	if len(os.Args) == 2 && os.Args[1] == "-pagekeys" {
		if !words.Has(words.ZhCN) {
			fmt.Fprintln(os.Stderr, "wordsjson: built without the Chinese catalogue (tag nozh)")
			os.Exit(2)
		}
		if _, err := os.Stdout.Write(words.PageKeysSource()); err != nil {
			fmt.Fprintln(os.Stderr, "wordsjson:", err)
			os.Exit(1)
		}
		return
	}
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: wordsjson <language tag, such as zh-CN> | -pagekeys")
		os.Exit(2)
	}
	l, ok := words.ParseTag(os.Args[1])
	if !ok || l == words.English {
		fmt.Fprintf(os.Stderr, "wordsjson: no catalogue file for %q (English is compiled in)\n", os.Args[1])
		os.Exit(2)
	}
	if !words.Has(l) {
		fmt.Fprintln(os.Stderr, "wordsjson: built without the catalogue of", l.Tag(), "(tag nozh)")
		os.Exit(2)
	}
	if _, err := os.Stdout.Write(words.File(l)); err != nil {
		fmt.Fprintln(os.Stderr, "wordsjson:", err)
		os.Exit(1)
	}
}
