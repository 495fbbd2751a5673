//go:build nozh

package words

// The page's build (tag nozh, see build.sh) leaves the Chinese out of the
// program: zhCN and pageZh start empty, so that every lookup in Chinese
// falls back to English, until the page installs the catalogue file that
// tools/wordsjson writes (Install). Only a visitor who reads Chinese
// downloads it.
var (
	zhCN   = map[string]string{}
	pageZh = map[string]string{}
)
