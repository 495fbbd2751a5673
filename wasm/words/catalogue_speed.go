package words

// The recurrent initialisation setting (lstm.KeyInit), in both languages; init
// adds it to en and zhCN. The page has no control for it: a link carries it
// and the class board names it when a run's differs from the class's.

var enSpeed = map[string]string{
	"label.init":             "Recurrent weights",
	"choice.init.glorot":     "Glorot uniform",
	"choice.init.orthogonal": "orthogonal",
}

var zhSpeed = map[string]string{
	"label.init":             "循环权重初始化",
	"choice.init.glorot":     "格洛罗均匀分布",
	"choice.init.orthogonal": "正交",
}

func init() {
	for id, s := range enSpeed {
		en[id] = s
	}
	for id, s := range zhSpeed {
		zhCN[id] = s
	}
}
