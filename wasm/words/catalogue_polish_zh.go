//go:build !nozh

package words

// The page's sentences changed by the polish round (issue 15's leftovers),
// keyed by their English as the page writes them; init adds them to pageZh.
var pagePolish = map[string]string{
	// The Compare hint and the gradient reach's note name every preset that
	// shows the difference, the memory gap too, by its name in the picker.
	"Trains an LSTM and a plain RNN side by side: same data, seed and size, both from scratch. Clearest on the Counting aⁿXbⁿ, Balanced brackets and Memory gap a–a presets.": "并排训练一个 LSTM 和一个普通 RNN：相同的数据、随机种子和规模，都从零开始。在“计数 aⁿXbⁿ”“配对的括号”和“记忆间隔 a–a”预设上最明显。",
	"Press Compare LSTM and RNN to train both on the same data and see both curves (the counting, brackets and memory-gap presets show it best).":                             "按“对比 LSTM 与 RNN”，在同样的数据上训练两者并看到两条曲线（计数、括号和记忆间隔预设最明显）。",
}

func init() {
	for e, z := range pagePolish {
		pageZh[e] = z
	}
}
