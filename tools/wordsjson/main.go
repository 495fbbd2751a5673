// Command wordsjson writes the catalogue of a language as the file the page
// loads (words.File): the page's build leaves the Chinese out of app.wasm
// (tag nozh) and build.sh puts this file beside it in static/, named by a
// hash of its content, for the visitors who read Chinese.
//
//	go run ./tools/wordsjson zh-CN >build/words-zh-CN.json
package main

import (
	"fmt"
	"os"

	"lstmplayground/wasm/words"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: wordsjson <language tag, such as zh-CN>")
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
