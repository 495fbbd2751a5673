//go:build nozh && !js

package words

import (
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// chineseAtStart is the size of the Chinese tables as the program starts,
// every init done (TestMain): nothing in the page's build.
var chineseAtStart int

// TestMain, in the page's build (tag nozh): every test of the package runs
// on the catalogue installed from the file tools/wordsjson writes (built
// without the tag), as the page installs it, so that each one holds the
// installed catalogue to what the compiled-in one must be.
func TestMain(m *testing.M) {
	chineseAtStart = len(zhCN) + len(pageZh) + len(tables[ZhCN])
	out, err := exec.Command("go", "run", "-tags=", "lstmplayground/tools/wordsjson", "zh-CN").Output()
	if err == nil {
		err = Install(ZhCN, out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wordsjson:", err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// TestNoChineseCompiledIn: the page's build starts with no Chinese
// message nor page sentence.
func TestNoChineseCompiledIn(t *testing.T) {
	if chineseAtStart != 0 {
		t.Errorf("the build with tag nozh starts with %d Chinese entries", chineseAtStart)
	}
}
