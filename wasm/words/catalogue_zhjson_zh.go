//go:build !nozh

package words

// The page's sentences about the catalogue file (wasm/ui's langfile_js.go),
// keyed by their English; init adds them to pageZh.
var pageZhjson = map[string]string{
	"Chinese could not be loaded (are you offline?): the page stays in English. Try again when you are online.": "无法加载中文（是否已离线？）：页面保持英文。请在联网后再试。",
}

func init() {
	for e, z := range pageZhjson {
		pageZh[e] = z
	}
}
