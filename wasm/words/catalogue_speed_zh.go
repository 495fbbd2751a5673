//go:build !nozh

package words

// The Chinese of the recurrent initialisation setting (catalogue_speed.go);
// init adds it to zhCN. Left out of the page's build (tag nozh).

var zhSpeed = map[string]string{
	"label.init":             "循环权重初始化",
	"choice.init.glorot":     "格洛罗均匀分布",
	"choice.init.orthogonal": "正交",
}

func init() {
	for id, s := range zhSpeed {
		zhCN[id] = s
	}
}
